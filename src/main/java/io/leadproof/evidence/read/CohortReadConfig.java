package io.leadproof.evidence.read;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How {@link CohortReader} reads, with its defaults declared once. */
@ConfigMapping(prefix = "leadproof.evidence.read")
public interface CohortReadConfig {

    /**
     * Into how many parts (by a hash of the lead id) a cohort of handed-off leads is split, each part read on a
     * connection of its own at the same time: the per-lead lookups of a 200,000-handoff cohort take seconds of database
     * CPU, and one statement uses one core (docs/benchmarks.md, "Evidence API at scale"). 1 reads in one statement.
     * The signal and rejection counts run in as many parts ({@link SignalCountReader}, {@link RejectionCountReader}).
     */
    @WithDefault("2")
    int partitions();

    /**
     * How long each statement of a cohort read in a request may run (the API's {@code leadproof.db.statement-timeout}
     * is for single-row work). The 10 s target for 200,000 handoffs is met only just (10.1-10.9 s on two idle cores,
     * docs/benchmarks.md): at 10 s the same request failed with TIMEOUT on a busy minute, so it gets twice that.
     * Jobs pass their own.
     */
    @WithDefault("20s")
    java.time.Duration statementTimeout();
}
