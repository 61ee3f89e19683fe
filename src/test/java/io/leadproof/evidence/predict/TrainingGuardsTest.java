package io.leadproof.evidence.predict;

import io.leadproof.evidence.core.ReferenceLead;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a model may learn from, and when it may be used. */
class TrainingGuardsTest {
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private static TrainingOutcome train(List<ReferenceLead> cohort) {
        return PredictiveTrainer.train(cohort, PredictiveOptions.defaults(), "m1", NOW);
    }

    @Test
    void aFactRecordedAfterTheReferenceMomentIsNotUsedEvenWhenItPredictsPerfectly() {
        List<ReferenceLead> leaky = PlantedLeads.generate(1_000, 17, true, false);
        TrainingOutcome outcome = PredictiveTrainer.train(leaky, PredictiveOptions.defaults().forAcceptedLeads(), "m1", NOW);
        assertThat(outcome.model().featureNames()).noneMatch(name -> name.contains("CONTACT_REQUESTED"))
                .noneMatch(name -> name.contains("CONTRACT_SIGNED"));
        assertThat(outcome.model().evaluation().auc()).as("a leak would score ~1.0").isLessThan(0.9);
    }

    @Test
    void belowFiftyDecidedLeadsThereIsNoModelAndTheGapIsCounted() {
        TrainingOutcome outcome = train(PlantedLeads.generate(49, 1, false, false));
        assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.NOT_ENOUGH_DATA);
        assertThat(outcome.model()).isNull();
        assertThat(outcome.decided()).isEqualTo(49);
        assertThat(outcome.moreDecidedNeeded()).isEqualTo(1);
        assertThat(outcome.reason()).startsWith("49 decided leads");
    }

    @Test
    void eachClassNeedsTenLeads() {
        List<ReferenceLead> cohort = new ArrayList<>(PlantedLeads.generate(400, 2, false, false));
        List<ReferenceLead> mostlyLost = new ArrayList<>(cohort.stream().filter(l -> !l.outcome().isWon()).limit(60).toList());
        mostlyLost.addAll(cohort.stream().filter(l -> l.outcome().isWon()).limit(7).toList());
        TrainingOutcome outcome = train(mostlyLost);
        assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.NOT_ENOUGH_DATA);
        assertThat(outcome.won()).isEqualTo(7);
        assertThat(outcome.moreWonNeeded()).isEqualTo(3);
        assertThat(outcome.moreNotWonNeeded()).isZero();
        assertThat(outcome.moreDecidedNeeded()).isZero();
    }

    @Test
    void openAndNeverHandedOffLeadsAreNotTrainedOn() {
        List<ReferenceLead> cohort = new ArrayList<>(PlantedLeads.generate(60, 3, false, false));
        cohort.replaceAll(l -> l.leadId().getLeastSignificantBits() < 20 ? l.withOutcome(null) : l);
        assertThat(train(cohort).decided()).isEqualTo(40);
    }

    @Test
    void aModelBelowTheAucFloorIsStoredButNotServed() {
        TrainingOutcome outcome = train(PlantedLeads.generate(600, 23, false, true));
        assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.NOT_SERVED);
        assertThat(outcome.model()).isNotNull();
        assertThat(outcome.model().served()).isFalse();
        assertThat(outcome.model().evaluation().auc()).isLessThan(0.6);
        assertThat(outcome.reason()).startsWith("holdout AUC 0.").contains("below the floor 0.60");
    }
}
