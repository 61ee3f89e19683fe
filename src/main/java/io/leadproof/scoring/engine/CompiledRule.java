package io.leadproof.scoring.engine;

/** A rule prepared for scoring, kept in the version's rule order so contributions follow it. */
sealed interface CompiledRule permits CompiledRule.Fit, CompiledRule.Knockout, CompiledEngagement {

    record Fit(FitRule rule, Condition when) implements CompiledRule {
    }

    record Knockout(KnockoutRule rule, Condition when) implements CompiledRule {
    }
}
