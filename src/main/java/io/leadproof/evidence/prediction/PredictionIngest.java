package io.leadproof.evidence.prediction;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.leadproof.handoff.HandoffActed;
import io.leadproof.lead.LeadsChanged;
import io.leadproof.security.WorkspaceScope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps predictions current as leads change and activities arrive: inside the writing transaction, the changed leads
 * are predicted again under the workspace's served model (nothing happens while it serves none). Under the served
 * ACCEPTED_LEADS model, the accepted ones among them are predicted again once that transaction committed, and so is a
 * lead whose handoff sales responded to (acceptance, a touch with its first-call signals, …): that prediction reads the
 * lead as of its handoff through the evidence reader, whose parallel connections see committed data only. A refresh
 * that fails is logged and leaves the stored prediction as it was (the response stands).
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
    @Inject
    WorkspaceScope scope;

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

    void afterLeadsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) LeadsChanged change) {
        if (!change.leadIds().isEmpty()) {
            refreshAccepted(change.workspaceId(), List.copyOf(change.leadIds()));
        }
    }

    void afterHandoffActed(@Observes(during = TransactionPhase.AFTER_SUCCESS) HandoffActed acted) {
        refreshAccepted(acted.workspaceId(), List.of(acted.leadId()));
    }

    private void refreshAccepted(String workspaceId, List<UUID> leads) {
        scope.call(workspaceId, () -> QuarkusTransaction.requiringNew().call(() -> accepted.refresh(leads)));
    }
}
