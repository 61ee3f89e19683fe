package io.leadproof.evidence.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.security.WorkspaceScope;
import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * The guards of training: too few decided leads give no model but the counts still needed; one training at a time;
 * a model whose holdout AUC is below 0.6 is kept for the record but never served, and the API says why.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestSecurity(user = "sam", roles = { "revops-admin", "sales" },
        attributes = @SecurityAttribute(key = "workspaces", value = PredictiveTrainingGuardsTest.WS, type = AttributeType.STRING_SET))
class PredictiveTrainingGuardsTest {

    static final String WS = "predict-guards";

    @Inject
    ServedModels servedModels;
    @Inject
    WorkspaceScope scope;

    @Test
    @Order(1)
    void without_decided_leads_there_is_no_model_but_the_counts_still_needed() {
        var model = PlantedWorkspace.trainAndWait().setRootPath("data.predictiveModel");
        assertThat(model.getString("status")).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(model.getBoolean("served")).isFalse();
        assertThat(model.getString("reason")).contains("0 decided leads").contains("50 decided and 10 of each");
        assertThat(model.getMap("sample")).containsEntry("decided", 0).containsEntry("moreDecidedNeeded", 50)
                .containsEntry("moreWonNeeded", 10).containsEntry("moreNotWonNeeded", 10);
        assertThat(model.getMap("evaluation")).isNull();
        assertThat(scope.call(WS, () -> servedModels.forWorkspace(WS))).isEmpty();
    }

    @Test
    @Order(2)
    void a_second_training_while_one_runs_is_refused() {
        OwnerSql.exec("insert into predictive_model (workspace_id, id, version, status, trigger, created_at, started_at, lease_owner,"
                + " lease_expires_at) values (?, gen_random_uuid(), 2, 'RUNNING', 'SCHEDULED', now(), now(), 'another-pod',"
                + " now() + interval '1 hour')", WS);
        try {
            var refused = GraphQL.ok("mutation { predictiveModelTrain(input: {}) { model { id } userErrors { field message code } } }");
            assertThat(refused.getString("data.predictiveModelTrain.model")).isNull();
            assertThat(refused.getList("data.predictiveModelTrain.userErrors.code")).containsExactly("TRAINING_IN_PROGRESS");
            var tooLong = GraphQL.ok("mutation($n: String) { predictiveModelTrain(input: {note: $n}) { model { id } userErrors { field code } } }",
                    Map.of("n", "x".repeat(201)));
            assertThat(tooLong.getList("data.predictiveModelTrain.userErrors.code")).containsExactly("TOO_LONG");
        } finally {
            OwnerSql.exec("update predictive_model set status = 'FAILED', reason = 'planted by the test', lease_owner = null"
                    + " where workspace_id = ? and version = 2", WS);
        }
        var list = GraphQL.ok("{ predictiveModels(first: 10) { totalCount edges { node { version status } } } }");
        assertThat(list.getInt("data.predictiveModels.totalCount")).isEqualTo(2);
        assertThat(list.getList("data.predictiveModels.edges.node.status")).containsExactly("FAILED", "NOT_ENOUGH_DATA");
    }

    @Test
    @Order(3)
    void a_model_that_sorts_the_latest_leads_no_better_than_chance_is_kept_but_not_served() {
        PlantedWorkspace.registerRep(WS);
        PlantedWorkspace.plant(PlantedWorkspace.groundTruth("guards", 50, 5, 0.7));
        var model = PlantedWorkspace.trainAndWait().setRootPath("data.predictiveModel");
        assertThat(model.getString("status")).isEqualTo("NOT_SERVED_LOW_AUC");
        assertThat(model.getInt("version")).isEqualTo(3);
        assertThat(model.getBoolean("served")).isFalse();
        assertThat(model.getDouble("evaluation.auc")).isLessThan(0.6);
        assertThat(model.getString("reason")).contains("below the floor 0.60").contains("not used");
        assertThat(model.getInt("predictedLeads")).isZero();
        assertThat(scope.call(WS, () -> servedModels.forWorkspace(WS))).as("nothing is served").isEmpty();
        var lead = GraphQL.ok("{ leads(first: 1) { edges { node { prediction { probability } } } } }");
        assertThat(lead.getList("data.leads.edges.node.prediction")).containsOnlyNulls();
    }
}
