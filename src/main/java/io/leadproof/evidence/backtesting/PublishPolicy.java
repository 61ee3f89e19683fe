package io.leadproof.evidence.backtesting;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A workspace's rule for publishing criteria versions; a workspace without a row has the default (no rule). */
@Entity
@Table(name = "criteria_publish_policy")
public class PublishPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id")
    private String workspaceId;
    @Column(name = "require_backtest")
    private boolean requireBacktest;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "updated_by")
    private String updatedBy;

    protected PublishPolicy() {
    }

    static PublishPolicy of(String workspaceId) {
        var p = new PublishPolicy();
        p.workspaceId = workspaceId;
        return p;
    }

    void requireBacktest(boolean required, String actor, Instant now) {
        requireBacktest = required;
        updatedBy = actor;
        updatedAt = now;
    }

    public boolean requiresBacktest() { return requireBacktest; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
