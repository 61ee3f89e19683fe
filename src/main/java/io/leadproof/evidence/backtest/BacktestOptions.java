package io.leadproof.evidence.backtest;

import java.time.Duration;
import java.util.Objects;

/**
 * @param cohortSpan     the length of the cohort window, to project handoffs per week
 * @param reps           sales reps to share the handoffs; null: the distinct owners seen in the cohort
 * @param scoreBandWidth width of the score bands [k·w, (k+1)·w), as in the metrics API (default 10)
 */
public record BacktestOptions(Duration cohortSpan, Integer reps, int scoreBandWidth) {
    public static final int DEFAULT_BAND_WIDTH = 10;

    public BacktestOptions {
        Objects.requireNonNull(cohortSpan, "cohortSpan");
        if (!cohortSpan.isPositive()) {
            throw new IllegalArgumentException("the cohort span must be positive, not " + cohortSpan);
        }
        if (reps != null && reps < 1) {
            throw new IllegalArgumentException("reps must be positive, not " + reps);
        }
        if (scoreBandWidth < 1 || scoreBandWidth > 1000) {
            throw new IllegalArgumentException("scoreBandWidth must be 1..1000, not " + scoreBandWidth);
        }
    }

    public static BacktestOptions over(Duration cohortSpan) {
        return new BacktestOptions(cohortSpan, null, DEFAULT_BAND_WIDTH);
    }
}
