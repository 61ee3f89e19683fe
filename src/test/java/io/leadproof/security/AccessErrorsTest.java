package io.leadproof.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Refusals of the security layer say what happened in words, keep their codes and name the role a field needs
 * (issue 13, item 5). Verification failures of tokens (401 with TOKEN_EXPIRED / TOKEN_INVALID) are in
 * {@code RealTokenE2ETest}.
 */
@QuarkusTest
class AccessErrorsTest {

    @Test
    @TestSecurity(user = "sid", roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = "access-errors",
            type = AttributeType.STRING_SET))
    void a_missing_role_is_named() {
        var json = GraphQL.post("mutation { workspaceUpdate(input: {name: \"x\"}) { userErrors { code } } }");
        assertThat(json.getString("errors[0].extensions.code")).isEqualTo("forbidden");
        assertThat(json.getString("errors[0].extensions.reason")).isEqualTo("ROLE_REQUIRED");
        assertThat(json.getList("errors[0].extensions.requiredRoles")).containsExactly("revops-admin");
        assertThat(json.getString("errors[0].message")).isEqualTo("Forbidden: workspaceUpdate needs the role revops-admin.");
    }

    @Test
    @TestSecurity(user = "sid", roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = "access-errors-spend",
            type = AttributeType.STRING_SET))
    void a_denied_field_is_named_behind_aliases_and_fragments() {
        OwnerSql.workspaceWithLeads("access-errors-spend", 1);
        var json = GraphQL.post("{ campaigns(first: 1) { edges { node { ...Money } } } } fragment Money on Campaign { spent: totalCost { amount } }");
        assertThat(json.getString("errors[0].extensions.code")).isEqualTo("forbidden");
        assertThat(json.getString("errors[0].message")).isEqualTo("Forbidden: Campaign.totalCost needs one of the roles revops-admin, marketing, leadership.");
        assertThat(json.getList("errors[0].extensions.requiredRoles")).containsExactly("revops-admin", "marketing", "leadership");
    }

    @Test
    @TestSecurity(user = "mo", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = "access-errors",
            type = AttributeType.STRING_SET))
    void a_rule_beyond_roles_keeps_its_own_words() {
        var json = GraphQL.post("{ metrics(window: {from: \"2026-01-01\", to: \"2026-02-01\"}, filter: {owner: \"sam\"}) { leads } }");
        assertThat(json.getString("errors[0].extensions.code")).isEqualTo("forbidden");
        assertThat(json.getString("errors[0].extensions.reason")).isEqualTo("NOT_ALLOWED");
        assertThat(json.getString("errors[0].message")).startsWith("Forbidden: per-owner metrics are for");
    }

    @Test
    void without_a_token_the_error_says_to_sign_in() {
        var json = GraphQL.post("{ leads(first: 1) { edges { node { id } } } }");
        assertThat(json.getString("errors[0].extensions.code")).isEqualTo("unauthorized");
        assertThat(json.getString("errors[0].extensions.reason")).isEqualTo("UNAUTHENTICATED");
        assertThat(json.getString("errors[0].message")).startsWith("Sign in: leads needs a bearer token");
        assertThat(json.getString("errors[0].message")).doesNotContain("System error");
    }
}
