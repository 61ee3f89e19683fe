package io.leadproof.evidence.prediction;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.leadproof.evidence.predict.PredictiveOptions;
import io.leadproof.evidence.predict.PredictiveTrainer;
import io.leadproof.evidence.predict.TrainingOutcome;
import io.leadproof.security.WorkspaceScope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One claimed training: reads the cohort, trains and evaluates with the pure core ({@link PredictiveTrainer}), records
 * the outcome (serving the model when its holdout AUC reaches the floor, its bulk prediction queued with it) in one
 * transaction; then wakes the {@link BulkPredictionWorker} that writes every lead's prediction.
 */
@ApplicationScoped
class TrainingJob {

    private static final Logger LOG = Logger.getLogger(TrainingJob.class);
    /** A training's transaction: reading up to 100,000 handoffs per outcome kind, training, recording (docs/benchmarks.md). */
    static final int TRAINING_TIMEOUT_SECONDS = 900;

    @Inject
    WorkspaceScope scope;
    @Inject
    ModelStore store;
    @Inject
    TrainingCohort cohort;
    @Inject
    Clock clock;
    @Inject
    BulkPredictionWorker bulk;

    void run(String workspaceId, UUID modelId, String owner) {
        TrainingOutcome.Status status;
        try {
            // the cohort read of a large workspace outlasts the default transaction timeout (60 s) on a loaded machine
            status = scope.call(workspaceId, () -> QuarkusTransaction.requiringNew().timeout(TRAINING_TIMEOUT_SECONDS)
                    .call(() -> train(workspaceId, modelId, owner)));
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
            bulk.wake(); // its bulk prediction, queued as PENDING with the outcome, is a resumable job of its own
        }
    }

    private TrainingOutcome.Status train(String workspaceId, UUID modelId, String owner) {
        var model = store.find(modelId).filter(m -> m.status() == ModelStatus.RUNNING).orElse(null);
        if (model == null) {
            return null;
        }
        Instant now = clock.instant();
        var read = cohort.referenceLeads(workspaceId, now, model.population());
        PredictiveOptions options = model.population() == PredictivePopulation.ACCEPTED_LEADS
                ? PredictiveOptions.defaults().forAcceptedLeads().withFirstCallWindow(read.firstCallWindow())
                : PredictiveOptions.defaults();
        TrainingOutcome outcome = PredictiveTrainer.train(read.leads(), options, Integer.toString(model.version()), now);
        if (!store.record(modelId, owner, outcome, clock.instant())) { // finished_at: when it finished (the cohort read takes minutes at 1M)
            LOG.warnf("Training %s of workspace %s was taken over by another pod; its outcome is that pod's", modelId, workspaceId);
            return null;
        }
        LOG.infof("Trained predictive model %d (%s) of workspace %s: %s (%d decided leads)", model.version(), model.population(), workspaceId,
                outcome.status(), outcome.decided());
        return outcome.status();
    }

    private <T> T inJob(String workspaceId, Supplier<T> work) {
        return scope.call(workspaceId, () -> QuarkusTransaction.requiringNew().call(work::get));
    }
}
