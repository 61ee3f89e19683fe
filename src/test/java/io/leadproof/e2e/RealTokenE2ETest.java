package io.leadproof.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Claims to identity, end to end: real Keycloak tokens (no {@code @TestSecurity}) through quarkus-oidc, the
 * organization augmentor and {@code CurrentWorkspace}. See docs/security.md.
 */
@QuarkusTest
class RealTokenE2ETest {

    static final String VIEWER = "{ viewer { userName roles workspaces workspace { alias } } }";
    static final String WORKSPACE_UPDATE = """
            mutation($input: WorkspaceUpdateInput!) { workspaceUpdate(input: $input) { workspace { id name } userErrors { code } } }""";

    // ------------------------------------------------------------------ identity, roles, workspace

    @Test
    void an_admin_token_gives_its_user_its_realm_role_and_its_organization_as_workspace() {
        var viewer = Api.as("ada.admin").ok(VIEWER);
        assertThat(viewer.getString("data.viewer.userName")).isEqualTo("ada.admin");
        assertThat(viewer.<List<String>>get("data.viewer.roles")).containsExactly("revops-admin");
        assertThat(viewer.getString("data.viewer.workspace.alias")).isEqualTo("acme");
        assertThat(viewer.<List<String>>get("data.viewer.workspaces")).containsExactly("acme");
    }

    @Test
    void each_demo_user_lands_in_the_workspace_of_its_organization_with_its_role() {
        Map<String, List<String>> expected = Map.of(
                "mia.marketing", List.of("acme", "marketing"),
                "sam.sales", List.of("acme", "sales"),
                "leo.leader", List.of("acme", "leadership"),
                "gus.admin", List.of("globex", "revops-admin"),
                "greg.sales", List.of("globex", "sales"));
        expected.forEach((user, wsAndRole) -> {
            var viewer = Api.as(user).ok(VIEWER);
            assertThat(viewer.getString("data.viewer.workspace.alias")).as(user).isEqualTo(wsAndRole.get(0));
            assertThat(viewer.<List<String>>get("data.viewer.roles")).as(user).containsExactly(wsAndRole.get(1));
        });
    }

    @Test
    void a_request_without_a_token_is_refused() {
        Response raw = Api.anonymous().send(VIEWER, Map.of());
        assertThat(raw.statusCode()).as("GraphQL answers anonymous requests itself").isEqualTo(200);
        var result = Api.anonymous().post(VIEWER);
        assertThat(result.codes()).containsExactly(Api.UNAUTHORIZED);
        assertThat((Object) result.get("data")).isNull();
    }

    @Test
    void a_user_without_an_organization_is_refused_with_workspace_required() {
        String token = RealTokenClient.token("nora.noorg");
        assertThat(RealTokenClient.payloadJson(token)).as("Keycloak sends no organization claim for nora")
                .doesNotContain("\"organization\"");
        var result = Api.withToken(token).post(VIEWER);
        assertThat(result.codes()).containsExactly(Api.WORKSPACE_ACCESS);
        assertThat(result.reasons()).containsExactly("WORKSPACE_REQUIRED");
        assertThat((Object) result.get("data")).isNull();
    }

    @Test
    void a_header_cannot_name_a_workspace_for_a_user_without_an_organization() {
        var result = Api.as("nora.noorg").inWorkspace("acme").post(VIEWER);
        assertThat(result.reasons()).containsExactly("WORKSPACE_REQUIRED");
        assertThat((Object) result.get("data")).isNull();
    }

    @Test
    void a_header_cannot_switch_a_single_organization_user_into_another_workspace() {
        var result = Api.as("ada.admin").inWorkspace("globex").post(VIEWER);
        assertThat(result.codes()).containsExactly(Api.WORKSPACE_ACCESS);
        assertThat(result.reasons()).containsExactly("WORKSPACE_FORBIDDEN");
        assertThat((Object) result.get("data")).isNull();
        assertThat(Api.as("ada.admin").inWorkspace("acme").ok(VIEWER).getString("data.viewer.workspace.alias"))
                .as("naming the own workspace is fine").isEqualTo("acme");
    }

    @Nested
    class MultiOrganizationUser {

        String allOrganizations() {
            String token = RealTokenClient.token("max.multi", "*");
            assertThat(RealTokenClient.payloadJson(token)).contains("acme", "globex");
            return token;
        }

        @Test
        void without_a_header_the_workspace_is_ambiguous() {
            var result = Api.withToken(allOrganizations()).post(VIEWER);
            assertThat(result.codes()).containsExactly(Api.WORKSPACE_ACCESS);
            assertThat(result.reasons()).containsExactly("WORKSPACE_AMBIGUOUS");
            assertThat((Object) result.get("data")).isNull();
        }

