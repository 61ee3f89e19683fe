package io.leadproof.scoring;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.leadproof.common.WorkspaceOwned;

/** Rescoring all of a workspace's leads under a newly published version; progress survives a crash. */
@Entity
@Table(name = "scoring_job")
public class ScoringJob extends WorkspaceOwned {

    @Id
    private UUID id;
    @Column(name = "model_id")
    private UUID modelId;
    @Column(name = "version_id")
    private UUID versionId;
    @Enumerated(EnumType.STRING)
    private ScoringJobState state;
    private int total;
    private int processed;
    @Column(name = "as_of")
    private Instant asOf;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;
    private String error;
    /** Written only by claim_leased_job (R__leased_job_claims.sql) and {@link RescoreLease}, in database time. */
    @Column(name = "lease_owner", insertable = false, updatable = false)
    private String leaseOwner;

    protected ScoringJob() {
    }

    static ScoringJob queue(UUID modelId, UUID versionId, int total, Instant asOf, Instant now) {
        var job = new ScoringJob();
        job.id = UUID.randomUUID();
        job.modelId = modelId;
        job.versionId = versionId;
        job.state = ScoringJobState.QUEUED;
        job.total = total;
        job.asOf = asOf;
        job.createdAt = now;
        return job;
    }

    void start(Instant now) {
        if (state == ScoringJobState.QUEUED) {
            state = ScoringJobState.RUNNING;
            startedAt = now;
        }
        heartbeatAt = now;
    }

    void advance(int scored, Instant now) {
        processed += scored;
        heartbeatAt = now;
    }

    /** Every lead is scored: the number scored is the total now (leads added or erased meanwhile moved it). */
    void succeed(Instant now) {
        total = processed;
        state = ScoringJobState.SUCCEEDED;
        finishedAt = now;
        heartbeatAt = now;
    }

    void supersede(Instant now) {
        state = ScoringJobState.SUPERSEDED;
        finishedAt = now;
        error = "a newer version was published before this rescore finished";
    }

    void fail(String reason, Instant now) {
        state = ScoringJobState.FAILED;
        finishedAt = now;
        error = reason;
    }

    /** FAILED → QUEUED: a worker picks it up again and each part continues at its cursor. */
    void resume() {
        if (state != ScoringJobState.FAILED) {
            throw new IllegalStateException("only a FAILED job can be resumed, this one is " + state);
        }
        state = ScoringJobState.QUEUED;
        finishedAt = null;
        error = null;
    }

    boolean heldBy(String owner) {
        return owner.equals(leaseOwner);
    }

    boolean isOpen() {
        return state == ScoringJobState.QUEUED || state == ScoringJobState.RUNNING;
    }

    public UUID id() { return id; }
    public UUID modelId() { return modelId; }
    public UUID versionId() { return versionId; }
    public ScoringJobState state() { return state; }
    public int total() { return total; }
    public int processed() { return processed; }
    public Instant asOf() { return asOf; }
    public Instant createdAt() { return createdAt; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
    public String error() { return error; }
}
