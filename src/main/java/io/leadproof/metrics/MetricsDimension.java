package io.leadproof.metrics;

import org.eclipse.microprofile.graphql.Description;

@Description("What a metrics breakdown groups by. Periods are calendar periods in the window's time zone, clipped to the window.")
public enum MetricsDimension {
    @Description("Calendar days.") DAY,
    @Description("ISO weeks, Monday to Sunday.") WEEK,
    @Description("Calendar months.") MONTH,
    @Description("Calendar quarters.") QUARTER,
    @Description("The campaign that brought the lead; leads without a campaign form the group without a campaign.") CAMPAIGN,
    @Description("The lead's source (channel); spend of a group is the spend of the campaigns of that channel.") SOURCE,
    @Description("The criteria version under which the lead first reached MQL; leads that never did form the group without a version. Spend is not attributable.") CRITERIA_VERSION,
    @Description("The sales rep owning the lead's handoffs; a lead handed to two reps counts in both groups, leads never handed off in none. Spend is not attributable.") OWNER,
    @Description("A custom attribute (argument attribute): one group per value or bin, a group for leads without it and one for "
            + "values not of the type. Computed per lead from the facts; spend is not attributable.") CUSTOM_ATTRIBUTE;

    boolean isPeriod() {
        return this == DAY || this == WEEK || this == MONTH || this == QUARTER;
    }
}
