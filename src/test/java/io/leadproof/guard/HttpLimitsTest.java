package io.leadproof.guard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;

/** The HTTP rules of /graphql (io.leadproof.guard.HttpGuard, docs/limits.md): body size, methods, media type, envelope. */
@QuarkusTest
@TestSecurity(user = "hal", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = "http-limits-test", type = AttributeType.STRING_SET))
class HttpLimitsTest {

    static final String QUERY = "{ viewer { userName } }";

    @TestHTTPResource("/graphql")
    URI endpoint;

    /** Raw bytes with exactly this Content-Type (RestAssured would re-encode form bodies). */
    Raw post(String contentType, String body) {
        var request = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try (var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Raw(response.statusCode(), response.body(), response.headers().firstValue("Allow").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Raw(int statusCode, String body, String allow) {
        JsonPath json() {
            return new JsonPath(body);
        }
    }

    static void assertRefused(Raw response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.json().getString("errors[0].extensions.code")).isEqualTo(code);
        assertThat(response.json().getString("data")).isNull();
    }


    @Test
    void a_body_over_two_megabytes_is_refused_with_413_not_500_and_the_service_keeps_answering() {
        String big = "{\"query\": \"" + QUERY + "\", \"variables\": {\"pad\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
        assertThat(post("application/json", big).statusCode()).isEqualTo(413);
        String justUnder = "{\"query\": \"" + QUERY + "\", \"variables\": {\"pad\": \"" + "x".repeat(1024 * 1024) + "\"}}";
        assertThat(post("application/json", justUnder).statusCode()).isEqualTo(200);
        assertThat(GraphQL.ok(QUERY).getString("data.viewer.userName")).isEqualTo("hal");
    }

    @Test
    void a_post_that_is_not_json_is_refused_with_415() {
        String json = "{\"query\": \"" + QUERY + "\"}";
        assertRefused(post("text/plain", json), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(post("application/x-www-form-urlencoded", "query=" + QUERY), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(post("multipart/form-data; boundary=x", json), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(post("application/graphql", QUERY), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(post(null, json), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(post("application/json; charset=UTF-8", json).statusCode()).isEqualTo(200);
    }

    @Test
    void mutations_are_refused_over_get_and_so_are_queries_while_get_is_off() {
        var mutation = given().queryParam("query", "mutation { salesRepSetMyAvailability(available: false) { rep { userName } } }")
                .when().get("/graphql");
        assertThat(mutation.statusCode()).isEqualTo(405);
        assertThat(mutation.jsonPath().getString("errors[0].extensions.code")).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(mutation.header("Allow")).isEqualTo("POST");
        assertThat(given().queryParam("query", QUERY).when().get("/graphql").statusCode()).isEqualTo(405);
        assertThat(given().contentType("application/json").body("{}").when().put("/graphql").statusCode()).isEqualTo(405);
        assertThat(given().when().delete("/graphql").statusCode()).isEqualTo(405);
        // the refused mutation did not run
        assertThat(GraphQL.ok("{ salesReps { userName } }").getList("data.salesReps.userName")).doesNotContain("hal");
    }

    @Test
    void a_get_document_is_classified_by_its_operations() {
        assertThat(HttpGuard.writesOverGet("{ viewer { userName } }")).isFalse();
        assertThat(HttpGuard.writesOverGet("query Q { viewer { userName } }")).isFalse();
        assertThat(HttpGuard.writesOverGet("query Q { viewer { userName } } mutation M { x }")).isTrue();
        assertThat(HttpGuard.writesOverGet("subscription { handoffAssigned { handoffId } }")).isTrue();
        assertThat(HttpGuard.writesOverGet("{ not valid")).isFalse();
        assertThat(HttpGuard.writesOverGet(null)).isFalse();
    }

    @Test
    void malformed_request_envelopes_are_400_with_a_graphql_shaped_error() {
        for (String body : new String[] { "", "   ", "[1, 2]", "\"query\"", "42", "null", "{\"query\": ", "{\"query\": 5}",
                "{\"query\": \"\"}", "{\"query\": null}", "{\"variables\": {}}", "{\"query\": [\"{ viewer { userName } }\"]}",
                "{\"query\": \"" + QUERY + "\", \"variables\": \"{}\"}",
                "{\"query\": \"" + QUERY + "\", \"variables\": [1]}",
                "{\"query\": \"" + QUERY + "\", \"operationName\": 5}",
                "{\"query\": \"" + QUERY + "\", \"extensions\": true}",
                "[".repeat(100_000), "{\"query\": \"" + QUERY + "\", \"variables\": {\"a\": " + "[".repeat(5_000) + "]}}",
                "\u0000\u0001" }) {
            var response = post("application/json", body);
            assertThat(response.statusCode()).as("body %.60s", body).isEqualTo(400);
            assertThat(response.json().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
            assertThat(response.body()).doesNotContain("Exception", "io.vertx", "com.fasterxml", "at line");
        }
        assertThat(post("application/json", "{\"query\": \"" + QUERY + "\", \"variables\": null, \"operationName\": null}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void the_sdl_is_served_while_introspection_is_on() {
        assertThat(given().when().get("/graphql/schema.graphql").statusCode()).isEqualTo(200);
        assertThat(HttpGuard.isJson("application/json")).isTrue();
        assertThat(HttpGuard.isJson("Application/JSON ; charset=utf-8")).isTrue();
        assertThat(HttpGuard.isJson("application/jsonp")).isFalse();
        assertThat(HttpGuard.isJson("application/graphql+json")).isFalse();
    }

    @Test
    void every_response_reports_its_cost_in_headers_and_in_the_body_when_asked() {
        var plain = given().contentType("application/json").body(Map.of("query", QUERY)).when().post("/graphql");
        assertThat(plain.header("X-LeadProof-Cost")).isEqualTo("1");
        assertThat(Long.parseLong(plain.header("X-LeadProof-Cost-Remaining")))
                .isLessThan(Long.parseLong(plain.header("X-LeadProof-Cost-Limit")));
        assertThat(plain.header("X-LeadProof-Cost-Restore-Rate")).isNotBlank();
        assertThat(plain.asString()).as("the body is exactly what the query asked for").isEqualTo("{\"data\":{\"viewer\":{\"userName\":\"hal\"}}}");

        var json = Priced.ok(QUERY);
        assertThat(json.getInt("extensions.cost.requestedCost")).isEqualTo(1);
        assertThat(json.getInt("extensions.cost.limit")).isPositive();
        assertThat(json.getInt("extensions.cost.remaining")).isLessThan(json.getInt("extensions.cost.limit"));
    }
}
