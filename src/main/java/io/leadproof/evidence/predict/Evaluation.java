package io.leadproof.evidence.predict;

import io.leadproof.evidence.core.Rate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How a model did on the time-based holdout (the latest decided leads by reference moment, never
 * seen in training).
 *
 * @param auc             Mann–Whitney AUC of the probability, WON vs not
 * @param brier           mean of (probability − outcome)², 0 is perfect, 0.25 is a coin
 * @param calibration     per decile of predicted probability (lowest first): leads, mean predicted, actual win rate
 * @param topDecileLift   win rate in the top decile / win rate of the holdout
 */
public record Evaluation(int trainingLeads, int trainingWon, int holdoutLeads, int holdoutWon, double auc, double brier,
                         List<CalibrationBin> calibration, double topDecileLift) {

    /** One decile of the holdout by predicted probability. */
    public record CalibrationBin(int decile, int leads, double meanPredicted, Rate actual) {
    }

    static Evaluation of(int trainingLeads, int trainingWon, double[] probabilities, boolean[] won) {
        int n = probabilities.length;
        int wins = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            double outcome = won[i] ? 1 : 0;
            brier += (probabilities[i] - outcome) * (probabilities[i] - outcome);
            wins += won[i] ? 1 : 0;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> probabilities[i]));
        List<CalibrationBin> bins = new ArrayList<>(10);
        for (int decile = 0; decile < 10; decile++) {
            int from = decile * n / 10;
            int to = (decile + 1) * n / 10;
            if (to == from) {
                continue;
            }
            double predicted = 0;
            int binWins = 0;
            for (int k = from; k < to; k++) {
                predicted += probabilities[order[k]];
                binWins += won[order[k]] ? 1 : 0;
            }
            bins.add(new CalibrationBin(decile + 1, to - from, predicted / (to - from), Rate.wilson95(binWins, to - from)));
        }
        double baseRate = (double) wins / n;
        CalibrationBin top = bins.getLast();
        return new Evaluation(trainingLeads, trainingWon, n, wins, Auc.of(probabilities, won), brier / n, bins,
                baseRate == 0 ? Double.NaN : top.actual().value() / baseRate);
    }
}
