package io.leadproof.guard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadproof.security.CurrentWorkspace;
import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The per-user cost budget (leaky bucket in PostgreSQL). Workspace {@code budget-test} has a bucket of 100 points
 * restoring 20 per second (application.properties, %test); {@code budget-off} is unmetered.
 */
@QuarkusTest
class CostBudgetTest {

    @Inject
    CostBudget budget;

    static final String UPSERT = "mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { id } userErrors { code } } }";
    /** 1 call + 9 objects = 10 points. */
    static final String TEN_POINTS = "{ leads(first: 9) { __typename } }";

    static JsonPath upsert(String email) {
        return Priced.post(UPSERT, Map.of("i", Map.of("email", email)));
    }

    @Test
    @TestSecurity(user = "drain", roles = "marketing",
            attributes = @SecurityAttribute(key = "workspaces", value = "budget-test", type = AttributeType.STRING_SET))
    void a_user_over_budget_is_throttled_with_numbers_to_act_on_and_nothing_runs() throws InterruptedException {
        JsonPath throttled = null;
        String refusedEmail = null;
        long lastRemaining = 100;
        for (int i = 0; i < 200 && throttled == null; i++) { // on a slow machine the bucket refills between requests
            String email = "drain-" + i + "@budget.example";
            var json = upsert(email);
            if (json.getList("errors") != null) {
                throttled = json;
                refusedEmail = email;
            } else {
                assertThat(json.getInt("extensions.cost.requestedCost")).isEqualTo(10);
                assertThat(json.getInt("extensions.cost.limit")).isEqualTo(100);
                assertThat(json.getDouble("extensions.cost.restoreRate")).isEqualTo(20.0);
                long remaining = json.getLong("extensions.cost.remaining");
                assertThat(remaining).isLessThan(lastRemaining + 10);
                lastRemaining = remaining;
            }
        }
        assertThat(throttled).as("a bucket of 100 points runs dry after about ten 10-point mutations").isNotNull();
        assertThat(throttled.getList("errors")).hasSize(1);
        assertThat(throttled.getString("errors[0].extensions.code")).isEqualTo("THROTTLED");
        assertThat(throttled.getInt("errors[0].extensions.cost")).isEqualTo(10);
        assertThat(throttled.getInt("errors[0].extensions.remaining")).isBetween(0, 9);
        assertThat(throttled.getInt("errors[0].extensions.retryAfterSeconds")).isBetween(1, 2);
        assertThat(throttled.getInt("errors[0].extensions.limit")).isEqualTo(100);
        assertThat(throttled.getMap("").containsKey("data")).as("no execution").isFalse();
        assertThat(throttled.getInt("extensions.cost.remaining")).isEqualTo(throttled.getInt("errors[0].extensions.remaining"));
        var headers = Priced.response(UPSERT, Map.of("i", Map.of("email", "headers@budget.example")));
        if (headers.jsonPath().getList("errors") != null) {
            assertThat(headers.header("Retry-After")).isNotNull();
        }
        assertThat(headers.header("X-LeadProof-Cost")).isEqualTo("10");
        assertThat(headers.header("X-LeadProof-Cost-Limit")).isEqualTo("100");
        assertThat(headers.header("X-LeadProof-Cost-Restore-Rate")).isEqualTo("20");
        assertThat(Long.parseLong(headers.header("X-LeadProof-Cost-Remaining"))).isBetween(0L, 100L);

        Thread.sleep(throttled.getInt("errors[0].extensions.retryAfterSeconds") * 1000L + 200);
        var later = GraphQL.ok("query($q: String) { leads(first: 5, filter: {search: $q}) { edges { node { email } } } }",
                Map.of("q", refusedEmail));
        assertThat(later.getList("data.leads.edges")).as("the throttled mutation stored nothing").isEmpty();
        assertThat(upsert(refusedEmail).getString("data.leadUpsert.lead.id")).as("after waiting, it goes through").isNotNull();
    }

