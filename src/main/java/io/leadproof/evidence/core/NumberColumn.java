package io.leadproof.evidence.core;

import java.util.Arrays;
import java.util.List;

/** The known values of one number trait in group A and group B, binned by quantiles of both together. */
final class NumberColumn {
    private double[] a = new double[16];
    private double[] b = new double[16];
    private int sizeA;
    private int sizeB;

    void add(double value, boolean inA) {
        if (inA) {
            if (sizeA == a.length) {
                a = Arrays.copyOf(a, sizeA * 2);
            }
            a[sizeA++] = value;
        } else {
            if (sizeB == b.length) {
                b = Arrays.copyOf(b, sizeB * 2);
            }
            b[sizeB++] = value;
        }
    }

    int known(boolean inA) {
        return inA ? sizeA : sizeB;
    }

    /**
     * Appends one signal per quantile bin: with k bins, the cuts are the j/k quantiles (j = 1..k−1,
     * the lower order statistic) of all known values; bin j holds (cut j−1, cut j], equal cuts merge.
     * {@code range} builds the signal from the bin's observed min and max and whether it is the first / last.
     */
    void emit(int bins, BinSignal range, int nA, int nB, List<SignalCount> out) {
        int n = sizeA + sizeB;
        if (n == 0) {
            return;
        }
        double[] sortedA = Arrays.copyOf(a, sizeA);
        double[] sortedB = Arrays.copyOf(b, sizeB);
        Arrays.sort(sortedA);
        Arrays.sort(sortedB);
        double[] all = new double[n];
        System.arraycopy(sortedA, 0, all, 0, sizeA);
        System.arraycopy(sortedB, 0, all, sizeA, sizeB);
        Arrays.sort(all);
        int from = 0; // index in all of the bin's first value
        for (int j = 1; j <= bins && from < n; j++) {
            double cut = j == bins ? all[n - 1] : all[(int) Math.ceil((double) j * n / bins) - 1];
            int to = upperIndex(all, cut); // exclusive
            if (to <= from) {
                continue;
            }
            double lo = from == 0 ? Double.NEGATIVE_INFINITY : all[from - 1];
            int countA = upperIndex(sortedA, cut) - upperIndex(sortedA, lo);
            int countB = upperIndex(sortedB, cut) - upperIndex(sortedB, lo);
            ValueCounter.add(out, range.of(all[from], all[to - 1], from == 0, to == n), countA, countB, nA, nB);
            from = to;
        }
    }

    /** The number of values ≤ x in a sorted array. */
    private static int upperIndex(double[] sorted, double x) {
        if (x == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    interface BinSignal {
        SignalDefinition of(double min, double max, boolean lowest, boolean highest);
    }

}
