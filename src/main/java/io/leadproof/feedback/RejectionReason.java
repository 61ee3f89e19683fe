package io.leadproof.feedback;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.leadproof.common.WorkspaceOwned;

/**
 * A code of the workspace's rejection taxonomy. Codes are never deleted or re-coded, only renamed
 * or deactivated, so past rejections keep their meaning.
 */
@Entity
@Table(name = "rejection_reason")
public class RejectionReason extends WorkspaceOwned {

    @Id
    private java.util.UUID id;
    private String code;
    private String label;
    @Enumerated(EnumType.STRING)
    private RejectionCategory category;
    private boolean active;
    @Column(name = "created_at")
    private Instant createdAt;

    protected RejectionReason() {
    }

    static RejectionReason define(String code, String label, RejectionCategory category, Instant now) {
        var r = new RejectionReason();
        r.id = java.util.UUID.randomUUID();
        r.code = code;
        r.label = label;
        r.category = category;
        r.active = true;
        r.createdAt = now;
        return r;
    }

    void rename(String newLabel) {
        label = newLabel;
    }

    void activate(boolean on) {
        active = on;
    }

    public java.util.UUID id() { return id; }
    public String code() { return code; }
    public String label() { return label; }
    public RejectionCategory category() { return category; }
    public boolean active() { return active; }
    public Instant createdAt() { return createdAt; }
}
