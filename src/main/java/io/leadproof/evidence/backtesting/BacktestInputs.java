package io.leadproof.evidence.backtesting;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.leadproof.evidence.api.EvidenceInputs;
import io.leadproof.lead.LeadSource;
import io.smallrye.graphql.api.Nullable;

/** GraphQL inputs of the backtest operations. */
public final class BacktestInputs {

    private BacktestInputs() {
    }

    @Input("CriteriaBacktestStartInput")
    @Description("What to replay: a version (any state) against another (default: the active version of its model), "
            + "over the leads created in a window of at most 5 years.")
    public record Start(
            @NonNull @Id @Description("The version to test: a DRAFT or any other.") String versionId,
            @Id @Description("The version to compare with; default: the active version of the tested version's model.") String compareWithVersionId,
            @NonNull @Description("Leads created from this instant (inclusive).") OffsetDateTime from,
            @NonNull @Description("Leads created before this instant (exclusive); at most 5 years after `from`, not in the future.") OffsetDateTime to,
            @Description("How each lead's reference moment is taken; default AT_HANDOFF_OR_CREATED_PLUS_DAYS.") BacktestMoment referenceMoment,
            @Description("The n of CREATED_PLUS_DAYS(n), 0..365; default 30. Used by CREATED_PLUS_DAYS only.") Integer momentDays,
            @Description("Narrows the cohort; filters combine with AND, the values of one list with OR.") Filter filter,
            @Description("Sales reps to share the projected handoffs, 1..10000; default: the distinct owners of the cohort's handoffs.") Integer reps,
            @Description("Width of the score bands, 1..1000; default 10 (as in the metrics API).") Integer scoreBandWidth,
            @Description("The outcomes that count as a good lead: precision's numerator, recall's base, the positive class of "
                    + "the AUC and of the band win rates; default [WON].") EvidenceInputs.GroupInput goodOutcomes,
            @Description("The outcomes that count as a bad lead; with the good ones they are the decided leads of precision "
                    + "and bad-lead rate; default [LOST, STALLED, REJECTED]. No outcome may be in both groups.")
            EvidenceInputs.GroupInput badOutcomes) {
    }

    @Input("CriteriaBacktestFilterInput")
    @Description("Narrows a backtest's cohort.")
    public record Filter(
            @Id @Description("Only leads brought by these campaigns.") @Nullable List<@NonNull String> campaignIds,
            @Description("Only leads from these sources.") @Nullable List<@NonNull LeadSource> sources,
            @Id @Description("Only leads that first reached MQL under these criteria versions.") @Nullable List<@NonNull String> criteriaVersionIds,
            @Description("Only leads whose handoff these reps (user names) owned.") @Nullable List<@NonNull String> owners) {
    }

    @Input("CriteriaBacktestCancelInput")
    @Description("The backtest to cancel.")
    public record Cancel(@NonNull @Id @Description("The backtest job.") String backtestId) {
    }

    @Input("CriteriaPublishPolicySetInput")
    @Description("The workspace's rule for publishing criteria versions.")
    public record PolicySet(
            @NonNull @Description("Whether a version may be published only with a successful backtest started after its last edit.")
            Boolean requireBacktest) {
    }
}
