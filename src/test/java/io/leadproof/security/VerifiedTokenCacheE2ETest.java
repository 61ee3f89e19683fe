package io.leadproof.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadproof.e2e.Api;
import io.leadproof.e2e.RealTokenClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Real Keycloak tokens through the verified-token cache in front of quarkus-oidc: a verified token is remembered and
 * keeps working, while a one-byte change, a forged claim or the passing of {@code exp} is still refused.
 */
@QuarkusTest
class VerifiedTokenCacheE2ETest {

    static final String VIEWER = "{ viewer { userName roles workspace { alias } } }";

    @Inject
    CachedTokenVerification verification;

    @Test
    void a_cached_token_keeps_working_with_its_roles_and_workspace() {
        String token = RealTokenClient.fetchToken("sam.sales", null);
        assertThat(verification.remembers(token)).as("not verified yet").isFalse();
        for (int i = 0; i < 3; i++) {
            var viewer = Api.withToken(token).ok(VIEWER);
            assertThat(viewer.getString("data.viewer.userName")).isEqualTo("sam.sales");
            assertThat(viewer.<java.util.List<String>>get("data.viewer.roles")).containsExactly("sales");
            assertThat(viewer.getString("data.viewer.workspace.alias")).isEqualTo("acme");
            assertThat(verification.remembers(token)).as("remembered after request %d", i + 1).isTrue();
        }
    }

    @Test
    void a_tampered_copy_of_a_cached_token_is_refused() {
        String token = RealTokenClient.fetchToken("ada.admin", null);
        Api.withToken(token).ok(VIEWER);
        assertThat(verification.remembers(token)).isTrue();
        assertRefused(RealTokenClient.tamper(token), "TOKEN_INVALID");
        String forged = RealTokenClient.tamperPayload(token,
                json -> json.replace("\"organization\":[\"acme\"]", "\"organization\":[\"globex\"]"));
        assertThat(forged).isNotEqualTo(token);
        assertRefused(forged, "TOKEN_INVALID");
        assertThat(Api.withToken(token).send(VIEWER, Map.of()).statusCode()).as("the genuine one still works").isEqualTo(200);
    }

    @Test
    void a_cached_token_is_refused_once_it_has_expired() throws InterruptedException {
        String token = RealTokenClient.fetchToken(RealTokenClient.SHORT_LIVED_CLIENT_ID, "ada.admin", null);
        Response first = Api.withToken(token).send(VIEWER, Map.of());
        if (first.statusCode() != 200) {
            // Only a machine too slow to send it within its 5 s may refuse it here.
            assertThat(RealTokenClient.remainingValidity(token)).isLessThanOrEqualTo(Duration.ZERO);
            return;
        }
        assertThat(verification.remembers(token)).as("cached while valid").isTrue();
        while (!RealTokenClient.remainingValidity(token).isNegative()) {
            Thread.sleep(250);
        }
        Thread.sleep(1100); // exp has whole-second precision
        assertRefused(token, "TOKEN_EXPIRED");
        assertThat(verification.remembers(token)).as("dropped at exp").isFalse();
    }

    static void assertRefused(String token, String reason) {
        Response response = Api.withToken(token).send(VIEWER, Map.of());
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(401);
        assertThat(response.body().jsonPath().getString("errors[0].extensions.reason")).isEqualTo(reason);
    }
}
