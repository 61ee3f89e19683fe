package io.leadproof.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** An outage ends only when work that began after its last failure succeeds. */
class DatabaseOutageTest {

    @Test
    void a_pass_begun_before_the_last_failure_does_not_end_the_outage_but_a_later_one_does() {
        long passBeganBeforeTheCut = System.nanoTime();
        DatabaseOutage.failed(new SQLException("The connection attempt failed.", "08001"), "a test loop");
        assertThat(DatabaseOutage.ongoing()).isTrue();

        DatabaseOutage.reachable(passBeganBeforeTheCut);
        assertThat(DatabaseOutage.ongoing()).as("a pass past its last query when the database went away").isTrue();

        DatabaseOutage.reachable(System.nanoTime());
        assertThat(DatabaseOutage.ongoing()).isFalse();
    }

    @Test
    void only_connection_failures_are_outages() {
        assertThat(DatabaseOutage.in(new IllegalStateException(new SQLException("reset", "08006")))).isTrue();
        assertThat(DatabaseOutage.in(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
