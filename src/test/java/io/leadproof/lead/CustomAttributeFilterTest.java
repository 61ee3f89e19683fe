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

/**
 * An imported trait is usable in leads(filter:): twelve leads with a plan (text), seats (number), a renewal date and a
 * newsletter flag, some without; every operator and type is checked against the answer computed here from the rows.
 */
@QuarkusTest
@TestSecurity(user = "mia", roles = "marketing",
        attributes = @SecurityAttribute(key = "workspaces", value = "custom-attribute-filter", type = AttributeType.STRING_SET))
class CustomAttributeFilterTest {

    static final String LIST = "query($f: LeadFilter) { leads(first: 100, filter: $f) { totalCount edges { node { externalId } } } }";

    static List<String> ids(Map<String, Object> condition) {
        var json = GraphQL.ok(LIST, Map.of("f", Map.of("customAttributes", List.of(condition))));
        return json.getList("data.leads.edges.node.externalId", String.class);
    }

    @Test
    void every_operator_and_type_selects_exactly_the_leads_whose_attribute_matches() {
        var rows = new ArrayList<Map<String, Object>>();
        String[] plans = { "gold", "silver", "bronze" };
        for (int i = 0; i < 12; i++) {
            var attrs = new ArrayList<Map<String, Object>>();
            if (i % 4 != 3) {
                attrs.add(Map.of("key", "plan", "value", plans[i % 3]));
            }
            attrs.add(Map.of("key", "seats", "value", i == 5 ? "many" : String.valueOf(i * 10 + (i % 2 == 0 ? 0.5 : 0))));
            attrs.add(Map.of("key", "renewal", "value", "2026-%02d-15".formatted(1 + i)));
            attrs.add(Map.of("key", "newsletter", "value", i % 2 == 0 ? "true" : "false"));
            rows.add(Map.of("externalId", "ca-" + i, "customAttributes", attrs));
        }
        var imported = GraphQL.ok("mutation($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount userErrors { code } } }",
                Map.of("i", Map.of("leads", rows)));
        assertThat(imported.getInt("data.leadsImport.createdCount")).isEqualTo(12);

        assertThat(ids(Map.of("key", "plan", "op", "EQ", "value", "gold"))).containsExactlyInAnyOrder("ca-0", "ca-6", "ca-9");
        assertThat(ids(Map.of("key", "plan", "op", "IN", "values", List.of("gold", "bronze"))))
                .containsExactlyInAnyOrder("ca-0", "ca-2", "ca-5", "ca-6", "ca-8", "ca-9");
        assertThat(ids(Map.of("key", "plan", "op", "EXISTS"))).hasSize(9).doesNotContain("ca-3", "ca-7", "ca-11");
        // seats: 0.5, 10, 20.5, 30, 40.5, many, 60.5, 70, 80.5, 90, 100.5, 110 — "many" never compares as a number
        assertThat(ids(Map.of("key", "seats", "op", "GT", "type", "NUMBER", "value", "60.5")))
                .containsExactlyInAnyOrder("ca-7", "ca-8", "ca-9", "ca-10", "ca-11");
        assertThat(ids(Map.of("key", "seats", "op", "LT", "type", "NUMBER", "value", "20.5"))).containsExactlyInAnyOrder("ca-0", "ca-1");
        assertThat(ids(Map.of("key", "seats", "op", "EQ", "type", "NUMBER", "value", "10.00"))).containsExactly("ca-1");
        assertThat(ids(Map.of("key", "seats", "op", "EQ", "value", "many"))).containsExactly("ca-5");
        assertThat(ids(Map.of("key", "renewal", "op", "LT", "type", "DATE", "value", "2026-03-01"))).containsExactlyInAnyOrder("ca-0", "ca-1");
        assertThat(ids(Map.of("key", "renewal", "op", "GT", "type", "DATE", "value", "2026-11-15"))).containsExactly("ca-11");
        assertThat(ids(Map.of("key", "newsletter", "op", "EQ", "type", "BOOLEAN", "value", "TRUE")))
                .containsExactlyInAnyOrder("ca-0", "ca-2", "ca-4", "ca-6", "ca-8", "ca-10");
        assertThat(ids(Map.of("key", "nothing", "op", "EXISTS"))).isEmpty();

        // two conditions: both hold; totalCount counts the same leads
        var both = GraphQL.ok(LIST, Map.of("f", Map.of("customAttributes", List.of(Map.of("key", "plan", "op", "EQ", "value", "gold"),
                Map.of("key", "newsletter", "op", "EQ", "type", "BOOLEAN", "value", "true")))));
        assertThat(both.getList("data.leads.edges.node.externalId", String.class)).containsExactlyInAnyOrder("ca-0", "ca-6");
        assertThat(both.getInt("data.leads.totalCount")).isEqualTo(2);
    }

    @Test
    void bad_conditions_are_refused_with_a_reason() {
        var cases = Map.of(
                "INVALID_KEY", Map.<String, Object>of("key", "1bad", "op", "EXISTS"),
                "INVALID_VALUES", Map.<String, Object>of("key", "seats", "op", "GT", "type", "NUMBER", "value", "lots"),
                "INVALID_OPERATOR", Map.<String, Object>of("key", "newsletter", "op", "GT", "type", "BOOLEAN", "value", "true"));
        cases.forEach((reason, condition) -> {
            var json = GraphQL.post(LIST, Map.of("f", Map.of("customAttributes", List.of(condition))));
            assertThat(json.getString("errors[0].extensions.reason")).as(reason).isEqualTo(reason);
        });
        var missing = GraphQL.post(LIST, Map.of("f", Map.of("customAttributes", List.of(Map.of("key", "plan", "op", "EQ")))));
        assertThat(missing.getString("errors[0].extensions.reason")).isEqualTo("INVALID_VALUES");
    }
}
