package io.leadproof.evidence.core;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.scoring.engine.ActivityFact;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A lead's activities of one type and funnel stage (null: activities without a stage) up to its
 * reference moment: how many and the most recent. One row of
 * {@code select type, stage, count(*), max(occurred_at) ... where occurred_at <= :moment group by lead, type, stage}.
 */
public record ActivityAggregate(ActivityType type, FunnelStage stage, int count, Instant lastAt) {

    public ActivityAggregate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lastAt, "lastAt");
        if (count < 1) {
            throw new IllegalArgumentException("an aggregate counts at least one activity, not " + count);
        }
    }

    /** The aggregates of the activities at or before {@code moment}, for callers that hold raw facts. */
    public static List<ActivityAggregate> summarise(List<ActivityFact> activities, Instant moment) {
        Map<String, ActivityAggregate> byKey = new LinkedHashMap<>();
        for (ActivityFact activity : activities) {
            if (activity.occurredAt().isAfter(moment)) {
                continue;
            }
            byKey.merge(activity.type() + "/" + activity.stage(),
                    new ActivityAggregate(activity.type(), activity.stage(), 1, activity.occurredAt()),
                    ActivityAggregate::plus);
        }
        return List.copyOf(byKey.values());
    }

    ActivityAggregate plus(ActivityAggregate other) {
        return new ActivityAggregate(type, stage, count + other.count,
                lastAt.isAfter(other.lastAt) ? lastAt : other.lastAt);
    }
}
