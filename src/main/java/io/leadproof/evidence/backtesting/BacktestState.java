package io.leadproof.evidence.backtesting;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a backtest job is.")
public enum BacktestState {
    @Description("Waiting for a worker.")
    QUEUED,
    @Description("A worker is replaying the cohort; progress counts the leads replayed so far.")
    RUNNING,
    @Description("Done: the result is kept and can be read any time.")
    SUCCEEDED,
    @Description("Stopped by an error; the error says why. Start a new backtest to try again.")
    FAILED,
    @Description("Cancelled before it finished; no result.")
    CANCELLED;

    boolean isOpen() {
        return this == QUEUED || this == RUNNING;
    }
}
