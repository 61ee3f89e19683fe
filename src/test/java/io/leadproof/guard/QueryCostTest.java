package io.leadproof.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/** The cost formula and the document shape, against the committed SDL: no server needed. */
class QueryCostTest {

    static GraphQLSchema schema;
    static final QueryCost.Weights WEIGHTS = new QueryCost.Weights(10, 10);
    /** The fields LeadProof resolves with @Source methods (the served schema reads this from SmallRye's wiring). */
    static final Set<String> RESOLVED = Set.of("Lead.activities", "Lead.campaign", "Lead.score", "Lead.scoreHistory",
            "Lead.mqlCrossings", "Lead.handoffs", "Campaign.totalCost", "Campaign.costs", "Handoff.events", "Handoff.lead",
            "CriteriaVersion.scoringJob");
    static final QueryCost.Resolvers RESOLVERS = (parent, field) -> RESOLVED.contains(parent.getName() + "." + field.getName());

    @BeforeAll
    static void schema() throws IOException {
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(Files.readString(java.nio.file.Path.of("graphql-schema", "schema.graphql"))));
    }

    static long cost(String query) {
        return cost(query, Map.of());
    }

    static long cost(String query, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        var operation = document.getDefinitionsOfType(OperationDefinition.class).getFirst();
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity()));
        return QueryCost.of(schema, operation, fragments, variables, WEIGHTS, RESOLVERS);
    }

    static QueryShape.Shape shape(String query, int maxFields) {
        return QueryShape.measure(Parser.parse(query), maxFields);
    }

    static String aliases(int n, String field) {
        return IntStream.range(0, n).mapToObj(i -> "a" + i + ": " + field).collect(Collectors.joining(" "));
    }

    @Test
    void resolvers_cost_one_per_call_and_properties_scalars_and_introspection_cost_nothing() {
        assertThat(cost("{ viewer { userName roles workspace { id name } } }")).as("one root resolver").isEqualTo(1);
        assertThat(cost("query($id: ID!) { lead(id: $id) { email campaign { name } score { total } } }", Map.of("id", "x")))
                .as("lead + campaign + score").isEqualTo(3);
        assertThat(cost("{ __typename }")).as("at least 1").isEqualTo(1);
        assertThat(cost("{ __schema { types { name fields { name } } } }")).isEqualTo(1);
    }

    @Test
    void an_aliased_field_repeated_a_thousand_times_costs_a_thousand_times_as_much() {
        assertThat(cost("{ " + aliases(1000, "viewer { userName }") + " }")).isEqualTo(1000 * cost("{ viewer { userName } }"));
        long one = cost("query($id: ID!) { a: lead(id: $id) { campaign { name } } }", Map.of("id", "x"));
        assertThat(one).isEqualTo(2);
        assertThat(cost("query($id: ID!) { " + aliases(500, "lead(id: $id) { campaign { name } }") + " }", Map.of("id", "x")))
                .isEqualTo(500 * one);
        assertThat(shape("{ viewer { " + aliases(1000, "userName") + " } }", 500).truncated()).isTrue();
        assertThat(shape("{ viewer { " + aliases(400, "userName") + " } }", 500).fields()).isEqualTo(401);
    }

    @Test
    void connections_cost_their_page_and_multiply_their_selection_by_first() {
        // leads: 1 call + 100 objects; per lead: campaign 1; edges, node, cursor and pageInfo are free
        assertThat(cost("{ leads(first: 100) { edges { cursor node { id campaign { name } } } pageInfo { hasNextPage } } }"))
                .isEqualTo(1 + 100 + 100);
        assertThat(cost("{ leads { edges { node { id } } } }")).as("default page 20").isEqualTo(1 + 20);
        assertThat(cost("query($n: Int) { leads(first: $n) { edges { node { id } } } }", Map.of("n", 50))).isEqualTo(1 + 50);
        // per lead: activities 1 call + 10 objects
        assertThat(cost("{ leads(first: 100) { edges { node { activities(first: 10) { edges { node { id } } } } } } }"))
                .isEqualTo(1 + 100 + 100 * (1 + 10));
        // a list without first multiplies by the list size: per lead handoffs 1, per handoff (10) events 1
        assertThat(cost("{ leads(first: 10) { edges { node { handoffs { events { type } } } } } }"))
                .isEqualTo(1 + 10 + 10 * (1 + 10 * 1));
    }

    @Test
    void first_is_clamped_to_the_page_cap_so_an_out_of_range_page_is_refused_by_its_resolver_not_priced() {
        assertThat(cost("{ leads(first: 1000000) { edges { node { id } } } }")).isEqualTo(1 + 100);
        assertThat(cost("{ leads(first: 99999999999) { edges { node { id } } } }")).isEqualTo(1 + 100);
        assertThat(cost("{ leads(first: -5) { edges { node { id } } } }")).isEqualTo(1 + 1);
    }

    @Test
    void fragments_count_at_every_use_and_interfaces_follow_their_type_conditions() {
        String fragment = " fragment L on Lead { campaign { name } activities(first: 5) { edges { node { id } } } }";
        long once = cost("{ leads(first: 10) { edges { node { ...L } } } }" + fragment);
        long twice = cost("{ leads(first: 10) { edges { node { ...L } } } other: leads(first: 10) { edges { node { ...L } } } }" + fragment);
        assertThat(once).isEqualTo(1 + 10 + 10 * (1 + 1 + 5));
        assertThat(twice).isEqualTo(2 * once);
        assertThat(cost("query($id: ID!) { node(id: $id) { ... on Lead { activities(first: 100) { edges { node { id } } } } } }",
                Map.of("id", "x"))).isEqualTo(1 + 1 + 100);
    }

    @Test
    void mutations_cost_ten_and_payload_lists_fan_out_by_the_rows_sent() {
        assertThat(cost("mutation { leadUpsert(input: {email: \"a@b.contoso.com\"}) { created lead { id } userErrors { code } } }"))
                .isEqualTo(10);
        var rows = IntStream.range(0, 300).mapToObj(i -> Map.<String, Object>of("email", i + "@rows.contoso.com")).toList();
        Map<String, Object> variables = new HashMap<>();
        variables.put("i", Map.of("leads", rows));
        String imported = "mutation($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount leads { id campaign { name } } } }";
        assertThat(cost(imported, variables)).as("10 + a campaign per row").isEqualTo(10 + 300);
        assertThat(cost("mutation { a: leadUpsert(input: {email: \"a@b.contoso.com\"}) { created } b: leadUpsert(input: {email: \"c@b.contoso.com\"}) { created } }"))
                .isEqualTo(20);
    }

    @Test
    void depth_counts_field_levels_but_not_introspection() {
        assertThat(shape("{ viewer { workspace { id } } }", 500).depth()).isEqualTo(3);
        assertThat(shape("{ leads { edges { node { campaign { costs { amount { amount } } } } } } }", 500).depth()).isEqualTo(7);
        var introspection = shape("""
                { __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }""",
                500);
        assertThat(introspection.depth()).isEqualTo(1);
        assertThat(introspection.introspection()).isTrue();
        assertThat(shape("{ __type(name: \"Lead\") { name } }", 500).introspection()).isTrue();
        assertThat(shape("{ __typename }", 500).introspection()).isFalse();
    }

    @Test
    void a_fragment_bomb_is_cut_off_after_a_bounded_amount_of_work() {
        // F0 spreads F1 twice, F1 spreads F2 twice, ... : 2^30 expansions if walked naively
        var sb = new StringBuilder("{ viewer { ...F0 } }");
        for (int i = 0; i < 30; i++) {
            sb.append(" fragment F").append(i).append(" on Viewer { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }");
        }
        sb.append(" fragment F30 on Viewer { userName }");
        long started = System.nanoTime();
        var shape = shape(sb.toString(), 500);
        assertThat(shape.truncated()).isTrue();
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(1000);
    }

    @Test
    void cyclic_and_undefined_fragments_do_not_hang_the_pre_validation_walk() {
        var shape = shape("{ viewer { ...A ...Missing } } fragment A on Viewer { userName ...B } fragment B on Viewer { ...A }", 500);
        assertThat(shape.truncated()).isFalse();
        assertThat(shape.fields()).isEqualTo(2);
    }

    @Test
    void nested_multipliers_saturate_instead_of_overflowing() {
        String deep = "{ leads(first: 100) { edges { node { activities(first: 100) { edges { node { id } } } "
                + "handoffs { events { details { key } } lead { activities(first: 100) { edges { node { id } } } } } } } } }";
        assertThat(cost(deep)).isGreaterThan(1000).isLessThanOrEqualTo(QueryCost.CEILING);
        assertThat(List.of(cost(deep))).allMatch(c -> c > 0);
    }
}
