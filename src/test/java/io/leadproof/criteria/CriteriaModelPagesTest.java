package io.leadproof.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/** A frontend pages through every criteria model, by name, and gets the same models the deprecated capped list shows. */
@QuarkusTest
@TestSecurity(user = "ada", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = "criteria-model-pages", type = AttributeType.STRING_SET))
class CriteriaModelPagesTest {

    @Test
    void every_model_is_reached_page_by_page_in_name_order() {
        for (String name : new String[] { "Outbound", "Events", "Partners" }) {
            GraphQL.ok("mutation($n: String!) { criteriaModelCreate(input: {name: $n}) { model { id } } }", java.util.Map.of("n", name));
        }
        List<String> listed = GraphQL.ok("{ criteriaModels(first: 100) { name } }").getList("data.criteriaModels.name");
        String page = "query($after: String) { criteriaModelsConnection(first: 1, after: $after) {"
                + " totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }";
        var names = new ArrayList<String>();
        String after = null;
        do {
            var vars = new HashMap<String, Object>();
            vars.put("after", after);
            var models = GraphQL.ok(page, vars);
            assertThat(models.getInt("data.criteriaModelsConnection.totalCount")).isEqualTo(listed.size());
            names.addAll(models.getList("data.criteriaModelsConnection.edges.node.name"));
            after = models.getBoolean("data.criteriaModelsConnection.pageInfo.hasNextPage")
                    ? models.getString("data.criteriaModelsConnection.pageInfo.endCursor") : null;
        } while (after != null);
        assertThat(names).hasSizeGreaterThanOrEqualTo(3).containsExactlyElementsOf(listed).isSorted();
    }
}
