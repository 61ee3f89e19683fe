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
@TestSecurity(user = "mia", roles = "marketing",
        attributes = @SecurityAttribute(key = "workspaces", value = "import-test", type = AttributeType.STRING_SET))
class LeadsImportTest {

    static final String IMPORT = """
            mutation($i: LeadsImportInput!) { leadsImport(input: $i) {
              createdCount updatedCount leads { id email } userErrors { field code message } } }""";

    @Test
    void valid_rows_land_while_bad_rows_are_reported_by_row_and_field() {
        var rows = List.<Map<String, Object>>of(
                Map.of("externalId", "imp-1", "email", "one@import.example"),
                Map.of("externalId", "imp-2", "email", "broken-email"),
                Map.of("email", "three@import.example", "campaignId", "gid://leadproof/Campaign/00000000-0000-0000-0000-000000000001"),
                Map.of("firstName", "No identity"),
                Map.of("externalId", "imp-1", "jobTitle", "VP Sales"));
        var json = GraphQL.ok(IMPORT, Map.of("i", Map.of("leads", rows)));

        assertThat(json.getInt("data.leadsImport.createdCount")).isEqualTo(1);
        assertThat(json.getInt("data.leadsImport.updatedCount")).isEqualTo(1);
        List<Object> leads = json.getList("data.leadsImport.leads");
        assertThat(leads).hasSize(5);
        assertThat(leads.get(1)).isNull();
        assertThat(leads.get(2)).isNull();
        assertThat(leads.get(3)).isNull();
        assertThat(json.getString("data.leadsImport.leads[4].id")).isEqualTo(json.getString("data.leadsImport.leads[0].id"));
        assertThat(json.getList("data.leadsImport.userErrors.field")).containsExactlyInAnyOrder(
                List.of("leads", "1", "email"), List.of("leads", "2", "campaignId"), List.of("leads", "3", "email"));
        assertThat(json.getList("data.leadsImport.userErrors.code"))
                .containsExactlyInAnyOrder("INVALID_EMAIL", "NOT_FOUND", "IDENTITY_REQUIRED");

        var stored = GraphQL.ok("{ leads(first: 10, filter: {search: \"import.example\"}) { edges { node { externalId seniority } } } }");
        assertThat(stored.getList("data.leads.edges.node.externalId")).containsExactly("imp-1");
        assertThat(stored.getList("data.leads.edges.node.seniority")).containsExactly("VP");
    }

    @Test
    void a_batch_over_the_cap_is_refused_whole_with_a_limit_error() {
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i <= LeadService.IMPORT_CAP; i++) {
            rows.add(Map.of("externalId", "cap-" + i));
        }
        var json = GraphQL.post(IMPORT, Map.of("i", Map.of("leads", rows)));
        assertThat(json.getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(json.getString("errors[0].extensions.reason")).isEqualTo("BATCH_TOO_LARGE");
        assertThat(json.getString("errors[0].message")).contains("at most " + LeadService.IMPORT_CAP);
        var stored = GraphQL.ok("{ leads(first: 1, filter: {search: \"cap-\"}) { edges { node { id } } } }");
        assertThat(stored.getList("data.leads.edges")).isEmpty();
    }

    @Test
    void an_external_id_and_an_email_of_two_different_leads_is_a_conflict_not_a_merge() {
        GraphQL.ok(IMPORT, Map.of("i", Map.of("leads", List.of(
                Map.of("externalId", "c-1", "email", "c1@conflict.example"),
                Map.of("externalId", "c-2", "email", "c2@conflict.example")))));
        var json = GraphQL.ok(IMPORT, Map.of("i", Map.of("leads", List.of(Map.of("externalId", "c-1", "email", "c2@conflict.example")))));
        assertThat(json.getList("data.leadsImport.userErrors.code")).containsExactly("IDENTITY_CONFLICT");
    }

    static final String IMPORT_ROWS = """
            mutation($i: LeadsImportInput!) { leadsImport(input: $i) {
              createdCount updatedCount leads { id email source country budgetStatus } userErrors { field code message } } }""";

