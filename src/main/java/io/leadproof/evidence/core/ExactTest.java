package io.leadproof.evidence.core;

import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.UnconditionedExactTest;

import java.util.HashMap;
import java.util.Map;

/**
 * The two-sided exact test of one 2×2 table (Commons Statistics): Boschloo's unconditional test
 * when the groups are small enough for it, Fisher's exact test otherwise.
 *
 * <p>The rule: Boschloo when (nA + 1)·(nB + 1) ≤ {@value #BOSCHLOO_MAX_TABLES} (up to 50 vs 50: it
 * enumerates every table of the two binomials and maximises over the nuisance parameter, about
 * 2–5 ms a table there, growing with the square of n), Fisher above. Boschloo is uniformly more
 * powerful than Fisher, which matters most for the small samples of the afternoon exercise; for
 * large groups the two agree closely. Tables repeat across signals, so results are memoised per
 * analysis (one instance per analysis; not thread-safe).
 */
final class ExactTest {
    static final int BOSCHLOO_MAX_TABLES = 51 * 51;

    private final int nA;
    private final int nB;
    private final ExactTestMethod method;
    private final Map<Long, Double> memo = new HashMap<>();

    ExactTest(int nA, int nB) {
        this.nA = nA;
        this.nB = nB;
        this.method = (long) (nA + 1) * (nB + 1) <= BOSCHLOO_MAX_TABLES ? ExactTestMethod.BOSCHLOO : ExactTestMethod.FISHER;
    }

    ExactTestMethod method() {
        return method;
    }

    /** The p-value of "a of nA vs b of nB"; the table's columns are the groups, as Commons expects. */
    double pValue(int a, int b) {
        return memo.computeIfAbsent(((long) a << 32) | b, key -> compute(a, b));
    }

    private double compute(int a, int b) {
        int[][] table = {{a, b}, {nA - a, nB - b}};
        double p = method == ExactTestMethod.BOSCHLOO
                ? UnconditionedExactTest.withDefaults().test(table).getPValue()
                : FisherExactTest.withDefaults().test(table).getPValue();
        return Math.min(1, p);
    }
}
