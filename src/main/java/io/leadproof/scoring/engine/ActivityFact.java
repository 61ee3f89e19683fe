package io.leadproof.scoring.engine;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;

import java.time.Instant;
import java.util.Objects;

/**
 * One behaviour of a lead: what it did, at which funnel stage and content, and when; {@code botFlagged} when the
 * data-quality bot check found it automated (docs/data-quality.md).
 */
public record ActivityFact(ActivityType type, FunnelStage stage, String contentTag, Instant occurredAt, boolean botFlagged) {

    public ActivityFact {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public ActivityFact(ActivityType type, FunnelStage stage, String contentTag, Instant occurredAt) {
        this(type, stage, contentTag, occurredAt, false);
    }

    /** The one rule of what engagement may count: a person's behaviour, not a bounce and not a bot. */
    public boolean countsAsEngagement() {
        return !botFlagged && type.isEngagement();
    }

    public static ActivityFact of(ActivityType type, FunnelStage stage, Instant occurredAt) {
        return new ActivityFact(type, stage, null, occurredAt);
    }
}
