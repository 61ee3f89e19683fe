package io.leadproof.evidence.backtesting;

import org.eclipse.microprofile.graphql.Description;

@Description("The instant at which each lead of a backtest is judged (its traits as then, its activities up to then).")
public enum BacktestMoment {
    @Description("Handed-off leads at their (latest) handoff; the other leads at their creation plus the workspace's stall period "
            + "(stalledAfterDays), never later than the backtest's start. The default.")
    AT_HANDOFF_OR_CREATED_PLUS_DAYS,
    @Description("Only handed-off leads, each at its handoff (imported handoffs included).")
    AT_HANDOFF,
    @Description("Every lead `momentDays` after its creation.")
    CREATED_PLUS_DAYS
}
