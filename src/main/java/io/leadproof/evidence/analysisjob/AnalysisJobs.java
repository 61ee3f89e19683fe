package io.leadproof.evidence.analysisjob;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.leadproof.common.Json;
import io.leadproof.common.UserError;
import io.leadproof.evidence.api.AnalysisRequest;
import io.leadproof.evidence.api.AnalysisRequestCheck;
import io.leadproof.evidence.api.EvidenceErrorCode;
import io.leadproof.evidence.api.EvidenceInputs.SignalAnalysisInput;
import io.leadproof.security.CurrentWorkspace;

/** Owns the analysis job transactions of the API: queueing (the input checked as signalAnalysis checks it), cancelling, reading. */
@ApplicationScoped
public class AnalysisJobs {

    public record Result(AnalysisJob job, List<UserError> userErrors) {
    }

    /** Fired when a job is queued: this pod's worker starts it at once. */
    public record Queued(String workspaceId, UUID jobId) {
    }

    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    Event<Queued> queued;

    @Transactional
    public Result start(SignalAnalysisInput input) {
        var checked = AnalysisRequestCheck.check(input);
        if (checked.request() == null) {
            return new Result(null, checked.errors());
        }
        var job = AnalysisJob.queue(json(input), workspace.actor(), clock.instant());
        job.persist();
        queued.fire(new Queued(workspace.id(), job.id()));
        return new Result(job, List.of());
    }

    @Transactional
    public Result cancel(UUID jobId) {
        AnalysisJob job = AnalysisJob.<AnalysisJob>find("id", jobId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (job == null) {
            return new Result(null, List.of(EvidenceErrorCode.NOT_FOUND.error("no such analysis job in this workspace", "input", "jobId")));
        }
        if (!job.state().isOpen()) {
            return new Result(null, List.of(EvidenceErrorCode.NOT_RUNNING.error("the job is " + job.state()
                    + "; only a QUEUED or RUNNING job can be cancelled", "input", "jobId")));
        }
        job.cancel(clock.instant());
        return new Result(job, List.of());
    }

    public Optional<AnalysisJob> find(UUID jobId) {
        return AnalysisJob.find("id", jobId).firstResultOptional();
    }

    /** The job's request, checked again (the checks are pure: what passed at start passes now). */
    static AnalysisRequest request(AnalysisJob job) {
        try {
            var checked = AnalysisRequestCheck.check(Json.MAPPER.readValue(job.inputJson(), SignalAnalysisInput.class));
            if (checked.request() == null) {
                throw new IllegalStateException("the kept input no longer passes its checks: " + checked.errors());
            }
            return checked.request();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable kept input", e);
        }
    }

    private static String json(SignalAnalysisInput input) {
        try {
            return Json.MAPPER.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an input is plain data", e);
        }
    }
}
