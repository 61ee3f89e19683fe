package io.leadproof.evidence.analysisjob;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.leadproof.common.WorkspaceOwned;

/**
 * A signal analysis run as a job: queued with the input of signalAnalysis and the instant its outcomes are judged at,
 * claimed under a lease by one pod ({@link AnalysisJobWorker}), its answer kept ({@link StoredAnalysis}).
 */
@Entity
@DynamicUpdate
@Table(name = "signal_analysis_job")
public class AnalysisJob extends WorkspaceOwned {

    @Id
    private UUID id;
    @JdbcTypeCode(SqlTypes.JSON)
    private String input;
    @Column(name = "as_of")
    private Instant asOf;
    @Enumerated(EnumType.STRING)
    private AnalysisJobState state;
    private float progress;
    @Column(insertable = false, updatable = false)
    private int attempts;
    @JdbcTypeCode(SqlTypes.JSON)
    private String result;
    private String error;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "started_at", insertable = false, updatable = false)
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    /** Written only by claim_leased_job (R__leased_job_claims.sql) and {@link AnalysisJobRun}. */
    @Column(name = "lease_owner", insertable = false, updatable = false)
    private String leaseOwner;

    protected AnalysisJob() {
    }

    static AnalysisJob queue(String inputJson, String actor, Instant now) {
        var job = new AnalysisJob();
        job.id = UUID.randomUUID();
        job.input = inputJson;
        job.asOf = now;
        job.state = AnalysisJobState.QUEUED;
        job.requestedBy = actor;
        job.createdAt = now;
        return job;
    }

    void succeed(String resultJson, Instant now) {
        state = AnalysisJobState.SUCCEEDED;
        result = resultJson;
        progress = 1f;
        finishedAt = now;
    }

    void fail(String reason, Instant now) {
        state = AnalysisJobState.FAILED;
        error = reason;
        finishedAt = now;
    }

    /** A domain verb: only an open job can be cancelled. */
    void cancel(Instant now) {
        if (!state.isOpen()) {
            throw new IllegalStateException("a " + state + " analysis job cannot be cancelled");
        }
        state = AnalysisJobState.CANCELLED;
        finishedAt = now;
    }

    boolean runningFor(String owner) {
        return state == AnalysisJobState.RUNNING && owner.equals(leaseOwner);
    }

    public UUID id() { return id; }
    public String inputJson() { return input; }
    public Instant asOf() { return asOf; }
    public AnalysisJobState state() { return state; }
    public float progress() { return progress; }
    public int attempts() { return attempts; }
    public String resultJson() { return result; }
    public String error() { return error; }
    public String requestedBy() { return requestedBy; }
    public Instant createdAt() { return createdAt; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
}
