package io.leadproof.evidence.insight;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.UserError;
import io.leadproof.evidence.api.SignalTypes;
import io.leadproof.evidence.api.SignalTypes.SignalView;
import io.leadproof.evidence.rejections.Finding;
import io.leadproof.evidence.rejections.MonthCount;
import io.leadproof.evidence.rejections.ReasonSummary;
import io.leadproof.feedback.RejectionCategory;

/** The answer of {@code rejectionInsights}. */
public final class InsightTypes {
    /** At most this many signals per reason, strongest first. */
    public static final int SIGNALS_PER_REASON = 50;

    private InsightTypes() {
    }

    @Type("RejectionTrendMonth")
    @Description("One month of a rejection trend, by month of handoff.")
    public record MonthView(
            @NonNull @Description("The month, e.g. 2026-03.") String month,
            @NonNull @Description("Rejections (of the reason or category) among the month's handoffs.") int rejected,
            @NonNull @Description("Handoffs of the month.") int handoffs,
            @Description("Rejected divided by handoffs; null without handoffs.") Double rate) {

        static MonthView of(MonthCount m) {
            return new MonthView(m.month().toString(), m.rejected(), m.handoffs(), m.rate());
        }
    }

    @Type("RejectionReasonInsight")
    @Description("One rejection reason (or category) over the window: count, share, trend and, for a reason, every "
            + "candidate compared between its rejections and the accepted handoffs.")
    public record ReasonView(
            @Description("The reason code; null for a category row.") String reasonCode,
            @NonNull @Description("The category.") RejectionCategory category,
            @NonNull @Description("Rejections.") int rejected,
            @NonNull @Description("Share of all rejections of the window.") double share,
            @NonNull @Description("By month of handoff.") List<@NonNull MonthView> trend,
            @NonNull @Description("Rule contributions (frozen at handoff), trait values, campaigns, sources and channels, "
                    + "this reason's rejections (A) vs the accepted handoffs (B), strongest first, at most "
                    + SIGNALS_PER_REASON + ".") List<@NonNull SignalView> signals) {

        static ReasonView of(ReasonSummary r) {
            return new ReasonView(r.reasonCode(), r.category(), r.rejected(), r.share(),
                    r.trend().stream().map(MonthView::of).toList(),
                    SignalTypes.of(r.signals().stream().limit(SIGNALS_PER_REASON).toList()));
        }
    }

    @Type("RejectionFinding")
    @Description("A signal over-represented among one reason's rejections (STRONG or SUGGESTIVE), in plain words.")
    public record FindingView(
            @NonNull @Description("The reason code.") String reasonCode,
            @NonNull @Description("Its category.") RejectionCategory category,
            @NonNull @Description("The signal and its statistics (A: this reason's rejections, B: accepted handoffs).") SignalView signal,
            @NonNull @Description("Share of this reason's rejections that show the signal.") double shareOfReason,
            @Description("Rejected-for-the-reason rate with the signal / without it; null when every such rejection shows it.")
            Double rejectionLift,
            @NonNull @Description("The finding in words.") String sentence) {

        static FindingView of(Finding f) {
            return new FindingView(f.reasonCode(), f.category(), SignalView.of(f.statistics()), f.shareOfReason(),
                    f.rejectionLift(), f.sentence());
        }
    }

    @Type("RejectionInsights")
    @Description("What sales' rejections say over a window of handoffs (see docs/evidence.md).")
    public record InsightsView(
            @NonNull @Description("Start of the window.") OffsetDateTime from,
            @NonNull @Description("End of the window (exclusive).") OffsetDateTime to,
            @NonNull @Description("Handoffs of the window.") int handoffs,
            @NonNull @Description("Of them rejected.") int rejected,
            @NonNull @Description("Of them accepted at any time (won, lost and stalled included).") int accepted,
            @NonNull @Description("Per reason, most rejections first.") List<@NonNull ReasonView> reasons,
            @NonNull @Description("Per category.") List<@NonNull ReasonView> categories,
            @NonNull @Description("The findings, strongest first.") List<@NonNull FindingView> findings) {
    }

    @Type("RejectionInsightsPayload")
    @Description("Result of rejectionInsights: the insights, or the problems with the input.")
    public record Payload(
            @Description("The insights; null when the input had errors.") InsightsView insights,
            @NonNull @Description("Problems with the input.") List<@NonNull UserError> userErrors) {
    }
}
