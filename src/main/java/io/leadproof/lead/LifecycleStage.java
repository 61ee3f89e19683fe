package io.leadproof.lead;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a lead stands in the marketing-to-sales lifecycle (see docs/metrics.md).")
public enum LifecycleStage {
    @Description("Created, not yet qualified.") NEW,
    @Description("Marketing-qualified: score reached the MQL threshold without a knock-out.") MQL,
    @Description("Handed off to sales; awaiting the first response.") HANDED_OFF,
    @Description("Sales-accepted lead.") SAL,
    @Description("Sales-qualified lead: an opportunity exists.") SQL,
    @Description("Closed won.") WON,
    @Description("Closed lost.") LOST,
    @Description("Rejected by sales and sent back to nurture; may re-qualify.") RECYCLED,
    @Description("Disqualified by a knock-out rule, a data-quality failure or a sales rejection.") DISQUALIFIED
}
