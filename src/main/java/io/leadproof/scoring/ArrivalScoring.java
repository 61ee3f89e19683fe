package io.leadproof.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.leadproof.lead.Lead;
import io.leadproof.lead.LeadsArriving;
import io.leadproof.scoring.engine.LeadSnapshot;

/**
 * Scoring's part of a batch's arrival ({@link LeadsArriving}): the new leads' snapshots from the values in hand (as
 * {@link LeadFacts#snapshots} would read them back after the insert, with the data-quality verdicts judged on arrival),
 * and which of them the lifecycle-moving versions knock out, so that they are inserted knocked out. A new lead has no
 * activities yet: its score on arrival is the score the batch's scoring computes after the insert, as of the same instant.
 *
 * @param snapshots the new leads, read by the batch's scoring instead of the database
 */
record ArrivalScoring(Map<UUID, LeadSnapshot> snapshots) {

    static ArrivalScoring of(LeadsArriving arriving, Map<UUID, String> verdicts) {
        var snapshots = new LinkedHashMap<UUID, LeadSnapshot>();
        arriving.leads().forEach(l -> snapshots.put(l.id(), snapshot(l, verdicts.get(l.id()))));
        return new ArrivalScoring(snapshots);
    }

    /** The new leads a lifecycle-moving version knocks out (and none qualifies: QUALIFY runs first after the insert). */
    Set<UUID> knockedOut(List<ScoringTarget> targets, java.time.Instant asOf) {
        var knocked = new java.util.LinkedHashSet<UUID>();
        var qualified = new java.util.HashSet<UUID>();
        for (ScoringTarget target : targets) {
            if (!target.movesLifecycle()) {
                continue;
            }
            snapshots.forEach((id, lead) -> {
                var score = target.criteria().score(lead, List.of(), asOf);
                if (score.knockedOut()) {
                    knocked.add(id);
                } else if (score.qualified()) {
                    qualified.add(id);
                }
            });
        }
        knocked.removeAll(qualified);
        return knocked;
    }

    /** A new lead as {@link LeadFacts#snapshot} reads it: amounts at the column's scale, instants at microseconds. */
    static LeadSnapshot snapshot(Lead l, String verdict) {
        return LeadFacts.snapshot(l.emailNormalized(), l.companyDomain(), l.companyName(), cents(l.annualRevenue()),
                l.employeeCount(), l.industry(), l.jobTitle(), l.seniority(), l.country(), l.source(), l.budgetStatus(),
                cents(l.budgetAmount()), l.authority(), l.need(), l.timeline(), new HashMap<>(l.customAttributes()),
                l.createdAt().truncatedTo(ChronoUnit.MICROS), verdict);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
