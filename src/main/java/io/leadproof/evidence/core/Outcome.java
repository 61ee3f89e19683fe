package io.leadproof.evidence.core;

import io.leadproof.feedback.RejectionCategory;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of a handed-off lead as of an instant, as data: the rule that decides it has one home, the SQL function
 * {@code evidence_outcome} (R__evidence_signal_counts.sql, docs/evidence.md "Outcomes"), and the reads carry its answer. {@code since} is when it became that outcome:
 * the close for WON/LOST, the rejection for REJECTED, the moment the stall period ran out for
 * STALLED, the handoff for OPEN. Reason code and category are set for REJECTED only.
 */
public record Outcome(OutcomeKind kind, String rejectionCode, RejectionCategory rejectionCategory, Instant since) {

    /** The workspace default of {@code stalledAfterDays}. */
    public static final Duration DEFAULT_STALLED_AFTER = Duration.ofDays(30);

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
