package io.leadproof.scoring.engine;

/** Awards {@code points} (negative for a poor fit) when the lead matches {@code when}. */
public record FitRule(String key, String label, Predicate when, int points) implements Rule {
    @Override
    public RuleKind kind() {
        return RuleKind.FIT;
    }
}
