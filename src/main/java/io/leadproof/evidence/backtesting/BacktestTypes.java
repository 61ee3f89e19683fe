package io.leadproof.evidence.backtesting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.leadproof.common.Json;
import io.leadproof.common.Node;
import io.leadproof.common.NodeId;
import io.leadproof.common.UserError;

/** Output types of backtests; the figures are {@link FigureTypes}, the changed-side leads {@link ChangedLeadTypes}. */
public final class BacktestTypes {

    private BacktestTypes() {
    }

    @Type("CriteriaBacktest")
    @Description("A criteria version replayed over past leads beside another version: a job with progress and, once "
            + "SUCCEEDED, a result kept for later reads. Nothing is written to scores, the ledger or lifecycles.")
    public record BacktestView(
            @Id @NonNull @Description("Global id.") String id,
            @NonNull @Description("QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED.") BacktestState state,
            @NonNull @Description("Leads replayed so far (all of them once SUCCEEDED).") long processedLeads,
            @NonNull @Description("How many times a worker started the replay (a job taken over from a dead pod starts again).") int attempts,
            @NonNull @Description("Leads created from this instant (inclusive).") OffsetDateTime from,
            @NonNull @Description("Leads created before this instant (exclusive).") OffsetDateTime to,
            @NonNull @Description("How each lead's reference moment was taken.") BacktestMoment referenceMoment,
            @NonNull @Description("The n of CREATED_PLUS_DAYS(n).") int momentDays,
            @NonNull @Description("Outcomes are as of this instant (when the backtest was requested).") OffsetDateTime outcomesAsOf,
            @NonNull @Description("Who requested it.") String requestedBy,
            @NonNull @Description("When it was requested.") OffsetDateTime createdAt,
            @Description("When a worker first started it.") OffsetDateTime startedAt,
            @Description("When it finished, failed or was cancelled.") OffsetDateTime finishedAt,
            @Description("Why it FAILED.") String error,
            @Description("The result once SUCCEEDED; null before and for FAILED or CANCELLED backtests.") ResultView result,
            @Ignore UUID uuid, @Ignore UUID versionUuid, @Ignore UUID compareWithUuid) implements Node {

        public static BacktestView of(BacktestJob job) {
            var r = job.requestParsed();
            return new BacktestView(NodeId.of("CriteriaBacktest", job.id()), job.state(), job.processed(), job.attempts(), utc(r.from()),
                    utc(r.to()), r.moment(), r.momentDays(), utc(r.asOf()), job.requestedBy(), utc(job.createdAt()),
                    utc(job.startedAt()), utc(job.finishedAt()), job.error(), ResultView.of(job), job.id(), job.versionId(),
                    job.baselineVersionId());
        }

        private static OffsetDateTime utc(java.time.Instant i) {
            return i == null ? null : i.atOffset(ZoneOffset.UTC);
        }
    }

    @Type("CriteriaBacktestResult")
    @Description("Both versions side by side over the same cohort, the difference, and the leads that change side.")
    public record ResultView(
            @NonNull @Description("What the tested version would have done.") FigureTypes.Figures tested,
            @NonNull @Description("What the compared version would have done.") FigureTypes.Figures compareWith,
            @NonNull @Description("Tested − compared.") FigureTypes.Difference difference,
            @NonNull @Description("Leads of the cohort actually handed off.") long actualHandoffs,
            @NonNull @Description("Leads of the cohort whose handoff was won (as of outcomesAsOf).") long wonLeads,
            @Description("The served predictive score beside the rules on the same cohort; null when the workspace served no"
                    + " model when the backtest ran, or no lead was scored (`predictiveUnavailable` says which).")
            FigureTypes.Predictive predictive,
            @Description("Why `predictive` is null; null when it is present.") String predictiveUnavailable,
            @Ignore UUID backtestId) {

        static ResultView of(BacktestJob job) {
            if (job.state() != BacktestState.SUCCEEDED || job.resultJson() == null) {
                return null;
            }
            try {
                var s = Json.MAPPER.readValue(job.resultJson(), FigureTypes.Stored.class);
                return new ResultView(s.tested(), s.compareWith(), s.difference(), s.actualHandoffs(), s.wonLeads(), s.predictive(),
                        s.predictiveUnavailable(), job.id());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable backtest result of " + job.id(), e);
            }
        }
    }

    @Type("CriteriaBacktestPayload")
    @Description("Result of a backtest mutation.")
    public record Payload(
            @Description("The backtest after the change; null when the input had errors.") BacktestView backtest,
            @NonNull @Description("Problems with the input or the backtest's state.") List<@NonNull UserError> userErrors) {

        static Payload of(BacktestJobs.Result r) {
            return new Payload(r.job() == null ? null : BacktestView.of(r.job()), r.userErrors());
        }
    }
}
