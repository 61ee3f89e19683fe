package io.leadproof.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Decimal;
import io.leadproof.common.Money;
import io.leadproof.metrics.MetricsParts.Conversion;
import io.leadproof.metrics.MetricsParts.RejectionCount;
import io.leadproof.metrics.MetricsParts.ResponseTime;
import io.leadproof.metrics.MetricsParts.ScoreBand;
import io.leadproof.metrics.MetricsParts.Spend;
import io.leadproof.feedback.RejectionCategory;

@Type("MetricsBundle")
@Description("Revenue metrics of a cohort: the leads created in the window that pass the filter. Counts are leads, each "
        + "counted at most once per stage, except where a field says handoffs. Definitions: docs/metrics.md.")
public record MetricsBundle(
        @NonNull @Description("The instant the metrics were computed at; SLA breaches of unanswered handoffs depend on it.") OffsetDateTime asOf,
        @NonNull @Description("Reporting currency of every amount.") String currency,
        @Description("Leads created in the window (erased leads included).") int leads,
        @Description("Of them, leads that reached MQL, at any time up to now.") int mqls,
        @Description("Qualification rate: mqls / leads.") Decimal qualificationRate,
        @Description("Leads handed off to sales at least once.") int handoffs,
        @Description("Leads with a handoff sales accepted and did not reject later (SAL).") int accepted,
        @Description("Leads with a handoff sales rejected.") int rejected,
        @Description("Acceptance rate: accepted / (accepted + rejected), decided leads only.") Decimal acceptanceRate,
        @NonNull @Description("Rejected leads by the reason code of their latest rejection; counts add up to `rejected`.")
        List<@NonNull RejectionCount> rejectionsByReason,
        @Description("Leads rejected by sales or disqualified, each counted once.") int badLeads,
        @Description("Bad-lead rate: badLeads / leads.") Decimal badLeadRate,
        @Description("Leads with an opportunity (SQL).") int sqls,
        @Description("Leads closed won.") int won,
        @Description("Leads closed lost and never won.") int lost,
        @NonNull @Description("Conversion from stage to stage.") Conversion conversion,
        @NonNull @Description("Sum of the won amounts of the cohort's leads.") Money revenue,
        @NonNull @Description("Response time of sales to the cohort's handoffs.") ResponseTime responseTime,
        @Description("Handoffs of the cohort's leads answered after their due time, or unanswered with the due time passed.") int slaBreaches,
        @NonNull @Description("Handoff outcomes by band of the score frozen at handoff.") List<@NonNull ScoreBand> scoreBandOutcomes,
        @Ignore Spend spendData,
        @Ignore MetricsScope scope) {

    static final int RATIO_SCALE = 4;
    static final int MONEY_SCALE = 2;

    static MetricsBundle of(Tally t, String currency, Instant asOf, int bandWidth, boolean spendAttributable, MetricsScope scope) {
        var reasons = t.reasons().entrySet().stream()
                .map(e -> new RejectionCount(e.getKey().code(), RejectionCategory.of(e.getKey().category()), Math.toIntExact(e.getValue())))
                .sorted(java.util.Comparator.comparingInt(RejectionCount::count).reversed()
                        .thenComparing(RejectionCount::code).thenComparing(r -> r.category().name()))
                .toList();
        var bands = t.bands().entrySet().stream().map(e -> {
            long band = e.getKey();
            var b = e.getValue();
            return new ScoreBand(Math.toIntExact(band * bandWidth), Math.toIntExact((band + 1) * bandWidth),
                    Math.toIntExact(b.handoffs), Math.toIntExact(b.won), ratio(b.won, b.handoffs),
                    perUnit(b.wonAmount, b.won, currency));
        }).toList();
        var conversion = new Conversion(ratio(t.mqls, t.leads), ratio(t.accepted, t.mqls), ratio(t.sqls, t.accepted),
                ratio(t.won, t.sqls), ratio(t.won, t.leads));
        Spend spend = null;
        if (spendAttributable) {
            BigDecimal s = t.spend.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY);
            spend = new Spend(Money.of(s, currency), perUnit(s, t.leads, currency), perUnit(s, t.mqls, currency),
                    perUnit(s, t.accepted, currency), perUnit(s, t.sqls, currency), perUnit(s, t.won, currency),
                    s.signum() == 0 ? null : Decimal.of(t.revenue.subtract(s).divide(s, RATIO_SCALE, RoundingMode.HALF_EVEN)));
        }
        return new MetricsBundle(asOf.atOffset(ZoneOffset.UTC), currency, n(t.leads), n(t.mqls), ratio(t.mqls, t.leads),
                n(t.handoffs), n(t.accepted), n(t.rejected), ratio(t.accepted, t.accepted + t.rejected), reasons,
                n(t.bad), ratio(t.bad, t.leads), n(t.sqls), n(t.won), n(t.lost), conversion,
                Money.of(t.revenue.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY), currency),
                new ResponseTime(n(t.responded), seconds(t.medianSeconds), seconds(t.p90Seconds)), n(t.slaBreaches), bands, spend, scope);
    }

    /** numerator / denominator, 4 places half-even; null for a zero denominator. */
    static Decimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null
                : Decimal.of(BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), RATIO_SCALE, RoundingMode.HALF_EVEN));
    }

    static Money perUnit(BigDecimal amount, long units, String currency) {
        return units == 0 ? null
                : Money.of(amount.divide(BigDecimal.valueOf(units), MONEY_SCALE, RoundingMode.HALF_EVEN), currency);
    }

    private static int n(long count) {
        return Math.toIntExact(count);
    }

    /** Seconds as Int: 68 years fit, far past any response a cohort can hold. */
    private static Integer seconds(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }
}
