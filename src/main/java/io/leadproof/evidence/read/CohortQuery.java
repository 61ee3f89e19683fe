package io.leadproof.evidence.read;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.leadproof.evidence.core.AsOf;
import io.leadproof.evidence.core.Outcome;
import io.leadproof.evidence.core.ReferenceMoment;

/**
 * What {@link CohortReader} reads: the leads of {@code workspaceId} handed off (or, for backtests, created) in
 * [{@code from}, {@code to}), each as of its reference {@code moment}, with its outcome as of {@code asOf}.
 *
 * @param moment          AT_HANDOFF (default when null) or CREATED_PLUS_DAYS(n)
 * @param asOf            the instant outcomes are judged at; handoffs created after it are left out
 * @param stalledAfter    the workspace's stall period (null: 30 days); see {@code EvidenceSettings}
 * @param firstCallWindow the workspace's first-call window (null: 14 days)
 * @param filter          campaigns, sources, criteria versions, owners (null: all)
 * @param limitPerOutcome null = all; otherwise the N most recent handoffs per outcome kind (ties by lead id)
 */
public record CohortQuery(String workspaceId, Instant from, Instant to, ReferenceMoment moment, Instant asOf,
        Duration stalledAfter, Duration firstCallWindow, CohortFilter filter, Integer limitPerOutcome) {

    public CohortQuery {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(asOf, "asOf");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the window [" + from + ", " + to + ") is empty");
        }
        moment = moment == null ? ReferenceMoment.atHandoff() : moment;
        stalledAfter = stalledAfter == null ? Outcome.DEFAULT_STALLED_AFTER : stalledAfter;
        firstCallWindow = firstCallWindow == null ? AsOf.DEFAULT_FIRST_CALL_WINDOW : firstCallWindow;
        if (!stalledAfter.isPositive() || firstCallWindow.isNegative()) {
            throw new IllegalArgumentException("stalledAfter must be positive and firstCallWindow not negative");
        }
        filter = filter == null ? CohortFilter.ALL : filter;
        if (limitPerOutcome != null && limitPerOutcome < 1) {
            throw new IllegalArgumentException("limitPerOutcome must be positive, not " + limitPerOutcome);
        }
    }

    /** Handoffs in [from, to), reference moment AT_HANDOFF, outcomes as of {@code asOf}, default settings, no filter. */
    public static CohortQuery handedOff(String workspaceId, Instant from, Instant to, Instant asOf) {
        return new CohortQuery(workspaceId, from, to, ReferenceMoment.atHandoff(), asOf, null, null, null, null);
    }

    public CohortQuery withFilter(CohortFilter newFilter) {
        return new CohortQuery(workspaceId, from, to, moment, asOf, stalledAfter, firstCallWindow, newFilter, limitPerOutcome);
    }

    public CohortQuery withMoment(ReferenceMoment newMoment) {
        return new CohortQuery(workspaceId, from, to, newMoment, asOf, stalledAfter, firstCallWindow, filter, limitPerOutcome);
    }

    public CohortQuery withLimitPerOutcome(Integer limit) {
        return new CohortQuery(workspaceId, from, to, moment, asOf, stalledAfter, firstCallWindow, filter, limit);
    }

    /** The days of CREATED_PLUS_DAYS(n), or null for AT_HANDOFF. */
    Integer createdPlusDays() {
        return moment instanceof ReferenceMoment.CreatedPlusDays(int days) ? days : null;
    }
}
