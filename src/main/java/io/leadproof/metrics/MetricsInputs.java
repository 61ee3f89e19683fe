package io.leadproof.metrics;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.leadproof.common.Decimal;
import io.leadproof.lead.CustomAttributeCondition;
import io.leadproof.lead.LeadSource;
import io.smallrye.graphql.api.Nullable;

/** GraphQL inputs of the metrics queries. */
public final class MetricsInputs {

    private MetricsInputs() {
    }

    @Input("MetricsWindowInput")
    @Description("The cohort window: leads created from the start of `from` up to, not including, the start of `to`, "
            + "both days taken in `timeZone`. Spend counts the cost entries dated from `from` up to, not including, `to`.")
    public record WindowInput(
            @NonNull @Description("First day of the window (inclusive).") LocalDate from,
            @NonNull @Description("Day after the last day of the window (exclusive); after `from`, at most "
                    + MetricsWindow.MAX_DAYS + " days later.") LocalDate to,
            @Description("IANA time zone the days are taken in, e.g. Europe/Berlin; default UTC.") String timeZone) {
    }

    @Input("MetricsFilterInput")
    @Description("Narrows the cohort. Filters combine with AND; the values of one list with OR.")
    public record FilterInput(
            @Id @Description("Only leads brought by these campaigns; spend of these campaigns only.") @Nullable List<@NonNull String> campaignIds,
            @Description("Only leads from these sources; spend of the campaigns of these channels only.") @Nullable List<@NonNull LeadSource> sources,
            @Id @Description("Only leads that first reached MQL under these criteria versions. Makes spend unattributable (null).")
            @Nullable List<@NonNull String> criteriaVersionIds,
            @Description("Only the handoffs owned by this sales rep (user name) and their leads. Makes spend unattributable "
                    + "(null). Sales users always get their own user name here; marketing may not use it.") String owner) {
    }

    @Input("MetricsAttributeInput")
    @Description("The custom attribute of a breakdown by CUSTOM_ATTRIBUTE (docs/metrics.md, \"Breakdown by a custom attribute\"): "
            + "one group per value (or bin), one for leads without the attribute, one for values that are not of the type.")
    public record AttributeInput(
            @NonNull @Description("The attribute's key (a letter, then letters, digits or underscores; at most 64 characters).") String key,
            @Description("How its values are read, as in the lead filter; default TEXT.") CustomAttributeCondition.ValueType type,
            @Description("NUMBER only: bins of this width ([k·width, (k+1)·width)) instead of one group per value.") Decimal binWidth,
            @Description("DATE only: bins by calendar period; default DAY (one group per date).") DateBin dateBin) {
    }

    @org.eclipse.microprofile.graphql.Enum("MetricsDateBin")
    @Description("Calendar bins of a DATE custom attribute.")
    public enum DateBin {
        @Description("One group per date.") DAY,
        @Description("Calendar months.") MONTH,
        @Description("Calendar quarters.") QUARTER,
        @Description("Calendar years.") YEAR
    }
}
