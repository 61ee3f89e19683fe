package io.leadproof.lead.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

/** The planner alone: which documents become one statement, and what that statement reads. */
class ReadPlannerTest {

    private static Optional<ReadPlan> plan(String query, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        var fragments = new java.util.HashMap<String, FragmentDefinition>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        return ReadPlanner.plan(document.getDefinitionsOfType(OperationDefinition.class).getFirst(), fragments, variables);
    }

    @Test
    void the_peer_list_is_one_statement_that_names_its_resolvers_and_plain_fields() {
        var plan = plan(CompiledReadEquivalenceTest.LIST, Map.of()).orElseThrow();
        assertThat(plan.sql()).startsWith("select json_build_object('leads', (select json_build_object('edges', coalesce(json_agg(")
                .contains("order by l.created_at desc, l.id desc limit 51) l left join campaign c on c.workspace_id = l.workspace_id"
                        + " and c.id = l.campaign_id left join lead_score s on", "(select v from served_version(?, null) v)", "from handoff h")
                .doesNotContain("from campaign c", "from lead_score s")
                .endsWith("::text");
        // the page's workspace, then the served version's (in the join after the page); the page size (one more than
        // asked: is there a next page) is in the text, so each size has one generic plan
        assertThat(plan.params()).containsExactly(ReadPlan.WORKSPACE, ReadPlan.WORKSPACE);
        assertThat(plan.resolvers()).containsExactlyInAnyOrder("Query.leads", "Lead.campaign", "Lead.score", "Lead.handoffs");
        assertThat(plan.plain()).contains("Lead.email", "Campaign.channel", "LeadScore.qualified", "Handoff.owner", "LeadEdge.node");
    }

    @Test
    void aliases_become_the_keys_and_variables_the_parameters() {
        UUID id = UUID.randomUUID();
        var plan = plan("query($id: ID!) { who: lead(id: $id) { mail: email __typename } }",
                Map.of("id", "gid://leadproof/Lead/" + id)).orElseThrow();
        assertThat(plan.sql()).isEqualTo("select json_build_object('who', (select json_build_object('mail', l.email, '__typename', 'Lead')"
                + " from lead l where l.workspace_id = ? and l.id = ?))::text");
        assertThat(plan.params()).containsExactly(ReadPlan.WORKSPACE, id);
    }

    @Test
    void anything_unmodelled_is_left_to_the_general_path() {
        assertThat(plan("mutation { leadUpsert(input: {email: \"a@b.contoso.com\"}) { created } }", Map.of())).isEmpty();
        assertThat(plan("{ leads { edges { node { id @skip(if: true) } } } }", Map.of())).isEmpty();
        assertThat(plan("{ leads { edges { node { id } } more: edges { cursor } } }", Map.of())).isEmpty();
        assertThat(plan("{ leads { edges { a: node { id } b: node { email } } } }", Map.of())).isEmpty();
        assertThat(plan("{ leads { edges { node { activities { totalCount } } } } }", Map.of())).isEmpty();
        assertThat(plan("{ leads { edges { node { activities(first: 101) { edges { cursor } } } } } }", Map.of())).isEmpty();
        assertThat(plan("{ node(id: \"gid://leadproof/Campaign/" + UUID.randomUUID() + "\") { id } }", Map.of())).isEmpty();
        assertThat(plan("{ node(id: \"gid://leadproof/Lead/" + UUID.randomUUID() + "\") { ... on Campaign { name } } }", Map.of())).isEmpty();
        assertThat(plan("{ leads { edges { node { id id: email } } } }", Map.of())).isEmpty();
        assertThat(plan("{ leads(first: 0) { edges { node { id } } } }", Map.of())).isEmpty();
        assertThat(plan("{ lead(id: \"nonsense\") { id } }", Map.of())).isEmpty();
        assertThat(plan("{ leads(filter: {search: \"x\"}) { edges { node { id } } } }", Map.of())).isEmpty();
        assertThat(plan("{ leads { edges { node { ... on Node { id } } } } }", Map.of())).isEmpty();
    }

    @Test
    void the_load_mix_list_reads_one_row_more_and_names_where_its_cursors_go() {
        var plan = plan(MIX_LIST, Map.of()).orElseThrow();
        assertThat(plan.sql()).contains("count(*) > 20", "filter (where p.rn <= 20)", "'CREATED_AT_DESC|' || (extract(epoch from l.created_at)",
                "case when row_number() over (order by l.created_at desc, l.id desc) <= 20 then json_build_object(", "limit 21")
                .endsWith("::text");
        assertThat(plan.params()).hasSize(2).doesNotContain(21); // the workspace and the stages; the page size is in the text
        assertThat(plan.resolvers()).containsExactly("Query.leads");
        assertThat(plan.plain()).contains("LeadConnection.pageInfo", "PageInfo.endCursor", "LeadEdge.node");
        assertThat(plan.cursors()).containsExactly(List.of("leads", "pageInfo", "endCursor"));
    }

    @Test
    void the_load_mix_detail_compiles_the_activities_page_and_node_takes_a_leads_id() {
        String id = "gid://leadproof/Lead/" + UUID.randomUUID();
        var plan = plan(MIX_DETAIL, Map.of("id", id)).orElseThrow();
        assertThat(plan.sql()).contains("from activity a where a.workspace_id = l.workspace_id and a.lead_id = l.id order by a.occurred_at desc, a.id desc limit 11");
        assertThat(plan.resolvers()).containsExactlyInAnyOrder("Query.lead", "Lead.score", "Lead.handoffs", "Lead.activities");
        assertThat(plan.plain()).contains("ActivityConnection.edges", "ActivityEdge.node", "Activity.occurredAt");
        var node = plan("query($id: ID!) { n: node(id: $id) { id ... on Lead { email acts: activities(first: 2) { edges { c: cursor } pageInfo { startCursor } } } } }",
                Map.of("id", id)).orElseThrow();
        assertThat(node.resolvers()).containsExactlyInAnyOrder("Query.node", "Lead.activities");
        assertThat(node.cursors()).containsExactly(List.of("n", "acts", "edges", "*", "c"), List.of("n", "acts", "pageInfo", "startCursor"));
        var nested = plan("{ leads(first: 3) { edges { node { activities(first: 1) { edges { cursor } } } } } }", Map.of()).orElseThrow();
        assertThat(nested.cursors()).containsExactly(List.of("leads", "edges", "*", "node", "activities", "edges", "*", "cursor"));
    }

    static final String MIX_LIST = """
            { leads(first: 20, filter: {stages: [MQL, HANDED_OFF]}) { edges { node { id email jobTitle lifecycleStage createdAt } }
              pageInfo { hasNextPage endCursor } } }""";
    static final String MIX_DETAIL = """
            query($id: ID!) { lead(id: $id) { id email jobTitle companyName lifecycleStage score { total fit engagement qualified }
              activities(first: 10) { edges { node { type occurredAt } } } handoffs { id state owner } } }""";
}
