package io.leadproof.evidence.predict;

import java.util.Arrays;
import java.util.Comparator;

/** The Mann–Whitney AUC: the probability that a positive scores above a negative, ties counting half. */
final class Auc {
    private Auc() {
    }

    /** NaN without both positives and negatives. */
    static double of(double[] scores, boolean[] positive) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double pairs = 0;
        long negativesBelow = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            long tiePositives = 0;
            long tieNegatives = 0;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                if (positive[order[j]]) {
                    tiePositives++;
                } else {
                    tieNegatives++;
                }
                j++;
            }
            pairs += tiePositives * (negativesBelow + tieNegatives / 2.0);
            negativesBelow += tieNegatives;
            positives += tiePositives;
            i = j;
        }
        long negatives = negativesBelow;
        return positives == 0 || negatives == 0 ? Double.NaN : pairs / ((double) positives * negatives);
    }
}
