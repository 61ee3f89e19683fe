package io.leadproof.guard;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The GraphQL-level protections: document limits, the cost formula's weights, the per-user cost budget and the
 * introspection policy. Documented in docs/limits.md; every number can be changed without a rebuild.
 */
@ConfigMapping(prefix = "leadproof.graphql")
public interface GraphQLLimits {

    /** Whether {@code __schema} / {@code __type} (and the SDL at {@code <root>/schema.graphql}) are served. */
    @WithDefault("true")
    boolean introspection();

    /** Deepest field nesting of an operation; root fields are depth 1. Introspection subtrees are not counted. */
    @WithDefault("12")
    int maxDepth();

    /** Most field selections in a document, counted after expanding every fragment where it is used; aliases count. */
    @WithDefault("500")
    int maxFields();

    /** Most points a single request may cost, whatever the budget holds. */
    @WithDefault("1000")
    int maxCost();

    Cost cost();

    Budget budget();

    Subscriptions subscriptions();

    /** Weights of the cost formula (docs/limits.md). */
    interface Cost {

        /** Points each mutation root field costs on top of its selection. */
        @WithDefault("10")
        int mutation();

        /** Assumed length of a list of objects that takes no {@code first} argument. */
        @WithDefault("10")
        int listSize();

        /**
         * Bytes of request body per point: a request costs at least its size in points, and a request refused before
         * it could be priced (unparseable, over a document limit, a malformed envelope) costs exactly that.
         */
        @WithDefault("4096")
        int bytesPerPoint();

        /** Days of a metrics window per point: a metrics field costs one point per started period of this length. */
        @WithDefault("31")
        int metricsDaysPerPoint();

        /** Rows (leads and handoffs) a metrics field aggregated per point, charged after it ran. */
        @WithDefault("1000")
        int metricsRowsPerPoint();
    }

    /** The per-user leaky bucket, kept in PostgreSQL so every pod sees the same one. */
    interface Budget {

        @WithDefault("true")
        boolean enabled();

        /** Bucket size in points: what a user can spend in a burst. */
        @WithDefault("1000")
        int capacity();

        /** Points restored per second, up to the capacity. */
        @WithDefault("50")
        double restoreRate();

        /**
         * Requests one user may have in flight on one pod; more are refused as THROTTLED, so one heavy user cannot
         * hold every worker thread and database connection.
         */
        @WithDefault("8")
        int maxConcurrent();

        /** Per-workspace overrides (e.g. a larger plan), keyed by workspace id. */
        Map<String, WorkspaceBudget> workspaces();
    }

    interface WorkspaceBudget {
        Optional<Boolean> enabled();

        Optional<Integer> capacity();

        Optional<Double> restoreRate();

        Optional<Integer> maxConcurrent();
    }

    /** Caps on GraphQL subscriptions (graphql-transport-ws), per pod. */
    interface Subscriptions {

        /** Active subscriptions on one web socket. */
        @WithDefault("10")
        int perConnection();

        /** Active subscriptions of one user over all their web sockets. */
        @WithDefault("25")
        int perUser();
    }

    /** The bucket parameters that apply to a workspace. */
    default BucketSpec bucketFor(String workspaceId) {
        var override = workspaceId == null ? null : budget().workspaces().get(workspaceId);
        if (override == null) {
            return new BucketSpec(budget().enabled(), budget().capacity(), budget().restoreRate());
        }
        return new BucketSpec(override.enabled().orElse(budget().enabled()), override.capacity().orElse(budget().capacity()),
                override.restoreRate().orElse(budget().restoreRate()));
    }

    record BucketSpec(boolean enabled, int capacity, double restoreRate) {
    }

    /** How many requests a user of the workspace may have in flight on one pod; 0 when unlimited (unmetered). */
    default int maxConcurrentFor(String workspaceId) {
        var override = workspaceId == null ? null : budget().workspaces().get(workspaceId);
        if (!bucketFor(workspaceId).enabled()) {
            return 0;
        }
        return override == null ? budget().maxConcurrent() : override.maxConcurrent().orElse(budget().maxConcurrent());
    }
}
