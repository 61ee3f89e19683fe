package io.leadproof.evidence.backtest;

import io.leadproof.evidence.core.Rate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Leads, decided leads and won leads per total score: enough for the AUC and the score bands in
 * memory bounded by the number of distinct totals, whatever the cohort size.
 */
final class ScoreHistogram {
    private final Map<Integer, long[]> byTotal = new HashMap<>();

    void add(int total, boolean decided, boolean won) {
        long[] counts = byTotal.computeIfAbsent(total, t -> new long[3]);
        counts[0]++;
        if (decided) {
            counts[1]++;
        }
        if (won) {
            counts[2]++;
        }
    }

    /**
     * The probability that a won lead scores above a lead that was not won (ties count half): the
     * Mann–Whitney AUC of the total, won vs every other lead of the cohort. Null without both kinds.
     */
    Double auc() {
        long positives = 0;
        long negatives = 0;
        double pairs = 0;
        for (long[] counts : new TreeMap<>(byTotal).values()) {
            long won = counts[2];
            long rest = counts[0] - won;
            pairs += won * (negatives + rest / 2.0);
            positives += won;
            negatives += rest;
        }
        return positives == 0 || negatives == 0 ? null : pairs / ((double) positives * negatives);
    }

    /** Bands [k·w, (k+1)·w) with their leads, decided, won and win rate (won / decided, Wilson 95 %). */
    List<ScoreBandOutcome> bands(int width) {
        TreeMap<Integer, long[]> byBand = new TreeMap<>();
        byTotal.forEach((total, counts) -> {
            long[] band = byBand.computeIfAbsent(Math.floorDiv(total, width), b -> new long[3]);
            for (int i = 0; i < 3; i++) {
                band[i] += counts[i];
            }
        });
        List<ScoreBandOutcome> bands = new ArrayList<>(byBand.size());
        byBand.forEach((band, counts) -> bands.add(new ScoreBandOutcome(band * width, (band + 1) * width, counts[0],
                counts[1], counts[2], Rate.wilson95OrNull(counts[2], counts[1]))));
        return bands;
    }
}
