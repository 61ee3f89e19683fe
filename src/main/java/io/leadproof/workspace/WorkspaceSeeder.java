package io.leadproof.workspace;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Gives a workspace its defaults, in the transaction that ensures the workspace row. Runs on the first
 * sighting of a workspace per pod, so it must be idempotent: it adds only what is missing.
 */
public interface WorkspaceSeeder {

    void seed(Connection connection, String workspaceId) throws SQLException;
}
