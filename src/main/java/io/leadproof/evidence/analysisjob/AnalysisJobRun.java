package io.leadproof.evidence.analysisjob;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import io.leadproof.security.CurrentWorkspace;

/**
 * The transactions of one claimed job, each in the caller's transaction and the job's workspace: load (the job, if
 * still this pod's), progress (renews the lease), finish, fail, release. A cancelled job or one taken over by another
 * pod is left alone.
 */
@ApplicationScoped
class AnalysisJobRun {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;

    /** The job when it is RUNNING under {@code owner}'s lease, else null. */
    AnalysisJob held(UUID jobId, String owner) {
        AnalysisJob job = AnalysisJob.<AnalysisJob>find("id", jobId).firstResult();
        return job != null && job.runningFor(owner) ? job : null;
    }

    /** Records progress and renews the lease; false when the job was cancelled or is no longer held by {@code owner}. */
    boolean progress(UUID jobId, String owner, float progress, Duration lease) {
        return em.createNativeQuery("update signal_analysis_job set progress = greatest(progress, ?1), heartbeat_at = now(),"
                + " lease_expires_at = now() + make_interval(secs => ?2)"
                + " where workspace_id = ?3 and id = ?4 and state = 'RUNNING' and lease_owner = ?5")
                .setParameter(1, progress).setParameter(2, lease.toMillis() / 1000.0).setParameter(3, workspace.id())
                .setParameter(4, jobId).setParameter(5, owner).executeUpdate() == 1;
    }

    boolean finish(UUID jobId, String owner, StoredAnalysis result) {
        AnalysisJob job = locked(jobId);
        if (job == null || !job.runningFor(owner)) {
            return false;
        }
        job.succeed(result.toJson(), clock.instant());
        return true;
    }

    void fail(UUID jobId, String reason) {
        AnalysisJob job = locked(jobId);
        if (job != null && job.state().isOpen()) {
            job.fail(reason, clock.instant());
        }
    }

    /** Gives an unfinished job back: any pod may claim it at once (and runs it from the start). */
    void release(UUID jobId, String owner) {
        em.createNativeQuery("update signal_analysis_job set lease_owner = null, lease_expires_at = now()"
                + " where workspace_id = ?1 and id = ?2 and lease_owner = ?3 and state = 'RUNNING'")
                .setParameter(1, workspace.id()).setParameter(2, jobId).setParameter(3, owner).executeUpdate();
    }

    private static AnalysisJob locked(UUID jobId) {
        return AnalysisJob.<AnalysisJob>find("id", jobId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
