package io.leadproof.evidence.predict;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trained model in plain data, to store as JSON in a table and to score with
 * {@link PredictiveModel} without Tribuo: the fitted dimensions (from which the feature names derive,
 * in order), one weight per feature and the intercept of the logistic regression, the training mean
 * of every feature (for factors), the band cut points, and the evaluation.
 *
 * @param served   false when the holdout AUC was below the floor: stored for the record, not used
 * @param reason   why it is not served, null when served
 */
public record ModelForm(
        String modelVersion,
        Instant trainedAt,
        Map<String, DimSpec> dims,
        List<String> featureNames,
        double[] weights,
        double intercept,
        double[] featureMeans,
        double mediumFrom,
        double highFrom,
        boolean firstCallSignals,
        Duration firstCallWindow,
        Evaluation evaluation,
        boolean served,
        String reason) {
}
