package io.leadproof.handoff.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

import io.leadproof.lead.read.ReadPlan;

/** The queue planner alone: which documents become one statement, and what it binds. */
class MyHandoffsPlannerTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-03T10:00:00Z");

    private static Optional<ReadPlan> plan(String query, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        var fragments = new java.util.HashMap<String, FragmentDefinition>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        return MyHandoffsPlanner.plan(document.getDefinitionsOfType(OperationDefinition.class).getFirst(), fragments, variables, "rey", NOW);
    }

    @Test
    void the_reps_queue_with_evidence_and_lead_is_one_statement_bound_to_the_rep_and_the_open_states() {
        var plan = plan("""
                { myHandoffs(first: 20) { edges { node { id state dueAt overdue
                    evidence { total contributions { ruleKey points } lead { key value } } lead { id email } } } } }""", Map.of())
                .orElseThrow();
        assertThat(plan.sql()).contains("from handoff h where h.workspace_id = ? and h.owner = ? and h.state in ('PENDING', 'ACCEPTED', 'OPPORTUNITY')",
                "json_array_elements(coalesce(h.api_contributions, api_contributions(h.contributions)))",
                "'lead', coalesce(h.api_lead_attributes, api_lead_attributes(h.lead_snapshot))", "from lead l", "order by h.due_at, h.id limit 20) p")
                .doesNotContain("limit ?"); // the page size in the text: one generic plan per size
        assertThat(plan.params()).containsExactly(NOW, ReadPlan.WORKSPACE, "rey"); // the states and the page size in the text
        assertThat(plan.resolvers()).containsExactlyInAnyOrder("Query.myHandoffs", "Handoff.lead");
        assertThat(plan.plain()).contains("Handoff.evidence", "HandoffEvidence.contributions", "Attribute.value", "Lead.email");
    }

    @Test
    void contributions_and_attributes_in_the_documents_shape_are_the_stored_documents() {
        var plan = plan("{ myHandoffs { edges { node { evidence { contributions { ruleKey ruleLabel kind points evidence } lead { key value } } } } } }",
                Map.of()).orElseThrow();
        assertThat(plan.sql()).contains("'contributions', coalesce(h.api_contributions, api_contributions(h.contributions)),",
                "'lead', coalesce(h.api_lead_attributes, api_lead_attributes(h.lead_snapshot)))").doesNotContain("json_array_elements");
        var aliased = plan("{ myHandoffs { edges { node { evidence { lead { value: key key: value } } } } } }", Map.of()).orElseThrow();
        assertThat(aliased.sql()).contains("json_build_object('value', x.e->'key', 'key', x.e->'value')");
    }

    @Test
    void the_filter_and_the_deprecated_arguments_bind_their_states_and_the_overdue_instant() {
        var filtered = plan("query($f: HandoffFilter) { myHandoffs(filter: $f) { edges { node { id } } } }",
                Map.of("f", Map.of("states", java.util.List.of("WON", "WON", "LOST"), "overdue", false))).orElseThrow();
        assertThat(filtered.sql()).contains("and not (handoff_responded_at(");
        assertThat(filtered.sql()).contains("h.state in ('WON', 'LOST')");
        assertThat(filtered.params()).endsWith(NOW);
        assertThat(filtered.sql()).contains("limit " + io.leadproof.common.Cursors.DEFAULT_PAGE + ") p");
        var deprecated = plan("{ myHandoffs(status: REJECTED, overdue: true) { edges { node { id } } } }", Map.of()).orElseThrow();
        assertThat(deprecated.sql()).contains("h.state in ('REJECTED')");
        assertThat(deprecated.sql()).doesNotContain("and not (");
    }

    @Test
    void anything_unmodelled_or_refused_is_left_to_the_general_path() {
        assertThat(plan("{ myHandoffs(after: \"x\") { edges { node { id } } } }", Map.of())).isEmpty();
        // a state is written into the text only as an enum name
        assertThat(plan("query($f: HandoffFilter) { myHandoffs(filter: $f) { edges { node { id } } } }",
                Map.of("f", Map.of("states", java.util.List.of("WON') or ('1' = '1"))))).isEmpty();
        assertThat(plan("{ myHandoffs { pageInfo { hasNextPage } } }", Map.of())).isEmpty();
        assertThat(plan("{ myHandoffs { edges { cursor node { id } } } }", Map.of())).isEmpty();
        assertThat(plan("{ myHandoffs { edges { node { rejection { code } } } } }", Map.of())).isEmpty();
        assertThat(plan("{ myHandoffs { edges { node { evidence { version { id } } } } } }", Map.of())).isEmpty();
        assertThat(plan("{ myHandoffs(first: 0) { edges { node { id } } } }", Map.of())).isEmpty();
        assertThat(plan("{ myHandoffs(filter: {overdue: true}, status: [PENDING]) { edges { node { id } } } }", Map.of())).isEmpty();
        assertThat(plan("{ myHandoffs { edges { node { id } } } leads { edges { node { id } } } }", Map.of())).isEmpty();
    }
}
