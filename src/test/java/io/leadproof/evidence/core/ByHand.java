package io.leadproof.evidence.core;

/**
 * Exact tests computed independently of Commons Statistics, from their textbook definitions, so the
 * tests can check the library's answers (and our use of it) rather than repeat them.
 */
public final class ByHand {
    private ByHand() {
    }

    public static double logChoose(int n, int k) {
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += Math.log(n - k + i) - Math.log(i);
        }
        return sum;
    }

    /** P(X = x) for the count with the signal in group A, given both margins (hypergeometric). */
    public static double hypergeometric(int x, int nA, int nB, int withSignal) {
        return Math.exp(logChoose(nA, x) + logChoose(nB, withSignal - x) - logChoose(nA + nB, withSignal));
    }

    /** Fisher's two-sided p: the sum of the probabilities of tables no more likely than the observed one. */
    public static double fisher(int a, int nA, int b, int nB) {
        int k = a + b;
        double observed = hypergeometric(a, nA, nB, k);
        double p = 0;
        for (int x = Math.max(0, k - nB); x <= Math.min(k, nA); x++) {
            double px = hypergeometric(x, nA, nB, k);
            if (px <= observed * (1 + 1e-7)) {
                p += px;
            }
        }
        return Math.min(1, p);
    }

    /**
     * Boschloo's p: the tables whose Fisher p is at most the observed one's, their probability under
     * two binomials with a common rate π, maximised over π (a grid of 10,000 points).
     */
    public static double boschloo(int a, int nA, int b, int nB) {
        double observed = fisher(a, nA, b, nB);
        boolean[][] extreme = new boolean[nA + 1][nB + 1];
        for (int x = 0; x <= nA; x++) {
            for (int y = 0; y <= nB; y++) {
                extreme[x][y] = fisher(x, nA, y, nB) <= observed * (1 + 1e-7);
            }
        }
        double best = 0;
        for (int step = 1; step < 10_000; step++) {
            double pi = step / 10_000.0;
            double sum = 0;
            for (int x = 0; x <= nA; x++) {
                for (int y = 0; y <= nB; y++) {
                    if (extreme[x][y]) {
                        sum += Math.exp(logChoose(nA, x) + logChoose(nB, y) + (x + y) * Math.log(pi)
                                + (nA + nB - x - y) * Math.log(1 - pi));
                    }
                }
            }
            best = Math.max(best, sum);
        }
        return best;
    }
}
