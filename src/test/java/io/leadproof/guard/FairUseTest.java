package io.leadproof.guard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Work the budget used not to see (issue 13, item 6): a rejected document is charged its size, a request the bucket
 * cannot pay for is refused before its body is parsed, metrics are priced by the periods and rows they aggregate, and
 * one user cannot have more than a few requests in flight. Workspace {@code budget-size} has 1000 points restoring one
 * per second, so what was charged stays visible; {@code concurrency-test} allows two requests in flight.
 */
@QuarkusTest
class FairUseTest {

    static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/graphql").then().extract().response();
    }

    static long remaining() {
        return Priced.ok("{ __typename }").getLong("extensions.cost.remaining");
    }

    /** A document that does not parse, of about {@code kb} KB. */
    static String garbage(int kb) {
        return "{\"query\": \"{ leads(filter: {search: \\\"" + "x".repeat(kb * 1024) + "\\\"} \"}";
    }

    @Test
    @TestSecurity(user = "gus", roles = "marketing",
            attributes = @SecurityAttribute(key = "workspaces", value = "budget-size", type = AttributeType.STRING_SET))
    void rejected_documents_are_charged_their_size_and_a_bucket_that_cannot_pay_refuses_before_parsing() throws Exception {
        long before = remaining();
        var rejected = post(garbage(360));
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(rejected.asString()).contains("Unparseable");
        long after = before;
        for (int i = 0; i < 50 && after > before - 80; i++) { // the charge is taken when the response has ended
            Thread.sleep(100);
            after = remaining();
        }
        assertThat(before - after).as("360 KB at 4 KB a point").isBetween(85L, 95L);

        for (int i = 0; i < 12; i++) {
            post(garbage(360)); // drains the bucket: 12 × 90 points > 1000 (or is refused once under 90 are left)
        }
        Thread.sleep(500);
        var refused = post(garbage(1000)); // 250 points: more than the bucket can hold again in the seconds since
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.jsonPath().getString("errors[0].extensions.code")).isEqualTo("THROTTLED");
        assertThat(refused.jsonPath().getString("errors[0].extensions.reason")).isEqualTo("BUDGET_EXHAUSTED");
    }

    @Test
    @TestSecurity(user = "mel", roles = "revops-admin",
            attributes = @SecurityAttribute(key = "workspaces", value = "budget-metrics", type = AttributeType.STRING_SET))
    void metrics_are_priced_by_the_periods_and_the_rows_they_aggregate() {
        for (int i = 0; i < 3; i++) {
            GraphQL.ok("mutation($e: String!) { leadUpsert(input: {email: $e}) { lead { id } } }", Map.of("e", "m" + i + "@metrics-price.example"));
        }
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        String month = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(30).toString();
        String decade = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusYears(10).plusDays(2).toString();
        var small = Priced.ok("query($f: Date!, $t: Date!) { metrics(window: {from: $f, to: $t}) { leads } }", Map.of("f", month, "t", today));
        var large = Priced.ok("query($f: Date!, $t: Date!) { metrics(window: {from: $f, to: $t}) { leads } }", Map.of("f", decade, "t", today));
        assertThat(small.getLong("extensions.cost.requestedCost")).as("one call and one 31-day period").isEqualTo(2);
        assertThat(large.getLong("extensions.cost.requestedCost")).as("ten years: 118 periods").isEqualTo(1 + 118);
        assertThat(large.getInt("data.metrics.leads")).isEqualTo(3);
        assertThat(large.getLong("extensions.cost.actualCost")).as("plus a point per started 1000 rows aggregated")
                .isEqualTo(large.getLong("extensions.cost.requestedCost") + 1);
    }

    @Test
    @TestSecurity(user = "hal", roles = "marketing",
            attributes = @SecurityAttribute(key = "workspaces", value = "concurrency-test", type = AttributeType.STRING_SET))
    void one_user_has_at_most_a_few_requests_in_flight() throws Exception {
        var bodies = new ArrayList<String>();
        for (int request = 0; request < 12; request++) {
            var rows = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < 300; i++) {
                rows.add(Map.of("email", "c" + request + "-" + i + "@concurrency.example", "jobTitle", "Engineer"));
            }
            bodies.add(new io.vertx.core.json.JsonObject(Map.of("query",
                    "mutation($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount updatedCount } }",
                    "variables", Map.of("i", Map.of("leads", rows)))).encode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        var start = new CountDownLatch(1);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (String body : bodies) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(body);
                }));
            }
            start.countDown();
            int refused = 0;
            for (var answer : answers) {
                Response response = answer.get();
                assertThat(response.statusCode()).isEqualTo(200);
                if (response.jsonPath().getList("errors") != null) {
                    refused++;
                    assertThat(response.jsonPath().getMap("").get("data")).as("refused before it ran").isNull();
                    assertThat(response.jsonPath().getString("errors[0].extensions.reason")).isEqualTo("TOO_MANY_IN_FLIGHT");
                    assertThat(response.jsonPath().getInt("errors[0].extensions.maxConcurrent")).isEqualTo(2);
                    assertThat(response.header("Retry-After")).isEqualTo("1");
                }
            }
            assertThat(refused).as("12 imports at once, 2 allowed in flight").isBetween(1, 10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(GraphQL.ok("{ viewer { userName } }").getString("data.viewer.userName")).as("slots are given back").isEqualTo("hal");
    }
}
