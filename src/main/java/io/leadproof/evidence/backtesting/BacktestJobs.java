package io.leadproof.evidence.backtesting;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.leadproof.common.UserError;
import io.leadproof.criteria.CriteriaService;
import io.leadproof.criteria.CriteriaVersion;
import io.leadproof.criteria.VersionStatus;
import io.leadproof.scoring.engine.CriteriaValidator;
import io.leadproof.security.CurrentWorkspace;

/** Owns the backtest transactions: queueing, cancelling and reading jobs. The replay itself is {@link BacktestRun}. */
@ApplicationScoped
public class BacktestJobs {

    public record Result(BacktestJob job, List<UserError> userErrors) {
        static Result failed(UserErrorCode code, String message, String field) {
            return new Result(null, List.of(UserError.of(code, message, field)));
        }
    }

    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    CriteriaService criteria;
    @Inject
    Event<BacktestQueued> queued;

    @Transactional
    public Result start(BacktestInputs.Start input) {
        var checked = BacktestRequests.check(input, clock.instant());
        if (!checked.userErrors().isEmpty()) {
            return new Result(null, checked.userErrors());
        }
        var request = checked.request();
        Optional<CriteriaVersion> tested = criteria.version(request.versionId());
        if (tested.isEmpty()) {
            return Result.failed(UserErrorCode.NOT_FOUND, "no such criteria version in this workspace", "versionId");
        }
        CriteriaVersion baseline;
        if (request.baselineVersionId() == null) {
            baseline = CriteriaVersion.<CriteriaVersion>find("modelId = ?1 and status = ?2", tested.get().modelId(), VersionStatus.ACTIVE)
                    .firstResult();
            if (baseline == null) {
                return Result.failed(UserErrorCode.NO_ACTIVE_VERSION, "the tested version's model has no active version to compare with;"
                        + " name one in compareWithVersionId", "compareWithVersionId");
            }
        } else {
            baseline = criteria.version(request.baselineVersionId()).orElse(null);
            if (baseline == null) {
                return Result.failed(UserErrorCode.NOT_FOUND, "no such criteria version in this workspace", "compareWithVersionId");
            }
        }
        for (var v : List.of(tested.get(), baseline)) {
            var violations = CriteriaValidator.validate(v.spec());
            if (!violations.isEmpty()) {
                return Result.failed(UserErrorCode.INVALID_CRITERIA, "version " + v.number() + " does not compile: "
                        + violations.getFirst().message(), v == tested.get() ? "versionId" : "compareWithVersionId");
            }
        }
        var withBaseline = new BacktestRequest(request.versionId(), baseline.id(), request.from(), request.to(), request.moment(),
                request.momentDays(), request.asOf(), request.campaignIds(), request.sources(), request.criteriaVersionIds(),
                request.owners(), request.reps(), request.scoreBandWidth());
        var job = BacktestJob.queue(withBaseline, workspace.actor(), clock.instant());
        job.persist();
        queued.fire(new BacktestQueued(workspace.id(), job.id()));
        return new Result(job, List.of());
    }

    @Transactional
    public Result cancel(UUID jobId) {
        BacktestJob job = BacktestJob.<BacktestJob>find("id", jobId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (job == null) {
            return Result.failed(UserErrorCode.NOT_FOUND, "no such backtest in this workspace", "backtestId");
        }
        if (!job.state().isOpen()) {
            return Result.failed(UserErrorCode.NOT_RUNNING, "the backtest is " + job.state() + "; only a QUEUED or RUNNING backtest can be cancelled",
                    "backtestId");
        }
        job.cancel(clock.instant());
        return new Result(job, List.of());
    }

    public Optional<BacktestJob> find(UUID jobId) {
        return BacktestJob.find("id", jobId).firstResultOptional();
    }

    /** The version's backtests, newest first, after the (createdAt, id) position given. */
    public List<BacktestJob> ofVersion(UUID versionId, io.leadproof.common.Cursors.Position after, int limit) {
        if (after == null) {
            return BacktestJob.<BacktestJob>find("versionId = ?1 order by createdAt desc, id desc", versionId).page(0, limit).list();
        }
        var at = java.time.Instant.parse(after.key());
        return BacktestJob.<BacktestJob>find("versionId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3))"
                + " order by createdAt desc, id desc", versionId, at, after.id()).page(0, limit).list();
    }

    public long countOfVersion(UUID versionId) {
        return BacktestJob.count("versionId", versionId);
    }

    /** The newest backtest of the version, whatever its state. */
    public Optional<BacktestJob> latestOf(UUID versionId) {
        return BacktestJob.find("versionId = ?1 order by createdAt desc, id desc", versionId).firstResultOptional();
    }
}
