package io.leadproof.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Document limits against the running service: depth, field count (aliases and fragment uses counted), per-request
 * cost, page caps on every {@code first}, caps on every list input, no field suggestions.
 */
@QuarkusTest
@TestSecurity(user = "lim", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = "query-limits-test", type = AttributeType.STRING_SET))
class QueryLimitsTest {

    @Inject
    GraphQLSchema schema;
    @Inject
    GraphQLLimits limits;

    String leadId;
    String campaignId;

    @BeforeEach
    void seed() {
        campaignId = GraphQL.ok("mutation { campaignCreate(input: {name: \"Limits\", channel: EMAIL}) { campaign { id } } }")
                .getString("data.campaignCreate.campaign.id");
        if (campaignId == null) {
            campaignId = GraphQL.ok("{ campaigns(first: 1) { edges { node { id } } } }").getString("data.campaigns.edges[0].node.id");
        }
        leadId = GraphQL.ok("mutation { leadUpsert(input: {email: \"limits@probe.contoso.com\"}) { lead { id } } }")
                .getString("data.leadUpsert.lead.id");
    }

    static void assertRefused(JsonPath json, String code, String reason) {
        assertThat(json.getList("errors")).as(json.prettify()).hasSize(1);
        assertThat(json.getString("errors[0].extensions.code")).isEqualTo(code);
        assertThat(json.getString("errors[0].extensions.reason")).isEqualTo(reason);
        assertThat(json.getMap("").containsKey("data")).as("nothing was executed").isFalse();
    }

    static String aliases(int n, String field) {
        return IntStream.range(0, n).mapToObj(i -> "a" + i + ": " + field).collect(Collectors.joining(" "));
    }

    @Test
    void a_query_deeper_than_the_limit_is_refused_before_anything_runs() {
        String deep = "{ leads { edges { node { handoffs { lead { handoffs { lead { handoffs { lead { handoffs { lead { id } } } } } } } } } } } }";
        assertThat(QueryShape.measure(graphql.parser.Parser.parse(deep), 500).depth()).isEqualTo(limits.maxDepth());
        assertThat(GraphQL.post(deep).getString("errors[0].extensions.reason")).as("exactly at the limit (too costly, though)")
                .isNotEqualTo("MAX_DEPTH");

        String deeper = deep.replace("lead { id }", "lead { campaign { id } }");
        var json = GraphQL.post(deeper);
        assertRefused(json, "LIMIT_EXCEEDED", "MAX_DEPTH");
        assertThat(json.getInt("errors[0].extensions.depth")).isEqualTo(limits.maxDepth() + 1);
        assertThat(json.getInt("errors[0].extensions.maxDepth")).isEqualTo(limits.maxDepth());
    }

    @Test
    void aliases_count_field_by_field_and_cost_by_cost() {
        assertRefused(GraphQL.post("{ " + aliases(1000, "viewer { userName }") + " }"), "LIMIT_EXCEEDED", "MAX_FIELDS");
        assertRefused(GraphQL.post("{ viewer { " + aliases(1000, "userName") + " } }"), "LIMIT_EXCEEDED", "MAX_FIELDS");

        var allowed = Priced.ok("{ " + aliases(250, "viewer { userName }") + " }");
        assertThat(allowed.getInt("extensions.cost.requestedCost")).as("250 × 1").isEqualTo(250);

        long one = Priced.ok("{ leads(first: 100) { __typename } }").getLong("extensions.cost.requestedCost");
        assertThat(one).isEqualTo(101);
        assertThat(Priced.ok("{ " + aliases(9, "leads(first: 100) { __typename }") + " }").getLong("extensions.cost.requestedCost"))
                .isEqualTo(9 * one);
        var tooCostly = GraphQL.post("{ " + aliases(10, "leads(first: 100) { __typename }") + " }");
        assertRefused(tooCostly, "LIMIT_EXCEEDED", "MAX_COST");
        assertThat(tooCostly.getLong("errors[0].extensions.cost")).isEqualTo(10 * one);
        assertThat(tooCostly.getLong("errors[0].extensions.maxCost")).isEqualTo(limits.maxCost());
    }

