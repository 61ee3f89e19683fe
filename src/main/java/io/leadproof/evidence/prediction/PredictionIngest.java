package io.leadproof.evidence.prediction;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
    @Inject
    Event<AcceptedRefreshDue> refreshDue;

    /** The accepted-lead predictions of these leads are refreshed once the writing transaction committed. */
    record AcceptedRefreshDue(String workspaceId, List<UUID> leadIds) {
    }

    /**
     * One look-up of the served models of both kinds per write, in the writing transaction on its connection: the
     * ALL_LEADS model predicts the changed leads now; under an ACCEPTED_LEADS model their refresh is due after the
     * commit. Before, every ingest and every sales response opened a transaction of its own after the commit, on the
     * request thread and a second pooled connection, to find that no such model is served (docs/benchmarks.md,
     * "load-writes"), and then each kind was looked up apart ("load-tail"). A model served between this look-up and the
     * commit misses this one refresh, as it would miss a commit just before it was served: serving one predicts the
     * accepted leads anew.
     */
    void onLeadsChanged(@Observes LeadsChanged change) {
        if (change.leadIds().isEmpty()) {
            return;
        }
        var models = served.allForWorkspace(change.workspaceId());
        ServedModel model = models.get(PredictivePopulation.ALL_LEADS);
        if (model != null) {
            Instant now = clock.instant();
            em.unwrap(Session.class).doWork(c -> LeadPredictions.write(c, change.workspaceId(), model,
                    CurrentLeads.of(c, change.workspaceId(), List.copyOf(change.leadIds()), now), now));
        }
        if (models.containsKey(PredictivePopulation.ACCEPTED_LEADS)) {
            refreshDue.fire(new AcceptedRefreshDue(change.workspaceId(), List.copyOf(change.leadIds())));
        }
    }

    void onHandoffActed(@Observes HandoffActed acted) {
        dueIfServed(acted.workspaceId(), List.of(acted.leadId()));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AcceptedRefreshDue due) {
        refreshAccepted(due.workspaceId(), due.leadIds());
    }

    private void dueIfServed(String workspaceId, List<UUID> leads) {
        if (served.forWorkspace(workspaceId, PredictivePopulation.ACCEPTED_LEADS).isPresent()) {
            refreshDue.fire(new AcceptedRefreshDue(workspaceId, leads));
        }
    }

    private void refreshAccepted(String workspaceId, List<UUID> leads) {
        scope.call(workspaceId, () -> QuarkusTransaction.requiringNew().call(() -> accepted.refresh(leads)));
    }
}
