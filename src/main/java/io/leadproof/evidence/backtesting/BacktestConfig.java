package io.leadproof.evidence.backtesting;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of backtest jobs, with their defaults declared once. */
@ConfigMapping(prefix = "leadproof.backtest")
public interface BacktestConfig {

    /** How often a pod polls for backtest jobs (the pod that queues one starts it at once). */
    @WithDefault("2s")
    Duration pollEvery();

    /** How long a pod holds a running backtest without renewing it; a dead pod's backtest is taken over after it. */
    @WithDefault("15s")
    Duration lease();

    /** The longest one replay may take (its transaction and its statements). */
    @WithDefault("30m")
    Duration maxRun();
}
