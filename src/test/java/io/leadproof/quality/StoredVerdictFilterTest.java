package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/** The verdict is stored by the write path, so leads can be filtered by it, and it follows each new write. */
@QuarkusTest
@TestSecurity(user = "mia", roles = "marketing",
        attributes = @SecurityAttribute(key = "workspaces", value = "verdict-filter", type = AttributeType.STRING_SET))
class StoredVerdictFilterTest {

    static final String IMPORT = """
            mutation($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount userErrors { code } } }""";
    static final String BY_QUALITY = """
            query($q: [DataQualityStatus!]) { leads(first: 50, filter: {dataQuality: $q, search: "vf-"}) {
              edges { node { externalId dataQuality { status } } } } }""";

    @Test
    void a_batch_stores_each_leads_verdict_and_the_filter_finds_them_until_a_later_write_fixes_the_data() {
        var imported = GraphQL.ok(IMPORT, Map.of("i", Map.of("leads", List.of(
                Map.of("externalId", "vf-good", "email", "vf-jane.miller@acme-industries.com", "firstName", "Jane", "lastName", "Miller",
                        "companyDomain", "acme-industries.com"),
                Map.of("externalId", "vf-throwaway", "email", "vf-someone@mailinator.com", "firstName", "Sam", "lastName", "Reed"),
                Map.of("externalId", "vf-role", "email", "info@vf-globex.com", "firstName", "Ola", "lastName", "Berg",
                        "companyDomain", "vf-globex.com")))));
        assertThat(imported.getInt("data.leadsImport.createdCount")).isEqualTo(3);

        assertThat(ids("INVALID")).containsExactly("vf-throwaway");
        assertThat(ids("SUSPECT")).containsExactly("vf-role");
        assertThat(ids("VALID")).containsExactly("vf-good");
        // the stored verdict is the one Lead.dataQuality computes from the stored fields
        var invalid = GraphQL.ok(BY_QUALITY, Map.of("q", List.of("INVALID")));
        assertThat(invalid.getList("data.leads.edges.node.dataQuality.status")).containsExactly("INVALID");

        GraphQL.ok("mutation($i: LeadInput!) { leadUpsert(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("externalId", "vf-throwaway", "email", "vf-sam.reed@initech-labs.com")));
        assertThat(ids("INVALID")).isEmpty();
        assertThat(ids("VALID", "SUSPECT")).containsExactlyInAnyOrder("vf-good", "vf-throwaway", "vf-role");
    }

    private static List<Object> ids(String... statuses) {
        return GraphQL.ok(BY_QUALITY, Map.of("q", List.of(statuses))).getList("data.leads.edges.node.externalId");
    }
}
