package io.leadproof.scoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.leadproof.lead.LeadLifecycle;
import io.leadproof.lead.LifecycleMove;
import io.leadproof.scoring.engine.ActivityFact;
import io.leadproof.scoring.engine.LeadSnapshot;
import io.leadproof.scoring.engine.Score;

/** Scores a set of leads under some versions as of one instant and persists the outcome. */
final class LeadScoring {

    record Outcome(List<LeadQualified> qualified, List<UUID> lifecycleChanged) {
        static final Outcome NONE = new Outcome(List.of(), List.of());
    }

    private LeadScoring() {
    }

    /** How the activities of the leads are read: {@link LeadFacts#activities} or, for a page, {@link LeadFacts#activitiesOfPage}. */
    @FunctionalInterface
    interface ActivityReader {
        Map<UUID, List<ActivityFact>> read(Connection c, String workspace, List<UUID> ids, Instant from, Instant asOf)
                throws SQLException;
    }

    static Outcome score(Connection c, String workspace, Map<UUID, LeadSnapshot> leads, List<ScoringTarget> targets,
            ScoreCause cause, Instant asOf) throws SQLException {
        return score(c, workspace, leads, targets, cause, asOf, LeadFacts::activities, Set.of(), (version, lead) -> null);
    }

    static Outcome score(Connection c, String workspace, Map<UUID, LeadSnapshot> leads, List<ScoringTarget> targets,
            ScoreCause cause, Instant asOf, ActivityReader activityReader) throws SQLException {
        return score(c, workspace, leads, targets, cause, asOf, activityReader, Set.of(), (version, lead) -> null);
    }

    /** A score already computed for a lead under a version as of the same instant ({@link ArrivalScoring}), or null. */
    @FunctionalInterface
    interface KnownScores {
        Score of(UUID versionId, UUID lead);
    }

    /**
     * @param inFinalStage new leads inserted knocked out on arrival ({@link io.leadproof.lead.LeadsArriving}): not moved again
     * @param known        scores computed on arrival (no activities, same instant): written as they are, not computed again
     */
    static Outcome score(Connection c, String workspace, Map<UUID, LeadSnapshot> leads, List<ScoringTarget> targets,
            ScoreCause cause, Instant asOf, ActivityReader activityReader, Set<UUID> inFinalStage, KnownScores known)
            throws SQLException {
        var qualifiedEvents = new ArrayList<LeadQualified>();
        var changed = new ArrayList<UUID>();
        if (leads.isEmpty() || targets.isEmpty()) {
            return new Outcome(qualifiedEvents, changed);
        }
        var ids = List.copyOf(leads.keySet());
        var lookBack = targets.stream().map(ScoringTarget::lookBack).max(java.time.Duration::compareTo).orElseThrow();
        Map<UUID, List<ActivityFact>> activities = lookBack.isZero() ? Map.of()
                : activityReader.read(c, workspace, ids, asOf.minus(lookBack), asOf);
        for (ScoringTarget target : targets) {
            Map<UUID, Score> scores = new HashMap<>(leads.size() * 2);
            leads.forEach((id, lead) -> {
                Score score = known.of(target.versionId(), id);
                scores.put(id, score != null ? score : target.criteria().score(lead, activities.getOrDefault(id, List.of()), asOf));
            });
            var written = ScoreWrites.write(c, workspace, target.versionId(), scores, cause, asOf);
            if (target.movesLifecycle()) {
                for (UUID id : LeadLifecycle.apply(c, workspace, LifecycleMove.QUALIFY, written.qualified(), asOf, target.versionId())) {
                    qualifiedEvents.add(new LeadQualified(workspace, id, target.versionId(), asOf));
                    changed.add(id);
                }
                var knockOut = inFinalStage.isEmpty() ? written.knockedOut()
                        : written.knockedOut().stream().filter(id -> !inFinalStage.contains(id)).toList();
                changed.addAll(LeadLifecycle.apply(c, workspace, LifecycleMove.KNOCK_OUT, knockOut, asOf, null));
            }
        }
        return new Outcome(qualifiedEvents, changed);
    }
}
