package io.leadproof.evidence.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.leadproof.evidence.core.CountedSignals;

/**
 * The bins of a comparison made from value counts equal the bins taken the long way: every value written out, sorted,
 * the cut at row max(1, ceil(f * n)) of each fraction and the greatest value, each value in the first bin whose cut is
 * at or above it. Values with ties, one group empty, a single value.
 */
class RejectionBinsTest {

    @Test
    void the_bins_from_counts_are_the_bins_of_every_value_sorted() {
        Random r = new Random(11);
        for (int round = 0; round < 300; round++) {
            List<Double> a = values(r, r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(60));
            List<Double> b = values(r, r.nextInt(5) == 0 && !a.isEmpty() ? 0 : 1 + r.nextInt(80));
            int bins = 2 + r.nextInt(5);
            assertThat(RejectionBins.rows("ANNUAL_REVENUE", counts(a), counts(b), bins)).as("round " + round)
                    .isEqualTo(longWay(a, b, bins));
        }
    }

    @Test
    void one_value_makes_one_bin() {
        assertThat(RejectionBins.rows("EMPLOYEE_COUNT", Map.of(25.0, 3L), Map.of(), 4)).containsExactly(
                new CountedSignals.Row("q", "EMPLOYEE_COUNT", null, 3, 0, 1, 1, 3, 0, 25.0, 25.0, null, null));
    }

    @Test
    void values_order_by_code_point_as_the_database_collates_c() {
        List<String> values = new ArrayList<>(List.of("b", "B", "a", "ab", "\uFB01x", "\uD83D\uDE00", "é", ""));
        values.sort(RejectionTally.C_ORDER);
        assertThat(values).containsExactly("", "B", "a", "ab", "b", "é", "\uFB01x", "\uD83D\uDE00");
    }

    private static List<Double> values(Random r, int n) {
        List<Double> out = new ArrayList<>();
        int spread = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            out.add((double) (r.nextInt(spread) * 250_000 + 100_000));
        }
        return out;
    }

    private static Map<Double, Long> counts(List<Double> xs) {
        Map<Double, Long> out = new HashMap<>();
        xs.forEach(x -> out.merge(x, 1L, Long::sum));
        return out;
    }

    private static List<CountedSignals.Row> longWay(List<Double> a, List<Double> b, int bins) {
        List<Double> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(null);
        TreeSet<Double> cuts = new TreeSet<>();
        for (int j = 1; j < bins; j++) {
            cuts.add(all.get((int) Math.max(1, Math.ceil((double) j / bins * all.size())) - 1));
        }
        cuts.add(all.getLast());
        List<CountedSignals.Row> out = new ArrayList<>();
        List<Double> ordered = new ArrayList<>(cuts);
        for (int j = 0; j < ordered.size(); j++) {
            double low = j == 0 ? Double.NEGATIVE_INFINITY : ordered.get(j - 1);
            double cut = ordered.get(j);
            long na = a.stream().filter(x -> x > low && x <= cut).count();
            long nb = b.stream().filter(x -> x > low && x <= cut).count();
            double lo = all.stream().filter(x -> x > low && x <= cut).min(Double::compare).orElseThrow();
            out.add(new CountedSignals.Row("q", "ANNUAL_REVENUE", null, na, nb, j + 1, ordered.size(), a.size(), b.size(), lo, cut,
                    null, null));
        }
        return out;
    }
}
