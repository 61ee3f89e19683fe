package io.leadproof.scoring;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.leadproof.security.WorkspaceScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Claims rescoring jobs across workspaces (skip-locked, so many pods can poll) and works each one
 * off in its own workspace scope, its parts in parallel. A job whose worker stopped heart-beating is taken over.
 */
@ApplicationScoped
public class RescoreWorker {

    private static final Logger LOG = Logger.getLogger(RescoreWorker.class);
    static final String STALE_AFTER = "30 seconds";

    public record Claim(String workspaceId, UUID jobId) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    WorkspaceScope scope;
    @Inject
    RescoreJobs jobs;

    private final AtomicBoolean polling = new AtomicBoolean();

    /** Works off every claimable job; a no-op while this pod is already doing so (that loop claims the new job too). */
    @Scheduled(every = "${leadproof.scoring.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        try {
            Claim claim;
            while ((claim = claimNext()) != null) {
                run(claim);
            }
        } finally {
            polling.set(false);
        }
    }

    // The pod that queued a job starts it at once instead of at its next poll; any pod may still claim it first.
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) RescoreQueued queued) {
        Thread.ofPlatform().daemon().name("rescore-claim").start(this::poll);
    }

    /** Works the job's parts off in parallel, one thread per part; the first failure stops the others and fails the job. */
    public void run(Claim claim) {
        var failure = new AtomicReference<RuntimeException>();
        try {
            List<Integer> parts = scope.call(claim.workspaceId(),
                    () -> QuarkusTransaction.requiringNew().call(() -> jobs.openParts(claim.jobId())));
            try (var pool = Executors.newFixedThreadPool(Math.max(1, parts.size()), Thread.ofPlatform().name("rescore-", 0).factory())) {
                for (int part : parts) {
                    pool.submit(() -> {
                        try {
                            boolean more = true;
                            while (more && failure.get() == null) {
                                more = scope.call(claim.workspaceId(),
                                        () -> QuarkusTransaction.requiringNew().call(() -> jobs.processChunk(claim.jobId(), part)));
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
        if (e != null) {
            LOG.errorf(e, "rescoring job %s of workspace %s failed", claim.jobId(), claim.workspaceId());
            scope.run(claim.workspaceId(), () -> QuarkusTransaction.requiringNew().run(() -> jobs.markFailed(claim.jobId(), e)));
        }
    }

    public Claim claimNext() {
        // Across workspaces, which row-level security hides from the application role: a SECURITY DEFINER function
        // (V5__row_level_security.sql) claims the job and returns only its ids.
        try (var c = dataSource.getConnection();
                var ps = c.prepareStatement("select workspace_id, job_id from claim_scoring_job(cast(? as interval))")) {
            ps.setString(1, STALE_AFTER);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? new Claim(rs.getString(1), rs.getObject(2, UUID.class)) : null;
            }
        } catch (SQLException e) {
            LOG.warn("could not poll for rescoring jobs", e);
            return null;
        }
    }
}
