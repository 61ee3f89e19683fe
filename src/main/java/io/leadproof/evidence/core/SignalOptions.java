package io.leadproof.evidence.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How candidate signals are cut from a cohort.
 *
 * @param quantileBins      number traits are binned by these quantiles of the cohort (4: quartiles)
 * @param maxValuesPerTrait a text trait lists at most this many values on their own, the most frequent
 * @param minValueSupport   a text value is listed on its own only when this many leads of the cohort have it;
 *                          the other known values form the long-tail bucket "a less common …"
 * @param firstCallWindow   first-call signals count when logged within this long after the handoff
 */
public record SignalOptions(int quantileBins, int maxValuesPerTrait, int minValueSupport, Duration firstCallWindow) {

    public SignalOptions {
        if (quantileBins < 2 || quantileBins > 20) {
            throw new IllegalArgumentException("quantileBins must be 2..20, not " + quantileBins);
        }
        if (maxValuesPerTrait < 1 || minValueSupport < 1) {
            throw new IllegalArgumentException("maxValuesPerTrait and minValueSupport must be positive");
        }
        Objects.requireNonNull(firstCallWindow, "firstCallWindow");
        if (firstCallWindow.isNegative()) {
            throw new IllegalArgumentException("firstCallWindow must not be negative");
        }
    }

    public static SignalOptions defaults() {
        return new SignalOptions(4, 20, 5, AsOf.DEFAULT_FIRST_CALL_WINDOW);
    }
}
