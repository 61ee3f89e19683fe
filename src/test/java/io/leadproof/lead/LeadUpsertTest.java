package io.leadproof.lead;

import static org.assertj.core.api.Assertions.assertThat;

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
        attributes = @SecurityAttribute(key = "workspaces", value = "lead-upsert-test", type = AttributeType.STRING_SET))
class LeadUpsertTest {

    static final String UPSERT = """
            mutation($input: LeadInput!) { leadUpsert(input: $input) {
              created userErrors { field message code }
              lead { id email externalId jobTitle seniority country phone annualRevenue lifecycleStage
                     customAttributes { key value } }
            } }""";

    @Test
    void a_new_email_creates_a_lead_and_the_same_email_in_other_case_updates_it() {
        var first = GraphQL.ok(UPSERT, Map.of("input", Map.of(
                "email", "Ada@Lovelace.contoso.com", "jobTitle", "Chief Technology Officer", "country", "gb",
                "phone", "020 7946 0018", "annualRevenue", "1250000.50",
                "customAttributes", List.of(Map.of("key", "plan", "value", "enterprise")))));
        assertThat(first.getBoolean("data.leadUpsert.created")).isTrue();
        assertThat(first.getString("data.leadUpsert.lead.seniority")).isEqualTo("C_LEVEL");
        assertThat(first.getString("data.leadUpsert.lead.country")).isEqualTo("GB");
        assertThat(first.getString("data.leadUpsert.lead.phone")).isEqualTo("+442079460018");
        assertThat(first.getString("data.leadUpsert.lead.annualRevenue")).isEqualTo("1250000.50");
        assertThat(first.getString("data.leadUpsert.lead.lifecycleStage")).isEqualTo("NEW");

        var second = GraphQL.ok(UPSERT, Map.of("input", Map.of("email", "ada@lovelace.CONTOSO.com", "externalId", "crm-1")));
        assertThat(second.getBoolean("data.leadUpsert.created")).isFalse();
        assertThat(second.getString("data.leadUpsert.lead.id")).isEqualTo(first.getString("data.leadUpsert.lead.id"));
        assertThat(second.getString("data.leadUpsert.lead.externalId")).isEqualTo("crm-1");
        assertThat(second.getString("data.leadUpsert.lead.jobTitle")).isEqualTo("Chief Technology Officer");
        assertThat(second.getList("data.leadUpsert.lead.customAttributes.key")).containsExactly("plan");
    }

    @Test
    void invalid_fields_are_reported_each_by_path_and_nothing_is_stored() {
        var result = GraphQL.ok(UPSERT, Map.of("input", Map.of(
                "email", "not-an-email", "externalId", "x".repeat(201), "country", "XX", "phone", "12",
                "annualRevenue", "-5", "firstName", "Ada\u0000")));
        assertThat(result.getString("data.leadUpsert.lead")).isNull();
        assertThat(result.getList("data.leadUpsert.userErrors.code"))
                .contains("INVALID_EMAIL", "TOO_LONG", "INVALID_COUNTRY", "INVALID_PHONE", "OUT_OF_RANGE", "INVALID_CHARACTERS");
        assertThat(result.getList("data.leadUpsert.userErrors.field")).contains(List.of("email"), List.of("externalId"));
    }
}
