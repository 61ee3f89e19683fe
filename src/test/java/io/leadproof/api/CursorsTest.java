package io.leadproof.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.security.CurrentWorkspace;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Every cursor is opaque and belongs to its workspace (issue 13, item 9): it shows no sort key, id or sequence, a
 * changed cursor is refused, and a cursor of one workspace is refused in another.
 */
@QuarkusTest
@TestSecurity(user = "cora", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = "cursor-a,cursor-b", type = AttributeType.STRING_SET))
class CursorsTest {

    static final String LEADS = "query($a: String) { leads(first: 1, after: $a) { pageInfo { endCursor } edges { node { id email"
            + " scoreHistory(first: 1) { pageInfo { endCursor } } } } } }";

    static JsonPath as(String workspace, String query, Map<String, Object> variables) {
        return new JsonPath(given().contentType("application/json").header(CurrentWorkspace.HEADER, workspace)
                .body(Map.of("query", query, "variables", variables)).when().post("/graphql").then().statusCode(200).extract().asString());
    }

    @Test
    void cursors_are_opaque_tamper_proof_and_local_to_their_workspace() {
        for (String ws : new String[] { "cursor-a", "cursor-b" }) {
            for (int i = 0; i < 2; i++) {
                as(ws, "mutation($e: String!) { leadUpsert(input: {email: $e, jobTitle: \"CTO\"}) { lead { id } } }",
                        Map.of("e", ws + "-" + i + "@cursor.example"));
            }
        }
        var first = as("cursor-a", LEADS, Map.of());
        String cursor = first.getString("data.leads.pageInfo.endCursor");
        String lead = first.getString("data.leads.edges[0].node.id");
        String history = first.getString("data.leads.edges[0].node.scoreHistory.pageInfo.endCursor");
        assertThat(cursor).isNotNull();
        for (String opaque : history == null ? new String[] { cursor } : new String[] { cursor, history }) {
            String decoded = new String(Base64.getUrlDecoder().decode(opaque), StandardCharsets.ISO_8859_1);
            assertThat(decoded).doesNotContain(lead.substring(lead.lastIndexOf('/') + 1), "CREATED_AT", "score");
            assertThat(decoded).as("no readable counter or timestamp").doesNotContainPattern("[0-9]{6}");
        }

        var next = as("cursor-a", LEADS, Map.of("a", cursor));
        assertThat(next.getList("errors")).isNull();
        assertThat(next.getString("data.leads.edges[0].node.email")).startsWith("cursor-a-");

        char[] changed = cursor.toCharArray();
        changed[10] = changed[10] == 'A' ? 'B' : 'A';
        var tampered = as("cursor-a", LEADS, Map.of("a", new String(changed)));
        assertThat(tampered.getString("errors[0].extensions.reason")).isEqualTo("INVALID_CURSOR");

        var foreign = as("cursor-b", LEADS, Map.of("a", cursor));
        assertThat(foreign.getString("errors[0].extensions.reason")).isEqualTo("INVALID_CURSOR");
        assertThat(foreign.getString("errors[0].message")).isEqualTo("after is not a cursor of this list, ordering and workspace");
        assertThat(foreign.toString()).doesNotContain("cursor-a-");
    }
}
