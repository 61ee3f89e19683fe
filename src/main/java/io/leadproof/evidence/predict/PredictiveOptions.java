package io.leadproof.evidence.predict;

import io.leadproof.evidence.core.AsOf;

import java.time.Duration;
import java.util.Objects;

/**
 * How a predictive model is trained.
 *
 * @param seed                    Tribuo's seed: the same data and seed give the same model
 * @param epochs                  passes of stochastic gradient descent (AdaGrad, learning rate 0.1)
 * @param holdoutShare            the latest share of decided leads by reference moment held out for evaluation
 * @param minDecided              below this many decided leads: NOT_ENOUGH_DATA
 * @param minPerClass             below this many WON, or not WON, leads: NOT_ENOUGH_DATA
 * @param aucFloor                a model whose holdout AUC is below this is stored but not served
 * @param includeFirstCallSignals for a model of accepted leads: first-call signals within the window are features
 * @param minValueSupport         a text value is a feature of its own when this many training leads have it
 * @param maxValuesPerTrait       at most this many values of a text trait are features of their own
 */
public record PredictiveOptions(long seed, int epochs, double holdoutShare, int minDecided, int minPerClass,
                                double aucFloor, boolean includeFirstCallSignals, Duration firstCallWindow,
                                int minValueSupport, int maxValuesPerTrait) {

    public PredictiveOptions {
        Objects.requireNonNull(firstCallWindow, "firstCallWindow");
        if (epochs < 1 || holdoutShare <= 0 || holdoutShare >= 1 || minDecided < 2 || minPerClass < 1
                || minValueSupport < 1 || maxValuesPerTrait < 1) {
            throw new IllegalArgumentException("invalid predictive options");
        }
    }

    public static PredictiveOptions defaults() {
        return new PredictiveOptions(20250601L, 15, 0.3, 50, 10, 0.6, false, AsOf.DEFAULT_FIRST_CALL_WINDOW, 5, 20);
    }

    public PredictiveOptions forAcceptedLeads() {
        return new PredictiveOptions(seed, epochs, holdoutShare, minDecided, minPerClass, aucFloor, true, firstCallWindow,
                minValueSupport, maxValuesPerTrait);
    }

    /** The same options with the workspace's first-call window (the signals of an accepted-lead model count within it). */
    public PredictiveOptions withFirstCallWindow(Duration window) {
        return new PredictiveOptions(seed, epochs, holdoutShare, minDecided, minPerClass, aucFloor, includeFirstCallSignals, window,
                minValueSupport, maxValuesPerTrait);
    }
}
