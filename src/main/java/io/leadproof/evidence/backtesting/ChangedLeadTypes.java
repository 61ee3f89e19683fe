package io.leadproof.evidence.backtesting;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.PageInfo;
import io.leadproof.evidence.core.OutcomeKind;
import io.leadproof.lead.LeadView;

/** The leads that change side in a backtest, as a Relay connection with its totals. */
public final class ChangedLeadTypes {

    private ChangedLeadTypes() {
    }

    @Type("CriteriaBacktestLeadConnection")
    @Description("Leads that change side, in the order the cohort was replayed (creation order), with their totals.")
    public record Connection(
            @NonNull @Description("Leads on all pages.") int totalCount,
            @NonNull @Description("How many of them ended in each outcome, in the order WON, LOST, STALLED, REJECTED, OPEN (leads never handed off are not counted).")
            List<@NonNull OutcomeCount> byOutcome,
            @NonNull @Description("How many of them sales rejected, per reason code.") List<@NonNull ReasonCount> rejectedByReason,
            @NonNull @Description("The leads of this page with their cursors.") List<@NonNull Edge> edges,
            @NonNull @Description("Pagination information.") PageInfo pageInfo) {
    }

    @Type("CriteriaBacktestLeadEdge")
    @Description("A lead that changes side, and its cursor.")
    public record Edge(@NonNull @Description("Cursor to pass as `after`.") String cursor,
                       @NonNull @Description("The lead and its outcome.") ChangedLead node) {
    }

    @Type("CriteriaBacktestLead")
    @Description("A lead that one version qualifies and the other does not, with what became of it.")
    public record ChangedLead(
            @Description("The lead; null when it was erased since.") LeadView lead,
            @Description("Its outcome as of the backtest; null when it was never handed off.") OutcomeKind outcome,
            @Description("The rejection reason code when REJECTED.") String rejectionCode) {
    }

    @Type("CriteriaBacktestOutcomeCount")
    @Description("Leads with one outcome.")
    public record OutcomeCount(@NonNull @Description("The outcome.") OutcomeKind outcome,
                               @NonNull @Description("How many.") int count) {
    }

    @Type("CriteriaBacktestReasonCount")
    @Description("Leads rejected for one reason.")
    public record ReasonCount(@NonNull @Description("The rejection reason code, e.g. NO_BUDGET.") String code,
                              @NonNull @Description("How many.") int count) {
    }
}
