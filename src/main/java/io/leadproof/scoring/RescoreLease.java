package io.leadproof.scoring;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.leadproof.security.CurrentWorkspace;

/**
 * The lease a pod holds on a RUNNING rescoring job, in database time (claim_leased_job in R__leased_job_claims.sql
 * compares it with {@code now()}, so pods' clocks don't matter). Each call runs in the job's workspace, in a
 * transaction of the caller's.
 */
@ApplicationScoped
class RescoreLease {

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;

    /** Extends the lease by {@code lease} from now; false when the job is no longer running under {@code owner}. */
    boolean renew(UUID jobId, String owner, Duration lease) {
        return em.createNativeQuery("update scoring_job set lease_expires_at = now() + make_interval(secs => ?1)"
                + " where workspace_id = ?2 and id = ?3 and lease_owner = ?4 and state = 'RUNNING'")
                .setParameter(1, lease.toMillis() / 1000.0).setParameter(2, workspace.id()).setParameter(3, jobId)
                .setParameter(4, owner).executeUpdate() == 1;
    }

    /** Gives an unfinished job back: any pod may claim it at once, and resumes it at its cursors. */
    void release(UUID jobId, String owner) {
        em.createNativeQuery("update scoring_job set lease_owner = null, lease_expires_at = now()"
                + " where workspace_id = ?1 and id = ?2 and lease_owner = ?3 and state = 'RUNNING'")
                .setParameter(1, workspace.id()).setParameter(2, jobId).setParameter(3, owner).executeUpdate();
    }
}
