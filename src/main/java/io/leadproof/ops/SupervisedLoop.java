package io.leadproof.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * A long-lived background loop on a thread of its own that survives any exception. A failed pass marks the loop DOWN
 * (readiness reports it), is logged once — an outage through {@link DatabaseOutage}, anything else at WARN with its
 * stack — and is retried after an exponential {@link Backoff}; the first pass that works again marks it UP.
 *
 * <p>Two shapes: a <em>periodic</em> loop runs its body every {@code every} (and at once on {@link #wake()}); a
 * <em>continuous</em> loop's body holds on to something (a LISTEN connection), calls {@link #up()} once it is
 * established and runs until it fails or the loop stops. Long bodies call {@link #beat()} now and then, so that
 * liveness can tell a slow loop from a wedged one.
 */
public final class SupervisedLoop {

    private static final Logger LOG = Logger.getLogger(SupervisedLoop.class);

    @FunctionalInterface
    public interface Body {
        void run(SupervisedLoop loop) throws Exception;
    }

    public enum State {
        STARTING, UP, DOWN, STOPPED
    }

    private final String name;
    private final Duration every;
    private final Duration delay;
    private final Backoff backoff;
    private final Body body;

    private volatile State state = State.STARTING;
    private volatile Instant since = Instant.now();
    private volatile int failures;
    private volatile String lastError;
    private volatile long lastBeat = System.nanoTime();
    private volatile long passStarted = System.nanoTime();
    private volatile boolean inBody;
    private volatile boolean running;
    private boolean woken; // guarded by this
    private Thread thread;

    SupervisedLoop(String name, Duration every, Duration delay, Backoff backoff, Body body) {
        this.name = name;
        this.every = every;
        this.delay = delay;
        this.backoff = backoff;
        this.body = body;
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name(name).start(this::loop);
    }

    void stop(Duration grace) {
        running = false;
        wake();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** False once the application stops: a continuous body returns when it sees that. */
    public boolean running() {
        return running;
    }

    /** Runs a periodic loop's next pass now, cutting short its wait (or backoff). */
    public void wake() {
        synchronized (this) {
            woken = true;
            notifyAll();
        }
    }

    /** Progress: the body is working, not stuck. */
    public void beat() {
        lastBeat = System.nanoTime();
    }

    /** The loop works (again); ends a DOWN period with one INFO line. */
    public void up() {
        beat();
        DatabaseOutage.reachable(passStarted);
        if (state == State.UP) {
            return;
        }
        if (state == State.DOWN) {
            LOG.infof("Background loop %s is up again after %.1f s and %d failed attempts", name,
                    Duration.between(since, Instant.now()).toMillis() / 1000.0, failures);
        }
        failures = 0;
        lastError = null;
        since = Instant.now();
        state = State.UP;
    }

    private void loop() {
        pause(delay);
        while (running) {
            try {
                inBody = true;
                passStarted = System.nanoTime();
                beat();
                body.run(this);
                inBody = false;
                if (!running) {
                    break;
                }
                if (every == null) {
                    throw new IllegalStateException("the loop body returned while the application runs");
                }
                up();
                pause(every);
            } catch (Throwable t) {
                inBody = false;
                Thread.interrupted(); // a pass interrupted by anything but stop() is a failed pass like any other
                if (!running) {
                    break;
                }
                down(t);
                pause(backoff.after(failures));
            }
        }
        state = State.STOPPED;
    }

    private void down(Throwable t) {
        failures++;
        boolean outage = DatabaseOutage.in(t);
        lastError = outage ? "database unavailable: " + DatabaseOutage.describe(t) : String.valueOf(t);
        boolean first = state != State.DOWN;
        if (first) {
            state = State.DOWN;
            since = Instant.now();
        }
        if (outage) {
            DatabaseOutage.failed(t, name);
            if (first) {
                LOG.infof("Background loop %s is waiting for the database, retrying with backoff", name);
            }
        } else if (first) {
            LOG.warnf(t, "Background loop %s failed; retrying with backoff (up to %s apart)", name, backoff.max());
        } else {
            LOG.debugf("Background loop %s failed again (%d in a row): %s", name, failures, t);
        }
    }

    private void pause(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            while (running && !woken) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                beat();
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.SECONDS.toNanos(10)));
                } catch (InterruptedException e) {
                    if (!running) {
                        return;
                    }
                }
            }
            woken = false;
        }
        beat();
    }

    public String name() {
        return name;
    }

    public State state() {
        return state;
    }

    /** The thread ended although the loop was not stopped: nothing will run it again. */
    boolean dead() {
        return running && thread != null && !thread.isAlive();
    }

    /** A pass has been running for longer than {@code after} without a {@link #beat()}. */
    boolean stuck(Duration after) {
        return inBody && System.nanoTime() - lastBeat > after.toNanos();
    }

    /** For the health checks: the state, and for a DOWN loop since when, how often and why. */
    String describe() {
        return switch (state) {
            case DOWN -> "DOWN since " + since + " after " + failures + " failed attempts; last: " + lastError;
            case UP -> "UP since " + since;
            default -> state.name();
        };
    }
}
