package io.leadproof.evidence.prediction;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.leadproof.lead.LeadsChanged;

/**
 * Keeps predictions current as leads change and activities arrive: inside the writing transaction, the changed leads
 * are predicted again under the workspace's served model (nothing happens while it serves none).
 */
@ApplicationScoped
public class PredictionIngest {

    @Inject
    ServedModels served;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    void onLeadsChanged(@Observes LeadsChanged change) {
        if (change.leadIds().isEmpty()) {
            return;
        }
        served.forWorkspace(change.workspaceId()).ifPresent(model -> {
            Instant now = clock.instant();
            em.unwrap(Session.class).doWork(c -> LeadPredictions.write(c, change.workspaceId(), model,
                    CurrentLeads.of(c, change.workspaceId(), List.copyOf(change.leadIds()), now), now));
        });
    }
}
