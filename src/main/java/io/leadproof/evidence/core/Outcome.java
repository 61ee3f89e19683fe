package io.leadproof.evidence.core;

import io.leadproof.feedback.RejectionCategory;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of a handed-off lead as of an instant. {@code since} is when it became that outcome:
 * the close for WON/LOST, the rejection for REJECTED, the moment the stall period ran out for
 * STALLED, the handoff for OPEN. Reason code and category are set for REJECTED only.
 */
public record Outcome(OutcomeKind kind, String rejectionCode, RejectionCategory rejectionCategory, Instant since) {

    public Outcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(since, "since");
        if (kind == OutcomeKind.REJECTED && (rejectionCode == null || rejectionCategory == null)) {
            throw new IllegalArgumentException("a REJECTED outcome carries its reason code and category");
        }
        if (kind != OutcomeKind.REJECTED && (rejectionCode != null || rejectionCategory != null)) {
            throw new IllegalArgumentException("only a REJECTED outcome carries a reason");
        }
    }

    public static Outcome of(OutcomeKind kind, Instant since) {
        return new Outcome(kind, null, null, since);
    }

    public static Outcome rejected(String code, RejectionCategory category, Instant since) {
        return new Outcome(OutcomeKind.REJECTED, code, category, since);
    }

    public boolean isDecided() {
        return kind.isDecided();
    }

    public boolean isWon() {
        return kind == OutcomeKind.WON;
    }
}
