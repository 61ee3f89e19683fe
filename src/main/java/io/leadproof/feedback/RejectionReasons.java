package io.leadproof.feedback;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.leadproof.common.InputProblems;
import io.leadproof.common.UserError;

/** Owns the workspace's rejection taxonomy: codes are added, renamed or deactivated, never removed. */
@ApplicationScoped
public class RejectionReasons {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public record Result(RejectionReason reason, List<UserError> userErrors) {
    }

    @Inject
    Clock clock;

    public List<RejectionReason> all(boolean includeInactive) {
        return includeInactive ? RejectionReason.list("order by category, code")
                : RejectionReason.list("active = true order by category, code");
    }

    public Optional<RejectionReason> active(String code) {
        return RejectionReason.<RejectionReason>find("code = ?1 and active = true", code).firstResultOptional();
    }

    @Transactional
    public Result create(String code, String label, RejectionCategory category) {
        var problems = new InputProblems();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(UserErrorCode.INVALID_CODE, "code must match " + CODE.pattern(), "code");
        } else if (RejectionReason.count("code", code) > 0) {
            problems.add(UserErrorCode.TAKEN, "code " + code + " exists; rename or reactivate it instead", "code");
        }
        String clean = problems.text(label, 120, "label");
        if (clean == null && problems.isEmpty()) {
            problems.add(UserErrorCode.REQUIRED, "label must not be blank", "label");
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems.errors());
        }
        var reason = RejectionReason.define(code, clean, category, clock.instant());
        reason.persist();
        return new Result(reason, List.of());
    }

    @Transactional
    public Result update(String code, String label, Boolean active) {
        var problems = new InputProblems();
        String clean = problems.text(label, 120, "label");
        Optional<RejectionReason> reason = RejectionReason.find("code", code).firstResultOptional();
        if (reason.isEmpty()) {
            problems.add(UserErrorCode.NOT_FOUND, "no reason with code " + code, "code");
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems.errors());
        }
        if (clean != null) {
            reason.get().rename(clean);
        }
        if (active != null) {
            reason.get().activate(active);
        }
        return new Result(reason.get(), List.of());
    }
}
