package io.leadproof.guard;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Posts a document asking for the cost in the body ({@code "extensions": {"cost": true}}), as a budget-aware client does. */
final class Priced {

    private Priced() {
    }

    static Response response(String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables, "extensions", Map.of("cost", true)))
                .when().post("/graphql").then().statusCode(200).extract().response();
    }

    static JsonPath post(String query, Map<String, Object> variables) {
        return response(query, variables).jsonPath();
    }

    static JsonPath post(String query) {
        return post(query, Map.of());
    }

    /** As {@link #post}, failing on any error. */
    static JsonPath ok(String query, Map<String, Object> variables) {
        JsonPath json = post(query, variables);
        if (json.get("errors") != null) {
            throw new AssertionError("GraphQL errors: " + json.get("errors"));
        }
        return json;
    }

    static JsonPath ok(String query) {
        return ok(query, Map.of());
    }
}
