package io.leadproof.evidence.predict;

/**
 * What one dimension of the lead does to its log-odds of winning, against the average training lead:
 * Σ over the dimension's features of weight × (value − training mean). Positive pushes up.
 */
public record Factor(String feature, String value, double effect) {
}
