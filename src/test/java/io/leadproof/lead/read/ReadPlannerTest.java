package io.leadproof.lead.read;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(plan.sql()).startsWith("select json_build_object('leads', json_build_object('edges', coalesce((select json_agg(")
                .contains("from lead_score s", "from criteria_model m where m.workspace_id = ? and m.drives_handoffs", "from handoff h",
                        "order by l.created_at desc, l.id desc limit 50) l left join campaign c on")
                .endsWith("::text");
        // the served version's workspace, then the page's; the page size is in the text: one generic plan per size
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
        assertThat(plan("{ leads { pageInfo { hasNextPage } } }", Map.of())).isEmpty();
        assertThat(plan("{ leads { edges { node { id id: email } } } }", Map.of())).isEmpty();
        assertThat(plan("{ leads(first: 0) { edges { node { id } } } }", Map.of())).isEmpty();
        assertThat(plan("{ lead(id: \"nonsense\") { id } }", Map.of())).isEmpty();
        assertThat(plan("{ leads(filter: {search: \"x\"}) { edges { node { id } } } }", Map.of())).isEmpty();
        assertThat(plan("{ leads { edges { node { ... on Node { id } } } } }", Map.of())).isEmpty();
    }
}
