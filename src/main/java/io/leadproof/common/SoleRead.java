package io.leadproof.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.jboss.logging.Logger;

import io.leadproof.security.WorkspaceConnectionSettings;

/**
 * A request's only read in one round trip: the settings and the statement go to PostgreSQL as one pipeline (pgjdbc
 * sends the two statements of one prepared text with a single Sync), on a connection in auto-commit mode. Without an
 * explicit BEGIN, the statements before a Sync run as one implicit transaction, so the {@code set_config(..., true)} of
 * the first are local to the transaction of the second, and gone at the Sync: no BEGIN, no separate settings statement,
 * no ROLLBACK — one round trip where {@link RequestReads#read} takes three.
 *
 * <p>The guarantees are those of {@link RequestReads#read}: the workspace the row-level security policies compare with,
 * a read-only transaction, and the request's statement timeout — PostgreSQL arms the timeout afresh at each Execute,
 * so the statement runs under the value the first statement set ({@code RequestReadsTest} holds all three).
 */
public final class SoleRead {

    private static final Logger LOG = Logger.getLogger(SoleRead.class);

    /** The request's settings ({@link WorkspaceConnectionSettings#SET}, bound transaction-local) and a read-only transaction. */
    static final String SETTINGS = WorkspaceConnectionSettings.SET + ", set_config('transaction_read_only', 'on', true); ";

    /** Binds the statement's parameters, the first at index {@code first}. */
    @FunctionalInterface
    public interface Bind {
        void bind(Connection connection, PreparedStatement statement, int first) throws SQLException;
    }

    /** Reads the statement's result. */
    @FunctionalInterface
    public interface Result<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private SoleRead() {
    }

    /** Runs {@code sql} (one statement, no trailing semicolon) on {@code c}, which must be in auto-commit mode. */
    static <T> T run(Connection c, String workspace, Duration timeout, String sql, Bind bind, Result<T> result) throws SQLException {
        if (!c.getAutoCommit()) {
            throw new IllegalStateException("a sole read runs as its own implicit transaction: auto-commit must be on");
        }
        try (var ps = c.prepareStatement(SETTINGS + sql)) {
            bind.bind(c, ps, WorkspaceConnectionSettings.bindSet(ps, workspace == null ? "" : workspace, timeout, true));
            ps.execute(); // the settings' row comes first
            if (!ps.getMoreResults()) {
                throw new IllegalStateException("the statement of a sole read returned no rows: " + sql);
            }
            try (var rs = ps.getResultSet()) {
                return result.read(rs);
            }
        }
    }

    /** The same statement in a transaction that is already open, on its connection. */
    static <T> T inTransaction(Connection c, String sql, Bind bind, Result<T> result) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            bind.bind(c, ps, 1);
            try (var rs = ps.executeQuery()) {
                return result.read(rs);
            }
        }
    }

    static void close(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debugf("Closing the connection of a sole read: %s", e);
        }
    }
}
