package io.leadproof.evidence.core;

import org.eclipse.microprofile.graphql.Description;

/** What became of a handed-off lead as of an instant; decided by the SQL function {@code evidence_outcome}. */
@Description("The outcome of a handed-off lead as of an instant (docs/evidence.md, \"Outcomes\").")
public enum OutcomeKind {
    /** The deal closed won. */
    @Description("The deal closed won.")
    WON,
    /** The deal closed lost. */
    @Description("The deal closed lost.")
    LOST,
    /** Accepted or an opportunity, with no state change and no logged touch for the stall period. */
    @Description("Accepted or an opportunity, with no state change and no logged touch for the stall period.")
    STALLED,
    /** Sales rejected the lead, with a reason. */
    @Description("Sales rejected the lead, with a reason.")
    REJECTED,
    /** Still moving (or never answered): not decided. */
    @Description("Still moving (or never answered): not decided.")
    OPEN;

    /** Decided = WON, LOST, STALLED or REJECTED: the outcomes analyses and models learn from. */
    public boolean isDecided() {
        return this != OPEN;
    }
}