    @Test
    void fragments_count_at_every_use_and_a_fragment_bomb_is_refused_quickly() {
        var once = Priced.ok("{ a: lead(id: \"" + leadId + "\") { ...L } } fragment L on Lead { campaign { id } score { total } }");
        var twice = Priced.ok("{ a: lead(id: \"" + leadId + "\") { ...L } b: lead(id: \"" + leadId + "\") { ...L } }"
                + " fragment L on Lead { campaign { id } score { total } }");
        assertThat(twice.getLong("extensions.cost.requestedCost")).isEqualTo(2 * once.getLong("extensions.cost.requestedCost"));

        var bomb = new StringBuilder("{ viewer { ...F0 } }");
        for (int i = 0; i < 40; i++) {
            bomb.append(" fragment F").append(i).append(" on Viewer { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }");
        }
        bomb.append(" fragment F40 on Viewer { userName }");
        long started = System.nanoTime();
        assertRefused(GraphQL.post(bomb.toString()), "LIMIT_EXCEEDED", "MAX_FIELDS");
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(2_000);
    }

    @Test
    void nested_lists_are_priced_by_their_pages() {
        var json = GraphQL.post("{ leads(first: 100) { edges { node { activities(first: 100) { edges { node { id } } } } } } }");
        assertRefused(json, "LIMIT_EXCEEDED", "MAX_COST");
        assertThat(json.getLong("errors[0].extensions.cost")).isEqualTo(1 + 100 + 100 * (1 + 100));
        assertThat(Priced.ok("{ leads(first: 20) { edges { node { activities(first: 5) { edges { node { id } } } } } } }")
                .getLong("extensions.cost.requestedCost")).isEqualTo(1 + 20 + 20 * (1 + 5));
    }

    @Test
    void the_served_schema_tells_resolvers_from_properties() {
        var resolvers = QueryCost.Resolvers.of(schema);
        assertThat(resolves(resolvers, "Lead", "activities")).isTrue();
        assertThat(resolves(resolvers, "Lead", "campaign")).isTrue();
        assertThat(resolves(resolvers, "Campaign", "totalCost")).isTrue();
        assertThat(resolves(resolvers, "Lead", "email")).isFalse();
        assertThat(resolves(resolvers, "LeadEdge", "node")).isFalse();
        assertThat(resolves(resolvers, "LeadConnection", "edges")).isFalse();
        assertThat(resolves(resolvers, "Money", "amount")).isFalse();
    }

    private boolean resolves(QueryCost.Resolvers resolvers, String type, String field) {
        var object = (GraphQLObjectType) schema.getType(type);
        return resolvers.resolves(object, object.getFieldDefinition(field));
    }

    @Test
    void validation_errors_make_no_suggestions() {
        var typo = GraphQL.post("{ viewer { userNam } }");
        assertThat(typo.getString("errors[0].extensions.classification")).isEqualTo("ValidationError");
        assertThat(typo.prettify()).doesNotContainIgnoringCase("did you mean").doesNotContain("userName");
        var enumTypo = GraphQL.post("{ leads(filter: {stages: [MQLL]}) { edges { node { id } } } }");
        assertThat(enumTypo.getString("errors[0].extensions.classification")).isEqualTo("ValidationError");
        assertThat(enumTypo.prettify()).doesNotContainIgnoringCase("did you mean").doesNotContain("\"MQL\"", "SAL", "HANDED_OFF");
        var argTypo = GraphQL.post("{ leads(frist: 5) { edges { node { id } } } }");
        assertThat(argTypo.prettify()).doesNotContainIgnoringCase("did you mean").doesNotContain("first");
    }

    @Test
    void introspection_is_on_in_tests() {
        assertThat(limits.introspection()).isTrue();
        assertThat(GraphQL.ok("{ __schema { queryType { name } } }").getString("data.__schema.queryType.name")).isEqualTo("Query");
    }

    // ------------------------------------------------------------------ page caps on every `first`

