package io.leadproof.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.agroal.api.AgroalPoolInterceptor;
import io.leadproof.common.DatabaseConfig;
import io.quarkus.arc.Arc;

/**
 * Tells PostgreSQL which workspace a connection works for, and how long a statement may run, every time a
 * connection is checked out of the pool. The row-level security policies (V5__row_level_security.sql) compare
 * {@code workspace_id} with the setting {@value #WORKSPACE_SETTING}; without it they match no row.
 *
 * <p>Why the pool, and why at checkout: everything that talks to the database goes through the Agroal pool —
 * Hibernate (entity queries, native queries, {@code Session.doReturningWork}) and raw JDBC alike. Inside a JTA
 * transaction Agroal enlists the connection (auto-commit off) <em>before</em> it calls this interceptor, and hands
 * the same connection to every later use in that transaction without calling it again. So:
 * <ul>
 * <li>in a transaction the values are set with {@code set_config(..., true)}: transaction-local, gone at commit or
 * rollback, whatever happens next to the connection;</li>
 * <li>outside one (auto-commit reads, each statement its own transaction) they are set for the session, and
 * overwritten at the next checkout — every checkout writes both values, the empty workspace included, so nothing
 * a previous borrower had can carry over.</li>
 * </ul>
 * The workspace is the one the request or job has already established ({@link CurrentWorkspace#established()}):
 * Hibernate resolves the tenant when it opens the session, before it asks for a connection, and
 * {@link WorkspaceScope} binds a job's workspace first thing. A Hibernate {@code StatementInspector} would not do:
 * it can only rewrite SQL text, it doesn't see raw JDBC, and it has no connection to run {@code set_config} on.
 */
@ApplicationScoped
public class WorkspaceConnectionSettings implements AgroalPoolInterceptor {

    public static final String WORKSPACE_SETTING = "leadproof.workspace_id";
    public static final String SET = "select set_config('" + WORKSPACE_SETTING + "', ?, ?), set_config('statement_timeout', ?, ?)";

    @Inject
    CurrentWorkspace workspace;

    /** The statement timeouts of API requests and of background jobs ({@link WorkspaceScope}). */
    @Inject
    DatabaseConfig database;

    /** Set while a caller takes a connection whose settings it sets itself, in its own transaction. */
    private static final ThreadLocal<Boolean> SETTING_ITSELF = new ThreadLocal<>();

    /** A source of a connection. */
    @FunctionalInterface
    public interface Checkout {
        Connection get() throws SQLException;
    }

    /**
     * Checks out a connection without the settings of the checkout, for a caller that sets them as the first statement
     * of its own transaction ({@link #applyLocal}) and runs nothing before — {@code RequestReads}, which saves a
     * round trip and a transaction per request that way.
     */
    public static Connection withoutCheckoutSettings(Checkout checkout) throws SQLException {
        SETTING_ITSELF.set(Boolean.TRUE);
        try {
            return checkout.get();
        } finally {
            SETTING_ITSELF.remove();
        }
    }

    /** The settings of an API request, local to the connection's transaction (auto-commit must be off). */
    public static void applyLocal(Connection connection, String workspaceId, Duration timeout) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("transaction-local settings need a transaction");
        }
        apply(connection, workspaceId == null ? "" : workspaceId, timeout);
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        if (SETTING_ITSELF.get() != null) {
            return;
        }
        String workspaceId = "";
        Duration timeout = database.statementTimeout();
        if (Arc.container().requestContext().isActive()) {
            String established = workspace.established();
            if (established != null) {
                workspaceId = established;
                if (workspace.isJob()) {
                    timeout = database.jobStatementTimeout();
                }
            }
        }
        try {
            apply(connection, workspaceId, timeout);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the workspace of a database connection", e);
        }
    }

    static void apply(Connection connection, String workspaceId, Duration timeout) throws SQLException {
        boolean local = !connection.getAutoCommit();
        try (var set = connection.prepareStatement(SET)) {
            bindSet(set, workspaceId, timeout, local);
            set.execute();
        }
    }

    /** Binds the parameters of {@link #SET} at the start of {@code set}; returns the index of the next parameter. */
    public static int bindSet(PreparedStatement set, String workspaceId, Duration timeout, boolean local) throws SQLException {
        set.setString(1, workspaceId);
        set.setBoolean(2, local);
        set.setString(3, Long.toString(timeout.toMillis()));
        set.setBoolean(4, local);
        return 5;
    }

    /**
     * For code that reaches across workspaces on a raw connection (provisioning, per-workspace maintenance): binds
     * {@code workspaceId} to the connection's current transaction, or, in auto-commit mode, to the session until
     * the connection goes back to the pool.
     */
    public static void bind(Connection connection, String workspaceId) throws SQLException {
        boolean local = !connection.getAutoCommit();
        try (var set = connection.prepareStatement("select set_config('" + WORKSPACE_SETTING + "', ?, ?)")) {
            set.setString(1, WorkspaceIds.requireValid(workspaceId));
            set.setBoolean(2, local);
            set.execute();
        }
    }
}
