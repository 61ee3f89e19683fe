package io.leadproof.lead;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.leadproof.common.WorkspaceOwned;

/** A behaviour of a lead (download, visit, demo request); immutable once recorded. */
@Entity
@Immutable  // no dirty checking: a batch of a thousand activities stays cheap to flush
@Table(name = "activity")
public class Activity extends WorkspaceOwned {

    @Id
    private UUID id;
    @Column(name = "lead_id")
    private UUID leadId;
    @Column(name = "client_event_id")
    private String clientEventId;
    @Enumerated(EnumType.STRING)
    private ActivityType type;
    @Enumerated(EnumType.STRING)
    @Column(name = "funnel_stage")
    private FunnelStage funnelStage;
    @Column(name = "content_tag")
    private String contentTag;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> properties = new HashMap<>();
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Activity() {
    }

    static Activity observe(UUID leadId, String clientEventId, ActivityType type, FunnelStage stage, String contentTag,
            Instant occurredAt, Map<String, String> properties, Instant now) {
        var a = new Activity();
        a.id = UUID.randomUUID();
        a.leadId = leadId;
        a.clientEventId = clientEventId;
        a.type = type;
        a.funnelStage = stage;
        a.contentTag = contentTag;
        a.occurredAt = occurredAt;
        a.properties = properties == null ? new HashMap<>() : new HashMap<>(properties);
        a.properties.values().removeIf(java.util.Objects::isNull);
        a.recordedAt = now;
        return a;
    }

    /** An activity as stored (read by {@link ActivityRows}, not managed by the entity manager). */
    static Activity stored(UUID id, UUID leadId, String clientEventId, ActivityType type, FunnelStage stage, String contentTag,
            Instant occurredAt, Map<String, String> properties, Instant recordedAt) {
        var a = observe(leadId, clientEventId, type, stage, contentTag, occurredAt, properties, recordedAt);
        a.id = id;
        return a;
    }

    public UUID id() { return id; }
    public UUID leadId() { return leadId; }
    public String clientEventId() { return clientEventId; }
    public ActivityType type() { return type; }
    public FunnelStage funnelStage() { return funnelStage; }
    public String contentTag() { return contentTag; }
    public Instant occurredAt() { return occurredAt; }
    public Map<String, String> properties() { return Map.copyOf(properties); }
    public Instant recordedAt() { return recordedAt; }
}
