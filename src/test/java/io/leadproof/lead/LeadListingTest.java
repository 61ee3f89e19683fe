package io.leadproof.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = "sam", roles = { "sales", "marketing" },
        attributes = @SecurityAttribute(key = "workspaces", value = "listing-test", type = AttributeType.STRING_SET))
class LeadListingTest {

    @Test
    void pages_walk_every_lead_once_in_order_and_bad_page_arguments_are_refused() {
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 25; i++) {
            rows.add(Map.of("externalId", "p-" + i, "createdAt", String.format("2026-01-%02dT10:00:00Z", 1 + i),
                    "country", i % 2 == 0 ? "DE" : "FR"));
        }
        GraphQL.ok("mutation($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount } }", Map.of("i", Map.of("leads", rows)));

        var seen = new ArrayList<String>();
        String after = null;
        do {
            var vars = new java.util.HashMap<String, Object>();
            vars.put("after", after);
            var page = GraphQL.ok("query($after: String) { leads(first: 10, after: $after, orderBy: {field: CREATED_AT, direction: ASC}) {"
                    + " edges { node { externalId } } pageInfo { hasNextPage endCursor } } }", vars);
            seen.addAll(page.getList("data.leads.edges.node.externalId"));
            after = page.getBoolean("data.leads.pageInfo.hasNextPage") ? page.getString("data.leads.pageInfo.endCursor") : null;
        } while (after != null);
        assertThat(seen).hasSize(25).startsWith("p-0", "p-1").endsWith("p-24").doesNotHaveDuplicates();

        var german = GraphQL.ok("{ leads(first: 100, filter: {country: \"de\", createdBefore: \"2026-01-05T00:00:00Z\"}) { edges { node { externalId } } } }");
        assertThat(german.getList("data.leads.edges.node.externalId")).containsExactlyInAnyOrder("p-0", "p-2");

        var tooMany = GraphQL.post("{ leads(first: 101) { edges { node { id } } } }");
        assertThat(tooMany.getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
        var badCursor = GraphQL.post("{ leads(first: 5, after: \"bm90LWEtY3Vyc29y\") { edges { node { id } } } }");
        assertThat(badCursor.getString("errors[0].extensions.reason")).isEqualTo("INVALID_CURSOR");
        var injection = GraphQL.ok("{ leads(first: 5, filter: {search: \"%' or 1=1 --\"}) { edges { node { id } } } }");
        assertThat(injection.getList("data.leads.edges")).isEmpty();
    }

    @Test
    void a_malformed_lead_id_is_an_invalid_argument_and_an_unknown_one_is_null() {
        var malformed = GraphQL.post("{ lead(id: \"42\") { id } }");
        assertThat(malformed.getString("errors[0].extensions.code")).isEqualTo("INVALID_ARGUMENT");
        var unknown = GraphQL.ok("{ lead(id: \"gid://leadproof/Lead/00000000-0000-0000-0000-000000000000\") { id } }");
        assertThat(unknown.getString("data.lead")).isNull();
        List<Object> none = GraphQL.ok("{ node(id: \"gid://leadproof/Lead/00000000-0000-0000-0000-000000000000\") { id } }").getList("data.node");
        assertThat(none).isNull();
    }
}
