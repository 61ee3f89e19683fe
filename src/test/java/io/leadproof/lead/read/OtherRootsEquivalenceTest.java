package io.leadproof.lead.read;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The other compiled roots — the rep's queue {@code myHandoffs} with frozen evidence and the lead, and
 * {@code criteriaVersion} with its rules — answer byte for byte what the general path answers, and unmodelled shapes,
 * other workspaces and refused callers get exactly the general path's answer.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestSecurity(user = "ada", roles = { "revops-admin", "marketing" },
        attributes = @SecurityAttribute(key = "workspaces", value = CompiledReadSeed.WORKSPACE, type = AttributeType.STRING_SET))
class OtherRootsEquivalenceTest {

    static final String QUEUE = """
            query Queue { myHandoffs(first: 20) { edges { node { id state owner createdAt dueAt overdue
                evidence { total fit engagement contributions { ruleKey ruleLabel kind points evidence } lead { key value } }
                lead { id email companyName jobTitle lifecycleStage } } } } }""";
    static final String HANDOFF_FIELDS = """
            __typename id leadId state owner createdAt createdBy dueAt overdue firstResponseAt acceptedAt opportunityAt
            opportunityName closedAt lostReason imported externalDealId
            evidence { __typename versionId total fit engagement contributions { __typename ruleKey ruleLabel kind points evidence }
                lead { __typename key value } }
            lead { __typename id externalId email firstName lastName country createdAt updatedAt }""";
    static final String VERSION = """
            query Version($id: ID!) { criteriaVersion(id: $id) { id modelId number status mqlThreshold minFit minEngagement
                basedOnVersionId createdAt createdBy publishedAt publishedBy retiredAt
                rules { key label kind field customKey operator values points activityType funnelStage contentTag windowDays
                    pointsPerOccurrence cap halfLifeDays } } }""";

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource ds;

    CompiledReadSeed.Ids ids;
    static String version; // read once by the admin: a rep of another workspace cannot

    @BeforeEach
    void seed() {
        ids = CompiledReadSeed.seed();
        version = version != null ? version : GraphQL.ok("query($id: ID!) { lead(id: $id) { score { versionId } } }", Map.of("id", ids.handedOff()))
                .getString("data.lead.score.versionId");
    }

    @Test
    @TestSecurity(user = "rey", roles = { "sales" },
            attributes = @SecurityAttribute(key = "workspaces", value = CompiledReadSeed.WORKSPACE, type = AttributeType.STRING_SET))
    void the_reps_queue_with_evidence_and_the_lead_answers_the_same_bytes_in_one_statement() {
        String body = same(QUEUE, Map.of());
        assertThat(body).contains("\"contributions\":[{\"ruleKey\":", "\"lead\":[{\"key\":", "\"lead\":{\"id\":\"" + ids.handedOff());
        same("{ __typename myHandoffs { __typename edges { __typename node { " + HANDOFF_FIELDS + " } } } }", Map.of());
    }

    @Test
    @TestSecurity(user = "rey", roles = { "sales" },
            attributes = @SecurityAttribute(key = "workspaces", value = CompiledReadSeed.WORKSPACE, type = AttributeType.STRING_SET))
    void filters_deprecated_arguments_aliases_fragments_and_variables() {
        same("query($f: HandoffFilter) { q: myHandoffs(filter: $f) { e: edges { n: node { ...H } } } } fragment H on Handoff { i: id ... on Handoff { state } }",
                vars("f", Map.of("states", List.of("PENDING", "PENDING", "WON"), "overdue", false)));
        same("{ myHandoffs(filter: {overdue: true}) { edges { node { id overdue } } } }", Map.of());
        same("{ myHandoffs(status: [REJECTED]) { edges { node { id } } } }", Map.of());
        same("query($n: Int) { myHandoffs(first: $n, overdue: false) { edges { node { id evidence { lead { value } } } } } }", vars("n", 1));
    }

