package io.leadproof.lead.read;

import static io.leadproof.lead.read.CompiledReadEquivalenceTest.both;
import static io.leadproof.lead.read.CompiledReadEquivalenceTest.post;
import static io.leadproof.lead.read.CompiledReadEquivalenceTest.same;
import static io.leadproof.lead.read.CompiledReadEquivalenceTest.vars;
import static io.leadproof.lead.read.CompiledReadEquivalenceTest.withoutTraceIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * The paged shapes of the compiled reads — a list's cursors and pageInfo, a lead's activities, a Lead refetched by
 * {@code node} — answer byte for byte what the general path answers: the same sealed cursors, the same next page.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = { "revops-admin", "marketing" },
        attributes = @SecurityAttribute(key = "workspaces", value = CompiledReadSeed.WORKSPACE, type = AttributeType.STRING_SET))
class CompiledPagesEquivalenceTest {

    static final String PAGE_INFO = "pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }";
    static final String PAGE = "query($n: Int, $a: String, $f: LeadFilter) { leads(first: $n, after: $a, filter: $f) {"
            + " __typename edges { __typename cursor node { id email } } " + PAGE_INFO + " } }";
    static final String ACTIVITY = "__typename id clientEventId type funnelStage contentTag occurredAt recordedAt";
    static final String ACTIVITIES = "query($id: ID!, $n: Int, $a: String) { lead(id: $id) { id activities(first: $n, after: $a) {"
            + " __typename edges { __typename cursor node { " + ACTIVITY + " } } " + PAGE_INFO + " } } }";

    CompiledReadSeed.Ids ids;

    @BeforeEach
    void seed() {
        ids = CompiledReadSeed.seed();
    }

    @Test
    void a_client_walks_the_list_page_by_page_with_the_cursors_the_compiled_read_issued() {
        String after = null;
        int pages = 0;
        do {
            var page = JsonPath.from(same(PAGE, vars("n", 2, "a", after)));
            assertThat(page.getBoolean("data.leads.pageInfo.hasPreviousPage")).isEqualTo(after != null);
            after = page.getBoolean("data.leads.pageInfo.hasNextPage") ? page.getString("data.leads.pageInfo.endCursor") : null;
            pages++;
        } while (after != null && pages < 10);
        assertThat(pages).as("5 leads, 2 a page").isEqualTo(3);
        String empty = same(PAGE, vars("n", 5, "f", Map.of("country", "ZZ")));
        assertThat(empty).contains("\"edges\":[]", "\"startCursor\":null", "\"hasNextPage\":false");
        same("{ a: leads(first: 1, orderBy: {field: UPDATED_AT, direction: ASC}) { e: edges { c: cursor } p: pageInfo { more: hasNextPage last: endCursor } } }",
                Map.of());
        same("{ leads(first: 3) { pageInfo { hasPreviousPage } } }", Map.of());
        same("{ leads(first: 3) { ...P } } fragment P on LeadConnection { edges { cursor } pageInfo { ... on PageInfo { startCursor } } }", Map.of());
    }

    @Test
    void a_leads_activities_page_by_page_in_the_detail_and_in_a_list() {
        var first = JsonPath.from(same(ACTIVITIES, vars("id", ids.handedOff(), "n", 1)));
        assertThat(first.getBoolean("data.lead.activities.pageInfo.hasNextPage")).isTrue();
        var second = JsonPath.from(same(ACTIVITIES, vars("id", ids.handedOff(), "n", 1, "a", first.getString("data.lead.activities.pageInfo.endCursor"))));
        assertThat(second.getBoolean("data.lead.activities.pageInfo.hasNextPage")).isFalse();
        assertThat(second.getList("data.lead.activities.edges")).hasSize(1);
        same(ACTIVITIES, vars("id", ids.plain())); // none
        same("{ leads(first: 5) { edges { node { id activities(first: 1) { edges { cursor node { type occurredAt } } pageInfo { hasNextPage endCursor } } } } } }",
                Map.of());
    }

    @Test
    void two_aliased_activities_pages_of_a_lead_each_take_their_own_arguments() {
        String detail = "query($id: ID!) { lead(id: $id) { a: activities(first: 1) { edges { node { id } } pageInfo { hasNextPage } }"
                + " b: activities(first: 5) { edges { cursor } pageInfo { hasNextPage } } c: activities(first: 1) { edges { cursor } } } }";
        var lead = JsonPath.from(same(detail, vars("id", ids.handedOff())));
        assertThat(lead.getList("data.lead.a.edges")).as("first: 1").hasSize(1);
        assertThat(lead.getBoolean("data.lead.a.pageInfo.hasNextPage")).isTrue();
        assertThat(lead.getList("data.lead.b.edges")).as("first: 5, the lead's two activities").hasSize(2);
        assertThat(lead.getBoolean("data.lead.b.pageInfo.hasNextPage")).isFalse();
        assertThat(lead.getString("data.lead.c.edges[0].cursor")).isEqualTo(lead.getString("data.lead.b.edges[0].cursor"));
        String list = "{ leads(first: 5) { edges { node { id a: activities(first: 1) { edges { cursor } }"
                + " b: activities(first: 2) { edges { node { type } } pageInfo { hasNextPage } } } } } }";
        var leads = JsonPath.from(same(list, Map.of()));
        List<List<Object>> firstOne = leads.getList("data.leads.edges.node.a.edges");
        List<List<Object>> firstTwo = leads.getList("data.leads.edges.node.b.edges");
        assertThat(firstOne).allSatisfy(edges -> assertThat(edges).hasSizeLessThanOrEqualTo(1));
        assertThat(firstTwo).as("the handed-off lead's two activities").anySatisfy(edges -> assertThat(edges).hasSize(2));
    }

