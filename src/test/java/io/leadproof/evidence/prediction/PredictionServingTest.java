package io.leadproof.evidence.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * A served model predicts every lead in bulk once trained, each new or changed lead as it arrives, and a newer model
 * takes over: the older one is kept as TRAINED.
 */
@QuarkusTest
@TestSecurity(user = "sam", roles = { "revops-admin", "sales" },
        attributes = @SecurityAttribute(key = "workspaces", value = PredictionServingTest.WS, type = AttributeType.STRING_SET))
class PredictionServingTest {

    static final String WS = "predict-serving";
    static final String PREDICTION = """
            query($id: ID!) { lead(id: $id) { prediction { probability band modelVersion computedAt
              factors { feature value effect } model { id version status } } } }""";

    @Test
    void every_lead_gets_a_prediction_with_its_factors_and_new_leads_get_one_as_they_arrive() {
        PlantedWorkspace.registerRep(WS);
        List<String> leads = PlantedWorkspace.plant(PlantedWorkspace.groundTruth("serving", 50, 7, 1.0));
        var first = PlantedWorkspace.trainAndWait().setRootPath("data.predictiveModel");
        assertThat(first.getString("status")).isEqualTo("SERVED");
        io.leadproof.support.Await.until("the bulk prediction", java.time.Duration.ofSeconds(30), () -> GraphQL.ok(
                PlantedWorkspace.MODEL, Map.of("id", first.getString("id"))).getInt("data.predictiveModel.predictedLeads") == 50);

        var planted = GraphQL.ok(PREDICTION, Map.of("id", leads.getFirst())).setRootPath("data.lead.prediction");
        assertThat(planted.getInt("modelVersion")).isEqualTo(1);
        assertThat(planted.getString("model.id")).isEqualTo(first.getString("id"));
        assertThat(planted.getDouble("probability")).isBetween(0.0, 1.0);
        assertThat(planted.getString("band")).isIn("HIGH", "MEDIUM", "LOW");
        List<String> features = planted.getList("factors.feature");
        assertThat(features).as("industry decides the planted odds").contains("industry");

        String software = newLead("new-software@serving.example", "Software");
        String retail = newLead("new-retail@serving.example", "Retail");
        var s = GraphQL.ok(PREDICTION, Map.of("id", software)).setRootPath("data.lead.prediction");
        var r = GraphQL.ok(PREDICTION, Map.of("id", retail)).setRootPath("data.lead.prediction");
        assertThat(s.getDouble("probability")).as("predicted at ingest, software above retail").isGreaterThan(r.getDouble("probability"));
        assertThat(s.getList("factors").toString()).contains("software");

        var second = PlantedWorkspace.trainAndWait().setRootPath("data.predictiveModel");
        assertThat(second.getString("status")).isEqualTo("SERVED");
        assertThat(second.getInt("version")).isEqualTo(2);
        io.leadproof.support.Await.until("the bulk prediction of the new model", java.time.Duration.ofSeconds(30), () -> GraphQL.ok(
                PlantedWorkspace.MODEL, Map.of("id", second.getString("id"))).getInt("data.predictiveModel.predictedLeads") == 52);
        assertThat(GraphQL.ok(PREDICTION, Map.of("id", software)).getInt("data.lead.prediction.modelVersion")).isEqualTo(2);
        var list = GraphQL.ok("{ predictiveModels(first: 1) { totalCount edges { cursor node { version status } } pageInfo { hasNextPage endCursor } } }");
        assertThat(list.getInt("data.predictiveModels.totalCount")).isEqualTo(2);
        assertThat(list.getInt("data.predictiveModels.edges[0].node.version")).isEqualTo(2);
        var next = GraphQL.ok("query($a: String) { predictiveModels(first: 1, after: $a) { edges { node { version status } } pageInfo { hasNextPage } } }",
                Map.of("a", list.getString("data.predictiveModels.pageInfo.endCursor")));
        assertThat(next.getString("data.predictiveModels.edges[0].node.status")).as("the older model is kept").isEqualTo("TRAINED");
        assertThat(next.getBoolean("data.predictiveModels.pageInfo.hasNextPage")).isFalse();
    }

    private static String newLead(String email, String industry) {
        return GraphQL.ok("mutation($e: String!, $i: String!) { leadUpsert(input: {email: $e, industry: $i, employeeCount: 200}) { lead { id } } }",
                Map.of("e", email, "i", industry)).getString("data.leadUpsert.lead.id");
    }
}
