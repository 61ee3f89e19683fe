package io.leadproof.workspace;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.leadproof.security.WorkspaceConnectionSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Creates the workspace row the first time an organization from the identity provider shows up.
 * It uses its own JDBC connection because it runs while Hibernate is still resolving the tenant
 * of the caller's session, where that session cannot be used.
 */
@ApplicationScoped
public class WorkspaceDirectory {

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    jakarta.enterprise.inject.Instance<WorkspaceSeeder> seeders;

    public void ensureExists(String workspaceId) {
        if (known.contains(workspaceId)) {
            return;
        }
        // Outside the caller's transaction, so the connection is not enlisted and commits at once.
        QuarkusTransaction.suspendingExisting().run(() -> insert(workspaceId));
        known.add(workspaceId);
    }

    private void insert(String workspaceId) {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // Row-level security: the new workspace's rows are written as that workspace.
            WorkspaceConnectionSettings.bind(connection, workspaceId);
            try (var insert = connection.prepareStatement(
                    "insert into workspace (workspace_id, name) values (?, ?) on conflict do nothing")) {
                insert.setString(1, workspaceId);
                insert.setString(2, workspaceId);
                insert.executeUpdate();
                // Seeders are idempotent and run on every first sighting per pod, not only at creation:
                // a workspace created before a seeder existed still gets its defaults after an upgrade.
                for (WorkspaceSeeder seeder : seeders) {
                    seeder.seed(connection, workspaceId);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not provision workspace " + workspaceId, e);
        }
    }

    /**
     * Every workspace, for jobs that visit each one in its own scope. Row-level security hides other workspaces'
     * rows, so the list comes from a SECURITY DEFINER function (R__workspace_directory.sql).
     */
    public java.util.List<String> allIds() {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("select id from all_workspace_ids() id");
                var rs = query.executeQuery()) {
            var ids = new java.util.ArrayList<String>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list workspaces", e);
        }
    }
}
