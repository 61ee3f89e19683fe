package io.leadproof.evidence.prediction;

import java.util.UUID;

import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.predict.Prediction;
import io.leadproof.evidence.predict.PredictiveModel;

/**
 * A workspace's served predictive model, ready to score: the probability that a lead becomes WON from its features
 * as of its reference moment (the {@link ReferenceLead}'s traits, activities up to the moment, campaign; nothing
 * later). Immutable and thread-safe.
 *
 * @param version the model's version number in its workspace (1, 2, …)
 */
public record ServedModel(UUID modelId, int version, PredictiveModel model) {

    public double probability(ReferenceLead lead) {
        return model.probability(lead);
    }

    public Prediction predict(ReferenceLead lead) {
        return model.predict(lead);
    }
}
