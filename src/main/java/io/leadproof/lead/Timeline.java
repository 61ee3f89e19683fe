package io.leadproof.lead;

import org.eclipse.microprofile.graphql.Description;

@Description("BANT timeline: when the lead intends to buy.")
public enum Timeline {
    @Description("Not known yet.") UNKNOWN,
    @Description("Buying now, within a month.") IMMEDIATE,
    @Description("Within three months.") WITHIN_3_MONTHS,
    @Description("Within six months.") WITHIN_6_MONTHS,
    @Description("Within twelve months.") WITHIN_12_MONTHS,
    @Description("Later than a year, or no plan.") NO_PLAN
}
