package io.leadproof.evidence.suggest;

/**
 * Points from weight of evidence, scorecard style: a signal that doubles the odds of the outcome is
 * worth a quarter of the model's MQL threshold (points to double the odds = threshold / 4, so four
 * doublings, 16× the odds, reach the threshold from zero). points = WoE × (threshold / 4) / ln 2,
 * rounded to the nearest 5, never more than the threshold in magnitude. Thresholds below 20 scale as
 * 20, so a small threshold still yields distinguishable points.
 */
final class Points {
    static final int MIN_SCALE_THRESHOLD = 20;

    private Points() {
    }

    /** 0 means "too weak to be worth a rule". */
    static int fromWeightOfEvidence(double weightOfEvidence, int threshold) {
        int scale = Math.max(threshold, MIN_SCALE_THRESHOLD);
        double raw = weightOfEvidence * (scale / 4.0) / Math.log(2);
        long rounded = Math.round(raw / 5) * 5;
        return (int) Math.max(-scale, Math.min(scale, rounded));
    }

    /** Fewer points for a rule {@code lift} times over-represented in rejections: points / lift, rounded to 5, at least 5. */
    static int reduced(int points, double lift) {
        int magnitude = Math.abs(points);
        long scaled = Math.round(magnitude / lift / 5) * 5;
        int reduced = (int) Math.max(5, Math.min(magnitude - 5, scaled));
        return points < 0 ? -reduced : reduced;
    }
}
