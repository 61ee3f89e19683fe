package io.leadproof.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** An outage ends only when work that began after its last failure succeeds; a dead connection flushes the pools. */
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
    void a_dead_connection_flushes_the_pools_at_most_once_a_second_but_a_server_out_of_connections_does_not() throws Exception {
        var flushes = new AtomicInteger();
        DatabaseOutage.whenConnectionsDie(flushes::incrementAndGet);
        Thread.sleep(DatabaseOutage.FLUSH_EVERY.toMillis() + 100);

        DatabaseOutage.failed(new SQLException("sorry, too many clients already", "53300"), "a test");
        DatabaseOutage.failed(new SQLException("Sorry, acquisition timeout!"), "a test");
        assertThat(flushes).as("the connections held still work").hasValue(0);

        DatabaseOutage.failed(new IllegalStateException(new SQLException("An I/O error occurred", "08006")), "a test");
        DatabaseOutage.failed(new SQLException("terminating connection due to administrator command", "57P01"), "a test");
        assertThat(flushes).as("one flush for the failures of one restart").hasValue(1);

        Thread.sleep(DatabaseOutage.FLUSH_EVERY.toMillis() + 100);
        DatabaseOutage.failed(new SQLException("the database system is starting up", "57P03"), "a test");
        assertThat(flushes).hasValue(2);
    }

    @Test
    void only_connection_failures_are_outages() {
        assertThat(DatabaseOutage.in(new IllegalStateException(new SQLException("reset", "08006")))).isTrue();
        assertThat(DatabaseOutage.in(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
