package io.leadproof.evidence.core;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * How much evidence a comparison of two rates has, by the normal approximation of the two-sided
 * two-proportion test at α = 0.05 (quantiles from Commons Statistics):
 * <ul>
 *   <li>power at the observed rates and group sizes:
 *   Φ((|pA − pB| − z(1−α/2)·√(p̄q̄(1/nA + 1/nB))) / √(pA·qA/nA + pB·qB/nB)), p̄ the pooled rate;</li>
 *   <li>deals per group for 80 % power if the observed rates were the truth (Fleiss, equal groups):
 *   n = (z(1−α/2)·√(2·p̄q̄) + z(0.8)·√(pA·qA + pB·qB))² / (pA − pB)², p̄ = (pA + pB)/2.</li>
 * </ul>
 * Equal rates have no difference to detect: no power to speak of and no size that would settle it.
 */
public final class Power {
    public static final double ALPHA = 0.05;
    public static final double TARGET_POWER = 0.8;
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
    private static final double Z_ALPHA = STANDARD.inverseCumulativeProbability(1 - ALPHA / 2);
    private static final double Z_POWER = STANDARD.inverseCumulativeProbability(TARGET_POWER);

    private Power() {
    }

    /** NaN when the rates are equal. */
    public static double atObservedRates(int a, int nA, int b, int nB) {
        double pA = (double) a / nA;
        double pB = (double) b / nB;
        if (pA == pB) {
            return Double.NaN;
        }
        double pooled = (double) (a + b) / (nA + nB);
        double null0 = Math.sqrt(pooled * (1 - pooled) * (1.0 / nA + 1.0 / nB));
        double alternative = Math.sqrt(pA * (1 - pA) / nA + pB * (1 - pB) / nB);
        if (alternative == 0) {
            return 1;
        }
        return STANDARD.cumulativeProbability((Math.abs(pA - pB) - Z_ALPHA * null0) / alternative);
    }

    /** Null when the rates are equal. */
    public static Integer dealsPerGroup(double pA, double pB) {
        if (pA == pB) {
            return null;
        }
        double mean = (pA + pB) / 2;
        double root = Z_ALPHA * Math.sqrt(2 * mean * (1 - mean)) + Z_POWER * Math.sqrt(pA * (1 - pA) + pB * (1 - pB));
        double n = root * root / ((pA - pB) * (pA - pB));
        return n >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.ceil(n);
    }
}
