package io.leadproof.evidence.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Who may train and read predictive models, and that a workspace never sees another's: revops-admin trains;
 * marketing and leadership read models; sales reads leads' predictions only; an id of another workspace is unknown.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PredictionAccessTest {

    static final String WS = "predict-access";
    static final String OTHER = "predict-access-other";
    static final String LIST = "{ predictiveModels { totalCount edges { node { id status } } } }";
    static String modelId;

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void revops_admin_trains() {
        modelId = PlantedWorkspace.trainAndWait().getString("data.predictiveModel.id");
        assertThat(GraphQL.ok(LIST).getList("data.predictiveModels.edges.node.id")).containsExactly(modelId);
        var bad = GraphQL.post("query($id: ID!) { predictiveModel(id: $id) { id } }", Map.of("id", "gid://leadproof/Lead/" + java.util.UUID.randomUUID()));
        assertThat(bad.getList("errors")).as("an id of another type is refused in words").isNotEmpty();
    }

    @Test
    @Order(2)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void marketing_reads_models_but_may_not_train() {
        assertThat(GraphQL.ok(LIST).getInt("data.predictiveModels.totalCount")).isEqualTo(1);
        var train = GraphQL.post("mutation { predictiveModelTrain(input: {}) { model { id } userErrors { code } } }");
        assertThat(train.getString("errors[0].extensions.code")).isEqualTo("forbidden");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "leo", roles = "leadership", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void leadership_reads_a_model_by_id_and_through_node() {
        var model = GraphQL.ok("query($id: ID!) { predictiveModel(id: $id) { id status } node(id: $id) { id } }", Map.of("id", modelId));
        assertThat(model.getString("data.predictiveModel.status")).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(model.getString("data.node.id")).isEqualTo(modelId);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "sam", roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void sales_may_not_list_models() {
        assertThat(GraphQL.post(LIST).getString("errors[0].extensions.code")).isEqualTo("forbidden");
        var train = GraphQL.post("mutation { predictiveModelTrain(input: {}) { model { id } userErrors { code } } }");
        assertThat(train.getString("errors[0].extensions.code")).isEqualTo("forbidden");
    }

    @Test
    @Order(5)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = OTHER, type = AttributeType.STRING_SET))
    void another_workspace_sees_none_of_it() {
        assertThat(GraphQL.ok(LIST).getInt("data.predictiveModels.totalCount")).isZero();
        var model = GraphQL.ok("query($id: ID!) { predictiveModel(id: $id) { id } node(id: $id) { id } }", Map.of("id", modelId));
        assertThat(model.getString("data.predictiveModel")).isNull();
        assertThat(model.getString("data.node")).isNull();
    }
}
