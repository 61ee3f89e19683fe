package io.leadproof.evidence.backtesting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.leadproof.common.Json;
import io.leadproof.criteria.CriteriaVersion;
import io.leadproof.evidence.backtest.BacktestResult;
import io.leadproof.evidence.prediction.ServedModel;
import io.leadproof.evidence.prediction.ServedModels;
import io.leadproof.scoring.engine.CompiledCriteria;
import io.leadproof.scoring.engine.ScoringEngine;
import io.leadproof.security.CurrentWorkspace;

/**
 * The transactions of one claimed backtest, each in the caller's transaction and the job's workspace: prepare
 * (compile both versions, note the tested version's last edit, take the served predictive model), checkpoint (progress, and whether to go on), finish
 * (keep the result). Every step checks that the job is still RUNNING under this pod's lease: a cancelled job or one
 * taken over by another pod is left alone.
 */
@ApplicationScoped
class BacktestRun {

    /** @param model the workspace's served predictive model, null when it serves none */
    record Prepared(BacktestRequest request, CompiledCriteria tested, CompiledCriteria baseline, ServedModel model) {
    }

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    ServedModels servedModels;

    /** Null when the job is no longer this pod's to run (or its versions are gone: then it fails). */
    Prepared prepare(UUID jobId, String owner) {
        BacktestJob job = BacktestJob.<BacktestJob>find("id", jobId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (job == null || job.state() != BacktestState.RUNNING || !job.heldBy(owner)) {
            return null;
        }
        var request = job.requestParsed();
        CriteriaVersion tested = CriteriaVersion.<CriteriaVersion>find("id", request.versionId()).firstResult();
        CriteriaVersion baseline = CriteriaVersion.<CriteriaVersion>find("id", request.baselineVersionId()).firstResult();
        if (tested == null || baseline == null) {
            job.fail("a version of this backtest no longer exists", clock.instant());
            return null;
        }
        Object edited = em.createNativeQuery("select last_edited_at from criteria_version where workspace_id = ?1 and id = ?2")
                .setParameter(1, workspace.id()).setParameter(2, tested.id()).getSingleResult();
        job.compiled(edited == null ? null : toInstant(edited));
        return new Prepared(request, ScoringEngine.compile(tested.spec()), ScoringEngine.compile(baseline.spec()),
                servedModels.forWorkspace(workspace.id()).orElse(null));
    }

    /** Records progress and renews the lease; false when the job was cancelled or is no longer held by {@code owner}. */
    boolean checkpoint(UUID jobId, String owner, long processed, Duration lease) {
        return em.createNativeQuery("update criteria_backtest set processed = ?1, heartbeat_at = now(),"
                + " lease_expires_at = now() + make_interval(secs => ?2)"
                + " where workspace_id = ?3 and id = ?4 and state = 'RUNNING' and lease_owner = ?5")
                .setParameter(1, processed).setParameter(2, lease.toMillis() / 1000.0).setParameter(3, workspace.id())
                .setParameter(4, jobId).setParameter(5, owner).executeUpdate() == 1;
    }

    /** Keeps the result and the changed-side leads; false when the job is no longer this pod's. */
    boolean finish(UUID jobId, String owner, BacktestResult result, ServedModel model) {
        BacktestJob job = BacktestJob.<BacktestJob>find("id", jobId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (job == null || job.state() != BacktestState.RUNNING || !job.heldBy(owner)) {
            return false;
        }
        String ws = workspace.id();
        em.unwrap(Session.class).doWork(c -> {
            ChangedLeadRows.write(c, ws, jobId, ChangedSide.NEWLY_QUALIFIED, result.newlyQualified());
            ChangedLeadRows.write(c, ws, jobId, ChangedSide.NEWLY_EXCLUDED, result.newlyExcluded());
        });
        job.succeed(json(FigureTypes.Stored.of(result, model)), result.tested().leads(), clock.instant());
        return true;
    }

    void fail(UUID jobId, String reason) {
        BacktestJob.<BacktestJob>find("id", jobId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .filter(j -> j.state().isOpen()).ifPresent(j -> j.fail(reason, clock.instant()));
    }

    /** Gives an unfinished job back: any pod may claim it at once (and replays it from the start). */
    void release(UUID jobId, String owner) {
        em.createNativeQuery("update criteria_backtest set lease_owner = null, lease_expires_at = now()"
                + " where workspace_id = ?1 and id = ?2 and lease_owner = ?3 and state = 'RUNNING'")
                .setParameter(1, workspace.id()).setParameter(2, jobId).setParameter(3, owner).executeUpdate();
    }

    private static Instant toInstant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case java.time.OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp " + value.getClass());
        };
    }

    static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a backtest result is plain data", e);
        }
    }
}
