package io.leadproof.scoring;

import java.time.Duration;
import java.util.UUID;

import io.leadproof.scoring.engine.CompiledCriteria;
import io.leadproof.scoring.engine.EngagementRule;

/**
 * A version leads are scored under. {@code movesLifecycle} is true only for the active version of
 * the model that drives handoffs: its crossings make leads MQL.
 */
public record ScoringTarget(UUID modelId, UUID versionId, CompiledCriteria criteria, boolean movesLifecycle) {

    /** How far back activities can matter under this version. */
    public Duration lookBack() {
        return criteria.spec().rules().stream()
                .filter(EngagementRule.class::isInstance).map(r -> ((EngagementRule) r).window())
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
