package io.leadproof.evidence.backtest;

import io.leadproof.evidence.core.OutcomeGroup;
import io.leadproof.evidence.core.OutcomeKind;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * @param cohortSpan     the length of the cohort window, to project handoffs per week
 * @param reps           sales reps to share the handoffs; null: the distinct owners seen in the cohort
 * @param scoreBandWidth width of the score bands [k·w, (k+1)·w), as in the metrics API (default 10)
 * @param good           the outcomes that count as a good lead (default WON): precision's numerator, recall's
 *                       base, the positive class of the AUC and of the band win rates
 * @param bad            the outcomes that count as a bad lead (default LOST, STALLED, REJECTED); a lead in neither
 *                       group (open, never handed off, or an outcome left out) is undecided for precision
 */
public record BacktestOptions(Duration cohortSpan, Integer reps, int scoreBandWidth, OutcomeGroup good, OutcomeGroup bad) {
    public static final int DEFAULT_BAND_WIDTH = 10;

    public BacktestOptions(Duration cohortSpan, Integer reps, int scoreBandWidth) {
        this(cohortSpan, reps, scoreBandWidth, null, null);
    }

    public BacktestOptions {
        good = good == null ? OutcomeGroup.won() : good;
        bad = bad == null ? notWon() : bad;
        if (good.overlaps(bad)) {
            throw new IllegalArgumentException("an outcome cannot count as both good and bad");
        }
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

    /** The default bad group: every decided outcome but WON. */
    public static OutcomeGroup notWon() {
        return new OutcomeGroup("lost, stalled or rejected deals", Set.of(OutcomeKind.LOST, OutcomeKind.STALLED, OutcomeKind.REJECTED), Set.of());
    }
}
