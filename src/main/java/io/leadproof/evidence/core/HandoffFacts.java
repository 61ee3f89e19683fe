package io.leadproof.evidence.core;

import io.leadproof.feedback.RejectionCategory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The facts of one handoff that decide its outcome, one row of a set-based read of the handoff
 * table plus the times of its logged touches ({@code array_agg(touch.occurred_at)}). Every
 * instant but {@code createdAt} is null when the fact never happened. The record may hold facts
 * later than the instant an outcome is asked for: {@link Outcomes#asOf} ignores them.
 *
 * <p>The state changes are the handoff's own timestamps (created, accepted, opportunity, closed,
 * rejected); {@code otherStateChanges} holds any further change the feeder knows of (for example
 * a reopened deal), so "last state change by T" is exact for any T. A single "last touch" column
 * could not say what the last touch was before an earlier T, hence the full list of touch times.
 *
 * @param imported      the handoff came from a CRM history import: it counts as evidence like any other
 * @param wonAt         when the deal closed won; {@code lostAt} when it closed lost (at most one is set)
 * @param touchTimes    every logged touch (call, meeting, email…), in any order
 */
public record HandoffFacts(
        Instant createdAt,
        Instant acceptedAt,
        Instant opportunityAt,
        Instant wonAt,
        Instant lostAt,
        Instant rejectedAt,
        String rejectionCode,
        RejectionCategory rejectionCategory,
        List<Instant> otherStateChanges,
        List<Instant> touchTimes,
        boolean imported) {

    public HandoffFacts {
        Objects.requireNonNull(createdAt, "createdAt");
        if (wonAt != null && lostAt != null) {
            throw new IllegalArgumentException("a deal closes won or lost, not both");
        }
        if (rejectedAt != null && (rejectionCode == null || rejectionCategory == null)) {
            throw new IllegalArgumentException("a rejection carries its reason code and category");
        }
        otherStateChanges = withoutNulls(otherStateChanges);
        touchTimes = withoutNulls(touchTimes);
    }

    /** A handoff created at {@code createdAt} with nothing else known yet; add facts with the withers. */
    public static HandoffFacts handedOff(Instant createdAt) {
        return new HandoffFacts(createdAt, null, null, null, null, null, null, null, List.of(), List.of(), false);
    }

    public HandoffFacts accepted(Instant at) {
        return new HandoffFacts(createdAt, at, opportunityAt, wonAt, lostAt, rejectedAt, rejectionCode,
                rejectionCategory, otherStateChanges, touchTimes, imported);
    }

    public HandoffFacts opportunity(Instant at) {
        return new HandoffFacts(createdAt, acceptedAt, at, wonAt, lostAt, rejectedAt, rejectionCode,
                rejectionCategory, otherStateChanges, touchTimes, imported);
    }

    public HandoffFacts won(Instant at) {
        return new HandoffFacts(createdAt, acceptedAt, opportunityAt, at, null, rejectedAt, rejectionCode,
                rejectionCategory, otherStateChanges, touchTimes, imported);
    }

    public HandoffFacts lost(Instant at) {
        return new HandoffFacts(createdAt, acceptedAt, opportunityAt, null, at, rejectedAt, rejectionCode,
                rejectionCategory, otherStateChanges, touchTimes, imported);
    }

    public HandoffFacts rejected(Instant at, String code, RejectionCategory category) {
        return new HandoffFacts(createdAt, acceptedAt, opportunityAt, wonAt, lostAt, at, code, category,
                otherStateChanges, touchTimes, imported);
    }

    public HandoffFacts touched(Instant... at) {
        List<Instant> all = new ArrayList<>(touchTimes);
        Collections.addAll(all, at);
        return new HandoffFacts(createdAt, acceptedAt, opportunityAt, wonAt, lostAt, rejectedAt, rejectionCode,
                rejectionCategory, otherStateChanges, all, imported);
    }

    public HandoffFacts importedFromCrm() {
        return new HandoffFacts(createdAt, acceptedAt, opportunityAt, wonAt, lostAt, rejectedAt, rejectionCode,
                rejectionCategory, otherStateChanges, touchTimes, true);
    }

    private static List<Instant> withoutNulls(List<Instant> instants) {
        if (instants == null || instants.isEmpty()) {
            return List.of();
        }
        return instants.stream().filter(Objects::nonNull).toList();
    }
}
