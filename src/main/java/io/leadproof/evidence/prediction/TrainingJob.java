package io.leadproof.evidence.prediction;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.predict.PredictiveOptions;
import io.leadproof.evidence.predict.PredictiveTrainer;
import io.leadproof.evidence.predict.TrainingOutcome;
import io.leadproof.security.WorkspaceScope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One claimed training: reads the cohort, trains and evaluates with the pure core ({@link PredictiveTrainer}), records
 * the outcome (serving the model when its holdout AUC reaches the floor) in one transaction; then, for a served model,
 * writes every lead's prediction page by page, each page its own transaction, stopping when another model is served.
 */
@ApplicationScoped
class TrainingJob {

    private static final Logger LOG = Logger.getLogger(TrainingJob.class);

    @Inject
    WorkspaceScope scope;
    @Inject
    ModelStore store;
    @Inject
    TrainingCohort cohort;
    @Inject
    ServedModels served;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    PredictionConfig config;

    void run(String workspaceId, UUID modelId, String owner, BooleanSupplier keepGoing) {
        TrainingOutcome.Status status;
        try {
            status = inJob(workspaceId, () -> train(workspaceId, modelId, owner));
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.errorf(e, "Training %s of the predictive model of workspace %s failed (incident %s)", modelId, workspaceId, incident);
            inJob(workspaceId, () -> {
                store.fail(modelId, "the training failed: " + e.getClass().getSimpleName() + " (incident " + incident + ")", clock.instant());
                return null;
            });
            return;
        }
        if (status == TrainingOutcome.Status.SERVED) {
            predictAll(workspaceId, modelId, keepGoing);
        }
    }

    private TrainingOutcome.Status train(String workspaceId, UUID modelId, String owner) {
        var model = store.find(modelId).filter(m -> m.status() == ModelStatus.RUNNING).orElse(null);
        if (model == null) {
            return null;
        }
        Instant now = clock.instant();
        List<ReferenceLead> leads = cohort.referenceLeads(workspaceId, now);
        TrainingOutcome outcome = PredictiveTrainer.train(leads, PredictiveOptions.defaults(), Integer.toString(model.version()), now);
        if (!store.record(modelId, owner, outcome, now)) {
            LOG.warnf("Training %s of workspace %s was taken over by another pod; its outcome is that pod's", modelId, workspaceId);
            return null;
        }
        LOG.infof("Trained predictive model %d of workspace %s: %s (%d decided leads)", model.version(), workspaceId,
                outcome.status(), outcome.decided());
        return outcome.status();
    }

    /** Every lead's prediction under the newly served model, in pages of leadproof.prediction.chunk-size by lead id. */
    void predictAll(String workspaceId, UUID modelId, BooleanSupplier keepGoing) {
        UUID after = null;
        do {
            UUID from = after;
            after = inJob(workspaceId, () -> predictPage(workspaceId, modelId, from));
        } while (after != null && keepGoing.getAsBoolean());
    }

    private UUID predictPage(String workspaceId, UUID modelId, UUID after) {
        var model = served.forWorkspace(workspaceId).filter(m -> m.modelId().equals(modelId)).orElse(null);
        if (model == null) {
            return null;
        }
        Instant now = clock.instant();
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<ReferenceLead> page = CurrentLeads.page(c, workspaceId, after, config.chunkSize(), now);
            int written = LeadPredictions.write(c, workspaceId, model, page, now);
            store.predicted(modelId, written);
            return page.size() < config.chunkSize() ? null : page.getLast().leadId();
        });
    }

    private <T> T inJob(String workspaceId, Supplier<T> work) {
        return scope.call(workspaceId, () -> QuarkusTransaction.requiringNew().call(work::get));
    }
}
