package io.leadproof.scoring.engine;

/** A qualification rule of a criteria version; {@code key} is its stable id within the version. */
public sealed interface Rule permits FitRule, EngagementRule, KnockoutRule {
    String key();

    String label();

    RuleKind kind();
}
