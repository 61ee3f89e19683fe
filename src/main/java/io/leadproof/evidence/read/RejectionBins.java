package io.leadproof.evidence.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.leadproof.evidence.core.CountedSignals;

/**
 * The quantile bins of one number dimension in one comparison (a reason's rejections a against the accepted b), as the
 * signal counts bin a cohort: cuts at {@code percentile_disc} of the fractions 1/bins .. (bins-1)/bins over both groups
 * together (the value at row {@code max(1, ceil(f * n))} in ascending order) and the greatest value, equal cuts merged;
 * bin j holds the values above cut j-1 up to cut j, with its counts per group and its least and greatest value. The
 * values come as value → count. Pure.
 */
final class RejectionBins {

    private RejectionBins() {
    }

    static List<CountedSignals.Row> rows(String dim, Map<Double, Long> a, Map<Double, Long> b, int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("at least two bins, not " + bins);
        }
        TreeMap<Double, long[]> both = new TreeMap<>();
        a.forEach((x, n) -> both.computeIfAbsent(x, k -> new long[2])[0] += n);
        b.forEach((x, n) -> both.computeIfAbsent(x, k -> new long[2])[1] += n);
        long total = 0;
        long ka = 0;
        long kb = 0;
        for (long[] n : both.values()) {
            total += n[0] + n[1];
            ka += n[0];
            kb += n[1];
        }
        if (total == 0) {
            return List.of();
        }
        TreeSet<Double> cuts = new TreeSet<>();
        for (int j = 1; j < bins; j++) {
            double f = (double) j / bins;
            cuts.add(valueAt(both, Math.max(1L, (long) Math.ceil(f * (double) total))));
        }
        cuts.add(both.lastKey());
        List<CountedSignals.Row> out = new ArrayList<>();
        int bin = 0;
        Double previous = null;
        for (double cut : cuts) {
            bin++;
            var inBin = previous == null ? both.headMap(cut, true) : both.subMap(previous, false, cut, true);
            previous = cut;
            long na = 0;
            long nb = 0;
            for (long[] n : inBin.values()) {
                na += n[0];
                nb += n[1];
            }
            if (na + nb > 0) {
                out.add(new CountedSignals.Row("q", dim, null, na, nb, bin, cuts.size(), ka, kb, inBin.firstKey(), inBin.lastKey(),
                        null, null));
            }
        }
        return out;
    }

    /** The value at the 1-based row {@code k} of the values in ascending order. */
    private static double valueAt(TreeMap<Double, long[]> values, long k) {
        long seen = 0;
        for (var e : values.entrySet()) {
            seen += e.getValue()[0] + e.getValue()[1];
            if (seen >= k) {
                return e.getKey();
            }
        }
        return values.lastKey();
    }
}
