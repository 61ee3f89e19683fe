package io.leadproof.evidence.api;

import org.eclipse.microprofile.graphql.Description;

import io.leadproof.evidence.core.OutcomeKind;

@Description("What became of a handed-off lead as of the analysis (see docs/evidence.md, Outcomes).")
public enum DealOutcome {
    @Description("The deal closed won.") WON,
    @Description("The deal closed lost.") LOST,
    @Description("Accepted or an opportunity, with no progress and no logged touch for the stall period.") STALLED,
    @Description("Sales rejected the lead, with a reason.") REJECTED,
    @Description("Still moving or never answered: not decided.") OPEN;

    public OutcomeKind kind() {
        return OutcomeKind.valueOf(name());
    }

    public static DealOutcome of(OutcomeKind kind) {
        return kind == null ? null : valueOf(kind.name());
    }
}
