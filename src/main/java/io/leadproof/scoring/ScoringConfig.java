package io.leadproof.scoring;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of scoring, with their defaults declared once (README, "Configuration"). */
@ConfigMapping(prefix = "leadproof.scoring")
public interface ScoringConfig {

    /** Leads per rescoring (and decay) transaction. */
    @WithDefault("2000")
    int chunkSize();

    /** Lead-id ranges a rescoring job scores in parallel, one connection each. */
    @WithDefault("2")
    int jobParts();

    /** How often a pod polls for rescoring jobs (the pod that queues a job starts it at once). */
    @WithDefault("2s")
    Duration pollEvery();

    /** How often decay rescoring runs, and how long after a start it first runs. */
    @WithDefault("1h")
    Duration decayEvery();

    @WithDefault("5m")
    Duration decayDelay();

    /** How long a pod holds a running job without renewing it; a crashed pod's job is taken over after it. */
    @WithDefault("15s")
    Duration lease();

    /** Attempts of a failing chunk before its job fails, and the first wait between them (doubling). */
    @WithDefault("4")
    int chunkAttempts();

    @WithDefault("1s")
    Duration chunkBackoff();
}
