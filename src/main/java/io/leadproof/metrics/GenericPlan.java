package io.leadproof.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.postgresql.PGStatement;

/**
 * The metrics statement planned once per connection, not at every request. PostgreSQL planned it afresh at each
 * execution (a custom plan for the parameter values: 3-14 ms of planning for a 3-11 ms execution of the mixed load's
 * bundle, docs/benchmarks.md "load-tail"), and the generic plan executes as fast: the values are dates and workspace
 * ids that do not change the best plan. So the statement is prepared on the server at its first execution and, in a
 * transaction, the generic plan is forced for it (until the transaction ends); in auto-commit mode (the read-only
 * datasource) PostgreSQL's own choice between the two stays.
 */
final class GenericPlan {

    private GenericPlan() {
    }

    static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        if (!c.getAutoCommit()) {
            try (var set = c.createStatement()) {
                set.execute("set local plan_cache_mode = force_generic_plan");
            }
        }
        PreparedStatement ps = c.prepareStatement(sql);
        if (ps.isWrapperFor(PGStatement.class)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(1);
        }
        return ps;
    }
}
