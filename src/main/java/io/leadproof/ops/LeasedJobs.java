package io.leadproof.ops;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * The two halves of every leased job (rescoring, backtests, trainings, signal analyses): claiming the next job across
 * workspaces through a SECURITY DEFINER claim function of the shape {@code claim_x(owner text, lease interval) returns
 * (workspace_id, job_id, taken_from, lease_ended_at)}, and keeping the lease while the job runs.
 */
public final class LeasedJobs {

    private static final Logger LOG = Logger.getLogger(LeasedJobs.class);

    /** A claimed job; {@code takenFrom} is the previous holder when its lease had run out (null for a queued job). */
    public record Claim(String workspaceId, UUID jobId, String takenFrom, Instant leaseEndedAt) {
        public boolean takenOver(String owner) {
            return takenFrom != null && !owner.equals(takenFrom);
        }
    }

    private LeasedJobs() {
    }

    /** The next job {@code claimFunction} hands to {@code owner} under a lease of {@code lease}, or null. */
    public static Claim claimNext(DataSource dataSource, String claimFunction, String owner, Duration lease) throws SQLException {
        if (!claimFunction.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a function name: " + claimFunction);
        }
        try (var c = dataSource.getConnection();
                var ps = c.prepareStatement("select workspace_id, job_id, taken_from, lease_ended_at from " + claimFunction
                        + "(?, make_interval(secs => ?))")) {
            ps.setString(1, owner);
            ps.setDouble(2, lease.toMillis() / 1000.0);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Timestamp ended = rs.getTimestamp(4);
                return new Claim(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), ended == null ? null : ended.toInstant());
            }
        }
    }

    /**
     * Renews a lease every third of it on a virtual thread until closed. {@code renew} answers false when the job was
     * cancelled or taken over: then {@link #lost()} turns true and renewing stops. A renewal that fails (the database
     * is away) is tried again at the next turn; the lease may run out meanwhile, and another pod take the job over.
     */
    public static final class Keeper implements AutoCloseable {
        private final AtomicBoolean lost = new AtomicBoolean();
        private volatile boolean done;
        private final Thread thread;

        public Keeper(String name, Duration lease, BooleanSupplier renew) {
            Duration every = lease.dividedBy(3);
            thread = Thread.ofVirtual().name(name).start(() -> {
                while (!done) {
                    try {
                        Thread.sleep(every);
                    } catch (InterruptedException e) {
                        return;
                    }
                    try {
                        if (!done && !renew.getAsBoolean()) {
                            lost.set(true);
                            return;
                        }
                    } catch (RuntimeException e) {
                        LOG.debugf("could not renew the lease (%s): %s", name, e);
                    }
                }
            });
        }

        /** True once the job was cancelled or taken over: stop working on it. */
        public boolean lost() {
            return lost.get();
        }

        @Override
        public void close() {
            done = true;
            thread.interrupt();
        }
    }
}
