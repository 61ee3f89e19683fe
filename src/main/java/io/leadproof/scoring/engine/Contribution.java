package io.leadproof.scoring.engine;

import java.util.Objects;

/** What one matched rule added to a score, and the human-readable evidence why. Knock-outs add 0. */
public record Contribution(String ruleKey, String ruleLabel, RuleKind kind, int points, String evidence) {
    public Contribution {
        Objects.requireNonNull(ruleKey, "ruleKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(evidence, "evidence");
        if (kind == RuleKind.KNOCK_OUT && points != 0) {
            throw new IllegalArgumentException("a knock-out contributes 0 points, not " + points);
        }
    }
}
