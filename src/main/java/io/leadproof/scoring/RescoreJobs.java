package io.leadproof.scoring;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.leadproof.common.UserError;
import io.leadproof.criteria.CriteriaModel;
import io.leadproof.criteria.CriteriaVersion;
import io.leadproof.criteria.VersionPublished;
import io.leadproof.criteria.VersionStatus;
import io.leadproof.lead.LeadIdCuts;
import io.leadproof.ops.BusinessMetrics;
import io.leadproof.security.CurrentWorkspace;

/**
 * Rescoring after a publish: queued in the publishing transaction, then worked off chunk by chunk,
 * each chunk its own transaction that also records the job's progress, so a crash loses at most
 * one chunk of work and never double-counts.
 */
@ApplicationScoped
public class RescoreJobs {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    ScoringTargets targets;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    Event<LeadsQualified> qualified;
    @Inject
    Event<RescoreQueued> queued;
    @Inject
    ScoringConfig config;
    @Inject
    BusinessMetrics metrics;

    void onPublished(@Observes VersionPublished published) {
        var now = clock.instant();
        ScoringJob.<ScoringJob>list("modelId = ?1 and state in ?2", published.modelId(),
                List.of(ScoringJobState.QUEUED, ScoringJobState.RUNNING)).forEach(job -> job.supersede(now));
        String ws = workspace.id();
        int total = em.unwrap(Session.class).doReturningWork(c -> LeadFacts.countScorable(c, ws));
        var job = ScoringJob.queue(published.modelId(), published.versionId(), total, published.publishedAt(), now);
        job.persist();
        if (total == 0) {
            finish(job);
        } else {
            queued.fire(new RescoreQueued(workspace.id(), job.id()));
        }
    }

    public Optional<ScoringJob> find(UUID jobId) {
        return ScoringJob.find("id", jobId).firstResultOptional();
    }

    public Optional<ScoringJob> latestFor(UUID versionId) {
        return ScoringJob.find("versionId = ?1 order by createdAt desc", versionId).firstResultOptional();
    }

    /** Starts the job and splits it into parts the first time; the numbers of the parts still to score. */
    List<Integer> openParts(UUID jobId) {
        ScoringJob job = ScoringJob.<ScoringJob>find("id", jobId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (job == null || !job.isOpen()) {
            return List.of();
        }
        job.start(clock.instant());
        if (ScoringJobPart.count("jobId", jobId) == 0) {
            String ws = workspace.id();
            var bounds = em.unwrap(Session.class).doReturningWork(c -> LeadIdCuts.lowerBounds(c, ws, config.jobParts()));
            ScoringJobPart.split(jobId, bounds).forEach(p -> p.persist());
        }
        return ScoringJobPart.<ScoringJobPart>list("jobId = ?1 and done = false order by part", jobId).stream()
                .map(ScoringJobPart::part).toList();
    }

    /**
     * Scores the next chunk of one part; false when the part is finished, the job is no longer open or no longer held
     * under {@code owner}'s lease. The chunk's
     * scores and the part's cursor commit together. Lock order: the part, then (briefly, at the end) the job.
     */
    boolean processChunk(UUID jobId, int partNo, String owner) {
        ScoringJob job = ScoringJob.<ScoringJob>find("id", jobId).firstResult();
        if (job == null || !job.isOpen() || !job.heldBy(owner)) {
            return false; // finished, superseded, or taken over by another pod while this one stalled
        }
        ScoringJobPart part = ScoringJobPart.<ScoringJobPart>find("jobId = ?1 and part = ?2", jobId, partNo)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (part == null || part.done()) {
            return false;
        }
        String ws = workspace.id();
        var outcome = em.unwrap(Session.class).doReturningWork(c -> {
            // a crash can only lose whole recent chunks with the cursor moves committed with them: the takeover redoes them
            io.leadproof.common.AsynchronousCommit.forThisTransaction(c);
            var target = targets.current(c, ws).stream().filter(t -> t.versionId().equals(job.versionId())).findFirst();
            if (target.isEmpty()) {
                return null;
            }
            var leads = LeadFacts.page(c, ws, part.lowerBound(), part.upperBound(), part.lastLeadId(), config.chunkSize());
            if (leads.isEmpty()) {
                return LeadScoring.Outcome.NONE;
            }
            var scored = LeadScoring.score(c, ws, leads, List.of(target.get()), ScoreCause.VERSION_PUBLISHED, job.asOf(),
                    LeadFacts::activitiesOfPage);
            part.advance(leads.size(), List.copyOf(leads.keySet()).getLast());
            return new Chunk(scored, leads.size());
        });
        if (outcome instanceof Chunk chunk) {
            // Before the job's lock, which the other parts wait for: automatic handoffs of the leads that became MQL
            // can take a while, and they follow the lifecycle moves this transaction commits whatever the job's state.
            qualified.fire(new LeadsQualified(chunk.scored().qualified()));
        }
        em.refresh(job, LockModeType.PESSIMISTIC_WRITE);
        var now = clock.instant();
        if (!job.isOpen()) {
            return false;
        }
        if (outcome == null) {
            job.supersede(now);
            return false;
        }
        if (outcome == LeadScoring.Outcome.NONE) {
            part.finish();
            if (ScoringJobPart.count("jobId = ?1 and done = false", jobId) == 0) {
                finish(job);
            }
            return false;
        }
        job.advance(((Chunk) outcome).size(), now);
        return true;
    }

    private record Chunk(LeadScoring.Outcome scored, int size) {
    }

    private void finish(ScoringJob job) {
        job.succeed(clock.instant());
        metrics.jobFinished(BusinessMetrics.JobKind.RESCORING,
                java.time.Duration.between(job.startedAt() == null ? job.createdAt() : job.startedAt(), job.finishedAt()));
        CriteriaModel.<CriteriaModel>find("id", job.modelId()).firstResultOptional().ifPresent(m -> m.serve(job.versionId()));
    }

    void markFailed(UUID jobId, String reason) {
        ScoringJob.<ScoringJob>find("id", jobId).firstResultOptional().filter(ScoringJob::isOpen)
                .ifPresent(job -> job.fail(reason, clock.instant()));
    }

    /**
     * Queues a FAILED job again; a worker resumes it where each part stopped. Refused when the job did not fail or its
     * version is no longer the model's active one (a newer publish has its own job).
     */
    @Transactional
    public Result resume(UUID jobId) {
        ScoringJob job = ScoringJob.<ScoringJob>find("id", jobId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (job == null) {
            return new Result(null, List.of(UserError.of(UserErrorCode.NOT_FOUND, "no such scoring job", "jobId")));
        }
        if (job.state() != ScoringJobState.FAILED) {
            return new Result(null, List.of(UserError.of(UserErrorCode.NOT_FAILED, "the job is " + job.state() + "; only a FAILED job can be resumed", "jobId")));
        }
        var version = CriteriaVersion.<CriteriaVersion>find("id", job.versionId()).firstResult();
        if (version == null || version.status() != VersionStatus.ACTIVE) {
            return new Result(null, List.of(UserError.of(UserErrorCode.VERSION_NOT_ACTIVE,
                    "the job's version is no longer the model's active version; its successor has a job of its own", "jobId")));
        }
        job.resume();
        queued.fire(new RescoreQueued(workspace.id(), job.id()));
        return new Result(job, List.of());
    }

    public record Result(ScoringJob job, List<UserError> userErrors) {
    }
}
