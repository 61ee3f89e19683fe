package io.leadproof.evidence.core;

import io.leadproof.feedback.RejectionCategory;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One side of a comparison: the decided outcomes it holds, and for REJECTED which categories
 * (an empty set with REJECTED in {@code kinds} means every category). {@code label} names the group
 * in sentences, plural and lower-case: "won deals", "stalled or lost deals".
 */
public record OutcomeGroup(String label, Set<OutcomeKind> kinds, Set<RejectionCategory> rejectedCategories) {

    public OutcomeGroup {
        Objects.requireNonNull(label, "label");
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        rejectedCategories = rejectedCategories == null || rejectedCategories.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(rejectedCategories));
        if (kinds.contains(OutcomeKind.OPEN)) {
            throw new IllegalArgumentException("a group holds decided outcomes only, not OPEN");
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("a group holds at least one outcome");
        }
        if (!rejectedCategories.isEmpty() && !kinds.contains(OutcomeKind.REJECTED)) {
            throw new IllegalArgumentException("rejection categories need REJECTED among the kinds");
        }
    }

    /** The default group A. */
    public static OutcomeGroup won() {
        return new OutcomeGroup("won deals", Set.of(OutcomeKind.WON), Set.of());
    }

    /** The default group B. */
    public static OutcomeGroup stalledOrLost() {
        return new OutcomeGroup("stalled or lost deals", Set.of(OutcomeKind.STALLED, OutcomeKind.LOST), Set.of());
    }

    public boolean contains(Outcome outcome) {
        if (outcome == null || !kinds.contains(outcome.kind())) {
            return false;
        }
        return outcome.kind() != OutcomeKind.REJECTED || rejectedCategories.isEmpty()
                || rejectedCategories.contains(outcome.rejectionCategory());
    }

    /** Whether some outcome would belong to both groups (an analysis refuses that). */
    public boolean overlaps(OutcomeGroup other) {
        for (OutcomeKind kind : kinds) {
            if (!other.kinds.contains(kind)) {
                continue;
            }
            if (kind != OutcomeKind.REJECTED || rejectedCategories.isEmpty() || other.rejectedCategories.isEmpty()) {
                return true;
            }
            for (RejectionCategory category : rejectedCategories) {
                if (other.rejectedCategories.contains(category)) {
                    return true;
                }
            }
        }
        return false;
    }
}
