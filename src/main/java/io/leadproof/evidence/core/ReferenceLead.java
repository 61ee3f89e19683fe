package io.leadproof.evidence.core;

import io.leadproof.lead.LeadSource;
import io.leadproof.scoring.engine.LeadSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A lead as it was at its reference moment: the input of signal analysis, rejection insights and
 * the predictive score. A set-based read fills it row by row: the lead's traits as of the moment
 * (from the trait history), its activity aggregates up to the moment, its campaign and the
 * campaign's channel, and the first-call signals logged on its handoff.
 *
 * <p>Nothing here may be later than the moment, except first-call signals, which are by definition
 * logged after the handoff and count within the first-call window. The record keeps whatever the
 * feeder passed; {@link AsOf} is the one place that drops what the moment could not have known
 * (activity aggregates whose most recent activity is after the moment, signals outside the
 * window), so a careless read cannot leak the future into a signal or a model.
 *
 * @param traits      the lead's attributes as of the moment (source included; custom attributes too)
 * @param campaign    the campaign the lead came from (name or id), null when none
 * @param channel     that campaign's channel, null when none
 * @param handedOffAt the handoff's creation, null when the lead was never handed off
 * @param outcome     the handoff's outcome as of the analysis ({@code evidence_outcome} in SQL), null when never handed off
 */
public record ReferenceLead(
        UUID leadId,
        Instant referenceMoment,
        LeadSnapshot traits,
        String campaign,
        LeadSource channel,
        List<ActivityAggregate> activities,
        Instant handedOffAt,
        List<FirstCallSignal> firstCallSignals,
        Outcome outcome) {

    public ReferenceLead {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(referenceMoment, "referenceMoment");
        Objects.requireNonNull(traits, "traits");
        activities = activities == null ? List.of() : List.copyOf(activities);
        firstCallSignals = firstCallSignals == null ? List.of() : List.copyOf(firstCallSignals);
    }

    public ReferenceLead withOutcome(Outcome newOutcome) {
        return new ReferenceLead(leadId, referenceMoment, traits, campaign, channel, activities, handedOffAt,
                firstCallSignals, newOutcome);
    }
}
