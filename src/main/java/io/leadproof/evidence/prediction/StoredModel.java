package io.leadproof.evidence.prediction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.leadproof.evidence.predict.Evaluation;

/**
 * A row of predictive_model: a training and the model it produced, without the model's weights (read those through
 * {@link ServedModels}). Figures are null until the training finished, and stay null when it produced no model.
 */
public record StoredModel(UUID id, int version, ModelStatus status, TrainingTrigger trigger, String requestedBy, String note,
        String reason, Instant createdAt, Instant startedAt, Instant finishedAt, Integer decided, Integer won,
        Integer notWon, Integer moreDecidedNeeded, Integer moreWonNeeded, Integer moreNotWonNeeded,
        Integer trainingLeads, Integer holdoutLeads, Integer holdoutWon, Double auc, Double brier, Double topDecileLift,
        List<Evaluation.CalibrationBin> calibration, int predictedLeads, PredictivePopulation population) {
}
