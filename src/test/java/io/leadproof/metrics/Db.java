package io.leadproof.metrics;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.leadproof.security.WorkspaceConnectionSettings;

/** Test JDBC in one transaction bound to a workspace (row-level security shows and accepts only its rows). */
final class Db {

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Db() {
    }

    static <T> T in(DataSource ds, String workspace, Work<T> work) {
        try (var c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                WorkspaceConnectionSettings.bind(c, workspace);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
