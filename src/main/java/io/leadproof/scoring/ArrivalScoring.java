package io.leadproof.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.leadproof.lead.Lead;
import io.leadproof.lead.LeadsArriving;
import io.leadproof.scoring.engine.LeadSnapshot;
import io.leadproof.scoring.engine.Score;

/**
 * Scoring's part of a batch's arrival ({@link LeadsArriving}): the new leads' snapshots from the values in hand (as
 * {@link LeadFacts#snapshots} would read them back after the insert, with the data-quality verdicts judged on arrival),
 * their scores under every current version, and which of them the lifecycle-moving versions knock out, so that they are
 * inserted knocked out. A new lead has no activities yet: its score on arrival is the score the batch's scoring computes
 * after the insert, as of the same instant, so the batch's scoring writes these scores instead of computing them again.
 *
 * @param snapshots the new leads, read by the batch's scoring instead of the database
 * @param targets   the versions current on arrival (the same transaction scores after the insert)
 * @param scores    per version id, each new lead's score on arrival
 */
record ArrivalScoring(Map<UUID, LeadSnapshot> snapshots, List<ScoringTarget> targets, Map<UUID, Map<UUID, Score>> scores) {

    static ArrivalScoring of(LeadsArriving arriving, Map<UUID, String> verdicts, List<ScoringTarget> targets) {
        var snapshots = new LinkedHashMap<UUID, LeadSnapshot>();
        arriving.leads().forEach(l -> snapshots.put(l.id(), snapshot(l, verdicts.get(l.id()))));
        var scores = new HashMap<UUID, Map<UUID, Score>>();
        for (ScoringTarget target : targets) {
            var byLead = new LinkedHashMap<UUID, Score>(snapshots.size() * 2);
            snapshots.forEach((id, lead) -> byLead.put(id, target.criteria().score(lead, List.of(), arriving.asOf())));
            scores.put(target.versionId(), byLead);
        }
        return new ArrivalScoring(snapshots, List.copyOf(targets), scores);
    }

    /** The new leads a lifecycle-moving version knocks out (and none qualifies: QUALIFY runs first after the insert). */
    Set<UUID> knockedOut() {
        var knocked = new LinkedHashSet<UUID>();
        var qualified = new HashSet<UUID>();
        for (ScoringTarget target : targets) {
            if (!target.movesLifecycle()) {
                continue;
            }
            scores.get(target.versionId()).forEach((id, score) -> {
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

    /** The arrival's score of a new lead under a version, or null (not new in the batch, or a version not current then). */
    Score scoreOf(UUID versionId, UUID lead) {
        var byLead = scores.get(versionId);
        return byLead == null ? null : byLead.get(lead);
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
