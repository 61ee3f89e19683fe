package io.leadproof.evidence.core;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini–Hochberg q-values: with m p-values sorted ascending, q(i) = min over j ≥ i of
 * p(j)·m / j, capped at 1. A signal with q < 0.05 is a discovery at a false-discovery rate of 5 %
 * across every candidate of the analysis. (Commons Statistics has no multiple-testing correction;
 * this is the textbook step-up procedure.)
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    public static double[] qValues(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] q = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, pValues[i] * m / rank);
            q[i] = Math.min(1, running);
        }
        return q;
    }
}
