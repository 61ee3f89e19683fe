package io.leadproof.evidence.core;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A ratio of two groups with a 95 % interval on the log scale. {@code zeroCellCorrected}: a cell of
 * the 2×2 table was 0, so 0.5 was added to every cell (Haldane–Anscombe) for the estimate and the
 * interval, which keeps both finite.
 */
public record Ratio(double value, double lower, double upper, boolean zeroCellCorrected) {
    static final double Z95 = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);

    /**
     * Risk ratio (lift) rate A / rate B, Katz log interval:
     * exp(ln RR ± z·√(1/a − 1/nA + 1/b − 1/nB)).
     */
    public static Ratio lift(int a, int nA, int b, int nB) {
        boolean correct = a == 0 || b == 0;
        double x = a + (correct ? 0.5 : 0);
        double y = b + (correct ? 0.5 : 0);
        double mA = nA + (correct ? 1 : 0);
        double mB = nB + (correct ? 1 : 0);
        double log = Math.log((x / mA) / (y / mB));
        double se = Math.sqrt(1 / x - 1 / mA + 1 / y - 1 / mB);
        return new Ratio(Math.exp(log), Math.exp(log - Z95 * se), Math.exp(log + Z95 * se), correct);
    }

    /** Odds ratio (a·d)/(b·c), Woolf logit interval: exp(ln OR ± z·√(1/a + 1/b + 1/c + 1/d)). */
    public static Ratio oddsRatio(int a, int nA, int b, int nB) {
        int c = nA - a;
        int d = nB - b;
        boolean correct = a == 0 || b == 0 || c == 0 || d == 0;
        double shift = correct ? 0.5 : 0;
        double w = a + shift;
        double x = b + shift;
        double y = c + shift;
        double z = d + shift;
        double log = Math.log((w * z) / (x * y));
        double se = Math.sqrt(1 / w + 1 / x + 1 / y + 1 / z);
        return new Ratio(Math.exp(log), Math.exp(log - Z95 * se), Math.exp(log + Z95 * se), correct);
    }
}
