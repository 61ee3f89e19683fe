package io.leadproof.evidence.backtest;

/** Leads, decided and won per probability bin of width 1/{@value #BINS}; see {@link PredictiveComparison}. */
final class ProbabilityHistogram {
    static final int BINS = 10_000;

    private final long[] leads = new long[BINS + 1];
    private final long[] decided = new long[BINS + 1];
    private final long[] won = new long[BINS + 1];
    private long total;

    void add(double probability, boolean isDecided, boolean isWon) {
        int bin = (int) Math.round(probability * BINS);
        leads[bin]++;
        total++;
        if (isDecided) {
            decided[bin]++;
        }
        if (isWon) {
            won[bin]++;
        }
    }

    long total() {
        return total;
    }

    Double auc() {
        long positives = 0;
        long negatives = 0;
        double pairs = 0;
        for (int bin = 0; bin <= BINS; bin++) {
            long rest = leads[bin] - won[bin];
            pairs += won[bin] * (negatives + rest / 2.0);
            positives += won[bin];
            negatives += rest;
        }
        return positives == 0 || negatives == 0 ? null : pairs / ((double) positives * negatives);
    }

    /** Won / decided among the {@code volume} leads of highest probability; null when none is decided. */
    Double precisionAtVolume(long volume) {
        double taken = 0;
        double decidedTaken = 0;
        double wonTaken = 0;
        for (int bin = BINS; bin >= 0 && taken < volume; bin--) {
            if (leads[bin] == 0) {
                continue;
            }
            double share = Math.min(1, (volume - taken) / leads[bin]);
            taken += share * leads[bin];
            decidedTaken += share * decided[bin];
            wonTaken += share * won[bin];
        }
        return decidedTaken == 0 ? null : wonTaken / decidedTaken;
    }
}
