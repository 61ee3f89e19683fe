package io.leadproof.ops;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after the n-th failure in a row, wait between half and all of
 * {@code min · 2^(n-1)}, never more than {@code max}. The jitter spreads the reconnects of many pods after a
 * database restart, so they don't all knock at the same instant.
 */
public record Backoff(Duration min, Duration max, DoubleSupplier random) {

    public Backoff(Duration min, Duration max) {
        this(min, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    public Backoff {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + " and " + max);
        }
    }

    /** The wait after {@code failures} failures in a row (1 for the first). */
    public Duration after(int failures) {
        long minMillis = min.toMillis();
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        long ceiling = Math.min(max.toMillis(), minMillis << doublings);
        long wait = (long) (ceiling / 2.0 + random.getAsDouble() * ceiling / 2.0);
        return Duration.ofMillis(Math.max(minMillis, wait));
    }
}
