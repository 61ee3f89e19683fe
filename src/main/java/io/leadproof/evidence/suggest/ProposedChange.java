package io.leadproof.evidence.suggest;

import io.leadproof.scoring.engine.Rule;

/** One change of a suggested draft, with its rationale. */
public sealed interface ProposedChange {

    Rationale rationale();

    /** A new FIT, ENGAGEMENT or KNOCK_OUT rule. */
    record AddRule(Rule rule, Rationale rationale) implements ProposedChange {
    }

    /**
     * Fewer points for an existing rule over-represented in rejections (for an ENGAGEMENT rule: per
     * occurrence, the cap scaled alike).
     */
    record ChangePoints(String ruleKey, int fromPoints, int toPoints, Rationale rationale) implements ProposedChange {
    }
}
