package io.leadproof.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/** Erasure, export and the privacy audit are RevOps-admin only: every other role is refused and changes nothing. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyRolesTest {

    static final String WS = "privacy-roles";
    static String leadId;

    static final String ERASE = """
            mutation($id: ID!) { leadErase(input: {leadId: $id, reason: DATA_SUBJECT_REQUEST}) { erasure { leadId } userErrors { code } } }""";
    static final String EXPORT = "mutation($id: ID!) { leadExport(input: {leadId: $id}) { export { leadId lead { key value } } userErrors { code } } }";
    static final String AUDIT = "{ privacyAudit { edges { node { id } } } }";

    @Test
    @Order(1)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void marketing_captures_a_lead_but_may_not_erase_export_or_read_the_audit() {
        leadId = GraphQL.ok("mutation { leadUpsert(input: {email: \"roles@privacy.example\", firstName: \"Rosalind\"}) { lead { id } } }")
                .getString("data.leadUpsert.lead.id");
        refused();
    }

    @Test
    @Order(2)
    @TestSecurity(user = "sam", roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void sales_is_refused() {
        refused();
    }

    @Test
    @Order(3)
    @TestSecurity(user = "leo", roles = "leadership", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void leadership_is_refused() {
        refused();
    }

    @Test
    @Order(4)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void nothing_was_erased_exported_or_audited_by_the_refused_calls() {
        var lead = GraphQL.ok("query($id: ID!) { lead(id: $id) { email firstName erasedAt } }", Map.of("id", leadId));
        assertThat(lead.getString("data.lead.email")).isEqualTo("roles@privacy.example");
        assertThat(lead.getString("data.lead.erasedAt")).isNull();
        assertThat(GraphQL.ok(AUDIT).getList("data.privacyAudit.edges")).isEmpty();
    }

    @Test
    @Order(5)
    void without_a_token_everything_is_refused() {
        for (String doc : new String[] { ERASE, EXPORT }) {
            var json = GraphQL.post(doc, Map.of("id", leadId));
            assertThat(json.getString("errors[0].extensions.code")).isEqualTo("unauthorized");
            assertThat(json.getString("data")).isNull();
        }
        assertThat(GraphQL.post(AUDIT).getString("errors[0].extensions.code")).isEqualTo("unauthorized");
    }

    private static void refused() {
        for (String doc : new String[] { ERASE, EXPORT }) {
            var json = GraphQL.post(doc, Map.of("id", leadId));
            assertThat(json.getString("errors[0].extensions.code")).as(doc).isEqualTo("forbidden");
            assertThat(json.getString("data")).as("no payload, no export").isNull();
        }
        var audit = GraphQL.post(AUDIT);
        assertThat(audit.getString("errors[0].extensions.code")).isEqualTo("forbidden");
    }
}
