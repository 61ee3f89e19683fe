package io.leadproof.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Posts GraphQL documents to the running test instance and hands back the JSON response. */
public final class GraphQL {

    private GraphQL() {
    }

    public static JsonPath post(String query) {
        return post(query, Map.of());
    }

    public static JsonPath post(String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .when().post("/graphql")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** Asserts the response has no top-level errors and returns it. */
    public static JsonPath ok(String query, Map<String, Object> variables) {
        JsonPath json = post(query, variables);
        Object errors = json.get("errors");
        if (errors != null) {
            throw new AssertionError("GraphQL errors: " + errors);
        }
        return json;
    }

    public static JsonPath ok(String query) {
        return ok(query, Map.of());
    }
}