        @Test
        void the_header_picks_one_of_the_granted_workspaces() {
            var viewer = Api.withToken(allOrganizations()).inWorkspace("globex").ok(VIEWER);
            assertThat(viewer.getString("data.viewer.userName")).isEqualTo("max.multi");
            assertThat(viewer.getString("data.viewer.workspace.alias")).isEqualTo("globex");
            assertThat(viewer.<List<String>>get("data.viewer.workspaces")).containsExactly("acme", "globex");
            assertThat(viewer.<List<String>>get("data.viewer.roles")).containsExactly("marketing");
            assertThat(Api.withToken(allOrganizations()).inWorkspace("acme").ok(VIEWER).getString("data.viewer.workspace.alias"))
                    .isEqualTo("acme");
        }

        @Test
        void the_header_cannot_name_a_workspace_the_token_does_not_grant() {
            var result = Api.withToken(allOrganizations()).inWorkspace("initech").post(VIEWER);
            assertThat(result.codes()).containsExactly(Api.WORKSPACE_ACCESS);
            assertThat(result.reasons()).containsExactly("WORKSPACE_FORBIDDEN");
            assertThat((Object) result.get("data")).isNull();
        }

        @Test
        void a_token_scoped_to_one_organization_cannot_be_widened_by_the_header() {
            String acmeOnly = RealTokenClient.token("max.multi", "acme");
            assertThat(RealTokenClient.payloadJson(acmeOnly)).contains("\"organization\":[\"acme\"]").doesNotContain("globex");
            var result = Api.withToken(acmeOnly).inWorkspace("globex").post(VIEWER);
            assertThat(result.codes()).containsExactly(Api.WORKSPACE_ACCESS);
            assertThat(result.reasons()).containsExactly("WORKSPACE_FORBIDDEN");
            assertThat((Object) result.get("data")).isNull();
            assertThat(Api.withToken(acmeOnly).ok(VIEWER).getString("data.viewer.workspace.alias"))
                    .as("without a header the single granted workspace applies").isEqualTo("acme");
        }

        @Test
        void with_the_default_scope_keycloak_sends_no_organization_so_the_workspace_is_required() {
            var result = Api.as("max.multi").post(VIEWER);
            assertThat(result.reasons()).containsExactly("WORKSPACE_REQUIRED");
        }
    }

    @Test
    void roles_come_from_realm_roles_never_from_the_groups_claim() {
        String token = RealTokenClient.token("gary.groups");
        assertThat(RealTokenClient.payloadJson(token)).as("gary's groups claim names revops-admin")
                .containsPattern("\"groups\"\\s*:\\s*\\[[^\\]]*\"revops-admin\"");
        var viewer = Api.withToken(token).ok(VIEWER);
        assertThat(viewer.<List<String>>get("data.viewer.roles")).containsExactly("sales");
        assertThat(viewer.getString("data.viewer.workspace.alias")).isEqualTo("acme");

        var update = Api.withToken(token).post(WORKSPACE_UPDATE, Map.of("input", Map.of("name", "Owned by gary")));
        assertThat(update.codes()).containsExactly(Api.FORBIDDEN);
        assertThat(Api.Result.path(update.errors().getFirst())).containsExactly("workspaceUpdate");
        assertThat((Object) update.get("data")).isNull();
        assertThat(Api.as("ada.admin").ok("{ workspace { name } }").getString("data.workspace.name"))
                .isNotEqualTo("Owned by gary");
    }

    // ------------------------------------------------------------------ broken tokens: refused before GraphQL runs

    static void assertRefusedWith401(String token) {
        assertRefusedWith401(token, "TOKEN_INVALID");
    }

