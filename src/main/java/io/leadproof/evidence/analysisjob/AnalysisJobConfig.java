package io.leadproof.evidence.analysisjob;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of signal analysis jobs, with their defaults declared once. */
@ConfigMapping(prefix = "leadproof.evidence.analysis-job")
public interface AnalysisJobConfig {

    /** How often a pod polls for analysis jobs (the pod that queues one starts it at once). */
    @WithDefault("2s")
    Duration pollEvery();

    /** How long a pod holds a running job without renewing it; a dead pod's job is taken over after it. */
    @WithDefault("15s")
    Duration lease();

    /** The longest each statement of one run may take. */
    @WithDefault("30m")
    Duration maxRun();
}