    @Test
    @TestSecurity(user = "burst", roles = "marketing",
            attributes = @SecurityAttribute(key = "workspaces", value = "budget-test", type = AttributeType.STRING_SET))
    void concurrent_requests_of_one_user_cannot_overspend_the_bucket() throws Exception {
        int requests = 30;
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            long started = System.nanoTime();
            var futures = new ArrayList<Future<JsonPath>>();
            for (int i = 0; i < requests; i++) {
                futures.add(pool.submit(() -> GraphQL.post(TEN_POINTS)));
            }
            int granted = 0;
            for (var f : futures) {
                var json = f.get();
                if (json.getList("errors") == null) {
                    granted++;
                } else {
                    assertThat(json.getString("errors[0].extensions.code")).isEqualTo("THROTTLED");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int affordable = (int) Math.floor((100 + 20 * seconds) / 10);
            assertThat(granted).as("granted in %.2f s", seconds).isBetween(10, affordable);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_bucket_update_is_atomic_across_connections() throws Exception {
        String key = "atomic/" + UUID.randomUUID();
        var spec = new GraphQLLimits.BucketSpec(true, 100, 0.0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new ArrayList<Callable<CostBudget.Decision>>();
            for (int i = 0; i < 40; i++) {
                tasks.add(() -> budget.charge(key, 10, spec));
            }
            long granted = pool.invokeAll(tasks).stream().filter(f -> {
                try {
                    return f.get().granted();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).count();
            assertThat(granted).isEqualTo(10);
            assertThat(budget.charge(key, 1, spec).remaining()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_bucket_refills_at_the_restore_rate_up_to_its_capacity() throws Exception {
        String key = "refill/" + UUID.randomUUID();
        var spec = new GraphQLLimits.BucketSpec(true, 100, 50.0);
        assertThat(budget.charge(key, 100, spec).remaining()).isZero();
        var refused = budget.charge(key, 60, spec);
        assertThat(refused.granted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 2L);
        Thread.sleep(1_300);
        var granted = budget.charge(key, 60, spec);
        assertThat(granted.granted()).isTrue();
        Thread.sleep(3_000);
        assertThat(budget.charge(key, 1, spec).remaining()).as("capped at the capacity").isEqualTo(99);
    }

    @Test
    @TestSecurity(user = "free", roles = "marketing",
            attributes = @SecurityAttribute(key = "workspaces", value = "budget-off", type = AttributeType.STRING_SET))
    void an_unmetered_workspace_reports_the_cost_but_keeps_no_bucket() {
        var json = Priced.ok(TEN_POINTS);
        assertThat(json.getInt("extensions.cost.requestedCost")).isEqualTo(10);
        assertThat(json.getMap("extensions.cost")).doesNotContainKeys("limit", "remaining");
        var response = Priced.response(TEN_POINTS, Map.of());
        assertThat(response.header("X-LeadProof-Cost")).isEqualTo("10");
        assertThat(response.header("X-LeadProof-Cost-Remaining")).isNull();
    }

    @Test
    void anonymous_callers_draw_on_a_bucket_of_their_own() {
        var json = Priced.ok("{ __schema { queryType { name } } }");
        assertThat(json.getInt("extensions.cost.requestedCost")).isEqualTo(1);
        assertThat(json.getInt("extensions.cost.remaining")).isLessThan(json.getInt("extensions.cost.limit"));
    }

    @Test
    @TestSecurity(user = "timer", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces",
            value = "budget-overhead,budget-off", type = AttributeType.STRING_SET))
    void overhead_of_the_cost_check() throws Exception {
        String key = "overhead/" + UUID.randomUUID();
        var spec = new GraphQLLimits.BucketSpec(true, 1_000_000, 1000.0);
        for (int i = 0; i < 300; i++) {
            budget.charge(key, 1, spec);
        }
        int n = 2_000;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            budget.charge(key, 1, spec);
        }
        double chargeMicros = (System.nanoTime() - started) / 1_000.0 / n;

        // interleaved batches, median of batch means: the machine's noise hits both sides alike
        var metered = new ArrayList<Double>();
        var unmetered = new ArrayList<Double>();
        for (int round = 0; round < 7; round++) {
            metered.add(perRequestMicros("budget-overhead"));
            unmetered.add(perRequestMicros("budget-off"));
        }
        double with = median(metered);
        double without = median(unmetered);
        System.out.printf("bucket upsert: %.0f µs; request with budget: %.0f µs, without: %.0f µs, difference %.0f µs%n",
                chargeMicros, with, without, with - without);
        assertThat(chargeMicros).as("µs per bucket upsert").isLessThan(20_000);
    }

    private static double perRequestMicros(String workspace) {
        for (int i = 0; i < 20; i++) {
            request(workspace);
        }
        int n = 100;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            request(workspace);
        }
        return (System.nanoTime() - started) / 1_000.0 / n;
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void request(String workspace) {
        given().contentType(ContentType.JSON).header(CurrentWorkspace.HEADER, workspace)
                .body(Map.of("query", "{ viewer { userName } }")).when().post("/graphql").then().statusCode(200);
    }
}
