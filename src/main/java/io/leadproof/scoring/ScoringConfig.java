package io.leadproof.scoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of scoring, with their defaults declared once (README, "Configuration"). The schedules of
 * {@link RescoreWorker} and {@link DecayJob} name poll-every, decay-every and decay-delay in their annotations; the
 * defaults come from here.
 */
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
    String pollEvery();

    /** How often decay rescoring runs, and how long after a start it first runs. */
    @WithDefault("1h")
    String decayEvery();

    @WithDefault("5m")
    String decayDelay();
}
