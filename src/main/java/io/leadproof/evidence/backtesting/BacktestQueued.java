package io.leadproof.evidence.backtesting;

import java.util.UUID;

/** A backtest was queued; after the commit the local worker starts it at once instead of at its next poll. */
public record BacktestQueued(String workspaceId, UUID jobId) {
}
