package io.leadproof.evidence.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.leadproof.feedback.RejectionCategory;
import io.leadproof.lead.LeadSource;
import io.smallrye.graphql.api.Nullable;

/** GraphQL inputs of the evidence operations (signal analysis, rejection insights, suggested drafts). */
public final class EvidenceInputs {

    private EvidenceInputs() {
    }

    @Input("EvidenceWindowInput")
    @Description("The cohort window by handoff time: handoffs created from `from` up to, not including, `to`; at most "
            + "five years long.")
    public record WindowInput(
            @NonNull @Description("Start of the window (inclusive).") OffsetDateTime from,
            @NonNull @Description("End of the window (exclusive); after `from`.") OffsetDateTime to) {
    }

    @Input("EvidenceFilterInput")
    @Description("Narrows the cohort. Filters combine with AND; the values of one list with OR; an empty list means all.")
    public record FilterInput(
            @Id @Description("Only leads brought by these campaigns.") @Nullable List<@NonNull String> campaignIds,
            @Description("Only leads from these sources.") @Nullable List<@NonNull LeadSource> sources,
            @Id @Description("Only leads handed off under these criteria versions.") @Nullable List<@NonNull String> criteriaVersionIds,
            @Description("Only handoffs owned by these sales reps (user names).") @Nullable List<@NonNull String> owners) {
    }

    @Input("OutcomeGroupInput")
    @Description("One side of a comparison: the decided outcomes it holds; for REJECTED optionally only some categories.")
    public record GroupInput(
            @NonNull @Description("The outcomes of the group, e.g. [WON] or [STALLED, LOST].") List<@NonNull DealOutcome> outcomes,
            @Description("With REJECTED among the outcomes: only rejections of these categories (default all).")
            @Nullable List<@NonNull RejectionCategory> rejectionCategories) {
    }

    @Input("ReferenceMomentInput")
    @Description("The instant at which each lead is judged: AT_HANDOFF (default) or CREATED_PLUS_DAYS with `days`.")
    public record MomentInput(
            @NonNull @Description("Which moment.") ReferenceMomentKind kind,
            @Description("For CREATED_PLUS_DAYS: days after the lead's creation, 0..365.") Integer days) {
    }

    @Input("SignalAnalysisInput")
    @Description("A won-vs-stalled comparison: which handoffs, which two groups, judged at which moment.")
    public record SignalAnalysisInput(
            @NonNull @Description("The handoffs compared, by handoff time.") WindowInput window,
            @Description("Narrows the cohort.") FilterInput filter,
            @Description("Group A; default [WON].") GroupInput groupA,
            @Description("Group B; default [STALLED, LOST].") GroupInput groupB,
            @Description("When each lead is judged; default AT_HANDOFF.") MomentInput referenceMoment,
            @Description("Only the most recent N leads of each group, 1..100000 (e.g. 20 for the afternoon exercise); "
                    + "default all.") Integer sampleSize,
            @Description("Report only these signals (keys as in EvidenceSignal.key); default every candidate.")
            @Nullable List<@NonNull String> signalKeys) {
    }

    @Input("CriteriaSuggestInput")
    @Description("Which model to suggest a draft for, and the evidence to suggest it from.")
    public record CriteriaSuggestInput(
            @NonNull @Id @Description("The criteria model; the draft is copied from its active version.") String modelId,
            @NonNull @Description("The signal analysis whose STRONG signals become rules (group A should be won deals).")
            SignalAnalysisInput analysis,
            @Description("Also use what the window's rejections say (fewer points, conditions); default true.") Boolean includeRejections,
            @Description("A value seen in at least this many group-B leads and in no group-A lead becomes a knock-out, "
                    + "1..100000 (default 20).") Integer knockoutMinSupport) {
    }

    @Input("RejectionInsightsInput")
    @Description("The handoffs whose rejections are read, by handoff time.")
    public record RejectionInsightsInput(
            @NonNull @Description("The handoffs, by handoff time.") WindowInput window,
            @Description("Narrows the handoffs.") FilterInput filter,
            @Description("IANA time zone the monthly trend is taken in, e.g. Europe/Berlin; default UTC.") String timeZone) {
    }
}
