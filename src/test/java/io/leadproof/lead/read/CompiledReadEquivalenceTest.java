package io.leadproof.lead.read;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every hot read answered by the compiled path is byte for byte what the general path answers for the same request
 * (the header {@code LeadProof-Read-Path: general} forces the general path), and the compiled path really answered
 * it (the response says so); shapes it does not model are answered by the general path.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = { "revops-admin", "marketing" },
        attributes = @SecurityAttribute(key = "workspaces", value = CompiledReadSeed.WORKSPACE, type = AttributeType.STRING_SET))
class CompiledReadEquivalenceTest {

    static final String LIST = """
            query NestedLeads {
              leads(first: 50, orderBy: {field: CREATED_AT, direction: DESC}) {
                edges { node { id email companyName jobTitle lifecycleStage createdAt
                    campaign { name channel } score { total fit engagement qualified } handoffs { state owner createdAt } } } } }""";
    static final String ONE = """
            query OneLead($id: ID!) { lead(id: $id) { id email companyName jobTitle lifecycleStage createdAt
                campaign { name channel } score { total fit engagement qualified } handoffs { state owner createdAt } } }""";
    static final String LEAD_FIELDS = """
            __typename id externalId email firstName lastName phone companyName companyDomain
            employeeCount industry jobTitle seniority country source budgetStatus authority need timeline lifecycleStage
            ownerId createdAt updatedAt
            campaign { __typename id name channel startsOn endsOn createdAt }
            score { __typename id total fit engagement qualified versionId asOf }
            handoffs { __typename id leadId state owner createdAt createdBy dueAt firstResponseAt acceptedAt }""";
    static final String EVERY_FIELD = "query($id: ID!) { lead(id: $id) { " + LEAD_FIELDS + " } }";

    CompiledReadSeed.Ids ids;

    @BeforeEach
    void seed() {
        ids = CompiledReadSeed.seed();
    }

    @Test
    void the_peer_list_and_the_lead_by_id_answer_the_same_bytes_in_one_statement() {
        same(LIST, Map.of());
        same(ONE, Map.of("id", ids.handedOff()));
        String body = same(ONE, Map.of("id", ids.handedOff()));
        assertThat(body).contains("\"handoffs\":[{\"state\":").contains("\"score\":{\"total\":");
    }

    @Test
    void the_load_mix_list_and_detail_are_answered_compiled() {
        same(ReadPlannerTest.MIX_LIST, Map.of());
        String detail = same(ReadPlannerTest.MIX_DETAIL, Map.of("id", ids.handedOff()));
        assertThat(detail).contains("\"activities\":{\"edges\":[{\"node\":{\"type\":\"");
    }

    @Test
    void every_modelled_field_on_leads_with_and_without_campaign_score_and_handoffs_and_an_erased_lead() {
        for (String id : List.of(ids.handedOff(), ids.plain(), ids.erased())) {
            same(EVERY_FIELD, Map.of("id", id));
        }
        assertThat(same(EVERY_FIELD, Map.of("id", ids.plain()))).contains("\"campaign\":null", "\"handoffs\":[]");
        same(ONE, Map.of("id", "gid://leadproof/Lead/00000000-0000-0000-0000-000000000000")); // no such lead: null
        same("{ __typename leads(first: 10) { __typename edges { __typename node { " + LEAD_FIELDS + " } } } }", Map.of());
    }

    @Test
    void aliases_fragments_variables_and_two_root_fields() {
        same("""
                { a: leads(first: 3) { e: edges { n: node { i: id mail: email c: campaign { n: name } s: score { t: total } } } }
                  b: leads(first: 2, orderBy: {field: UPDATED_AT, direction: ASC}) { edges { node { id } } } }""", Map.of());
        same("""
                query($n: Int, $o: LeadOrder, $id: ID!) { leads(first: $n, orderBy: $o) { edges { ...E } }
                  one: lead(id: $id) { ...L ... on Lead { jobTitle } ... { country } } }
                fragment E on LeadEdge { node { ...L handoffs { ...H } } }
                fragment L on Lead { id email campaign { ... on Campaign { name } } }
                fragment H on Handoff { state owner }""",
                vars("n", 4, "o", Map.of("field", "CREATED_AT", "direction", "ASC"), "id", ids.handedOff()));
    }

    @Test
    void filters_and_paging_after_a_cursor() {
        same("{ leads(first: 10, filter: {stages: [MQL, HANDED_OFF, NEW], country: \"se\"}) { edges { node { id lifecycleStage } } } }", Map.of());
        same("query($f: LeadFilter) { leads(filter: $f) { edges { node { id email } } } }",
                vars("f", Map.of("campaignId", ids.campaign(), "sources", List.of("EVENT"))));
        same("query($f: LeadFilter) { leads(filter: $f) { edges { node { id } } } }", vars("f", Map.of("seniorities", "C_LEVEL")));
        String cursor = GraphQL.ok("{ leads(first: 2) { edges { cursor } } }").getString("data.leads.edges[1].cursor");
        same("query($a: String) { leads(first: 2, after: $a) { edges { node { id createdAt } } } }", vars("a", cursor));
    }

