package io.leadproof.guard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.leadproof.ops.BackgroundLoops;
import io.leadproof.ops.BusinessMetrics;
import io.quarkus.runtime.StartupEvent;

/**
 * Per-user leaky buckets of GraphQL cost points, in PostgreSQL so that every pod of the stateless service draws on
 * the same bucket. One statement per request refills the bucket for the time that passed (at the restore rate, up to
 * the capacity) and, when enough points are there, takes the request's cost out — atomically, under the row lock of
 * the upsert, so concurrent requests of one user on several pods cannot overspend.
 *
 * <p>The table is UNLOGGED (see V7): a crash empties it, which hands everyone a full bucket — the safe direction for
 * a fairness limit — and in exchange no WAL is written for the per-request update.
 */
@ApplicationScoped
public class CostBudget {

    private final java.util.List<java.util.function.BiConsumer<String, Decision>> drainListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * A new bucket starts full minus the cost. An existing one is refilled for the seconds since its last update,
     * R = least(capacity, tokens + seconds × restore_rate), and charged when R covers the cost. All SET expressions
     * see the row as it was; {@code excluded} is the row this request proposed.
     */
    private static final String REFILLED = "least(excluded.capacity,"
            + " b.tokens + greatest(0, extract(epoch from now() - b.updated_at)) * excluded.restore_rate)";
    private static final String CHARGE = """
            insert into api_cost_bucket as b (bucket_key, tokens, capacity, restore_rate, last_cost, granted, updated_at)
            values (?, ?, ?, ?, ?, true, now())
            on conflict (bucket_key) do update set
              tokens = case when %1$s >= excluded.last_cost then %1$s - excluded.last_cost else %1$s end,
              granted = %1$s >= excluded.last_cost,
              capacity = excluded.capacity,
              restore_rate = excluded.restore_rate,
              last_cost = excluded.last_cost,
              updated_at = now()
            returning tokens, granted""".formatted(REFILLED);

    /**
     * A debt: takes {@code points} out whatever the bucket holds, down to zero. For work already done — a rejected
     * document was parsed, a metrics query aggregated its rows — which cannot be refused any more, only paid for.
     */
    private static final String DRAIN = """
            insert into api_cost_bucket as b (bucket_key, tokens, capacity, restore_rate, last_cost, granted, updated_at)
            values (?, greatest(0, ?), ?, ?, ?, true, now())
            on conflict (bucket_key) do update set
              tokens = greatest(0, %1$s - excluded.last_cost),
              granted = true,
              capacity = excluded.capacity,
              restore_rate = excluded.restore_rate,
              last_cost = excluded.last_cost,
              updated_at = now()
            returning tokens, granted""".formatted(REFILLED);

    /** Outcome of one charge: {@code remaining} is what is left after it (or what is there, when refused). */
    public record Decision(boolean granted, long cost, long remaining, int capacity, double restoreRate) {

        /** Seconds until the bucket holds enough for this cost again; 0 when granted. */
        public long retryAfterSeconds() {
            if (granted) {
                return 0;
            }
            if (restoreRate <= 0) {
                return -1; // never refills
            }
            return Math.max(1, (long) Math.ceil((cost - remaining) / restoreRate));
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    GraphQLLimits limits;
    @Inject
    BackgroundLoops loops;
    @Inject
    BusinessMetrics metrics;

    /**
     * Takes {@code cost} points out of the bucket of {@code key} when it holds them. {@code cost} must not exceed the
     * capacity (the caller refuses such requests as too large).
     */
    public Decision charge(String key, long cost, GraphQLLimits.BucketSpec spec) throws SQLException {
        return run(CHARGE, key, cost, spec);
    }

    /** Takes {@code points} for work already done, down to an empty bucket ({@link #DRAIN}). */
    public Decision drain(String key, long points, GraphQLLimits.BucketSpec spec) throws SQLException {
        Decision drained = run(DRAIN, key, points, spec);
        drainListeners.forEach(listener -> listener.accept(key, drained));
        return drained;
    }

    /** Told of every drain, so a pod's lease on the bucket reports what the bucket holds after it ({@link BudgetLeases}). */
    void onDrain(java.util.function.BiConsumer<String, Decision> listener) {
        drainListeners.add(listener);
    }

    private Decision run(String sql, String key, long cost, GraphQLLimits.BucketSpec spec) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            statement.setDouble(2, spec.capacity() - (double) cost);
            statement.setInt(3, spec.capacity());
            statement.setDouble(4, spec.restoreRate());
            statement.setLong(5, cost);
            try (var rs = statement.executeQuery()) {
                rs.next();
                var decision = new Decision(rs.getBoolean(2), cost, (long) Math.floor(rs.getDouble(1)), spec.capacity(), spec.restoreRate());
                if (!decision.granted()) {
                    metrics.throttled();
                }
                return decision;
            }
        }
    }

    /**
     * A bucket untouched for longer than it takes to refill completely is indistinguishable from a missing one;
     * dropping such rows keeps the table as small as the set of recently active users.
     */
    void startPruning(@Observes StartupEvent event) {
        loops.every("cost-bucket-pruning", Duration.ofHours(1), Duration.ofMinutes(10), loop -> forgetFullBuckets());
    }

    void forgetFullBuckets() throws SQLException {
        double slowest = limits.budget().restoreRate();
        for (var override : limits.budget().workspaces().values()) {
            slowest = Math.min(slowest, override.restoreRate().orElse(slowest));
        }
        int largest = limits.budget().capacity();
        for (var override : limits.budget().workspaces().values()) {
            largest = Math.max(largest, override.capacity().orElse(largest));
        }
        long idleSeconds = (long) Math.ceil(largest / Math.max(slowest, 0.001)) + 60;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "delete from api_cost_bucket where updated_at < now() - make_interval(secs => ?)")) {
            statement.setDouble(1, idleSeconds);
            statement.executeUpdate();
        }
    }
}
