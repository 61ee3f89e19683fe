package io.leadproof.scoring.engine;

import java.util.List;
import java.util.Objects;

/**
 * One problem in a criteria version. {@code path} names the offending input, e.g.
 * ["rules", "3", "when", "operator"]; {@code code} is UPPER_SNAKE and stable for clients.
 */
public record RuleViolation(List<String> path, io.leadproof.common.UserErrorCode code, String message) {
    public RuleViolation {
        path = List.copyOf(path);
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
