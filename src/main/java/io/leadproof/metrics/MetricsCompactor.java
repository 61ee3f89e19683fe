package io.leadproof.metrics;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.leadproof.security.WorkspaceConnectionSettings;
import io.leadproof.workspace.WorkspaceDirectory;
import io.leadproof.ops.BackgroundLoops;
import io.leadproof.ops.DatabaseOutage;
import io.leadproof.ops.SupervisedLoop;
import io.quarkus.runtime.StartupEvent;

/**
 * Folds the pending delta rows of the metrics rollups (V4__metrics.sql, metrics_compact). Only a matter of speed:
 * reads are exact with or without it. Visits each workspace in short transactions of its own, bound to that
 * workspace for row-level security.
 */
@ApplicationScoped
public class MetricsCompactor {

    static final int PENDING_ROWS_PER_CALL = 2000;
    private static final Logger LOG = Logger.getLogger(MetricsCompactor.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    WorkspaceDirectory directory;

    @Inject
    BackgroundLoops loops;
    @Inject
    MetricsConfig config;

    void start(@Observes StartupEvent event) {
        loops.every("metrics-compaction", config.compactEvery(), config.compactEvery(), this::compact);
    }

    void compact(SupervisedLoop loop) throws SQLException {
        for (String workspace : directory.allIds()) {
            try {
                compact(workspace);
                loop.beat();
            } catch (SQLException e) {
                if (DatabaseOutage.in(e)) {
                    throw e; // the whole pass waits for the database
                }
                LOG.warnf("metrics compaction of %s failed, retried on the next pass: %s", workspace, e.getMessage());
            }
        }
    }

    void compact(String workspace) throws SQLException {
        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            int folded;
            do {
                WorkspaceConnectionSettings.bind(c, workspace);
                try (var ps = c.prepareStatement("select metrics_compact(?, ?)")) {
                    ps.setString(1, workspace);
                    ps.setInt(2, PENDING_ROWS_PER_CALL);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        folded = rs.getInt(1);
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } while (folded >= PENDING_ROWS_PER_CALL);
        }
    }
}
