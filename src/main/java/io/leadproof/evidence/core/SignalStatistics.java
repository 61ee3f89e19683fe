package io.leadproof.evidence.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The statistics of every candidate signal of one comparison, pure and deterministic. Per signal:
 * both rates with Wilson 95 % intervals, lift (Katz) and odds ratio (Woolf) with 95 % intervals,
 * an exact two-sided p-value ({@link ExactTest}: Boschloo for small groups, Fisher above), the
 * Benjamini–Hochberg q-value across all candidates passed in, weight of evidence and information
 * value, power at the observed rates, the verdict and a sentence.
 *
 * <p>Verdict: STRONG when q < {@value #STRONG_Q} and the richer group (the one with the higher rate)
 * has at least {@value #STRONG_MIN_LEADS} leads with the signal; SUGGESTIVE when p < {@value #SUGGESTIVE_P}
 * but not STRONG; NOT_ENOUGH_EVIDENCE otherwise.
 */
public final class SignalStatistics {
    public static final double STRONG_Q = 0.05;
    public static final int STRONG_MIN_LEADS = 5;
    public static final double SUGGESTIVE_P = 0.1;

    private SignalStatistics() {
    }

    /** Results in the order of the counts; the q-values treat every count as one tested hypothesis. */
    public static List<SignalResult> analyse(SignalCounts counts, Wording wording) {
        int nA = counts.nA();
        int nB = counts.nB();
        List<SignalCount> signals = counts.signals();
        if (signals.isEmpty()) {
            return List.of();
        }
        if (nA == 0 || nB == 0) {
            throw new IllegalArgumentException("both groups need leads to compare: " + nA + " vs " + nB);
        }
        ExactTest test = new ExactTest(nA, nB);
        double[] p = new double[signals.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = test.pValue(signals.get(i).a(), signals.get(i).b());
        }
        double[] q = BenjaminiHochberg.qValues(p);
        List<SignalResult> results = new ArrayList<>(signals.size());
        for (int i = 0; i < p.length; i++) {
            results.add(result(signals.get(i), nA, nB, p[i], test.method(), q[i], wording));
        }
        return results;
    }

    private static SignalResult result(SignalCount count, int nA, int nB, double p, ExactTestMethod method, double q,
                                       Wording wording) {
        int a = count.a();
        int b = count.b();
        Rate rateA = Rate.wilson95(a, nA);
        Rate rateB = Rate.wilson95(b, nB);
        int richerCount = rateA.value() >= rateB.value() ? a : b;
        Verdict verdict = q < STRONG_Q && richerCount >= STRONG_MIN_LEADS ? Verdict.STRONG
                : p < SUGGESTIVE_P ? Verdict.SUGGESTIVE : Verdict.NOT_ENOUGH_EVIDENCE;
        Integer toSettle = verdict == Verdict.STRONG ? null : Power.dealsPerGroup(rateA.value(), rateB.value());
        double[] woe = weightOfEvidence(a, nA, b, nB);
        return new SignalResult(count.signal(), rateA, rateB, Ratio.lift(a, nA, b, nB), Ratio.oddsRatio(a, nA, b, nB),
                p, method, q, woe[0], woe[1], verdict, Power.atObservedRates(a, nA, b, nB), toSettle,
                Sentences.of(count.signal(), rateA, rateB, verdict, toSettle, wording));
    }

    /** {WoE of presence, IV over presence and absence}; 0.5 added to every cell when one is 0. */
    static double[] weightOfEvidence(int a, int nA, int b, int nB) {
        boolean correct = a == 0 || b == 0 || a == nA || b == nB;
        double shift = correct ? 0.5 : 0;
        double withA = (a + shift) / (nA + 2 * shift);
        double withB = (b + shift) / (nB + 2 * shift);
        double withoutA = 1 - withA;
        double withoutB = 1 - withB;
        double present = Math.log(withA / withB);
        double absent = Math.log(withoutA / withoutB);
        return new double[] {present, (withA - withB) * present + (withoutA - withoutB) * absent};
    }
}
