package io.leadproof.evidence.backtest;

import io.leadproof.evidence.core.ActivityAggregate;
import io.leadproof.evidence.core.Outcome;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.lead.LeadSource;
import io.leadproof.scoring.engine.ActivityFact;
import io.leadproof.scoring.engine.LeadSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One lead of a backtest cohort as of its reference moment; a set-based read fills it row by row
 * (leads in id or moment order, their traits from the trait history, their activities up to the
 * moment read in one ordered range scan). The engine ignores activities after the moment, so a
 * feeder that over-reads cannot leak; it only wastes time.
 *
 * @param campaign             the campaign (name) the lead came from as of the moment, null when none
 * @param channel              that campaign's channel, null when none
 * @param outcome              the handoff's outcome as of the backtest, null when never handed off
 * @param handedOffAt          when it was actually handed off, null when never
 * @param owner                the rep who owned the handoff, null when none
 * @param predictedProbability the predictive score at the moment, to compare with the rules; NaN when none
 */
public record BacktestLead(
        UUID leadId,
        Instant referenceMoment,
        LeadSnapshot snapshot,
        String campaign,
        LeadSource channel,
        List<ActivityFact> activities,
        Outcome outcome,
        Instant handedOffAt,
        String owner,
        double predictedProbability) {

    public BacktestLead {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(referenceMoment, "referenceMoment");
        Objects.requireNonNull(snapshot, "snapshot");
        activities = activities == null ? List.of() : activities;
        if (!Double.isNaN(predictedProbability) && (predictedProbability < 0 || predictedProbability > 1)) {
            throw new IllegalArgumentException("a probability lies in [0, 1], not " + predictedProbability);
        }
    }

    public boolean won() {
        return outcome != null && outcome.isWon();
    }

    public boolean decided() {
        return outcome != null && outcome.isDecided();
    }

    /**
     * The same lead as the predictive score reads it: traits, campaign and channel as of the moment, activities
     * summarised up to the moment ({@link ActivityAggregate#summarise}; {@code AsOf} drops anything later). No
     * first-call signal: they are logged after the handoff, and the comparison sorts leads as of the moment.
     */
    public ReferenceLead asReferenceLead() {
        return new ReferenceLead(leadId, referenceMoment, snapshot, campaign, channel,
                ActivityAggregate.summarise(activities, referenceMoment), handedOffAt, List.of(), outcome);
    }

    public BacktestLead withPredictedProbability(double probability) {
        return new BacktestLead(leadId, referenceMoment, snapshot, campaign, channel, activities, outcome, handedOffAt, owner,
                probability);
    }
}
