package io.leadproof.metrics;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Decimal;
import io.leadproof.common.Money;
import io.leadproof.feedback.RejectionCategory;

/** The parts of a metrics bundle. Ratios are exact decimals rounded to 4 places (half-even); null when the denominator is 0. */
public final class MetricsParts {

    private MetricsParts() {
    }

    @Type("MetricsConversion")
    @Description("Stage-to-stage conversion of the cohort: each stage over the one before; null when that stage is empty.")
    public record Conversion(
            @Description("Lead to MQL: mqls / leads.") Decimal leadToMql,
            @Description("MQL to SAL: accepted / mqls.") Decimal mqlToSal,
            @Description("SAL to SQL: sqls / accepted.") Decimal salToSql,
            @Description("SQL to won: won / sqls.") Decimal sqlToWon,
            @Description("Lead to won: won / leads.") Decimal leadToWon) {
    }

    @Type("MetricsSpend")
    @Description("Campaign spend dated inside the window and what it bought. Money per unit is rounded to 2 places (half-even). "
            + "Costs are recorded in the reporting currency only (other currencies are refused at entry), so no conversion happens.")
    public record Spend(
            @NonNull @Description("Sum of the cost entries dated inside the window, of the campaigns the filter selects.") Money total,
            @Description("Cost per lead: spend / leads.") Money cpl,
            @Description("Cost per MQL: spend / mqls.") Money costPerMql,
            @Description("Cost per SAL: spend / accepted.") Money costPerSal,
            @Description("Cost per SQL: spend / sqls.") Money costPerSql,
            @Description("Cost per acquisition: spend / won.") Money cpa,
            @Description("Return on investment: (revenue - spend) / spend, 4 places.") Decimal roi) {
    }

    @Type("MetricsResponseTime")
    @Description("Time from handoff to the first sales response (accept, reject or logged touch), over the handoffs of the "
            + "cohort's leads that got a response. Nearest-rank percentiles of whole seconds.")
    public record ResponseTime(
            @Description("Handoffs with a response.") int responded,
            @Description("Median: the value at rank ceil(0.5 n) in ascending order; null without responses.") Integer medianSeconds,
            @Description("90th percentile: the value at rank ceil(0.9 n); null without responses.") Integer p90Seconds) {
    }

    @Type("MetricsRejectionCount")
    @Description("Rejected leads by the reason of their latest rejection.")
    public record RejectionCount(
            @NonNull @Description("Reason code, e.g. NO_BUDGET.") String code,
            @NonNull @Description("Category the code mapped to when the lead was rejected, e.g. BUDGET.") RejectionCategory category,
            @Description("Rejected leads whose latest rejection carried this code.") int count) {
    }

    @Type("MetricsScoreBand")
    @Description("Outcomes of the handoffs whose score frozen at handoff fell in [from, to): is the score predictive?")
    public record ScoreBand(
            @Description("Lowest score of the band (inclusive).") int from,
            @Description("End of the band (exclusive).") int to,
            @Description("Handoffs (not leads) in the band.") int handoffs,
            @Description("Of them, closed won.") int won,
            @Description("Win rate: won / handoffs.") Decimal winRate,
            @Description("Won amount / won, 2 places; null when none won.") Money averageWonAmount) {
    }
}
