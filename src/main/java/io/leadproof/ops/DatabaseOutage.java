package io.leadproof.ops;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * The one home of two rules: which failures mean "the database cannot be reached right now" (as opposed to a bug or
 * a bad value), and how such an outage is logged — once, at WARN, when it starts, and once at INFO when the database
 * answers again; every failure in between is logged at DEBUG only.
 *
 * <p>An outage is a {@link SQLException} anywhere among the causes or suppressed exceptions whose SQLSTATE is of
 * class {@code 08} (connection exception: refused, reset, closed), {@code 57P01}–{@code 57P03} (the server shuts down,
 * crashed, or is starting up), {@code 53300} (too many connections), or the pool's acquisition timeout (no connection
 * could be had within {@code quarkus.datasource.jdbc.acquisition-timeout}). API clients get {@code UNAVAILABLE} for
 * these, background loops retry them with backoff, and rescoring never fails a job over them.
 *
 * <p>The outage ends when a background loop, which all touch the database every few seconds, succeeds again
 * ({@link #reachable}), or at the latest after {@link #QUIET} without any further failure.
 *
 * <p>When a connection died (not a pool that ran dry), every connection the pools hold is likely as dead as that one
 * (a restart): {@link #whenConnectionsDie} hooks ({@link PoolFlushOnOutage}) replace them, so that the pools need not
 * test each connection at every checkout to recover. The handoff listener's connection is usually the first to see it.
 */
public final class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");
    static final Duration QUIET = Duration.ofSeconds(60);

    private static final Object LOCK = new Object();
    private static volatile long startedNanos; // 0: no outage
    private static long lastFailureNanos;
    private static final AtomicLong failures = new AtomicLong();
    private static volatile Duration retryAfter = Duration.ofSeconds(5);
    private static final List<Runnable> CONNECTIONS_DIED = new CopyOnWriteArrayList<>();
    static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
    private static final AtomicLong lastFlushNanos = new AtomicLong(System.nanoTime() - FLUSH_EVERY.toNanos() - 1);

    private DatabaseOutage() {
    }

    /** Whether {@code failure} means the database could not be reached. */
    public static boolean in(Throwable failure) {
        return cause(failure) != null;
    }

    /** The SQL exception that makes {@code failure} an outage, or null. */
    static SQLException cause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        var todo = new ArrayDeque<Throwable>();
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql && outage(sql)) {
                return sql;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return null;
    }

    /** Runs {@code hook} when a connection failed (class 08, 57P01-57P03): at most once a {@link #FLUSH_EVERY}. */
    public static void whenConnectionsDie(Runnable hook) {
        CONNECTIONS_DIED.add(hook);
    }

    /** Removes a hook of {@link #whenConnectionsDie} (its pools are closed). */
    public static void forget(Runnable hook) {
        CONNECTIONS_DIED.remove(hook);
    }

    private static void connectionsDied(SQLException cause, long now) {
        if (cause == null || cause.getSQLState() == null || "53300".equals(cause.getSQLState())) {
            return; // a pool or a server out of connections: the connections held are fine
        }
        long last = lastFlushNanos.get();
        if (now - last > FLUSH_EVERY.toNanos() && lastFlushNanos.compareAndSet(last, now)) {
            for (Runnable hook : CONNECTIONS_DIED) {
                try {
                    hook.run();
                } catch (RuntimeException e) {
                    LOG.debugf("A pool could not be flushed after a connection failure: %s", e);
                }
            }
        }
    }

    private static boolean outage(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            return state.startsWith("08") || STATES.contains(state);
        }
        // Agroal's wording for "no connection within the acquisition timeout"; it carries no SQLSTATE.
        return e.getMessage() != null && e.getMessage().contains("acquisition timeout");
    }

    /** A short description of the outage behind {@code failure}: SQLSTATE and driver message, no stack. */
    public static String describe(Throwable failure) {
        SQLException sql = cause(failure);
        if (sql == null) {
            return String.valueOf(failure);
        }
        return (sql.getSQLState() == null ? "" : "SQLSTATE " + sql.getSQLState() + ": ") + sql.getMessage();
    }

    /** Records a failure that {@link #in} classified as an outage; the first of an outage is logged at WARN. */
    public static void failed(Throwable failure, String where) {
        failures.incrementAndGet();
        long now = System.nanoTime();
        boolean first;
        synchronized (LOCK) {
            first = startedNanos == 0 || now - lastFailureNanos > QUIET.toNanos();
            if (first) {
                startedNanos = now;
                failures.set(1);
            }
            lastFailureNanos = now;
        }
        connectionsDied(cause(failure), now);
        if (first) {
            LOG.warnf("Database unavailable (%s, first seen by %s); API requests are answered UNAVAILABLE and background"
                    + " loops retry with backoff until it answers again. Further failures are logged at DEBUG.",
                    describe(failure), where);
        } else {
            LOG.debugf("Database still unavailable (%s): %s", where, describe(failure));
        }
    }

    /**
     * The database answered work that began at {@code workStartedNanos}; ends an outage in progress with one INFO
     * line. Work that began before the outage's last failure proves nothing: a pass already past its last query when
     * the database went away succeeds in the middle of the outage.
     */
    public static void reachable(long workStartedNanos) {
        if (startedNanos == 0) {
            return;
        }
        long started;
        synchronized (LOCK) {
            if (workStartedNanos - lastFailureNanos <= 0) {
                return;
            }
            started = startedNanos;
            startedNanos = 0;
        }
        if (started != 0) {
            LOG.infof("Database reachable again after %.1f s (%d failed requests and loop attempts in between).",
                    (System.nanoTime() - started) / 1e9, failures.get());
        }
    }

    /** Whether an outage is in progress. */
    public static boolean ongoing() {
        synchronized (LOCK) {
            return startedNanos != 0 && System.nanoTime() - lastFailureNanos <= QUIET.toNanos();
        }
    }

    /** Whether an outage was seen within {@link #QUIET}, over or not: the pool may still hold connections it killed. */
    static boolean recentlySeen() {
        synchronized (LOCK) {
            return lastFailureNanos != 0 && System.nanoTime() - lastFailureNanos <= QUIET.toNanos();
        }
    }

    /** How long clients are told to wait before retrying ({@code extensions.retryAfter}, {@code Retry-After}). */
    public static long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }

    static void retryAfter(Duration value) {
        retryAfter = value;
    }
}
