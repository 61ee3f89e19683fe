package io.leadproof.guard;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Leases on the cost buckets, so that most requests are paid from memory instead of by a database write. A pod takes a
 * lease of {@value #LEASE_SHARE_PERCENT} % of a bucket's capacity out of the shared bucket ({@link CostBudget#charge}, the
 * same atomic statement), pays the user's requests from it, and takes a new one when it runs out or is older than
 * {@link #LEASE_NANOS} (then what was left is forgotten, not given back).
 *
 * <p>The guarantees of the bucket hold: a pod only spends what the database granted it, so all pods together never
 * spend more than the bucket held, and a restart loses nothing but unspent leases — which the bucket refills at its
 * restore rate, the safe direction for a fairness limit. What changes: a user can be refused up to one lease early
 * per pod (the leases of the other pods are taken), and the remaining points reported within a lease are the bucket
 * at the lease minus what this pod spent since. A bucket too small for a lease worth {@value #MIN_REQUESTS_PER_LEASE}
 * requests of this price is charged per request as before, exactly.
 */
final class BudgetLeases {

    static final int LEASE_SHARE_PERCENT = 5;
    static final int MIN_REQUESTS_PER_LEASE = 4;
    static final long LEASE_NANOS = 2_000_000_000L;
    private static final int MAX_KEYS = 10_000;

    private static final class Lease {
        long left;
        long bucketAfter; // what the bucket held once the lease was taken
        long takenAt;
    }

    private final CostBudget budget;
    private final Map<String, Lease> leases = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Lease> eldest) {
            return size() > MAX_KEYS;
        }
    };

    BudgetLeases(CostBudget budget) {
        this.budget = budget;
        if (budget != null) { // unit tests build the guard without a budget
            budget.onDrain(this::drained);
        }
    }

    /**
     * A drain charged the bucket beside the lease: what the lease reports from now on starts from the bucket after it.
     * The bucket may have refilled since the lease was taken, so the points held shrink to what the bucket and the
     * lease together may hold: never more than the capacity (a remaining above the limit was reported otherwise).
     */
    synchronized void drained(String key, CostBudget.Decision after) {
        Lease lease = leases.get(key);
        if (lease != null) {
            lease.bucketAfter = after.remaining();
            lease.left = Math.max(0, Math.min(lease.left, after.capacity() - after.remaining()));
        }
    }

    /** The lease's decision when the lease of {@code key} pays for {@code cost}; null when the database must be asked. */
    synchronized CostBudget.Decision fromLease(String key, long cost, GraphQLLimits.BucketSpec spec) {
        Lease lease = leases.get(key);
        return lease == null || System.nanoTime() - lease.takenAt > LEASE_NANOS ? null : pay(lease, cost, spec);
    }

    /**
     * Charges the database: a new lease that pays for this request too, or exactly {@code cost} when no lease fits. The
     * unspent points of this pod's previous lease for the key (the database granted them) carry over into the new one,
     * so renewing a lease never charges the user twice.
     */
    CostBudget.Decision charge(String key, long cost, GraphQLLimits.BucketSpec spec) throws SQLException {
        long size = leaseSize(cost, spec);
        if (size > cost) {
            long charged = Math.max(0, size - unspent(key));
            CostBudget.Decision leased = budget.charge(key, charged, spec);
            if (leased.granted()) {
                long left = renew(key, charged, cost, leased.remaining(), spec.capacity());
                return new CostBudget.Decision(true, cost, leased.remaining() + left, spec.capacity(), spec.restoreRate());
            }
        }
        CostBudget.Decision held = fromHeld(key, cost, spec);
        return held != null ? held : budget.charge(key, cost, spec); // a small bucket, or one that cannot pay any more
    }

    private synchronized long unspent(String key) {
        Lease lease = leases.get(key);
        return lease == null ? 0 : lease.left;
    }

    /**
     * The new lease holds what the old one had left plus what was charged, less this request's cost; never so much that
     * the bucket and the lease together would hold more than the capacity (the bucket refilled while points were held).
     */
    private synchronized long renew(String key, long charged, long cost, long bucketAfter, long capacity) {
        long left = Math.max(0, Math.min(unspent(key) + charged - cost, capacity - cost - bucketAfter));
        remember(key, left, bucketAfter);
        return left;
    }

    /** Points this pod still holds (an expired lease's too: the database granted them) pay when no new lease could. */
    private synchronized CostBudget.Decision fromHeld(String key, long cost, GraphQLLimits.BucketSpec spec) {
        Lease lease = leases.get(key);
        return lease == null ? null : pay(lease, cost, spec);
    }

    /** The lease pays {@code cost} when it holds that much; null otherwise. Callers hold the lock. */
    private static CostBudget.Decision pay(Lease lease, long cost, GraphQLLimits.BucketSpec spec) {
        if (lease.left < cost) {
            return null;
        }
        lease.left -= cost;
        return new CostBudget.Decision(true, cost, lease.bucketAfter + lease.left, spec.capacity(), spec.restoreRate());
    }

    static long leaseSize(long cost, GraphQLLimits.BucketSpec spec) {
        long share = (long) spec.capacity() * LEASE_SHARE_PERCENT / 100;
        return share >= cost * MIN_REQUESTS_PER_LEASE ? share : cost;
    }

    private synchronized void remember(String key, long left, long bucketAfter) {
        Lease lease = new Lease();
        lease.left = left;
        lease.bucketAfter = bucketAfter;
        lease.takenAt = System.nanoTime();
        leases.put(key, lease);
    }
}
