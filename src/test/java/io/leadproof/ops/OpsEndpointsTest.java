package io.leadproof.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.leadproof.support.Management;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Kubernetes probes and Prometheus scraping work without a token on the management port; readiness includes the
 * database, the background loops and the graceful-shutdown check (DOWN from the moment SIGTERM arrives, while in-flight
 * requests finish: bench/ops/faults.sh proves the rolling restart). The API port serves none of it.
 */
@QuarkusTest
class OpsEndpointsTest {

    @Test
    void readiness_reports_the_database_and_the_background_loops() {
        Management.get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check", "Background loops", "Graceful Shutdown"))
                .body("checks.find { it.name == 'Background loops' }.data.keySet()",
                        hasItems("handoff-listener", "rescore-claims", "decay", "metrics-compaction", "cost-bucket-pruning",
                                "sla-breaches", "job-backlog"));
    }

    @Test
    void liveness_and_startup_probes_answer() {
        Management.get("/q/health/live").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItem("Background loops"));
        Management.get("/q/health/started").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void prometheus_metrics_are_exposed() {
        given().when().get("/graphql/schema.graphql").then().statusCode(200);
        Management.get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void the_api_port_serves_no_operations_endpoint() {
        for (String path : new String[] { "/q/health", "/q/health/ready", "/q/health/live", "/q/health/started", "/q/metrics" }) {
            given().when().get(path).then().statusCode(404);
        }
    }
}
