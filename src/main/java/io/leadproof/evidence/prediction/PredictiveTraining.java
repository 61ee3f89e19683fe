package io.leadproof.evidence.prediction;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.leadproof.common.UserError;
import io.leadproof.security.CurrentWorkspace;

/**
 * Starting a training of the workspace's predictive model: queued in the caller's transaction, then worked off by a
 * {@link TrainingWorker} under a lease. One training at a time per workspace and kind (a partial unique index holds it).
 */
@ApplicationScoped
public class PredictiveTraining {

    static final int NOTE_MAX = 200;

    public record Started(StoredModel model, List<UserError> userErrors) {
    }

    @Inject
    ModelStore store;
    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    Event<TrainingQueued> queued;

    @Transactional
    public Started start(String note, PredictivePopulation population) {
        PredictivePopulation kind = population == null ? PredictivePopulation.ALL_LEADS : population;
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        if (trimmed != null && trimmed.length() > NOTE_MAX) {
            return refused(UserError.of(UserErrorCode.TOO_LONG, "note is at most " + NOTE_MAX + " characters", "note"));
        }
        if (store.trainingInProgress(kind)) {
            return inProgress();
        }
        Optional<StoredModel> model = store.queue(TrainingTrigger.ON_DEMAND, workspace.actor(), trimmed, clock.instant(), kind);
        if (model.isEmpty()) {
            return inProgress();
        }
        queued.fire(new TrainingQueued(workspace.id()));
        return new Started(model.get(), List.of());
    }

    private static Started inProgress() {
        return refused(UserError.of(UserErrorCode.TRAINING_IN_PROGRESS,
                "a training of this kind of predictive model is already queued or running in this workspace; wait for it to finish"));
    }

    private static Started refused(UserError error) {
        return new Started(null, List.of(error));
    }
}
