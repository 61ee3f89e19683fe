package io.leadproof.evidence.api;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.UserError;
import io.leadproof.evidence.core.OutcomeGroup;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.feedback.RejectionCategory;

/** The answer of {@code signalAnalysis}. */
public final class AnalysisTypes {

    private AnalysisTypes() {
    }

    @Type("AnalysisGroup")
    @Description("One side of the comparison and how many deals of the cohort it holds.")
    public record GroupView(
            @NonNull @Description("The group in words, e.g. 'won deals'.") String label,
            @NonNull @Description("The outcomes it holds.") List<@NonNull DealOutcome> outcomes,
            @NonNull @Description("For REJECTED: only these categories (empty: all).") List<@NonNull RejectionCategory> rejectionCategories,
            @NonNull @Description("Deals compared (after sampling).") int size) {

        public static GroupView of(OutcomeGroup g, int size) {
            return new GroupView(g.label(), g.kinds().stream().sorted().map(DealOutcome::of).toList(),
                    g.rejectedCategories().stream().sorted().toList(), size);
        }
    }

    @Type("SignalAnalysis")
    @Description("Won vs stalled, at any scale: every candidate signal as seen at the reference moment, compared between "
            + "group A and group B, strongest first; and the deals of both groups side by side (see docs/evidence.md).")
    public record AnalysisView(
            @NonNull @Description("Start of the handoff window (inclusive).") OffsetDateTime from,
            @NonNull @Description("End of the handoff window (exclusive).") OffsetDateTime to,
            @NonNull @Description("When leads are judged, in words: 'at handoff', '30 days after creation'.") String referenceMoment,
            @NonNull @Description("Group A (default won deals).") GroupView groupA,
            @NonNull @Description("Group B (default stalled or lost deals).") GroupView groupB,
            @NonNull @Description("Candidate signals tested (the q-values correct for all of them).") int candidates,
            @NonNull @Description("The signals, strongest first (verdict, q, p, key); only the requested ones when signalKeys "
                    + "was given.") List<SignalTypes.@NonNull SignalView> signals,
            @Ignore List<ReferenceLead> dealsA,
            @Ignore List<ReferenceLead> dealsB,
            @Ignore Duration firstCallWindow) {
    }

    @Type("SignalAnalysisPayload")
    @Description("Result of a signal analysis: the analysis, or the problems with the input.")
    public record Payload(
            @Description("The analysis; null when the input had errors.") AnalysisView analysis,
            @NonNull @Description("Problems with the input.") List<@NonNull UserError> userErrors) {

        public static Payload failed(List<UserError> errors) {
            return new Payload(null, errors);
        }
    }
}
