package io.leadproof.handoff;

import org.eclipse.microprofile.graphql.Description;

@Description("State of a handoff from marketing to sales.")
public enum HandoffState {
    @Description("Waiting for the first response of sales.") PENDING,
    @Description("Sales accepted the lead (SAL).") ACCEPTED,
    @Description("An opportunity exists (SQL).") OPPORTUNITY,
    @Description("Closed won.") WON,
    @Description("Closed lost.") LOST,
    @Description("Sales rejected the lead with a reason; see disposition.") REJECTED;

    public boolean isOpen() {
        return this == PENDING || this == ACCEPTED || this == OPPORTUNITY;
    }
}
