package io.leadproof.common;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Lets the current transaction commit without waiting for its WAL to reach disk ({@code synchronous_commit = off} for
 * this transaction only). For background work whose progress commits together with its rows, so that a crash loses
 * both and the resumed job writes them again, and nobody waits for the answer: an import's batches and upload chunks
 * (ImportJobStore), a rescoring job's chunks (RescoreJobs). A later synchronous commit of the same server flushes every
 * WAL record before it.
 */
public final class AsynchronousCommit {

    private AsynchronousCommit() {
    }

    public static void forThisTransaction(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("set local synchronous_commit = off");
        }
    }
}
