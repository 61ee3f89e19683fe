package io.leadproof.scoring;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;

import io.leadproof.lead.Lead;
import io.leadproof.lead.LeadsChanged;

/**
 * Keeps scores current as leads change and activities arrive: runs inside the writing transaction,
 * so a lead and its score never disagree after commit.
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
        var session = em.unwrap(SessionImplementor.class);
        var leads = session.getFactory().getMappingMetamodel().getEntityDescriptor(Lead.class);
        for (var id : outcome.lifecycleChanged()) {
            // The stage was moved in SQL: a lead this transaction already holds is re-read so it stays truthful (and
            // its version current); one it does not hold is not loaded at all.
            Object held = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, leads));
            if (held != null) {
                em.refresh(held);
            }
        }
        qualified.fire(new LeadsQualified(outcome.qualified()));
    }
}
