package io.leadproof.scoring.engine;

import java.time.Instant;
import java.util.List;

/**
 * A lead's score under one criteria version at one moment. The constructor enforces the
 * invariants: total = sum of contribution points, fit = sum of FIT points, engagement = sum of
 * ENGAGEMENT points, and every knock-out key names a KNOCK_OUT contribution.
 */
public record Score(
        int total,
        int fit,
        int engagement,
        boolean qualified,
        List<String> knockedOutBy,
        List<Contribution> contributions,
        String versionId,
        Instant asOf) {

    public Score {
        knockedOutBy = List.copyOf(knockedOutBy);
        contributions = List.copyOf(contributions);
        long sum = 0;
        long fitSum = 0;
        long engagementSum = 0;
        for (Contribution c : contributions) {
            sum += c.points();
            switch (c.kind()) {
                case FIT -> fitSum += c.points();
                case ENGAGEMENT -> engagementSum += c.points();
                case KNOCK_OUT -> { }
            }
        }
        if (sum != total || fitSum != fit || engagementSum != engagement) {
            throw new IllegalArgumentException("score %d/%d/%d does not match its contributions %d/%d/%d"
                    .formatted(total, fit, engagement, sum, fitSum, engagementSum));
        }
        if (qualified && !knockedOutBy.isEmpty()) {
            throw new IllegalArgumentException("a knocked-out lead cannot be qualified");
        }
        for (String key : knockedOutBy) {
            if (contributions.stream().noneMatch(c -> c.kind() == RuleKind.KNOCK_OUT && c.ruleKey().equals(key))) {
                throw new IllegalArgumentException("knock-out " + key + " has no contribution");
            }
        }
    }

    public boolean knockedOut() {
        return !knockedOutBy.isEmpty();
    }
}
