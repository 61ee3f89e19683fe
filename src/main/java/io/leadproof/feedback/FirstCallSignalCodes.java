package io.leadproof.feedback;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.leadproof.common.InputProblems;
import io.leadproof.common.UserError;

/**
 * Owns the workspace's first-call signal taxonomy, managed like rejection reasons: codes are added, renamed or
 * deactivated, never removed, so past touches keep their meaning. Also records the codes logged on a touch.
 */
@ApplicationScoped
public class FirstCallSignalCodes {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    /** The most codes one touch may carry. */
    public static final int MAX_PER_TOUCH = 20;

    public record Code(java.util.UUID id, String code, String label, boolean active) {
    }

    public record Result(Code code, List<UserError> userErrors) {
    }

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    public List<Code> all(boolean includeInactive) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, code, label, active from first_call_signal"
                + (includeInactive ? "" : " where active") + " order by code limit 200").getResultList();
        return rows.stream().map(FirstCallSignalCodes::code).toList();
    }

    @Transactional
    public Result create(String code, String label) {
        var problems = new InputProblems();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(UserErrorCode.INVALID_CODE, "code must match " + CODE.pattern(), "code");
        } else if (find(code) != null) {
            problems.add(UserErrorCode.TAKEN, "code " + code + " exists; rename or reactivate it instead", "code");
        }
        String clean = problems.text(label, 120, "label");
        if (clean == null && problems.isEmpty()) {
            problems.add(UserErrorCode.REQUIRED, "label must not be blank", "label");
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems.errors());
        }
        em.createNativeQuery("insert into first_call_signal (workspace_id, code, label, created_at)"
                + " values (current_setting('leadproof.workspace_id'), ?1, ?2, ?3)")
                .setParameter(1, code).setParameter(2, clean).setParameter(3, clock.instant()).executeUpdate();
        return new Result(find(code), List.of());
    }

    @Transactional
    public Result update(String code, String label, Boolean active) {
        var problems = new InputProblems();
        String clean = problems.text(label, 120, "label");
        if (find(code) == null) {
            problems.add(UserErrorCode.NOT_FOUND, "no first-call signal with code " + code, "code");
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems.errors());
        }
        em.createNativeQuery("update first_call_signal set label = coalesce(?1, label), active = coalesce(?2, active)"
                + " where code = ?3").setParameter(1, clean).setParameter(2, active).setParameter(3, code).executeUpdate();
        return new Result(find(code), List.of());
    }

    /** Problems with the codes of one touch: unknown or inactive codes, too many; field path {@code signals.i}. */
    public List<UserError> check(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return List.of();
        }
        List<UserError> errors = new ArrayList<>();
        if (codes.size() > MAX_PER_TOUCH) {
            errors.add(UserError.of(UserErrorCode.TOO_MANY, "a touch carries at most " + MAX_PER_TOUCH + " signals", "signals"));
            return errors;
        }
        Set<String> active = new HashSet<>(all(false).stream().map(Code::code).toList());
        for (int i = 0; i < codes.size(); i++) {
            if (!active.contains(codes.get(i))) {
                errors.add(UserError.of(UserErrorCode.UNKNOWN_SIGNAL, "'" + codes.get(i) + "' is no active first-call signal of this workspace",
                        "signals", String.valueOf(i)));
            }
        }
        return errors;
    }

    /** Records the (checked) codes of a touch on the handoff, at the touch's time. */
    public void record(UUID handoffId, List<String> codes, Instant loggedAt) {
        for (String code : new LinkedHashSet<>(codes)) {
            em.createNativeQuery("insert into handoff_touch_signal (workspace_id, handoff_id, logged_at, code)"
                    + " values (current_setting('leadproof.workspace_id'), ?1, ?2, ?3) on conflict do nothing")
                    .setParameter(1, handoffId).setParameter(2, loggedAt).setParameter(3, code).executeUpdate();
        }
    }

    private Code find(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, code, label, active from first_call_signal where code = ?1")
                .setParameter(1, code).getResultList();
        return rows.isEmpty() ? null : code(rows.getFirst());
    }

    /** The code with this global id's uuid, or null (another workspace's code is not visible). */
    public Code byId(java.util.UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, code, label, active from first_call_signal where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() ? null : code(rows.getFirst());
    }

    private static Code code(Object[] row) {
        return new Code((java.util.UUID) row[0], (String) row[1], (String) row[2], (Boolean) row[3]);
    }
}