    @Test
    @Order(1) // the admin seeds the workspace before the reps read it
    void a_criteria_version_with_its_rules_answers_the_same_bytes() {
        String body = same(VERSION, Map.of("id", version));
        assertThat(body).contains("\"rules\":[{\"key\":");
        same("query($id: ID!) { v: criteriaVersion(id: $id) { ...V } } fragment V on CriteriaVersion { __typename number rules { __typename key kind } }",
                Map.of("id", version));
        same(VERSION, Map.of("id", "gid://leadproof/CriteriaVersion/00000000-0000-0000-0000-000000000000")); // none: null
    }

    @Test
    @TestSecurity(user = "rey", roles = { "sales" },
            attributes = @SecurityAttribute(key = "workspaces", value = "compiled-reads-other", type = AttributeType.STRING_SET))
    void another_workspace_sees_no_handoff_and_no_version_of_this_one() {
        assertThat(same(QUEUE, Map.of())).isEqualTo("{\"data\":{\"myHandoffs\":{\"edges\":[]}}}");
        assertThat(same(VERSION, Map.of("id", version))).isEqualTo("{\"data\":{\"criteriaVersion\":null}}");
    }

    @Test
    @TestSecurity(user = "mia", roles = { "marketing" },
            attributes = @SecurityAttribute(key = "workspaces", value = CompiledReadSeed.WORKSPACE, type = AttributeType.STRING_SET))
    void a_caller_without_a_role_of_the_queue_is_refused_by_the_general_path_and_may_read_the_version() {
        var refused = both(QUEUE, Map.of());
        assertThat(refused.get(0).header(CompiledReadStrategy.HEADER)).isNull();
        assertThat(withoutTraceIds(refused.get(0).asString())).isEqualTo(withoutTraceIds(refused.get(1).asString())).contains("forbidden");
        same(VERSION, Map.of("id", version));
    }

