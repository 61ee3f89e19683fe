package io.leadproof.evidence.suggest;

import io.leadproof.evidence.core.SignalResult;
import io.leadproof.evidence.core.Verdict;

import java.time.Instant;
import java.util.Locale;

/**
 * Why a change is proposed: the signal and its statistic, the two groups with their counts, and the
 * window the evidence comes from; stored with the draft and shown on the rule. {@code sentence}
 * says it in plain words.
 */
public record Rationale(
        String signalKey,
        String statistic,
        String groupA,
        int countA,
        int nA,
        String groupB,
        int countB,
        int nB,
        double lift,
        double weightOfEvidence,
        double pValue,
        double qValue,
        Verdict verdict,
        Instant windowFrom,
        Instant windowTo,
        String sentence) {

    /** A rationale for a proposal whose words are still to come. */
    interface Builder {
        Rationale because(String proposal);
    }

    static Rationale of(SignalResult result, String groupA, String groupB, Instant from, Instant to, String proposal) {
        String statistic = String.format(Locale.ROOT, "lift %.2f (95 %% CI %.2f–%.2f), odds ratio %.2f, p = %.3g (%s), q = %.3g",
                result.lift().value(), result.lift().lower(), result.lift().upper(), result.oddsRatio().value(),
                result.pValue(), result.test().name().charAt(0) + result.test().name().substring(1).toLowerCase(Locale.ROOT),
                result.qValue());
        String window = from == null || to == null ? "" : " Evidence from handoffs " + from + " – " + to + ".";
        return new Rationale(result.signal().key(), statistic, groupA, result.groupA().count(), result.groupA().n(),
                groupB, result.groupB().count(), result.groupB().n(), result.lift().value(), result.weightOfEvidence(),
                result.pValue(), result.qValue(), result.verdict(), from, to,
                proposal + " " + result.sentence() + " " + statistic + "." + window);
    }
}
