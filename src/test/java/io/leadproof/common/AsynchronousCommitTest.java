package io.leadproof.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** A background job's transaction commits without waiting for the disk; the connection's next transaction waits again. */
@QuarkusTest
class AsynchronousCommitTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void only_the_current_transaction_commits_without_waiting_for_its_wal() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String before = setting(c);
            assertThat(before).isEqualTo("on");

            AsynchronousCommit.forThisTransaction(c);
            assertThat(setting(c)).isEqualTo("off");
            c.commit();

            assertThat(setting(c)).as("pooled connections keep the server's setting").isEqualTo(before);
            c.commit();
        }
    }

    private static String setting(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("show synchronous_commit")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
