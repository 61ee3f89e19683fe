package io.leadproof.scoring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.leadproof.lead.LeadsArriving;
import io.leadproof.lead.LeadsChanged;
import io.leadproof.quality.store.QualityRefresh;
import io.leadproof.scoring.engine.LeadSnapshot;

/**
 * Keeps scores current as leads change and activities arrive: runs inside the writing transaction,
 * so a lead and its score never disagree after commit. The leads whose stage the scores moved are reported on the event.
 * The new leads of a batch are scored from their values in hand on arrival (after their data-quality verdicts): those
 * knocked out are inserted knocked out, and the batch's scoring after the insert reads them from the arrival, not back
 * from the database.
 */
@ApplicationScoped
public class IncrementalScoring {

    @Inject
    EntityManager em;
    @Inject
    ScoringTargets targets;
    @Inject
    Clock clock;
    @Inject
    Event<LeadsQualified> qualified;

    void onLeadsArriving(@Observes LeadsArriving arriving) {
        var current = em.unwrap(Session.class).doReturningWork(c -> targets.current(c, arriving.workspaceId()));
        var scoring = ArrivalScoring.of(arriving, QualityRefresh.arrivalVerdicts(arriving).orElse(Map.of()), current);
        arriving.note(ArrivalScoring.class, scoring);
        arriving.knockOut(scoring.knockedOut());
    }

    void onLeadsChanged(@Observes LeadsChanged change) {
        var cause = change.what() == LeadsChanged.What.ACTIVITIES ? ScoreCause.ACTIVITY_RECORDED : ScoreCause.LEAD_CHANGED;
        var arrival = change.arrival();
        var asOf = arrival.map(LeadsArriving::asOf).orElseGet(clock::instant);
        ArrivalScoring arrived = arrival.flatMap(a -> a.note(ArrivalScoring.class)).orElse(null);
        Map<UUID, LeadSnapshot> inHand = arrived == null ? Map.of() : arrived.snapshots();
        Set<UUID> inFinalStage = arrival.map(LeadsArriving::knockedOut).orElse(Set.of());
        var outcome = em.unwrap(Session.class).doReturningWork(c -> {
            var stored = new ArrayList<UUID>();
            change.leadIds().forEach(id -> {
                if (!inHand.containsKey(id)) {
                    stored.add(id);
                }
            });
            var leads = new LinkedHashMap<UUID, LeadSnapshot>();
            if (!stored.isEmpty()) {
                leads.putAll(LeadFacts.snapshots(c, change.workspaceId(), stored));
            }
            inHand.forEach((id, lead) -> {
                if (change.leadIds().contains(id)) {
                    leads.put(id, lead);
                }
            });
            LeadScoring.ActivityReader activities = (cn, ws, ids, from, to) -> {
                List<UUID> old = ids.stream().filter(id -> !inHand.containsKey(id)).toList();   // new leads have none
                return old.isEmpty() ? Map.of() : LeadFacts.activities(cn, ws, old, from, to);
            };
            // the versions current on arrival, in the same transaction: read once per batch, not twice
            var current = arrived != null ? arrived.targets() : targets.current(c, change.workspaceId());
            LeadScoring.KnownScores known = arrived == null ? (version, lead) -> null : arrived::scoreOf;
            return LeadScoring.score(c, change.workspaceId(), leads, current, cause, asOf, activities, inFinalStage, known);
        });
        change.moved(outcome.lifecycleChanged());
        qualified.fire(new LeadsQualified(outcome.qualified()));
    }
}