    /** 401 with a body that says why, in words and as {@code extensions.reason}, and the RFC 6750 challenge. */
    static void assertRefusedWith401(String token, String reason) {
        Response response = Api.withToken(token).send(VIEWER, Map.of());
        assertThat(response.statusCode()).as("HTTP status for a bad token; body: %s", response.body().asString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        assertThat(response.body().asString()).doesNotContain("\"data\"");
        var json = response.body().jsonPath();
        assertThat(json.getString("errors[0].extensions.code")).isEqualTo(Api.UNAUTHORIZED);
        assertThat(json.getString("errors[0].extensions.reason")).isEqualTo(reason);
        assertThat(json.getString("errors[0].message")).contains(reason.equals("TOKEN_EXPIRED") ? "expired" : "not valid");
    }

    /** A real ada.admin token whose claims are rewritten (signature kept), after checking the rewrite took effect. */
    static String rewritten(String from, String to) {
        String token = RealTokenClient.token("ada.admin");
        assertThat(RealTokenClient.payloadJson(token)).contains(from);
        String forged = RealTokenClient.tamperPayload(token, json -> json.replace(from, to));
        assertThat(RealTokenClient.payloadJson(forged)).contains(to).doesNotContain(from);
        return forged;
    }

    @Test
    void the_untouched_token_is_accepted_so_the_refusals_below_are_about_the_changes() {
        assertThat(Api.as("ada.admin").send(VIEWER, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_tampered_token_is_refused() {
        String token = RealTokenClient.token("ada.admin");
        String tampered = RealTokenClient.tamper(token);
        assertThat(tampered).isNotEqualTo(token);
        assertRefusedWith401(tampered);
    }

    @Test
    void an_unsigned_alg_none_token_is_refused() {
        String token = RealTokenClient.algNone(RealTokenClient.token("ada.admin"));
        assertThat(RealTokenClient.headerJson(token)).contains("\"none\"");
        assertRefusedWith401(token);
    }

    @Test
    void a_token_rewritten_to_another_organization_is_refused() {
        assertRefusedWith401(rewritten("\"organization\":[\"acme\"]", "\"organization\":[\"globex\"]"));
    }

    @Test
    void a_token_rewritten_to_more_organizations_is_refused() {
        assertRefusedWith401(rewritten("\"organization\":[\"acme\"]", "\"organization\":[\"acme\",\"globex\"]"));
    }

    @Test
    void a_token_rewritten_to_carry_an_extra_role_is_refused() {
        String token = RealTokenClient.token("sam.sales");
        String forged = RealTokenClient.tamperPayload(token,
                json -> json.replace("\"realm_access\":{\"roles\":[", "\"realm_access\":{\"roles\":[\"revops-admin\","));
        assertThat(RealTokenClient.payloadJson(forged)).contains("\"revops-admin\"");
        assertRefusedWith401(forged);
    }

    /**
     * A genuine, correctly signed token of the same realm, same user and same organization — issued by the test-only
     * client {@code leadproof-no-audience}, which has no audience mapper — is refused because {@code aud} lacks
     * {@code leadproof-api}.
     */
    @Test
    void a_real_token_for_another_audience_is_refused() {
        String token = RealTokenClient.fetchToken(RealTokenClient.NO_AUDIENCE_CLIENT_ID, "ada.admin", null);
        String claims = RealTokenClient.payloadJson(token);
        assertThat(claims).as("a real token: our issuer, ada in acme, valid for minutes")
                .contains("\"iss\":\"" + RealTokenClient.issuer() + "\"", "\"preferred_username\":\"ada.admin\"",
                        "\"organization\":[\"acme\"]", "\"azp\":\"leadproof-no-audience\"")
                .doesNotContain("leadproof-api");
        assertThat(RealTokenClient.remainingValidity(token)).isPositive();
        assertRefusedWith401(token);
    }

    /** Same limitation as the audience test: the signature breaks first. */
    @Test
    void a_token_rewritten_to_another_issuer_is_refused() {
        String issuer = RealTokenClient.issuer();
        assertRefusedWith401(rewritten("\"iss\":\"" + issuer + "\"", "\"iss\":\"" + issuer.replace("/leadproof", "/evil") + "\""));
    }

    /**
     * A genuine token that really expired: the test-only client {@code leadproof-short-lived} issues access tokens that
     * live 5 s. The token is accepted while it is valid, and refused once {@code exp} has passed ({@code lifespan-grace=0}).
     */
    @Test
    void a_real_token_is_refused_once_it_has_expired() throws InterruptedException {
        String token = null;
        for (int attempt = 0; attempt < 5 && token == null; attempt++) {
            String fresh = RealTokenClient.fetchToken(RealTokenClient.SHORT_LIVED_CLIENT_ID, "ada.admin", null);
            assertThat(RealTokenClient.payloadJson(fresh)).contains("leadproof-api");
            assertThat(RealTokenClient.remainingValidity(fresh)).isLessThanOrEqualTo(Duration.ofSeconds(5));
            Response response = Api.withToken(fresh).send(VIEWER, Map.of());
            if (response.statusCode() == 200) {
                assertThat(response.body().jsonPath().getString("data.viewer.userName")).isEqualTo("ada.admin");
                token = fresh;
            } else {
                // On a slow machine the first call may come after the 5 s; that is the only acceptable reason.
                assertThat(RealTokenClient.remainingValidity(fresh)).as("refused while still valid: %s", response.body().asString())
                        .isLessThanOrEqualTo(Duration.ZERO);
            }
        }
        assertThat(token).as("a short-lived token accepted while valid").isNotNull();
        while (!RealTokenClient.remainingValidity(token).isNegative()) {
            Thread.sleep(250);
        }
        Thread.sleep(1100); // exp has whole-second precision
        assertRefusedWith401(token, "TOKEN_EXPIRED");
    }

    @Test
    void something_that_is_not_a_jwt_is_refused() {
        assertRefusedWith401("not-a-jwt");
    }
}
