package io.leadproof.criteria.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

import io.leadproof.lead.read.ReadPlan;

/** The criteria version planner alone. */
class CriteriaVersionReadsTest {

    private static Optional<ReadPlan> plan(String query, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        var fragments = new java.util.HashMap<String, FragmentDefinition>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        return CriteriaVersionReads.plan(document.getDefinitionsOfType(OperationDefinition.class).getFirst(), fragments, variables);
    }

    @Test
    void a_version_with_its_rules_is_one_statement_in_the_callers_workspace() {
        UUID id = UUID.randomUUID();
        var plan = plan("query($v: ID!) { v: criteriaVersion(id: $v) { number rules { key points } } }",
                Map.of("v", "gid://leadproof/CriteriaVersion/" + id)).orElseThrow();
        assertThat(plan.sql()).isEqualTo("select json_build_object('v', (select json_build_object('number', v.number, 'rules', coalesce("
                + "(select json_agg(json_build_object('key', x.e->'key', 'points', x.e->'points') order by x.n)"
                + " from json_array_elements(coalesce(v.api_rules, api_rules(v.rules))) with ordinality x(e, n)), '[]'::json))"
                + " from criteria_version v where v.workspace_id = ? and v.id = ?))::text");
        assertThat(plan.params()).containsExactly(ReadPlan.WORKSPACE, id);
        assertThat(plan.resolvers()).containsExactly("Query.criteriaVersion");
        assertThat(plan.plain()).containsExactlyInAnyOrder("CriteriaVersion.number", "CriteriaVersion.rules", "CriteriaRule.key", "CriteriaRule.points");
    }

    @Test
    void every_rule_field_in_the_documents_order_is_the_stored_document_itself() {
        String v = "gid://leadproof/CriteriaVersion/" + UUID.randomUUID();
        String all = "key label kind field customKey operator values points activityType funnelStage contentTag windowDays"
                + " pointsPerOccurrence cap halfLifeDays";
        var plan = plan("{ criteriaVersion(id: \"" + v + "\") { rules { " + all + " } } }", Map.of()).orElseThrow();
        assertThat(plan.sql()).contains("'rules', coalesce(v.api_rules, api_rules(v.rules)))").doesNotContain("json_array_elements");
        assertThat(plan.plain()).contains("CriteriaRule.halfLifeDays", "CriteriaRule.key");
        for (String other : java.util.List.of(all.replace("key label", "label key"), all.replace("key ", "k: key "), all + " __typename",
                all.replace(" halfLifeDays", ""))) {
            assertThat(plan("{ criteriaVersion(id: \"" + v + "\") { rules { " + other + " } } }", Map.of()).orElseThrow().sql())
                    .as(other).contains("json_array_elements(coalesce(v.api_rules, api_rules(v.rules)))");
        }
    }

    @Test
    void linked_objects_and_malformed_ids_are_left_to_the_general_path() {
        String v = "gid://leadproof/CriteriaVersion/" + UUID.randomUUID();
        assertThat(plan("{ criteriaVersion(id: \"" + v + "\") { model { id } } }", Map.of())).isEmpty();
        assertThat(plan("{ criteriaVersion(id: \"" + v + "\") { rules { rationale { change } } } }", Map.of())).isEmpty();
        assertThat(plan("{ criteriaVersion(id: \"gid://leadproof/Lead/" + UUID.randomUUID() + "\") { id } }", Map.of())).isEmpty();
        assertThat(plan("{ criteriaVersion(id: \"nonsense\") { id } }", Map.of())).isEmpty();
        assertThat(plan("{ criteriaVersion(id: \"" + v + "\") { id } criteriaModels { id } }", Map.of())).isEmpty();
    }
}
