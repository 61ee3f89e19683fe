package io.leadproof.scoring.engine;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;

import java.time.Duration;

/**
 * Awards {@code pointsPerOccurrence} for each matching activity in the look-back {@code window}
 * ending at the scoring moment. A null {@code type}, {@code stage} or {@code contentTag} matches
 * any. The rule's total is bounded in magnitude by {@code |cap|}. With a {@code halfLife}, an
 * occurrence's points halve for every half-life of age.
 */
public record EngagementRule(
        String key,
        String label,
        ActivityType type,
        FunnelStage stage,
        String contentTag,
        Duration window,
        int pointsPerOccurrence,
        int cap,
        Duration halfLife) implements Rule {

    @Override
    public RuleKind kind() {
        return RuleKind.ENGAGEMENT;
    }
}
