package io.leadproof.evidence.prediction;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.leadproof.handoff.HandoffActed;
import io.leadproof.lead.LeadsChanged;

/**
 * Keeps predictions current as leads change and activities arrive: inside the writing transaction, the changed leads
 * are predicted again under the workspace's served model (nothing happens while it serves none), and so are those of
 * them whose handoff sales accepted under the served ACCEPTED_LEADS model — also when sales responds to the handoff.
 */
@ApplicationScoped
public class PredictionIngest {

    @Inject
    ServedModels served;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AcceptedPredictions accepted;

    void onLeadsChanged(@Observes LeadsChanged change) {
        if (change.leadIds().isEmpty()) {
            return;
        }
        served.forWorkspace(change.workspaceId()).ifPresent(model -> {
            Instant now = clock.instant();
            em.unwrap(Session.class).doWork(c -> LeadPredictions.write(c, change.workspaceId(), model,
                    CurrentLeads.of(c, change.workspaceId(), List.copyOf(change.leadIds()), now), now));
        });
        accepted.refresh(List.copyOf(change.leadIds()));
    }

    /** An accepted handoff, a first-call signal, a later response: the lead's accepted-lead prediction follows. */
    void onHandoffActed(@Observes HandoffActed acted) {
        em.flush(); // the response's entity changes, read back with SQL
        accepted.refresh(List.of(acted.leadId()));
    }
}
