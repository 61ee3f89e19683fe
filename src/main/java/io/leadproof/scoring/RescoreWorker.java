package io.leadproof.scoring;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.leadproof.ops.BackgroundLoops;
import io.leadproof.ops.DatabaseOutage;
import io.leadproof.ops.LeasedJobs;
import io.leadproof.ops.LeasedJobs.Claim;
import io.leadproof.ops.SupervisedLoop;
import io.leadproof.security.WorkspaceScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Claims rescoring jobs across workspaces ({@link LeasedJobs}, skip-locked, so many pods can poll) and works each one
 * off in its own workspace scope, its parts in parallel, under a lease a {@link LeasedJobs.Keeper} renews every third
 * of {@code leadproof.scoring.lease}: a crashed pod's job is taken over once its lease runs out. A failed chunk is retried with backoff; a job fails only
 * when an error outlasts the retries and is not a database outage (an outage leaves it RUNNING, to be resumed).
 */
@ApplicationScoped
public class RescoreWorker {

    private static final Logger LOG = Logger.getLogger(RescoreWorker.class);
    /** This process, as a lease holder. */
    static final String OWNER = LeasedJobs.owner();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    WorkspaceScope scope;
    @Inject
    RescoreJobs jobs;
    @Inject
    RescoreLease leases;
    @Inject
    BackgroundLoops loops;
    @Inject
    ScoringConfig config;

    private volatile SupervisedLoop claims;

    void start(@Observes StartupEvent event) {
        claims = loops.every("rescore-claims", config.pollEvery(), Duration.ZERO, this::workOff);
    }

    // The pod that queued a job starts it at once instead of at its next poll; any pod may still claim it first.
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) RescoreQueued queued) {
        if (claims != null) {
            claims.wake();
        }
    }

    private void workOff(SupervisedLoop loop) throws SQLException {
        Claim claim;
        while (loop.running() && (claim = LeasedJobs.claimNext(dataSource, LeasedJobs.Kind.RESCORING, OWNER, config.lease())) != null) {
            run(claim, loop);
        }
    }

    /** Works the job's parts off in parallel, one thread per part, while a {@link LeasedJobs.Keeper} keeps the lease. */
    void run(Claim claim, SupervisedLoop loop) {
        logTakeover(claim);
        var failure = new AtomicReference<RuntimeException>();
        try (var lease = new LeasedJobs.Keeper("rescore-lease", config.lease(), () -> renew(claim))) {
            List<Integer> parts = attempt(claim, "starting", lease, () -> inJob(claim, () -> jobs.openParts(claim.jobId())));
            try (var pool = Executors.newFixedThreadPool(Math.max(1, parts.size()), Thread.ofPlatform().name("rescore-", 0).factory())) {
                for (int part : parts) {
                    pool.submit(() -> {
                        try {
                            boolean more = true;
                            while (more && failure.get() == null && !lease.lost() && loop.running()) {
                                more = attempt(claim, "a chunk of part " + part, lease,
                                        () -> inJob(claim, () -> jobs.processChunk(claim.jobId(), part, OWNER)));
                                loop.beat();
                            }
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        RuntimeException e = failure.get();
        if (e == null) {
            giveBackIfUnfinished(claim);
        } else if (DatabaseOutage.in(e)) {
            giveBackIfUnfinished(claim);
            throw e; // the loop waits for the database; the job stays RUNNING and is resumed at its cursors
        } else {
            String incident = UUID.randomUUID().toString();
            LOG.errorf(e, "Rescoring job %s of workspace %s failed %d times in a row and is now FAILED until resumed (incident %s)",
                    claim.jobId(), claim.workspaceId(), config.chunkAttempts(), incident);
            String reason = "Stopped after " + config.chunkAttempts() + " failed attempts: " + LeasedJobs.reason(e)
                    + " (incident " + incident + ")";
            inJob(claim, () -> {
                jobs.markFailed(claim.jobId(), reason);
                return null;
            });
        }
    }

    /** Runs {@code work}, retrying failures with exponential backoff up to leadproof.scoring.chunk-attempts in all. */
    private <T> T attempt(Claim claim, String what, LeasedJobs.Keeper lease, Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= config.chunkAttempts() || lease.lost()) {
                    throw e;
                }
                Duration wait = config.chunkBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
                if (DatabaseOutage.in(e)) {
                    DatabaseOutage.failed(e, "rescoring job " + claim.jobId());
                } else {
                    LOG.warnf("Rescoring job %s of workspace %s: %s failed (attempt %d of %d), retrying in %s: %s",
                            claim.jobId(), claim.workspaceId(), what, attempt, config.chunkAttempts(), wait, LeasedJobs.reason(e));
                }
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Extends the lease; false (and a warning) when the job is no longer running under this pod. */
    private boolean renew(Claim claim) {
        if (inJob(claim, () -> leases.renew(claim.jobId(), OWNER, config.lease()))) {
            return true;
        }
        LOG.warnf("Rescoring job %s of workspace %s is no longer held by this pod; stopping after the current chunk",
                claim.jobId(), claim.workspaceId());
        return false;
    }

    private void giveBackIfUnfinished(Claim claim) {
        try {
            inJob(claim, () -> {
                leases.release(claim.jobId(), OWNER);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.debugf("could not give back rescoring job %s; its lease runs out by itself: %s", claim.jobId(), e);
        }
    }

    private <T> T inJob(Claim claim, Supplier<T> work) {
        return scope.call(claim.workspaceId(), () -> QuarkusTransaction.requiringNew().call(work::get));
    }

    private void logTakeover(Claim claim) {
        if (claim.takenOver(OWNER)) {
            LOG.warnf("Took over rescoring job %s of workspace %s from %s, whose lease ran out at %s; resuming at its cursors",
                    claim.jobId(), claim.workspaceId(), claim.takenFrom(), claim.leaseEndedAt());
        } else if (claim.leaseEndedAt() != null) {
            LOG.infof("Resuming rescoring job %s of workspace %s at its cursors", claim.jobId(), claim.workspaceId());
        }
    }
}
