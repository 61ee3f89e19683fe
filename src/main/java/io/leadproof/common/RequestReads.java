package io.leadproof.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import io.agroal.api.AgroalDataSource;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.WorkspaceConnectionSettings;

/**
 * The reads of one API request that only serve its answer (a lead list and its campaigns, scores and handoffs) share one
 * pooled connection and one read-only transaction: the workspace and the statement timeout are set once, as its first
 * statement, instead of at every checkout; every nesting level reads one consistent snapshot. The connection is taken at
 * the first read and given back when the request ends.
 *
 * <p>A request can end while its resolvers still read (the client went away): then the running statement is cancelled,
 * {@link #close()} waits for it to come back, and only then the connection returns to the pool — a connection is never
 * handed to someone else while one of its statements runs. Reads after that fail with {@link RequestGone}, which the
 * error policy answers quietly (nobody is there to read it).
 *
 * <p>Inside a JTA transaction (a mutation's payload) the reads run on that transaction's connection instead, so they see
 * its writes.
 */
@RequestScoped
public class RequestReads {

    private static final Logger LOG = Logger.getLogger(RequestReads.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    DatabaseConfig database;
    @Inject
    TransactionManager transactions;
    @Inject
    EntityManager em;

    private final ReentrantLock lock = new ReentrantLock();
    private volatile Connection connection;
    private volatile boolean ended;

    /** Runs {@code work} on the request's read connection, opening it (and its transaction) on first use. */
    public <T> T read(ReplicaReads.Work<T> work) {
        if (inJtaTransaction()) {
            return em.unwrap(Session.class).doReturningWork(work::run);
        }
        lock.lock();
        try {
            if (ended) {
                throw new RequestGone();
            }
            if (connection == null) {
                connection = open();
                if (ended) {
                    throw new RequestGone();
                }
            }
            return work.run(connection);
        } catch (SQLException e) {
            if (!ended) {
                restart(); // a failed statement aborts the transaction: the request's other fields get a fresh one
            }
            throw failed(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The request's only read (a compiled read) in one round trip ({@link SoleRead}), guarantees and cancellation as in
     * {@link #read}; in the request's transaction instead when one is open (or a JTA one runs).
     */
    public <T> T readAlone(String sql, SoleRead.Bind bind, SoleRead.Result<T> result) {
        if (connection != null || inJtaTransaction()) {
            return read(c -> SoleRead.inTransaction(c, sql, bind, result));
        }
        lock.lock();
        Connection c = null;
        try {
            if (ended) {
                throw new RequestGone();
            }
            c = WorkspaceConnectionSettings.withoutCheckoutSettings(dataSource::getConnection);
            connection = c; // so that close() can cancel it
            return SoleRead.run(c, workspace.established(), database.statementTimeout(), sql, bind, result);
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            connection = null;
            SoleRead.close(c); // auto-commit: the implicit transaction ended with its Sync
            lock.unlock();
        }
    }

    private RuntimeException failed(SQLException e) {
        if (ended) {
            return new RequestGone();
        }
        if (StatementTimeoutException.SQL_STATE.equals(e.getSQLState())) {
            return new StatementTimeoutException(e, null);
        }
        return new IllegalStateException("a read of the request failed", e);
    }

    private Connection open() throws SQLException {
        Connection c = WorkspaceConnectionSettings.withoutCheckoutSettings(dataSource::getConnection);
        try {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            // the first statement of the transaction: BEGIN READ ONLY, then the settings, local to it
            WorkspaceConnectionSettings.applyLocal(c, workspace.established(), database.statementTimeout());
            return c;
        } catch (SQLException | RuntimeException e) {
            giveBack(c);
            throw e;
        }
    }

    private void restart() {
        Connection c = connection;
        if (c == null) {
            return;
        }
        try {
            c.rollback();
            WorkspaceConnectionSettings.applyLocal(c, workspace.established(), database.statementTimeout());
        } catch (SQLException | RuntimeException e) {
            connection = null;
            giveBack(c);
        }
    }

    /** Ends the request's reads: cancels a running statement, waits for it, then returns the connection. */
    @PreDestroy
    public void close() {
        ended = true;
        if (!lock.tryLock()) {
            Connection running = connection;
            if (running != null) {
                cancel(running);
            }
            lock.lock();
        }
        try {
            Connection c = connection;
            connection = null;
            if (c != null) {
                giveBack(c);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether a statement of this request is running right now (for tests and diagnostics). */
    boolean busy() {
        return lock.isLocked();
    }

    private static void cancel(Connection c) {
        try {
            c.unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException e) {
            LOG.debugf("Could not cancel the statement of a request that ended: %s", e);
        }
    }

    private static void giveBack(Connection c) {
        try (c) {
            c.rollback(); // read only: nothing to keep; also ends a transaction a cancelled statement left aborted
            c.setReadOnly(false);
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debugf("Closing the read connection of a request: %s", e);
        }
    }

    private boolean inJtaTransaction() {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return false;
        }
    }
}