    /** A document per field that takes `first`; {@code %d} is the page size. Fields absent from the schema are skipped. */
    Map<String, String> pageProbes() {
        var probes = new LinkedHashMap<String, String>();
        probes.put("Query.leads", "{ leads(first: %d) { edges { cursor } } }");
        probes.put("Query.campaigns", "{ campaigns(first: %d) { edges { cursor } } }");
        probes.put("Query.criteriaModels", "{ criteriaModels(first: %d) { id } }");
        probes.put("Query.myHandoffs", "{ myHandoffs(first: %d) { edges { cursor } } }");
        probes.put("Query.privacyAudit", "{ privacyAudit(first: %d) { edges { cursor } } }");
        probes.put("Query.metricsBreakdown",
                "{ metricsBreakdown(window: {from: \"2025-01-01\", to: \"2025-02-01\"}, by: DAY, first: %d) { totalCount } }");
        probes.put("Lead.activities", "{ lead(id: \"" + leadId + "\") { activities(first: %d) { edges { cursor } } } }");
        probes.put("Lead.scoreHistory", "{ lead(id: \"" + leadId + "\") { scoreHistory(first: %d) { edges { cursor } } } }");
        probes.put("Campaign.costs", "{ campaign(id: \"" + campaignId + "\") { costs(first: %d) { id } } }");
        probes.put("Campaign.costsConnection", "{ campaign(id: \"" + campaignId + "\") { costsConnection(first: %d) { totalCount } } }");
        probes.put("Query.criteriaModelsConnection", "{ criteriaModelsConnection(first: %d) { totalCount } }");
        probes.put("Query.predictiveModels", "{ predictiveModels(first: %d) { totalCount } }");
        String version = GraphQL.ok("{ criteriaModels { servedVersionId } }").getString("data.criteriaModels[0].servedVersionId");
        probes.put("CriteriaVersion.backtests", "{ criteriaVersion(id: \"" + version + "\") { backtests(first: %d) { totalCount } } }");
        return probes;
    }

    /** Pages that exist only under a finished analysis or backtest: their caps are asserted in the story that builds one. */
    static final Map<String, String> PROBED_WITH_THEIR_STORY = Map.of(
            "SignalAnalysis.dealsA", "AfternoonScenarioTest", "SignalAnalysis.dealsB", "AfternoonScenarioTest",
            "CriteriaBacktestResult.newlyQualified", "TwelveLeadBacktestStoryTest",
            "CriteriaBacktestResult.newlyExcluded", "TwelveLeadBacktestStoryTest",
            "Handoff.eventsConnection", "HandoffStoryTest");

