package io.leadproof.criteria;

import java.util.List;

import io.leadproof.common.UserError;

/**
 * A condition another feature puts on publishing (e.g. the backtest policy of evidence.backtesting): checked in the
 * publishing transaction after the version compiles; any user error refuses the publish.
 */
public interface PublishCheck {

    List<UserError> check(CriteriaVersion draft);
}
