package io.leadproof.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadproof.support.Await;
import io.leadproof.support.LogCapture;

/** The shared mechanism of the background loops, without a server: what a failing pass does to a loop. */
class SupervisedLoopTest {

    static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20));

    /** Every test here makes loops fail on purpose: what they log is checked, not printed. */
    LogCapture logs;

    @BeforeEach
    void quiet() {
        logs = LogCapture.quiet(SupervisedLoop.class, DatabaseOutage.class);
    }

    @AfterEach
    void loud() {
        logs.close();
    }

    @Test
    void a_loop_survives_any_exception_and_is_down_until_a_pass_works_again() {
        var passes = new AtomicInteger();
        var loop = new SupervisedLoop("flaky", Duration.ofMillis(5), Duration.ZERO, FAST, l -> {
            switch (passes.incrementAndGet()) {
                case 1 -> throw new IllegalStateException("a bug");
                case 2 -> throw new StackOverflowError();
                case 3 -> throw new RuntimeException(new SQLException("Connection refused", "08001"));
                default -> {
                }
            }
        });
        loop.start();
        try {
            Await.until("the loop to be up after three failed passes", Duration.ofSeconds(5), () -> passes.get() > 3);
            Await.until("UP", Duration.ofSeconds(5), () -> loop.state() == SupervisedLoop.State.UP);
            assertThat(loop.dead()).isFalse();
            assertThat(loop.describe()).startsWith("UP since");
            assertThat(logs.atLeast(Level.WARNING)).as("a bug is logged with its stack trace")
                    .anySatisfy(e -> assertThat(e.thrown()).hasMessage("a bug"));
        } finally {
            loop.stop(Duration.ofSeconds(1));
        }
        assertThat(loop.state()).isEqualTo(SupervisedLoop.State.STOPPED);
    }

    @Test
    void a_continuous_loop_reports_down_while_it_reconnects() throws Exception {
        var sessions = new AtomicInteger();
        var away = new java.util.concurrent.atomic.AtomicBoolean();
        var drop = new CountDownLatch(1);
        var end = new CountDownLatch(1);
        var loop = new SupervisedLoop("listener", null, Duration.ZERO, FAST, l -> {
            if (away.get()) {
                throw new SQLException("Connection refused", "08001");
            }
            l.up();
            if (sessions.incrementAndGet() == 1) {
                drop.await();
                away.set(true);
                throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
            }
            end.await();
        });
        loop.start();
        try {
            Await.until("the first session", Duration.ofSeconds(5), () -> loop.state() == SupervisedLoop.State.UP);
            drop.countDown();
            Await.until("DOWN after the session broke", Duration.ofSeconds(5), () -> loop.state() == SupervisedLoop.State.DOWN);
            Thread.sleep(50);
            assertThat(loop.state()).as("still down while the database is away").isEqualTo(SupervisedLoop.State.DOWN);
            assertThat(loop.describe()).contains("database unavailable: SQLSTATE 08001");
            away.set(false);
            Await.until("UP after reconnecting", Duration.ofSeconds(5), () -> loop.state() == SupervisedLoop.State.UP);
            assertThat(sessions.get()).isEqualTo(2);
        } finally {
            end.countDown();
            loop.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void wake_runs_a_periodic_pass_at_once() {
        var passes = new AtomicInteger();
        var loop = new SupervisedLoop("hourly", Duration.ofHours(1), Duration.ZERO, FAST, l -> passes.incrementAndGet());
        loop.start();
        try {
            Await.until("the first pass", Duration.ofSeconds(5), () -> passes.get() == 1);
            loop.wake();
            Await.until("a pass on wake, not an hour later", Duration.ofSeconds(5), () -> passes.get() == 2);
        } finally {
            loop.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void a_pass_without_progress_counts_as_stuck() throws Exception {
        var release = new CountDownLatch(1);
        var loop = new SupervisedLoop("slow", Duration.ofHours(1), Duration.ZERO, FAST, l -> release.await());
        loop.start();
        try {
            Thread.sleep(50);
            assertThat(loop.stuck(Duration.ofMillis(10))).isTrue();
            assertThat(loop.stuck(Duration.ofMinutes(1))).isFalse();
        } finally {
            release.countDown();
            loop.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void backoff_doubles_with_jitter_up_to_its_maximum() {
        var lowest = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10), () -> 0.0);
        var highest = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10), () -> 1.0);
        assertThat(highest.after(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(lowest.after(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(highest.after(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(lowest.after(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(highest.after(50)).isEqualTo(Duration.ofSeconds(10));
        assertThat(lowest.after(50)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void outages_are_told_apart_from_bugs() {
        assertThat(DatabaseOutage.in(new IllegalStateException("could not set the workspace",
                new SQLException("An I/O error occurred", "08006")))).isTrue();
        var rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new SQLException("terminating connection due to administrator command", "57P01"));
        assertThat(DatabaseOutage.in(rollback)).isTrue();
        assertThat(DatabaseOutage.in(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(DatabaseOutage.in(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseOutage.in(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseOutage.in(new SQLException("canceling statement due to statement timeout", "57014"))).isFalse();
        assertThat(DatabaseOutage.in(new IllegalStateException("a bug"))).isFalse();
    }
}