    @Test
    void a_value_outside_an_enum_in_rows_rejects_only_its_row_with_the_allowed_values() {
        var rows = List.<Map<String, Object>>of(
                Map.of("externalId", "len-1", "email", "one@lenient.example", "source", "Paid search", "country", "India"),
                Map.of("externalId", "len-2", "email", "two@lenient.example", "source", "Google"),
                Map.of("externalId", "len-3", "email", "three@lenient.example", "budgetStatus", "approved", "country", "Deutschland"),
                Map.of("externalId", "len-4", "email", "four@lenient.example", "country", "Atlantis", "timeline", "someday"),
                Map.of("externalId", "len-5", "email", "five@lenient.example", "source", "  ", "country", "US"));
        var json = GraphQL.ok(IMPORT_ROWS, Map.of("i", Map.of("rows", rows)));

        assertThat(json.getInt("data.leadsImport.createdCount")).isEqualTo(3);
        List<Object> leads = json.getList("data.leadsImport.leads");
        assertThat(leads).hasSize(5);
        assertThat(leads.get(1)).isNull();
        assertThat(leads.get(3)).isNull();
        assertThat(json.getString("data.leadsImport.leads[0].source")).isEqualTo("PAID_SEARCH");
        assertThat(json.getString("data.leadsImport.leads[0].country")).isEqualTo("IN");
        assertThat(json.getString("data.leadsImport.leads[2].budgetStatus")).isEqualTo("APPROVED");
        assertThat(json.getString("data.leadsImport.leads[2].country")).isEqualTo("DE");
        assertThat(json.getString("data.leadsImport.leads[4].source")).isNull();
        assertThat(json.getList("data.leadsImport.userErrors.field")).containsExactlyInAnyOrder(
                List.of("rows", "1", "source"), List.of("rows", "3", "country"), List.of("rows", "3", "timeline"));
        assertThat(json.getList("data.leadsImport.userErrors.code"))
                .containsExactlyInAnyOrder("INVALID_ENUM_VALUE", "INVALID_COUNTRY", "INVALID_ENUM_VALUE");
        assertThat(json.getString("data.leadsImport.userErrors.find { it.field[1] == '1' }.message"))
                .isEqualTo("'Google' is not a source; allowed: ORGANIC_SEARCH, PAID_SEARCH, PAID_SOCIAL, ORGANIC_SOCIAL, "
                        + "EMAIL, EVENT, REFERRAL, PARTNER, DIRECT, LIST_PURCHASE, OTHER");

        var stored = GraphQL.ok("{ leads(first: 10, filter: {search: \"lenient.example\"}) { edges { node { externalId } } } }");
        assertThat(stored.getList("data.leads.edges.node.externalId", String.class)).containsExactlyInAnyOrder("len-1", "len-3", "len-5");
    }

    @Test
    void the_typed_leads_list_stays_as_it_was_and_one_of_leads_or_rows_is_required() {
        var typed = GraphQL.post(IMPORT, Map.of("i", Map.of("leads", List.of(Map.of("externalId", "typed-1", "source", "Google")))));
        assertThat(typed.getList("errors")).isNotEmpty();
        var both = GraphQL.post(IMPORT, Map.of("i", Map.of("leads", List.of(Map.of("externalId", "b-1")),
                "rows", List.of(Map.of("externalId", "b-2")))));
        assertThat(both.getString("errors[0].extensions.reason")).isEqualTo("LEADS_OR_ROWS");
        var neither = GraphQL.post(IMPORT, Map.of("i", Map.of()));
        assertThat(neither.getString("errors[0].extensions.reason")).isEqualTo("LEADS_OR_ROWS");
        var over = new ArrayList<Map<String, Object>>();
        for (int i = 0; i <= LeadService.IMPORT_CAP; i++) {
            over.add(Map.of("externalId", "rcap-" + i, "source", "nonsense"));
        }
        assertThat(GraphQL.post(IMPORT, Map.of("i", Map.of("rows", over))).getString("errors[0].extensions.reason"))
                .isEqualTo("BATCH_TOO_LARGE");
    }
}
