package io.leadproof.lead.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

/** {@code leads { totalCount }} in the list planner alone: the count's relation, where it binds, and its guard. */
class TotalCountPlanTest {

    private static Optional<ReadPlan> plan(String query) {
        Document document = Parser.parse(query);
        var fragments = new HashMap<String, FragmentDefinition>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        return ReadPlanner.plan(document.getDefinitionsOfType(OperationDefinition.class).getFirst(), fragments, Map.of());
    }

    @Test
    void the_count_is_joined_after_the_page_and_binds_its_filter_after_the_pages_parameters() {
        var plan = plan("{ leads(first: 5, filter: {stages: [MQL], country: \"se\"}) { edges { node { score { total } } } totalCount } }")
                .orElseThrow();
        assertThat(plan.sql()).contains("'totalCount', c.n)", "limit 6) l left join lead_score s on", "(select v from served_version(?, null) v)) p right join (select count(*) n from lead l where l.workspace_id = ?"
                + " and l.merged_into is null and l.lifecycle_stage = any(?) and l.country = ?) c on true group by c.n)");
        // the page's workspace, stages and country, the score's workspace (joined after the page), then the count's
        assertThat(plan.params()).hasSize(7).startsWith(ReadPlan.WORKSPACE).endsWith("SE")
                .element(3).isSameAs(ReadPlan.WORKSPACE);
        assertThat(plan.params().get(4)).isSameAs(ReadPlan.WORKSPACE);
        assertThat(plan.params().get(2)).isEqualTo("SE");
        assertThat((String[]) plan.params().get(1)).containsExactly("MQL");
        assertThat((String[]) plan.params().get(5)).containsExactly("MQL");
        assertThat(plan.resolvers()).contains("Query.leads", "LeadConnection.totalCount");
        assertThat(TotalCount.GUARDED_BY_PARENT).contains("LeadConnection.totalCount");
    }

    @Test
    void without_a_count_the_page_is_grouped_alone_and_an_activities_count_is_not_modelled() {
        assertThat(plan("{ leads { edges { node { id } } } }").orElseThrow().sql()).doesNotContain("right join").contains("group by ())");
        assertThat(plan("{ leads { totalCount } }").orElseThrow().sql()).contains("then null end j").doesNotContain("json_agg");
        assertThat(plan("{ leads { edges { node { activities { totalCount } } } } }")).isEmpty();
    }
}
