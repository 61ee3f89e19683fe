package io.leadproof.scoring.engine;

import java.time.Instant;
import java.util.List;

/**
 * Scores leads against a criteria version. Pure: no clock, no I/O; the scoring moment is an
 * argument. To score many leads, {@link #compile} the version once and reuse the result.
 */
public final class ScoringEngine {
    private ScoringEngine() {
    }

    /** @throws InvalidCriteriaException when {@link CriteriaValidator} finds violations */
    public static CompiledCriteria compile(CriteriaVersionSpec spec) {
        List<RuleViolation> violations = CriteriaValidator.validate(spec);
        if (!violations.isEmpty()) {
            throw new InvalidCriteriaException(violations);
        }
        return new CompiledCriteria(spec);
    }

    /** Compiles and scores in one go; for a single lead. See {@link CompiledCriteria#score}. */
    public static Score score(LeadSnapshot lead, List<ActivityFact> activitiesUpToAsOf, CriteriaVersionSpec spec,
                              Instant asOf) {
        return compile(spec).score(lead, activitiesUpToAsOf, asOf);
    }
}
