package io.leadproof.evidence.settings;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.leadproof.common.InputProblems;
import io.leadproof.common.UserError;

/**
 * The one home of a workspace's evidence settings ({@link WorkspaceEvidenceSettings}); a workspace that never
 * changed them has the defaults. Reads and writes go through row-level security: only the current workspace's row.
 */
@ApplicationScoped
public class EvidenceSettings {

    public record Result(WorkspaceEvidenceSettings settings, List<UserError> userErrors) {
    }

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** The settings of {@code workspaceId} (which must be the workspace of the current request or job). */
    public WorkspaceEvidenceSettings of(String workspaceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select stalled_after_days, first_call_window_days from evidence_settings"
                + " where workspace_id = ?1").setParameter(1, workspaceId).getResultList();
        return rows.isEmpty() ? WorkspaceEvidenceSettings.DEFAULTS
                : new WorkspaceEvidenceSettings(((Number) rows.getFirst()[0]).intValue(), ((Number) rows.getFirst()[1]).intValue());
    }

    /** Changes the given settings (null keeps the current value). */
    @Transactional
    public Result update(String workspaceId, Integer stalledAfterDays, Integer firstCallWindowDays, String actor) {
        var problems = new InputProblems();
        if (stalledAfterDays != null && (stalledAfterDays < 1 || stalledAfterDays > 3650)) {
            problems.add(UserErrorCode.OUT_OF_RANGE, "stalledAfterDays must lie between 1 and 3650", "stalledAfterDays");
        }
        if (firstCallWindowDays != null && (firstCallWindowDays < 1 || firstCallWindowDays > 365)) {
            problems.add(UserErrorCode.OUT_OF_RANGE, "firstCallWindowDays must lie between 1 and 365", "firstCallWindowDays");
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems.errors());
        }
        var current = of(workspaceId);
        var next = new WorkspaceEvidenceSettings(stalledAfterDays == null ? current.stalledAfterDays() : stalledAfterDays,
                firstCallWindowDays == null ? current.firstCallWindowDays() : firstCallWindowDays);
        em.createNativeQuery("insert into evidence_settings (workspace_id, stalled_after_days, first_call_window_days,"
                + " updated_at, updated_by) values (?1, ?2, ?3, ?4, ?5) on conflict (workspace_id) do update set"
                + " stalled_after_days = excluded.stalled_after_days, first_call_window_days = excluded.first_call_window_days,"
                + " updated_at = excluded.updated_at, updated_by = excluded.updated_by")
                .setParameter(1, workspaceId).setParameter(2, next.stalledAfterDays())
                .setParameter(3, next.firstCallWindowDays()).setParameter(4, clock.instant()).setParameter(5, actor)
                .executeUpdate();
        return new Result(next, List.of());
    }
}
