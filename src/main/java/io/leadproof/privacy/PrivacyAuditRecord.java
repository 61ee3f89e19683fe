package io.leadproof.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.leadproof.common.WorkspaceOwned;

/** One erasure or export of a lead in the append-only privacy audit (the database refuses updates and deletes). */
@Entity
@Table(name = "privacy_audit")
public class PrivacyAuditRecord extends WorkspaceOwned {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private PrivacyAction action;
    @Column(name = "lead_id")
    private UUID leadId;
    private String actor;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    private ErasureReason reason;
    private String reference;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Integer> details;

    protected PrivacyAuditRecord() {
    }

    static PrivacyAuditRecord of(PrivacyAction action, UUID leadId, String actor, Instant at, ErasureReason reason, String reference,
            Map<String, Integer> details) {
        var r = new PrivacyAuditRecord();
        r.id = UUID.randomUUID();
        r.action = action;
        r.leadId = leadId;
        r.actor = actor;
        r.occurredAt = at;
        r.reason = reason;
        r.reference = reference;
        r.details = new TreeMap<>(details);
        return r;
    }

    public UUID id() { return id; }
    public PrivacyAction action() { return action; }
    public UUID leadId() { return leadId; }
    public String actor() { return actor; }
    public Instant occurredAt() { return occurredAt; }
    public ErasureReason reason() { return reason; }
    public String reference() { return reference; }
    public Map<String, Integer> details() { return details == null ? Map.of() : new TreeMap<>(details); }
}
