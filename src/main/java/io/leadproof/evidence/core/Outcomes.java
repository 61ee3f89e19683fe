package io.leadproof.evidence.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of a handoff as of an instant T, exactly as docs/evidence.md defines it; the one home
 * of that rule. Only facts at or before T count.
 * <ol>
 *   <li>WON / LOST when the deal closed by T;</li>
 *   <li>REJECTED when sales rejected it by T, with its reason and category;</li>
 *   <li>STALLED when by T it was accepted or an opportunity and its last state change and last logged
 *   touch (both at or before T) are at least {@code stalledAfter} before T;</li>
 *   <li>otherwise OPEN (a handoff never accepted stays OPEN, however old: it is unanswered, not stalled).</li>
 * </ol>
 * A handoff created after T has no outcome as of T: {@link #asOf} rejects it.
 */
public final class Outcomes {
    /** The workspace default of {@code stalledAfterDays}. */
    public static final Duration DEFAULT_STALLED_AFTER = Duration.ofDays(30);

    private Outcomes() {
    }

    public static Outcome asOf(HandoffFacts facts, Instant t, Duration stalledAfter) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(t, "t");
        if (stalledAfter == null || !stalledAfter.isPositive()) {
            throw new IllegalArgumentException("stalledAfter must be positive, not " + stalledAfter);
        }
        if (facts.createdAt().isAfter(t)) {
            throw new IllegalArgumentException("the handoff was created at " + facts.createdAt() + ", after " + t);
        }
        if (by(facts.wonAt(), t)) {
            return Outcome.of(OutcomeKind.WON, facts.wonAt());
        }
        if (by(facts.lostAt(), t)) {
            return Outcome.of(OutcomeKind.LOST, facts.lostAt());
        }
        if (by(facts.rejectedAt(), t)) {
            return Outcome.rejected(facts.rejectionCode(), facts.rejectionCategory(), facts.rejectedAt());
        }
        if (by(facts.acceptedAt(), t) || by(facts.opportunityAt(), t)) {
            Instant quietSince = lastStirBy(facts, t);
            Instant stalledAt = quietSince.plus(stalledAfter);
            if (!stalledAt.isAfter(t)) {
                return Outcome.of(OutcomeKind.STALLED, stalledAt);
            }
        }
        return Outcome.of(OutcomeKind.OPEN, facts.createdAt());
    }

    /** The latest state change or logged touch at or before t. */
    private static Instant lastStirBy(HandoffFacts facts, Instant t) {
        Instant last = facts.createdAt();
        last = later(last, facts.acceptedAt(), t);
        last = later(last, facts.opportunityAt(), t);
        for (Instant change : facts.otherStateChanges()) {
            last = later(last, change, t);
        }
        for (Instant touch : facts.touchTimes()) {
            last = later(last, touch, t);
        }
        return last;
    }

    private static Instant later(Instant current, Instant candidate, Instant t) {
        return by(candidate, t) && candidate.isAfter(current) ? candidate : current;
    }

    private static boolean by(Instant fact, Instant t) {
        return fact != null && !fact.isAfter(t);
    }
}
