package io.leadproof.evidence.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.evidence.core.Rate;
import io.leadproof.evidence.core.Ratio;
import io.leadproof.evidence.core.SignalResult;

/** The statistics of one signal as the API shows them (see docs/evidence.md, Statistics and verdicts). */
public final class SignalTypes {

    private SignalTypes() {
    }

    @Type("EvidenceRate")
    @Description("count of n leads with a Wilson score 95 % interval.")
    public record RateView(
            @NonNull @Description("Leads of the group with the signal.") int count,
            @NonNull @Description("Leads in the group.") int n,
            @NonNull @Description("The count divided by n.") double rate,
            @NonNull @Description("Lower bound of the 95 % Wilson interval.") double lower,
            @NonNull @Description("Upper bound of the 95 % Wilson interval.") double upper) {

        public static RateView of(Rate r) {
            return new RateView(r.count(), r.n(), r.value(), r.lower(), r.upper());
        }
    }

    @Type("EvidenceRatio")
    @Description("A ratio of the two groups with its 95 % interval.")
    public record RatioView(
            @NonNull @Description("The estimate.") double value,
            @NonNull @Description("Lower bound of the 95 % interval.") double lower,
            @NonNull @Description("Upper bound of the 95 % interval.") double upper,
            @NonNull @Description("Whether a cell was 0, so 0.5 was added to every cell (Haldane–Anscombe).") boolean zeroCellCorrected) {

        public static RatioView of(Ratio r) {
            return new RatioView(r.value(), r.lower(), r.upper(), r.zeroCellCorrected());
        }
    }

    @Type("EvidenceSignal")
    @Description("One candidate signal compared between group A and group B, with its statistics and verdict.")
    public record SignalView(
            @NonNull @Description("Stable key, e.g. behaviour:DEMO_REQUESTED/BOFU:ANY or trait:BUDGET_STATUS=APPROVED.") String key,
            @NonNull @Description("What the signal is about.") SignalKind kind,
            @NonNull @Description("The signal in words, e.g. 'requested a demo (BOFU)'.") String phrase,
            @NonNull @Description("Group A: leads with the signal of the group's leads, with the rate's interval.") RateView groupA,
            @NonNull @Description("Group B, likewise.") RateView groupB,
            @NonNull @Description("Rate A / rate B, with the Katz log 95 % interval.") RatioView lift,
            @NonNull @Description("Odds A / odds B, with the Woolf logit 95 % interval.") RatioView oddsRatio,
            @NonNull @Description("Two-sided exact p-value.") double pValue,
            @NonNull @Description("Which exact test gave the p-value.") ExactTestUsed test,
            @NonNull @Description("Benjamini–Hochberg q-value across every candidate of the analysis.") double qValue,
            @NonNull @Description("The natural log of (share of A with the signal / share of B with it).") double weightOfEvidence,
            @NonNull @Description("Information value of the signal.") double informationValue,
            @NonNull @Description("STRONG, SUGGESTIVE or NOT_ENOUGH_EVIDENCE.") EvidenceVerdict verdict,
            @Description("Power of the test at the observed rates and sizes; null when the rates are equal.") Double power,
            @Description("Deals per group that would settle it (80 % power at the observed rates) when the verdict is not "
                    + "STRONG and the rates differ.") Integer dealsPerGroupToSettle,
            @NonNull @Description("One plain sentence, the richer group first.") String sentence) {

        public static SignalView of(SignalResult r) {
            return new SignalView(r.signal().key(), SignalKind.of(r.signal().family()), r.signal().phrase(),
                    RateView.of(r.groupA()), RateView.of(r.groupB()), RatioView.of(r.lift()), RatioView.of(r.oddsRatio()),
                    r.pValue(), ExactTestUsed.valueOf(r.test().name()), r.qValue(), finite(r.weightOfEvidence()),
                    finite(r.informationValue()), EvidenceVerdict.of(r.verdict()),
                    Double.isFinite(r.power()) ? r.power() : null, r.dealsPerGroupToSettle(), r.sentence());
        }

        private static double finite(double v) {
            return Double.isFinite(v) ? v : 0;
        }
    }

    public static List<SignalView> of(List<SignalResult> results) {
        return results.stream().map(SignalView::of).toList();
    }
}
