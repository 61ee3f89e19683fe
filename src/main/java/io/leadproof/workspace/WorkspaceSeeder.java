package io.leadproof.workspace;

import java.sql.Connection;
import java.sql.SQLException;

/** Gives a brand-new workspace its defaults, in the transaction that creates the workspace row. */
public interface WorkspaceSeeder {

    void seed(Connection connection, String workspaceId) throws SQLException;
}