    @Test
    @TestSecurity(user = "rey", roles = { "sales" },
            attributes = @SecurityAttribute(key = "workspaces", value = CompiledReadSeed.WORKSPACE, type = AttributeType.STRING_SET))
    void what_the_compiled_roots_do_not_model_takes_the_general_path() {
        for (String query : List.of(
                "{ myHandoffs { pageInfo { hasNextPage } edges { node { id } } } }",
                "{ myHandoffs { totalCount } }",
                "{ myHandoffs { edges { cursor node { id } } } }",
                "{ myHandoffs(after: \"not-a-cursor\") { edges { node { id } } } }",
                "{ myHandoffs(first: 500) { edges { node { id } } } }",
                "{ myHandoffs(filter: {overdue: true}, overdue: true) { edges { node { id } } } }",
                "{ myHandoffs { edges { node { id rejection { code } assignee { userName } } } } }",
                "{ myHandoffs { edges { node { evidence { version { id } } } } } }",
                "{ myHandoffs { edges { node { lead { score { total } } } } } }",
                "query($x: Boolean!) { myHandoffs { edges { node { id state @include(if: $x) } } } }",
                "{ criteriaVersion(id: \"nonsense\") { id } }",
                "{ criteriaVersion(id: \"" + "gid://leadproof/Lead/00000000-0000-0000-0000-000000000000" + "\") { id } }")) {
            var answers = both(query, Map.of("x", true));
            assertThat(answers.get(0).header(CompiledReadStrategy.HEADER)).as(query).isNull();
            assertThat(withoutTraceIds(answers.get(0).asString())).as(query).isEqualTo(withoutTraceIds(answers.get(1).asString()));
        }
        var linked = both("query($id: ID!) { criteriaVersion(id: $id) { id model { id } rules { key rationale { change } } } }",
                Map.of("id", version));
        assertThat(linked.get(0).header(CompiledReadStrategy.HEADER)).isNull();
        assertThat(withoutTraceIds(linked.get(0).asString())).isEqualTo(withoutTraceIds(linked.get(1).asString()));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "rey", roles = { "sales" },
            attributes = @SecurityAttribute(key = "workspaces", value = CompiledReadSeed.WORKSPACE, type = AttributeType.STRING_SET))
    void rows_without_their_api_documents_and_other_selections_of_the_documents_answer_the_same_bytes() throws Exception {
        String queue = QUEUE.replace("myHandoffs(first: 20)", "myHandoffs(first: 20, status: [PENDING, ACCEPTED, OPPORTUNITY, WON, LOST, REJECTED])");
        String shuffled = "{ myHandoffs(status: [PENDING, ACCEPTED, OPPORTUNITY, WON, LOST, REJECTED]) { edges { node { evidence {"
                + " lead { value key v: value } contributions { evidence points p: points kind } } } } } }";
        String rules = "query($id: ID!) { criteriaVersion(id: $id) { rules { halfLifeDays values key __typename cap } } }";
        String before = same(queue, Map.of()) + same(shuffled, Map.of()) + same(VERSION, Map.of("id", version)) + same(rules, Map.of("id", version));
        assertThat(before).contains("\"contributions\":[{\"ruleKey\":", "\"lead\":[{\"value\":", "\"rules\":[{\"halfLifeDays\":");
        sql("update handoff set api_contributions = null, api_lead_attributes = null", "update criteria_version set api_rules = null");
        try { // as written before V146: the reads render them from the stored evidence
            assertThat(same(queue, Map.of()) + same(shuffled, Map.of()) + same(VERSION, Map.of("id", version)) + same(rules, Map.of("id", version)))
                    .isEqualTo(before);
        } finally { // a change of the evidence (as erasure makes) renders the documents again
            sql("update handoff set lead_snapshot = lead_snapshot || '{\"zz\": \"1\"}'", "update handoff set lead_snapshot = lead_snapshot - 'zz'",
                    "update criteria_version set api_rules = api_rules(rules)");
        }
        assertThat(same(queue, Map.of()) + same(shuffled, Map.of()) + same(VERSION, Map.of("id", version)) + same(rules, Map.of("id", version)))
                .isEqualTo(before);
        sql("update handoff set lead_snapshot = lead_snapshot || '{\"zz\": \"1\"}'");
        assertThat(same(queue, Map.of())).contains("{\"key\":\"zz\",\"value\":\"1\"}");
        sql("update handoff set lead_snapshot = lead_snapshot - 'zz'");
    }

    private void sql(String... statements) throws java.sql.SQLException {
        try (var c = ds.getConnection()) {
            io.leadproof.security.WorkspaceConnectionSettings.bind(c, CompiledReadSeed.WORKSPACE); // row-level security
            try (var st = c.createStatement()) {
                for (String statement : statements) {
                    assertThat(st.executeUpdate(statement)).as(statement).isPositive();
                }
            }
        }
    }

    /** Asserts the compiled path answered and the general path answered the same bytes; returns them. */
    private static String same(String query, Map<String, Object> variables) {
        var answers = both(query, variables);
        assertThat(answers.get(0).header(CompiledReadStrategy.HEADER)).as("compiled: " + query).isEqualTo("compiled");
        String compiled = answers.get(0).asString();
        assertThat(compiled).as(query).doesNotContain("\"errors\"").isEqualTo(answers.get(1).asString());
        return compiled;
    }

    private static List<Response> both(String query, Map<String, Object> variables) {
        return List.of(post(query, variables, "compiled"), post(query, variables, "general"));
    }

    private static Response post(String query, Map<String, Object> variables, String path) {
        return given().contentType(ContentType.JSON).header(CompiledReadStrategy.HEADER, path)
                .body(Map.of("query", query, "variables", variables)).when().post("/graphql")
                .then().extract().response();
    }

    private static String withoutTraceIds(String body) {
        return body.replaceAll("\"traceId\":\"[0-9a-f]*\"", "\"traceId\":\"-\"");
    }

    private static Map<String, Object> vars(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
