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
 * The two halves of every leased job (rescoring, backtests, trainings, bulk predictions, imports, signal analyses):
 * claiming the next job across workspaces through the SECURITY DEFINER function {@code claim_leased_job} of
 * R__leased_job_claims.sql, which holds the one claim rule and the whitelist of kinds, and keeping the lease while
 * the job runs.
 */
public final class LeasedJobs {

    private static final Logger LOG = Logger.getLogger(LeasedJobs.class);

    /** The kinds of leased jobs: each names a row of the whitelist in claim_leased_job. */
    public enum Kind {
        /** Rescoring after a publish; a takeover resumes each part at its cursor. */
        RESCORING,
        /** A criteria backtest; a takeover replays it from the start. */
        BACKTEST,
        /** A predictive model's training; a takeover trains again. */
        PREDICTIVE_TRAINING,
        /** The bulk prediction of a served model; a takeover resumes after the last lead done (the checkpoint). */
        PREDICTION_BULK,
        /** A CSV import; a takeover resumes after the last committed row (the checkpoint). */
        IMPORT,
        /** A signal analysis; a takeover runs it again from the start. */
        SIGNAL_ANALYSIS;

        /** The kind's name in claim_leased_job. */
        public String sqlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A claimed job; {@code takenFrom} is the previous holder when its lease had run out (null for a queued job), and
     * {@code checkpoint} where a kind that resumes goes on from (its progress column as text; null for the others).
     */
    public record Claim(String workspaceId, UUID jobId, String takenFrom, Instant leaseEndedAt, String checkpoint) {
        public boolean takenOver(String owner) {
            return takenFrom != null && !owner.equals(takenFrom);
        }
    }

    private LeasedJobs() {
    }

    /** A new lease holder's name for this process: the pod's name (HOSTNAME on Kubernetes), process id and a random tag. */
    public static String owner() {
        return System.getenv().getOrDefault("HOSTNAME", "local") + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A failed job's reason: the first line of the root cause's message, at most 300 characters. */
    public static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    /** The next job of {@code kind} for {@code owner}, now held under a lease of {@code lease}; null when there is none. */
    public static Claim claimNext(DataSource dataSource, Kind kind, String owner, Duration lease) throws SQLException {
        try (var c = dataSource.getConnection();
                var ps = c.prepareStatement("select workspace_id, job_id, taken_from, lease_ended_at, checkpoint"
                        + " from claim_leased_job(?, ?, make_interval(secs => ?))")) {
            ps.setString(1, kind.sqlName());
            ps.setString(2, owner);
            ps.setDouble(3, lease.toMillis() / 1000.0);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Timestamp ended = rs.getTimestamp(4);
                return new Claim(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), ended == null ? null : ended.toInstant(),
                        rs.getString(5));
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