    @Test
    void every_field_that_takes_first_caps_the_page_at_one_hundred() {
        var paged = new TreeSet<String>();
        for (var type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
                object.getFieldDefinitions().stream().filter(f -> f.getArgument("first") != null)
                        .forEach(f -> paged.add(object.getName() + "." + f.getName()));
            }
        }
        var probes = pageProbes();
        paged.removeAll(PROBED_WITH_THEIR_STORY.keySet());
        assertThat(probes.keySet()).as("every field with `first` needs a probe here (and a cap via Cursors.pageSize)")
                .containsAll(paged);
        var failures = new ArrayList<String>();
        for (String field : paged) {
            for (int first : new int[] { 101, 0, -1, Integer.MAX_VALUE }) {
                var json = GraphQL.post(probes.get(field).formatted(first));
                String reason = json.getString("errors[0].extensions.reason");
                if (!"INVALID_PAGE_SIZE".equals(reason)) {
                    failures.add(field + "(first: " + first + ") -> " + json.prettify());
                }
            }
            var ok = GraphQL.post(probes.get(field).formatted(100));
            if (ok.getList("errors") != null) {
                failures.add(field + "(first: 100) -> " + ok.prettify());
            }
        }
        assertThat(failures).isEmpty();
    }

    // ------------------------------------------------------------------ caps on every list input

    /** Every list-typed argument and input field, and what bounds it. */
    static final Map<String, String> LIST_CAPS = Map.ofEntries(
            Map.entry("LeadsImportInput.leads", "500 rows (BATCH_TOO_LARGE)"),
            Map.entry("ActivitiesRecordInput.activities", "1000 rows (BATCH_TOO_LARGE)"),
            Map.entry("LeadInput.customAttributes", "50 entries (TOO_MANY)"),
            Map.entry("ActivityInput.properties", "50 entries (TOO_MANY)"),
            Map.entry("CriteriaRuleInput.values", "100 values (TOO_MANY)"),
            Map.entry("LeadFilter.stages", "enum, deduplicated"),
            Map.entry("LeadFilter.sources", "enum, deduplicated"),
            Map.entry("LeadFilter.seniorities", "enum, deduplicated"),
            Map.entry("Query.myHandoffs(status)", "enum, deduplicated"),
            Map.entry("MetricsFilterInput.campaignIds", "100 ids (TOO_MANY_IDS)"),
            Map.entry("MetricsFilterInput.sources", "enum, deduplicated"),
            Map.entry("MetricsFilterInput.criteriaVersionIds", "100 ids (TOO_MANY_IDS)"),
            Map.entry("Query.nodes(ids)", "100 ids (TOO_MANY_IDS)"),
            Map.entry("EvidenceFilterInput.campaignIds", "100 ids (TOO_MANY)"),
            Map.entry("EvidenceFilterInput.criteriaVersionIds", "100 ids (TOO_MANY)"),
            Map.entry("EvidenceFilterInput.owners", "100 values (TOO_MANY)"),
            Map.entry("EvidenceFilterInput.sources", "enum, deduplicated"),
            Map.entry("CriteriaBacktestFilterInput.campaignIds", "100 ids (TOO_MANY)"),
            Map.entry("CriteriaBacktestFilterInput.criteriaVersionIds", "100 ids (TOO_MANY)"),
            Map.entry("CriteriaBacktestFilterInput.owners", "100 values (TOO_MANY)"),
            Map.entry("CriteriaBacktestFilterInput.sources", "100 values (TOO_MANY)"),
            Map.entry("OutcomeGroupInput.outcomes", "enum, deduplicated"),
            Map.entry("OutcomeGroupInput.rejectionCategories", "enum, deduplicated"),
            Map.entry("SignalAnalysisInput.signalKeys", "500 keys (UNKNOWN_SIGNAL)"),
            Map.entry("HandoffLogTouchInput.signals", "20 codes (TOO_MANY)"),
            Map.entry("ImportMappingInput.columns", "200 columns (TOO_MANY)"),
            Map.entry("ImportMappingInput.placeholders", "100 values (TOO_MANY)"),
            Map.entry("ImportColumnInput.values", "500 aliases per column (TOO_MANY)"),
            Map.entry("DealsImportInput.deals", "500 deals (OUT_OF_RANGE)"),
            Map.entry("DealImportInput.firstCallSignals", "20 codes (TOO_MANY)"),
            Map.entry("LeadFilter.dataQuality", "enum, deduplicated"),
            Map.entry("LeadsImportInput.rows", "500 rows (BATCH_TOO_LARGE)"),
            Map.entry("LeadImportRowInput.customAttributes", "50 entries (TOO_MANY)"),
            Map.entry("LeadFilter.customAttributes", "20 conditions (TOO_MANY)"),
            Map.entry("CustomAttributeConditionInput.values", "100 values (INVALID_VALUES)"),
            Map.entry("HandoffFilter.states", "enum, deduplicated"),
            Map.entry("PrivacyAuditFilter.actions", "enum, deduplicated"));

    @Test
    void every_list_input_has_a_cap() {
        var lists = new TreeSet<String>();
        for (var type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            if (type instanceof graphql.schema.GraphQLInputObjectType input) {
                input.getFieldDefinitions().stream().filter(f -> graphql.schema.GraphQLTypeUtil.isList(
                        graphql.schema.GraphQLTypeUtil.unwrapNonNull(f.getType()))).forEach(f -> lists.add(input.getName() + "." + f.getName()));
            }
            if (type instanceof GraphQLObjectType object) {
                for (var field : object.getFieldDefinitions()) {
                    field.getArguments().stream().filter(a -> graphql.schema.GraphQLTypeUtil.isList(
                            graphql.schema.GraphQLTypeUtil.unwrapNonNull(a.getType())))
                            .forEach(a -> lists.add(object.getName() + "." + field.getName() + "(" + a.getName() + ")"));
                }
            }
        }
        assertThat(LIST_CAPS.keySet()).as("every list input needs a cap, recorded here and in docs/limits.md").containsAll(lists);
    }

    @Test
    void long_enum_lists_are_deduplicated_and_oversized_lists_are_refused() {
        var stages = Collections.nCopies(20_000, "NEW");
        var json = GraphQL.ok("query($s: [LifecycleStage!]) { leads(first: 5, filter: {stages: $s}) { edges { node { id } } } }",
                Map.of("s", stages));
        assertThat(json.getList("data.leads.edges")).isNotEmpty();
        var withNull = new ArrayList<Object>(List.of("NEW"));
        withNull.add(null);
        assertThat(GraphQL.post("query($s: [LifecycleStage!]) { leads(first: 5, filter: {stages: $s}) { edges { node { id } } } }",
                Map.of("s", withNull)).getString("errors[0].message")).as("input lists take no null items ([X!])").isNotBlank();
        GraphQL.ok("query($s: [HandoffState!]) { myHandoffs(status: $s) { edges { cursor } } }",
                Map.of("s", Collections.nCopies(20_000, "PENDING")));

        var attributes = IntStream.range(0, 51).mapToObj(i -> Map.of("key", "k" + i, "value", "v")).toList();
        var upsert = GraphQL.ok("mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { id } userErrors { code field } } }",
                Map.of("i", Map.of("email", "too-many@probe.contoso.com", "customAttributes", attributes)));
        assertThat(upsert.getList("data.leadUpsert.userErrors.code")).containsExactly("TOO_MANY");
        assertThat(upsert.getString("data.leadUpsert.lead")).isNull();

        var rows = IntStream.range(0, 1001).mapToObj(i -> Map.<String, Object>of("clientEventId", "cap-" + i, "leadId", leadId,
                "type", "PAGE_VIEW", "occurredAt", "2025-01-01T00:00:00Z")).toList();
        var record = GraphQL.post("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }",
                Map.of("i", Map.of("activities", rows)));
        assertThat(record.getString("errors[0].extensions.reason")).isEqualTo("BATCH_TOO_LARGE");
        assertThat(GraphQL.ok("{ lead(id: \"" + leadId + "\") { activities(first: 1) { edges { cursor } } } }")
                .getList("data.lead.activities.edges")).as("nothing of the refused batch was stored").isEmpty();

        Map<String, Object> rule = new HashMap<>(Map.of("key", "too-many", "label", "Too many", "kind", "FIT", "field", "COUNTRY",
                "operator", "IN", "points", 5, "values", IntStream.range(0, 101).mapToObj(i -> "V" + i).toList()));
        var version = "gid://leadproof/CriteriaVersion/00000000-0000-0000-0000-000000000000";
        var added = GraphQL.ok("mutation($i: CriteriaRuleAddInput!) { criteriaRuleAdd(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("versionId", version, "rule", rule)));
        assertThat(added.getList("data.criteriaRuleAdd.userErrors.code")).contains("TOO_MANY");
    }

    @Test
    void the_cost_walk_is_cheap() {
        var resolvers = QueryCost.Resolvers.of(schema);
        var document = graphql.parser.Parser.parse("""
                { leads(first: 30) { edges { node { email campaign { name totalCost { amount currency } }
                  activities(first: 3) { edges { node { type occurredAt } } pageInfo { hasNextPage } } } } } }""");
        var operation = document.getDefinitionsOfType(graphql.language.OperationDefinition.class).getFirst();
        var weights = new QueryCost.Weights(10, 10);
        for (int i = 0; i < 2_000; i++) {
            QueryCost.of(schema, operation, Map.of(), Map.of(), weights, resolvers);
            QueryShape.measure(document, 500);
        }
        int n = 20_000;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            QueryCost.of(schema, operation, Map.of(), Map.of(), weights, resolvers);
            QueryShape.measure(document, 500);
        }
        double micros = (System.nanoTime() - started) / 1_000.0 / n;
        String text = graphql.language.AstPrinter.printAst(document);
        started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            graphql.parser.Parser.parse(text);
        }
        double parse = (System.nanoTime() - started) / 1_000.0 / n;
        System.out.printf("cost walk + shape walk: %.2f µs per request; parsing the document: %.2f µs%n", micros, parse);
        assertThat(micros).isLessThan(500);
    }
}