    @Test
    @TestSecurity(user = "rey", roles = { "sales" },
            attributes = @SecurityAttribute(key = "workspaces", value = CompiledReadSeed.WORKSPACE, type = AttributeType.STRING_SET))
    void a_rep_reads_the_list_compiled_and_what_reps_may_not_read_through_the_general_path() {
        same(LIST, Map.of());
        same(ONE, Map.of("id", ids.handedOff()));
        var handoffLead = both("{ leads(first: 5) { edges { node { id handoffs { state lead { id } } } } } }", Map.of());
        assertThat(handoffLead.get(0).header(CompiledReadStrategy.HEADER)).isNull(); // Handoff.lead is not modelled
        assertThat(handoffLead.get(0).asString()).isEqualTo(handoffLead.get(1).asString()).contains("\"lead\":{\"id\"");
        var refused = both("{ leads(first: 5) { edges { node { id campaign { name totalCost { amount } } } } } }", Map.of());
        assertThat(refused.get(0).header(CompiledReadStrategy.HEADER)).isNull();
        assertThat(withoutTraceIds(refused.get(0).asString())).isEqualTo(withoutTraceIds(refused.get(1).asString())).contains("forbidden");
    }

    @Test
    @TestSecurity(user = "val", roles = { "viewer" },
            attributes = @SecurityAttribute(key = "workspaces", value = CompiledReadSeed.WORKSPACE, type = AttributeType.STRING_SET))
    void a_caller_without_a_role_of_the_resolver_is_refused_by_the_general_path() {
        var refused = both(LIST, Map.of());
        assertThat(refused.get(0).header(CompiledReadStrategy.HEADER)).isNull();
        assertThat(withoutTraceIds(refused.get(0).asString())).isEqualTo(withoutTraceIds(refused.get(1).asString())).contains("forbidden");
    }

    @Test
    void what_the_compiled_read_does_not_model_takes_the_general_path() {
        for (String query : List.of(
                "{ lead(id: \"gid://leadproof/Lead/00000000-0000-0000-0000-000000000000\") { activities { totalCount } } }",
                "{ leads(first: 2) { edges { node { activities(first: 0) { edges { cursor } } } } } }",
                "{ leads(first: 2) { edges { node { activities(after: \"not-a-cursor\") { edges { cursor } } } } } }",
                "{ leads(first: 2) { edges { node { activities { edges { node { properties { key value } } } } } } } }",
                "{ node(id: \"gid://leadproof/Campaign/00000000-0000-0000-0000-000000000000\") { id } }",
                "query($x: Boolean!) { leads(first: 2) { edges { node { id email @include(if: $x) } } } }",
                "{ leads(first: 2) { edges { node { ... on Node { id } } } } }",
                "{ leads(first: 2) { edges { node { id annualRevenue customAttributes { key value } } } } }",
                "{ leads(first: 2) { edges { node { score(modelId: null) { total } } } } }",
                "{ leads(first: 2) { edges { node { score { contributions { ruleKey } } } } } }",
                "{ leads(first: 2, filter: {search: \"ana\"}) { edges { node { id } } } }",
                "{ leads(first: 500) { edges { node { id } } } }",
                "{ leads(first: 2, after: \"not-a-cursor\") { edges { node { id } } } }",
                "{ lead(id: \"gid://leadproof/Campaign/x\") { id } }",
                "{ viewer { userName } leads(first: 1) { edges { node { id } } } }")) {
            var answers = both(query, Map.of("x", true));
            assertThat(answers.get(0).header(CompiledReadStrategy.HEADER)).as(query).isNull();
            assertThat(withoutTraceIds(answers.get(0).asString())).as(query).isEqualTo(withoutTraceIds(answers.get(1).asString()));
        }
    }

    /** Asserts the compiled path answered and the general path answered the same bytes; returns them. */
    static String same(String query, Map<String, Object> variables) {
        var answers = both(query, variables);
        assertThat(answers.get(0).header(CompiledReadStrategy.HEADER)).as("compiled: " + query).isEqualTo("compiled");
        String compiled = answers.get(0).asString();
        assertThat(compiled).as(query).doesNotContain("\"errors\"").isEqualTo(answers.get(1).asString());
        return compiled;
    }

    static List<Response> both(String query, Map<String, Object> variables) {
        return List.of(post(query, variables, "compiled"), post(query, variables, "general"));
    }

    private static Response post(String query, Map<String, Object> variables, String path) {
        return post(query, variables, path, CompiledReadSeed.WORKSPACE);
    }

    static Response post(String query, Map<String, Object> variables, String path, String workspace) {
        return given().contentType(ContentType.JSON).header(CompiledReadStrategy.HEADER, path).header("X-LeadProof-Workspace", workspace)
                .body(Map.of("query", query, "variables", variables)).when().post("/graphql")
                .then().extract().response();
    }

    /** Error extensions carry the request's own trace id. */
    static String withoutTraceIds(String body) {
        return body.replaceAll("\"traceId\":\"[0-9a-f]*\"", "\"traceId\":\"-\"");
    }

    static Map<String, Object> vars(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