    @Test
    void the_served_score_of_the_handoff_model_named_or_by_default_is_the_same() {
        var models = JsonPath.from(post("{ criteriaModelsConnection(first: 100) { edges { node { id drivesHandoffs servedVersion { id } } } } }",
                Map.of(), "general", CompiledReadSeed.WORKSPACE).asString());
        List<Map<String, Object>> nodes = models.getList("data.criteriaModelsConnection.edges.node");
        String handoffModel = nodes.stream().filter(m -> Boolean.TRUE.equals(m.get("drivesHandoffs"))).map(m -> (String) m.get("id"))
                .findFirst().orElseThrow();
        String scores = "query($m: ID) { leads(first: 5) { edges { node { id score { total versionId } named: score(modelId: $m) { total versionId } } } } }";
        var read = JsonPath.from(post(scores, vars("m", handoffModel), "general", CompiledReadSeed.WORKSPACE).asString());
        List<Object> byDefault = read.getList("data.leads.edges.node.score");
        assertThat(byDefault).as("the seed scores its leads").anySatisfy(score -> assertThat(score).isNotNull());
        assertThat(read.getList("data.leads.edges.node.named")).isEqualTo(byDefault);
        assertThat(same("{ leads(first: 5) { edges { node { id score { total versionId } } } } }", Map.of()))
                .contains(read.getString("data.leads.edges.node.score.find { it != null }.versionId"));
    }

    @Test
    void node_with_a_leads_id_reads_like_lead() {
        String node = "query($id: ID!) { node(id: $id) { __typename id ... on Lead { email companyName score { total } handoffs { state }"
                + " activities(first: 5) { edges { cursor node { type } } } } ...F } } fragment F on Node { id }";
        for (String id : List.of(ids.handedOff(), ids.plain(), ids.erased(), "gid://leadproof/Lead/00000000-0000-0000-0000-000000000000")) {
            same(node, vars("id", id));
        }
        assertThat(same(node, vars("id", ids.handedOff()))).contains("\"__typename\":\"Lead\"", "\"handoffs\":[{\"state\":");
        same("query($id: ID!) { node(id: $id) { id } lead(id: $id) { id ... on Lead { id } } }", vars("id", ids.plain()));
    }

    @Test
    void an_erased_leads_activities_and_cursors() {
        same(ACTIVITIES, vars("id", ids.erased(), "n", 3));
        same("query($id: ID!) { lead(id: $id) { " + CompiledReadEquivalenceTest.LEAD_FIELDS + " activities { edges { node { id } } } } }",
                vars("id", ids.erased()));
    }

    @Test
    @TestSecurity(user = "ada", roles = { "revops-admin", "marketing" }, attributes = @SecurityAttribute(key = "workspaces",
            value = CompiledReadSeed.WORKSPACE + "," + CompiledReadSeed.WORKSPACE + "-other", type = AttributeType.STRING_SET))
    void another_workspaces_lead_and_cursor_are_not_found_here() {
        String other = CompiledReadSeed.WORKSPACE + "-other";
        String lead = post("mutation { leadUpsert(input: {email: \"olga@other.contoso.com\"}) { lead { id } } }", Map.of(), "general", other)
                .jsonPath().getString("data.leadUpsert.lead.id");
        String cursor = post("{ leads(first: 1) { pageInfo { endCursor } } }", Map.of(), "compiled", other)
                .jsonPath().getString("data.leads.pageInfo.endCursor");
        for (String query : List.of(ReadPlannerTest.MIX_DETAIL, "query($id: ID!) { node(id: $id) { id ... on Lead { email } } }")) {
            assertThat(same(query, vars("id", lead))).contains("null");
        }
        var refused = both(PAGE, vars("n", 1, "a", cursor));
        assertThat(refused.get(0).header(CompiledReadStrategy.HEADER)).isNull();
        assertThat(withoutTraceIds(refused.get(0).asString())).isEqualTo(withoutTraceIds(refused.get(1).asString())).contains("INVALID_CURSOR");
        String ours = post("{ leads(first: 1) { pageInfo { endCursor } } }", Map.of(), "compiled", CompiledReadSeed.WORKSPACE)
                .jsonPath().getString("data.leads.pageInfo.endCursor");
        assertThat(ours).isNotEqualTo(cursor);
    }

    @Test
    @TestSecurity(user = "rey", roles = { "sales" },
            attributes = @SecurityAttribute(key = "workspaces", value = CompiledReadSeed.WORKSPACE, type = AttributeType.STRING_SET))
    void a_rep_reads_the_paged_shapes_compiled() {
        same(ReadPlannerTest.MIX_LIST, Map.of());
        same(ReadPlannerTest.MIX_DETAIL, vars("id", ids.handedOff()));
        same(ACTIVITIES, vars("id", ids.handedOff(), "n", 1));
        same("query($id: ID!) { node(id: $id) { ... on Lead { id activities { edges { cursor } } } } }", vars("id", ids.handedOff()));
    }
}
