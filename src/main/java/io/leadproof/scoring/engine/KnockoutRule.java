package io.leadproof.scoring.engine;

/** Disqualifies a lead that matches {@code when}, whatever its points. */
public record KnockoutRule(String key, String label, Predicate when) implements Rule {
    @Override
    public RuleKind kind() {
        return RuleKind.KNOCK_OUT;
    }
}
