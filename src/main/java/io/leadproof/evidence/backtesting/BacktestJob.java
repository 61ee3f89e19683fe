package io.leadproof.evidence.backtesting;

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
 * A backtest of one criteria version against another over a cohort: queued, claimed under a lease by one pod
 * ({@link BacktestWorker}), replayed in one streaming pass, its result kept. Nothing else is written.
 */
@Entity
@DynamicUpdate
@Table(name = "criteria_backtest")
public class BacktestJob extends WorkspaceOwned {

    @Id
    private UUID id;
    @Column(name = "version_id")
    private UUID versionId;
    @Column(name = "baseline_version_id")
    private UUID baselineVersionId;
    @JdbcTypeCode(SqlTypes.JSON)
    private String request;
    @Enumerated(EnumType.STRING)
    private BacktestState state;
    private long processed;
    @Column(insertable = false, updatable = false)
    private int attempts;
    @JdbcTypeCode(SqlTypes.JSON)
    private String result;
    private String error;
    @Column(name = "version_edited_at")
    private Instant versionEditedAt;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "started_at", insertable = false, updatable = false)
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    /** Written only by claim_leased_job (R__leased_job_claims.sql) and {@link BacktestJobs}. */
    @Column(name = "lease_owner", insertable = false, updatable = false)
    private String leaseOwner;

    protected BacktestJob() {
    }

    static BacktestJob queue(BacktestRequest request, String actor, Instant now) {
        var job = new BacktestJob();
        job.id = UUID.randomUUID();
        job.versionId = request.versionId();
        job.baselineVersionId = request.baselineVersionId();
        job.request = request.toJson();
        job.state = BacktestState.QUEUED;
        job.requestedBy = actor;
        job.createdAt = now;
        return job;
    }

    void compiled(Instant versionEditedAt) {
        this.versionEditedAt = versionEditedAt;
    }

    void succeed(String resultJson, long leads, Instant now) {
        state = BacktestState.SUCCEEDED;
        result = resultJson;
        processed = leads;
        finishedAt = now;
    }

    void fail(String reason, Instant now) {
        state = BacktestState.FAILED;
        error = reason;
        finishedAt = now;
    }

    /** A domain verb: only an open job can be cancelled. */
    void cancel(Instant now) {
        if (!state.isOpen()) {
            throw new IllegalStateException("a " + state + " backtest cannot be cancelled");
        }
        state = BacktestState.CANCELLED;
        finishedAt = now;
    }

    boolean heldBy(String owner) {
        return owner.equals(leaseOwner);
    }

    public BacktestRequest requestParsed() {
        return BacktestRequest.fromJson(request);
    }

    public UUID id() { return id; }
    public UUID versionId() { return versionId; }
    public UUID baselineVersionId() { return baselineVersionId; }
    public BacktestState state() { return state; }
    public long processed() { return processed; }
    public int attempts() { return attempts; }
    public String resultJson() { return result; }
    public String error() { return error; }
    public Instant versionEditedAt() { return versionEditedAt; }
    public String requestedBy() { return requestedBy; }
    public Instant createdAt() { return createdAt; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
}
