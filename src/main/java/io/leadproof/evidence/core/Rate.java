package io.leadproof.evidence.core;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/** {@code count} of {@code n} with its Wilson score interval (Commons Statistics), 95 % unless stated. */
public record Rate(int count, int n, double value, double lower, double upper) {

    /** @throws IllegalArgumentException when n is 0: a rate over nothing is null, never 0 */
    public static Rate wilson(int count, int n, double confidence) {
        if (n <= 0 || count < 0 || count > n) {
            throw new IllegalArgumentException("a rate needs 0 <= count <= n and n > 0, not " + count + " of " + n);
        }
        Interval interval = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(n, count, 1 - confidence);
        return new Rate(count, n, (double) count / n, interval.getLowerBound(), interval.getUpperBound());
    }

    public static Rate wilson95(int count, int n) {
        return wilson(count, n, 0.95);
    }

    /** Null for an empty denominator (the project's rule for ratios over zero). */
    public static Rate wilson95OrNull(long count, long n) {
        return n == 0 ? null : wilson95(Math.toIntExact(count), Math.toIntExact(n));
    }
}
