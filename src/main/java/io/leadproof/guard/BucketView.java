package io.leadproof.guard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this pod last learnt about each bucket, so that a request its bucket cannot pay for is refused before its body
 * is parsed, without a database statement. The bucket only refills between two charges (other pods only take from
 * it), so {@code remaining + restoreRate × elapsed} is an upper bound of what it holds: a request refused on that
 * bound would have been refused by the database too.
 */
@jakarta.inject.Singleton
@io.quarkus.arc.Unremovable // looked up by GuardInstaller, which SmallRye creates outside CDI
class BucketView {

    private record Seen(double remaining, double restoreRate, int capacity, long atNanos) {
    }

    private static final int MAX_KEYS = 10_000;
    private final Map<String, Seen> seen = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > MAX_KEYS;
        }
    };

    synchronized void remember(String key, CostBudget.Decision decision) {
        seen.put(key, new Seen(decision.remaining(), decision.restoreRate(), decision.capacity(), System.nanoTime()));
    }

    /** Seconds until the bucket can hold {@code points}, 0 when it may hold them now (or nothing is known). */
    synchronized long secondsUntil(String key, long points) {
        Seen s = seen.get(key);
        if (s == null) {
            return 0;
        }
        double now = Math.min(s.capacity(), s.remaining() + s.restoreRate() * (System.nanoTime() - s.atNanos()) / 1e9);
        double wanted = Math.min(points, s.capacity());
        if (now >= wanted) {
            return 0;
        }
        return s.restoreRate() <= 0 ? Long.MAX_VALUE : Math.max(1, (long) Math.ceil((wanted - now) / s.restoreRate()));
    }
}
