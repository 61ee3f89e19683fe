package io.leadproof.criteria;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.leadproof.common.WorkspaceOwned;

/** A named qualification model, e.g. "Inbound B2B"; its versions hold the rules. */
@Entity
@Table(name = "criteria_model")
public class CriteriaModel extends WorkspaceOwned {

    @Id
    private UUID id;
    private String name;
    @Column(name = "drives_handoffs")
    private boolean drivesHandoffs;
    @Column(name = "served_version_id")
    private UUID servedVersionId;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CriteriaModel() {
    }

    public static CriteriaModel name(String name, Instant now) {
        var m = new CriteriaModel();
        m.id = UUID.randomUUID();
        m.name = name;
        m.createdAt = now;
        return m;
    }

    public void driveHandoffs() {
        drivesHandoffs = true;
    }

    public void stopDrivingHandoffs() {
        drivesHandoffs = false;
    }

    /** Scores of this version are complete: lead.score switches to it. */
    public void serve(UUID versionId) {
        servedVersionId = versionId;
    }

    public UUID id() { return id; }
    public String name() { return name; }
    public boolean drivesHandoffs() { return drivesHandoffs; }
    public UUID servedVersionId() { return servedVersionId; }
    public Instant createdAt() { return createdAt; }
}
