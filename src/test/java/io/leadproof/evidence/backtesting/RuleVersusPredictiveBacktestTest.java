package io.leadproof.evidence.backtesting;

import static io.leadproof.evidence.backtesting.BacktestStory.awaitDone;
import static io.leadproof.evidence.backtesting.BacktestStory.draft;
import static io.leadproof.evidence.backtesting.BacktestStory.knockOut;
import static io.leadproof.evidence.backtesting.BacktestStory.modelAndServedVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadproof.common.NodeId;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.core.ReferenceMoment;
import io.leadproof.evidence.prediction.PlantedWorkspace;
import io.leadproof.evidence.prediction.ServedModel;
import io.leadproof.evidence.prediction.ServedModels;
import io.leadproof.evidence.read.CohortQuery;
import io.leadproof.evidence.read.CohortReader;
import io.leadproof.security.WorkspaceScope;
import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * RevOps asks which sorts their leads better: a draft that knocks out retail, or the predictive score. 60 decided
 * handoffs are planted with a known logistic truth (software mostly wins, retail mostly loses, bigger companies a
 * little more often). Before any model is served, the backtest says so; once one is served, the same backtest puts the
 * model's AUC and its precision at the draft's volume beside the draft's, worked out here from the model's
 * probabilities of the same leads (read as reference leads, a separate path from the backtest's own).
 */
@QuarkusTest
@TestSecurity(user = "sam", roles = { "revops-admin", "sales" },
        attributes = @SecurityAttribute(key = "workspaces", value = RuleVersusPredictiveBacktestTest.WS, type = AttributeType.STRING_SET))
class RuleVersusPredictiveBacktestTest {

    static final String WS = "backtest-vs-predict";
    static final String PREDICTIVE = "predictive { scoredLeads auc rulesAuc volume precisionAtVolume rulesPrecision modelVersion model { id version } }"
            + " predictiveUnavailable";

    @Inject
    ServedModels servedModels;
    @Inject
    CohortReader reader;
    @Inject
    WorkspaceScope scope;

    @Test
    void the_backtest_puts_the_served_model_beside_the_rules_at_the_same_volume() {
        PlantedWorkspace.registerRep(WS);
        var planted = PlantedWorkspace.groundTruth("versus", 60, 42, 1.0);
        PlantedWorkspace.plant(planted);
        String noRetail = draft(modelAndServedVersion()[0], modelAndServedVersion()[1]);
        knockOut(noRetail, "no-retail", "INDUSTRY", "Retail");
        Instant to = Instant.now();

        var before = backtest(noRetail, to);
        assertThat(before.getString("data.criteriaBacktest.state")).as(before.prettify()).isEqualTo("SUCCEEDED");
        assertThat(before.getMap("data.criteriaBacktest.result.predictive")).as("no model is served yet").isNull();
        assertThat(before.getString("data.criteriaBacktest.result.predictiveUnavailable")).startsWith("The workspace serves no predictive model");

        var trained = PlantedWorkspace.trainAndWait();
        assertThat(trained.getString("data.predictiveModel.status")).as(trained.prettify()).isEqualTo("SERVED");
        ServedModel served = scope.call(WS, () -> servedModels.forWorkspace(WS)).orElseThrow();

        var after = backtest(noRetail, to);
        String p = "data.criteriaBacktest.result.predictive.";
        assertThat(after.getString("data.criteriaBacktest.result.predictiveUnavailable")).as(after.prettify()).isNull();
        assertThat(after.getInt(p + "modelVersion")).isEqualTo(served.version());
        assertThat(after.getString(p + "model.id")).isEqualTo(NodeId.of("PredictiveModel", served.modelId()));

        List<ReferenceLead> cohort = scope.call(WS, () -> reader.referenceLeads(new CohortQuery(WS, to.minus(Duration.ofDays(7)), to,
                ReferenceMoment.atHandoff(), Instant.now(), null, null, null, null)));
        assertThat(cohort).hasSize(60);
        List<double[]> scored = cohort.stream().map(lead -> new double[] { served.probability(lead), lead.outcome().isWon() ? 1 : 0 })
                .toList();
        long software = planted.stream().filter(l -> l.industry().equals("Software")).count();
        long softwareWon = planted.stream().filter(l -> l.industry().equals("Software") && l.won()).count();

        assertThat(after.getLong(p + "scoredLeads")).isEqualTo(60);
        assertThat(after.getLong(p + "volume")).as("the draft sends the software leads only").isEqualTo(software);
        assertThat(after.getDouble(p + "rulesPrecision")).isCloseTo((double) softwareWon / software, within(1e-6));
        assertThat(after.getDouble(p + "rulesAuc")).isCloseTo(after.getDouble("data.criteriaBacktest.result.tested.auc"), within(1e-6));
        assertThat(after.getDouble(p + "auc")).isCloseTo(binnedAuc(scored), within(1e-6));
        assertThat(after.getDouble(p + "precisionAtVolume")).isCloseTo(precisionOfTop(scored, (int) software), within(1e-6));
        // the planted truth is mostly industry, which the draft knows too; the model also sorts by company size
        assertThat(after.getDouble(p + "auc")).isGreaterThan(0.85);
    }

    private static JsonPath backtest(String versionId, Instant to) {
        var started = GraphQL.ok("mutation($i: CriteriaBacktestStartInput!) { criteriaBacktestStart(input: $i) {"
                + " backtest { id } userErrors { field code message } } }", Map.of("i", Map.of("versionId", versionId,
                        "from", to.minus(Duration.ofDays(7)).toString(), "to", to.toString())));
        assertThat(started.getList("data.criteriaBacktestStart.userErrors")).as(started.prettify()).isEmpty();
        awaitDone(started.getString("data.criteriaBacktestStart.backtest.id"));
        return GraphQL.ok("query($id: ID!) { criteriaBacktest(id: $id) { state result { tested { auc } " + PREDICTIVE + " } } }",
                Map.of("id", started.getString("data.criteriaBacktestStart.backtest.id")));
    }

    /** Won vs the rest over every pair, probabilities in bins of 0.0001 (a pair in one bin counts one half). */
    private static double binnedAuc(List<double[]> scored) {
        double sum = 0;
        long pairs = 0;
        for (double[] won : scored) {
            for (double[] other : scored) {
                if (won[1] == 1 && other[1] == 0) {
                    long a = Math.round(won[0] * 10_000);
                    long b = Math.round(other[0] * 10_000);
                    sum += a > b ? 1 : a == b ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return sum / pairs;
    }

    /** Won among the k most probable (every planted lead is decided). */
    private static double precisionOfTop(List<double[]> scored, int k) {
        var top = scored.stream().sorted(Comparator.comparingDouble((double[] s) -> s[0]).reversed()).limit(k).toList();
        return top.stream().filter(s -> s[1] == 1).count() / (double) k;
    }
}
