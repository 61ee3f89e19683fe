package io.leadproof.evidence.analysis;

/** Fisher's and Boschloo's two-sided exact p-values from their textbook definitions, independent of Commons Statistics. */
final class ExactByHand {
    private ExactByHand() {
    }

    static double logChoose(int n, int k) {
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += Math.log(n - k + i) - Math.log(i);
        }
        return sum;
    }

    /** Sum of the hypergeometric probabilities of the tables (same margins) no more likely than the observed one. */
    static double fisher(int a, int nA, int b, int nB) {
        int k = a + b;
        double observed = Math.exp(logChoose(nA, a) + logChoose(nB, b) - logChoose(nA + nB, k));
        double p = 0;
        for (int x = Math.max(0, k - nB); x <= Math.min(k, nA); x++) {
            double px = Math.exp(logChoose(nA, x) + logChoose(nB, k - x) - logChoose(nA + nB, k));
            if (px <= observed * (1 + 1e-7)) {
                p += px;
            }
        }
        return Math.min(1, p);
    }

    /** Tables at least as extreme by Fisher's p, their probability under a common rate π, maximised over a fine grid of π. */
    static double boschloo(int a, int nA, int b, int nB) {
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
