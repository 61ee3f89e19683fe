package io.leadproof.handoff;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.leadproof.common.WorkspaceOwned;

/** One transition of a handoff in the append-only audit log (the database refuses updates and deletes). */
@Entity
@Table(name = "handoff_event")
public class HandoffEvent extends WorkspaceOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "handoff_id")
    private UUID handoffId;
    @Enumerated(EnumType.STRING)
    private HandoffEventType type;
    private String actor;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private HandoffState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    private HandoffState toState;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> details;

    protected HandoffEvent() {
    }

    static HandoffEvent of(UUID handoffId, HandoffEventType type, String actor, Instant at, HandoffState from, HandoffState to,
            Map<String, String> details) {
        var e = new HandoffEvent();
        e.handoffId = handoffId;
        e.type = type;
        e.actor = actor;
        e.occurredAt = at;
        e.fromState = from;
        e.toState = to;
        e.details = details;
        return e;
    }

    public Long id() { return id; }
    public UUID handoffId() { return handoffId; }
    public HandoffEventType type() { return type; }
    public String actor() { return actor; }
    public Instant occurredAt() { return occurredAt; }
    public HandoffState fromState() { return fromState; }
    public HandoffState toState() { return toState; }
    public Map<String, String> details() { return details == null ? Map.of() : Map.copyOf(details); }
}
