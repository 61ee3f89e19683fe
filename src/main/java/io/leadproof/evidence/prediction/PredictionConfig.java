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

    /** Parts of the bulk prediction walked in parallel, each on its own connection (lead-id ranges). */
    @WithDefault("3")
    int bulkParts();
}
