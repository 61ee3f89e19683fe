package io.leadproof.handoff;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.leadproof.common.WorkspaceOwned;

/** A sales user who can receive handoffs; an unavailable rep is skipped by round robin. */
@Entity
@Table(name = "sales_rep")
public class SalesRep extends WorkspaceOwned {

    @Id
    private java.util.UUID id;
    @Column(name = "user_name")
    private String userName;
    @Column(name = "display_name")
    private String displayName;
    private boolean available;
    @Column(name = "last_assigned_at")
    private Instant lastAssignedAt;
    @Column(name = "created_at")
    private Instant createdAt;

    protected SalesRep() {
    }

    static SalesRep register(String userName, String displayName, Instant now) {
        var r = new SalesRep();
        r.id = java.util.UUID.randomUUID();
        r.userName = userName;
        r.displayName = displayName;
        r.available = true;
        r.createdAt = now;
        return r;
    }

    void rename(String name) {
        displayName = name;
    }

    void setAvailable(boolean on) {
        available = on;
    }

    void assigned(Instant now) {
        lastAssignedAt = now;
    }

    public java.util.UUID id() { return id; }
    public String userName() { return userName; }
    public String displayName() { return displayName; }
    public boolean available() { return available; }
    public Instant lastAssignedAt() { return lastAssignedAt; }
}
