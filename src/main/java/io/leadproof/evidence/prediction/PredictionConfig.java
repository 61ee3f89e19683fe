package io.leadproof.evidence.prediction;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the predictive score, with their defaults declared once (README, "Configuration"). */
@ConfigMapping(prefix = "leadproof.prediction")
public interface PredictionConfig {

    /** How often each workspace's model is retrained on a schedule; 0 turns the schedule off. */
    @WithDefault("24h")
    Duration trainEvery();

    /** How often a pod polls for queued trainings and checks the schedule (the pod that queues one starts it at once). */
    @WithDefault("5s")
    Duration pollEvery();

    /** How long a pod holds a running training without renewing it; a crashed pod's training is taken over after it. */
    @WithDefault("30s")
    Duration lease();

    /** Leads per transaction of the bulk prediction after a model is served. */
    @WithDefault("5000")
    int chunkSize();

    /**
     * Parts of a training's cohort read run at once, each a statement on a connection of its own. A training is
     * background work nobody waits on: in one part it keeps one database core busy, not all of them, and requests
     * keep the rest (a 2-part read at 50,000 leads held both cores of the 2-core load machine for 1.3 s mid-load;
     * docs/benchmarks.md "load-tail"). Requests read cohorts in {@code leadproof.evidence.read.partitions}.
     */
    @WithDefault("1")
    int trainingReadParts();

    /** Parts of the bulk prediction walked in parallel, each on its own connection (lead-id ranges). */
    @WithDefault("3")
    int bulkParts();
}
