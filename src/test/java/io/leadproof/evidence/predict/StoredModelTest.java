package io.leadproof.evidence.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadproof.evidence.core.ReferenceLead;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.classification.Label;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The model as the API keeps it: plain JSON in a table, scored without Tribuo, exactly as Tribuo would. */
class StoredModelTest {
    private static final List<ReferenceLead> COHORT = PlantedLeads.generate(400, 5, false, false);

    @Test
    void theStoredFormScoresExactlyAsTribuoDoes() {
        double[][] x = new double[50][4];
        boolean[] won = new boolean[50];
        Random random = new Random(3);
        for (int row = 0; row < x.length; row++) {
            for (int i = 0; i < 4; i++) {
                x[row][i] = random.nextGaussian();
            }
            won[row] = x[row][0] + random.nextGaussian() > 0;
        }
        String[] names = {"a", "b", "c", "d"};
        LinearSGDModel tribuo = PredictiveTrainer.tribuoModel(names, x, won, PredictiveOptions.defaults());
        double[] weights = new double[4];
        double intercept = PredictiveTrainer.weightsOf(tribuo, names, weights);
        for (double[] row : x) {
            double z = intercept;
            for (int i = 0; i < 4; i++) {
                z += weights[i] * row[i];
            }
            double expected = tribuo.predict(new ArrayExample<>(new Label("WON"), names, row)).getOutputScores().get("WON").getScore();
            assertThat(PredictiveModel.sigmoid(z)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void aModelSurvivesAJsonRoundTripAndPredictsTheSame() throws Exception {
        ModelForm form = PredictiveTrainer.train(COHORT, PredictiveOptions.defaults(), "m7",
                Instant.parse("2025-06-01T00:00:00Z")).model();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        ModelForm stored = json.readValue(json.writeValueAsString(form), ModelForm.class);
        PredictiveModel original = new PredictiveModel(form);
        PredictiveModel restored = new PredictiveModel(stored);
        for (ReferenceLead lead : COHORT.subList(0, 50)) {
            assertThat(restored.predict(lead)).isEqualTo(original.predict(lead));
        }
        assertThat(stored.featureNames()).isEqualTo(form.featureNames());
        assertThat(stored.evaluation()).isEqualTo(form.evaluation());
    }
}
