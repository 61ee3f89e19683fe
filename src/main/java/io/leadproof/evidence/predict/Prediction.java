package io.leadproof.evidence.predict;

import java.util.List;

/**
 * A lead's predicted probability of becoming WON, its band, and the factors pushing it up and down
 * the most (up to three each, largest effect first).
 */
public record Prediction(double probability, Band band, List<Factor> pushingUp, List<Factor> pushingDown,
                         String modelVersion) {
}
