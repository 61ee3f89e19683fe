package io.leadproof.scoring.engine;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;

import java.time.Instant;
import java.util.Objects;

/** One behaviour of a lead: what it did, at which funnel stage and content, and when. */
public record ActivityFact(ActivityType type, FunnelStage stage, String contentTag, Instant occurredAt) {

    public ActivityFact {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public static ActivityFact of(ActivityType type, FunnelStage stage, Instant occurredAt) {
        return new ActivityFact(type, stage, null, occurredAt);
    }
}
