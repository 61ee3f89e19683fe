package io.leadproof.scoring;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.leadproof.lead.LeadsChanged;

/**
 * Keeps scores current as leads change and activities arrive: runs inside the writing transaction,
 * so a lead and its score never disagree after commit. The leads whose stage the scores moved are reported on the event.
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

    void onLeadsChanged(@Observes LeadsChanged change) {
        var cause = change.what() == LeadsChanged.What.ACTIVITIES ? ScoreCause.ACTIVITY_RECORDED : ScoreCause.LEAD_CHANGED;
        var asOf = clock.instant();
        var outcome = em.unwrap(Session.class).doReturningWork(c -> {
            var leads = LeadFacts.snapshots(c, change.workspaceId(), List.copyOf(change.leadIds()));
            return LeadScoring.score(c, change.workspaceId(), leads, targets.current(c, change.workspaceId()), cause, asOf);
        });
        change.moved(outcome.lifecycleChanged());
        qualified.fire(new LeadsQualified(outcome.qualified()));
    }
}
