package io.leadproof.scoring.engine;

import java.io.Serial;
import java.util.List;

/** Thrown when compiling a criteria version that has violations. */
public final class InvalidCriteriaException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<RuleViolation> violations;

    public InvalidCriteriaException(List<RuleViolation> violations) {
        super("Invalid criteria version: " + violations.stream()
                .map(v -> String.join(".", v.path()) + " " + v.code())
                .toList());
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
