package io.leadproof.common;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.leadproof.ops.DatabaseOutage;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;

/**
 * Reads that may run on a read-only replica: metrics bundles and breakdowns, analysis reads (docs/operations.md,
 * "Read-only datasource"). The named datasource {@value #NAME} is active when {@code LEADPROOF_DB_RO_URL} is set (on
 * Kubernetes: CloudNativePG's {@code -ro} service); otherwise, or when it cannot hand out a connection, the read runs
 * on the primary, in the caller's transaction. The SQL is the same either way: row-level security holds on a replica
 * (same roles, same policies, the workspace set at checkout by {@code ReadOnlyConnectionSettings}).
 *
 * <p>Replicas lag a little: a read that must see the caller's own write (a mutation's payload) stays on the primary and
 * does not come here.
 */
@ApplicationScoped
public class ReplicaReads {

    public static final String NAME = "readonly";

    private static final Logger LOG = Logger.getLogger(ReplicaReads.class);

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @Inject
    @DataSource(NAME)
    InjectableInstance<AgroalDataSource> readonly;
    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource primary;

    /** Runs {@code work} on the read-only datasource when it is configured and reachable, else on the primary. */
    public <T> T read(Work<T> work) {
        AgroalDataSource replica = replica();
        if (replica != null) {
            Connection connection;
            try {
                connection = replica.getConnection();
            } catch (SQLException e) {
                if (!DatabaseOutage.in(e)) {
                    throw new IllegalStateException("could not get a connection of the read-only datasource", e);
                }
                LOG.warnf("The read-only datasource is unavailable (%s): reading from the primary", DatabaseOutage.describe(e));
                return primary(work);
            }
            try (connection) {
                return work.run(connection);
            } catch (SQLException e) {
                if (StatementTimeoutException.SQL_STATE.equals(e.getSQLState())) {
                    throw new StatementTimeoutException(e, null); // TIMEOUT, as Hibernate reports it on the primary
                }
                throw new IllegalStateException("a read on the read-only datasource failed", e);
            }
        }
        return primary(work);
    }

    /**
     * Runs {@code work} on a connection of its own, outside the caller's transaction (one part of a read split over
     * connections): the read-only datasource's when it is configured and reachable, else a new one of the primary.
     */
    public <T> T readApart(Work<T> work) {
        AgroalDataSource replica = replica();
        if (replica != null) {
            return read(work);
        }
        try (Connection connection = primary.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            if (StatementTimeoutException.SQL_STATE.equals(e.getSQLState())) {
                throw new StatementTimeoutException(e, null);
            }
            throw new IllegalStateException("a read on a connection of its own failed", e);
        }
    }

    /** Whether reads go to the read-only datasource (it is configured). */
    public boolean usesReplica() {
        return replica() != null;
    }

    private AgroalDataSource replica() {
        var active = readonly.listActive();
        return active.isEmpty() ? null : active.getFirst();
    }

    private <T> T primary(Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }
}
