package io.leadproof.scoring.engine;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Shared test vocabulary: a fixed scoring moment and one-rule versions. */
final class Fixtures {
    static final Instant AS_OF = Instant.parse("2025-06-30T12:00:00Z");

    private Fixtures() {
    }

    static Instant daysBefore(long days) {
        return AS_OF.minus(Duration.ofDays(days));
    }

    static ActivityFact activity(ActivityType type, FunnelStage stage, Instant at) {
        return new ActivityFact(type, stage, null, at);
    }

    static CriteriaVersionSpec version(Rule... rules) {
        return new CriteriaVersionSpec("v-test", List.of(rules), Thresholds.mql(50));
    }

    static CriteriaVersionSpec version(Thresholds thresholds, Rule... rules) {
        return new CriteriaVersionSpec("v-test", List.of(rules), thresholds);
    }

    static Score score(LeadSnapshot lead, List<ActivityFact> activities, Rule... rules) {
        return ScoringEngine.score(lead, activities, version(rules), AS_OF);
    }

    /** Whether a single FIT rule with this predicate fires for the lead. */
    static boolean matches(Predicate when, LeadSnapshot lead) {
        Score score = score(lead, List.of(), new FitRule("probe", "Probe", when, 1));
        return score.total() == 1;
    }

    static EngagementRule engagement(ActivityType type, FunnelStage stage, Duration window, int points, int cap,
                                     Duration halfLife) {
        return new EngagementRule("engaged", "Engaged", type, stage, null, window, points, cap, halfLife);
    }

    static Contribution only(Score score) {
        if (score.contributions().size() != 1) {
            throw new AssertionError("expected one contribution, got " + score.contributions());
        }
        return score.contributions().getFirst();
    }
}
