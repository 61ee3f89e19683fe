package io.leadproof.evidence.read;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import io.leadproof.security.WorkspaceConnectionSettings;

/**
 * The session a counting statement of the evidence reads runs in ({@link SignalCountReader}, {@link RejectionCountReader}):
 * bound to the workspace, with the read's statement timeout, JIT off and the memory for the sorts of a 200,000-lead
 * cohort (distinct handoffs, first-call codes) — in the caller's transaction, or in one of its own that is rolled back
 * (the read writes nothing).
 */
final class CountSession {

    /** The work done on the prepared connection. */
    interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private CountSession() {
    }

    static <T> T run(Connection c, String workspaceId, Duration timeout, Work<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
            c.setAutoCommit(false);
        }
        try {
            WorkspaceConnectionSettings.bind(c, workspaceId);
            try (var set = c.prepareStatement("select set_config('statement_timeout', ?, true), set_config('jit', 'off', true),"
                    + " set_config('work_mem', '64MB', true)")) {
                set.setString(1, Long.toString(timeout.toMillis()));
                set.execute();
            }
            return work.on(c);
        } finally {
            if (autoCommit) {
                c.rollback(); // read only
                c.setAutoCommit(true);
            }
        }
    }
}
