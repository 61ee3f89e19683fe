package io.leadproof.evidence.predict;

import io.leadproof.evidence.core.ReferenceLead;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model learned from planted data with a known logistic truth (see {@link PlantedLeads}): it must
 * sort held-out leads far better than chance, near what the truth itself achieves, and explain itself.
 */
class PredictiveScoreTest {
    private static final Instant TRAINED_AT = Instant.parse("2025-06-01T00:00:00Z");
    private static final List<ReferenceLead> COHORT = PlantedLeads.generate(2_000, 11, false, false);

    private static TrainingOutcome train(List<ReferenceLead> cohort, PredictiveOptions options) {
        return PredictiveTrainer.train(cohort, options, "m1", TRAINED_AT);
    }

    @Test
    void theHoldoutAucIsFarAboveWhatARandomModelCanReach() {
        TrainingOutcome outcome = train(COHORT, PredictiveOptions.defaults());
        assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.SERVED);
        Evaluation evaluation = outcome.model().evaluation();
        assertThat(evaluation.holdoutLeads()).isEqualTo(600);
        assertThat(evaluation.trainingLeads()).isEqualTo(1_400);
        // a random score's AUC on 600 leads has a standard deviation of about 0.024 around 0.5
        assertThat(evaluation.auc()).isGreaterThan(0.70);
        assertThat(evaluation.brier()).isLessThan(0.21);
        assertThat(evaluation.calibration()).hasSize(10);
        assertThat(evaluation.calibration().getLast().actual().value())
                .isGreaterThan(evaluation.calibration().getFirst().actual().value());
        assertThat(evaluation.topDecileLift()).isGreaterThan(1.5);
        assertThat(evaluation.auc()).as("near the truth's own AUC on the same leads").isGreaterThan(oracleAuc() - 0.05);
    }

    /** The AUC of the true logit on the latest 600 leads: the best any model could expect. */
    private static double oracleAuc() {
        List<ReferenceLead> holdout = COHORT.subList(1_400, 2_000);
        double[] scores = new double[holdout.size()];
        boolean[] won = new boolean[holdout.size()];
        for (int i = 0; i < scores.length; i++) {
            ReferenceLead lead = holdout.get(i);
            double z = (Math.log(lead.traits().employeeCount()) - 4) / 1.5;
            scores[i] = PlantedLeads.trueLogit(lead.traits().budgetStatus() == io.leadproof.lead.BudgetStatus.APPROVED,
                    !lead.activities().isEmpty(), z, lead.traits().source() == io.leadproof.lead.LeadSource.LIST_PURCHASE,
                    Boolean.TRUE.equals(lead.traits().customAttributes().get("trial")));
            won[i] = lead.outcome().isWon();
        }
        return Auc.of(scores, won);
    }

    @Test
    void trainingIsDeterministic() {
        ModelForm first = train(COHORT, PredictiveOptions.defaults()).model();
        ModelForm second = train(COHORT.reversed(), PredictiveOptions.defaults()).model();
        assertThat(second.weights()).containsExactly(first.weights());
        assertThat(second.intercept()).isEqualTo(first.intercept());
    }

    @Test
    void thePlantedFactorsPushTheRightWay() {
        PredictiveModel model = new PredictiveModel(train(COHORT, PredictiveOptions.defaults()).model());
        ReferenceLead best = COHORT.stream().max(java.util.Comparator.comparingDouble(model::probability)).orElseThrow();
        Prediction prediction = model.predict(best);
        assertThat(prediction.band()).isEqualTo(Band.HIGH);
        assertThat(prediction.pushingUp()).extracting(Factor::feature).contains("budgetStatus");
        assertThat(prediction.pushingUp()).filteredOn(f -> f.feature().equals("budgetStatus"))
                .extracting(Factor::value).containsExactly("APPROVED");
        ReferenceLead worst = COHORT.stream().min(java.util.Comparator.comparingDouble(model::probability)).orElseThrow();
        assertThat(model.predict(worst).band()).isEqualTo(Band.LOW);
        assertThat(model.predict(worst).pushingDown()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.effect()).isNegative());
    }
}
