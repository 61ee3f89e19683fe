package io.leadproof.metrics;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the metrics that run off the request path, with each default declared once, here: the compaction of the
 * metrics tables, and the business metrics of Prometheus (docs/observability.md). Each can be given as an environment
 * variable of the same name (LEADPROOF_METRICS_COMPACT_EVERY, ...).
 */
@ConfigMapping(prefix = "leadproof.metrics")
public interface MetricsConfig {

    /** How often the metrics tables are compacted ({@link MetricsCompactor}). */
    @WithDefault("5s")
    Duration compactEvery();

    /** How often the SLA breaches are counted ({@code io.leadproof.ops.SlaBreaches}). */
    @WithDefault("1m")
    Duration slaBreachesEvery();

    /** How long after its due time a breach is counted: a response stamped earlier may still be committing. */
    @WithDefault("1m")
    Duration slaBreachesSettle();

    /** How often the job backlog gauge is refreshed ({@code io.leadproof.ops.JobBacklog}). */
    @WithDefault("15s")
    Duration jobBacklogEvery();
}
