package io.leadproof.guard;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests in flight per bucket key on this pod. One user's burst of expensive requests would otherwise hold every
 * worker thread and database connection while the others wait; with a cap the rest of the burst is refused at once
 * (THROTTLED, retry in a second) and everybody else keeps a share.
 */
@jakarta.inject.Singleton
@io.quarkus.arc.Unremovable // looked up by GuardInstaller, which SmallRye creates outside CDI
class InFlight {

    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

    /** Takes a slot when fewer than {@code max} are taken; {@code max <= 0} means unlimited (no slot is taken). */
    boolean enter(String key, int max) {
        if (max <= 0) {
            return true;
        }
        boolean[] entered = { false };
        counts.compute(key, (k, n) -> {
            int taken = n == null ? 0 : n;
            if (taken >= max) {
                return n;
            }
            entered[0] = true;
            return taken + 1;
        });
        return entered[0];
    }

    void leave(String key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    int count(String key) {
        return counts.getOrDefault(key, 0);
    }
}
