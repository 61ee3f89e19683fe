package io.leadproof.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import io.leadproof.e2e.Api;
import io.leadproof.support.Await;
import io.leadproof.support.Concurrently;
import io.leadproof.support.DatabaseOutageProfile;
import io.leadproof.support.DatabaseProxy;
import io.leadproof.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * While the database is away, a client is told so — UNAVAILABLE with retryAfter, HTTP 503 with Retry-After — and the
 * log says it once, at WARN, without a stack trace per request. When it is back, the first requests succeed on every
 * connection the pool held before, although all of them died with the database.
 */
@QuarkusTest
@TestProfile(DatabaseOutageProfile.class)
class DatabaseOutageAnswersTest {

    static final String READ = "{ leads(first: 1) { edges { node { id } } } }";
    static final String WRITE = "mutation { leadUpsert(input: {email: \"outage@answers.example\", jobTitle: \"CTO\"}) { lead { id } } }";

    @DatabaseOutageProfile.Proxy
    DatabaseProxy database;

    @Test
    void an_outage_is_answered_unavailable_and_logged_once() throws Exception {
        var marketing = Api.as("mia.marketing");
        marketing.ok(READ);
        try (var logs = LogCapture.start()) {
            database.cut();
            for (String document : List.of(READ, WRITE, READ)) {
                Response response = marketing.send(document, Map.of());
                assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(503);
                assertThat(response.header("Retry-After")).isEqualTo("3");
                var error = response.jsonPath();
                assertThat(error.getString("errors[0].extensions.code")).isEqualTo("UNAVAILABLE");
                assertThat(error.getString("errors[0].extensions.reason")).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(error.getInt("errors[0].extensions.retryAfter")).isEqualTo(3);
                assertThat(error.getString("errors[0].message")).contains("Retry in 3 s").doesNotContain("SQL", "Exception", "08");
                assertThat(error.getMap("errors[0].extensions")).doesNotContainKey("incident");
            }
            database.restore();
            marketing.ok(READ);
            // the outage ends when a background pass that began after its last failure succeeds (within the backoff)
            Await.until("the outage ends", Duration.ofSeconds(15), () -> !logs.containing("Database reachable again").isEmpty());

            assertThat(logs.atLeast(Level.SEVERE)).as("an outage is no bug: nothing at ERROR").isEmpty();
            // Agroal itself reports a pooled connection that died under a background job (a timing matter, not ours to word)
            assertThat(logs.atLeast(Level.WARNING)).filteredOn(e -> !(e.logger().startsWith("io.agroal")
                            && e.message().endsWith("This connection has been closed.")))
                    .extracting(LogCapture.Entry::message)
                    .as("one WARN for the outage").singleElement().asString().startsWith("Database unavailable");
            assertThat(logs.atLeast(Level.WARNING)).allSatisfy(e -> assertThat(e.thrown()).as("no stack trace").isNull());
        }
    }

    @Test
    void the_first_requests_after_a_restart_succeed_on_every_pooled_connection() throws Exception {
        var marketing = Api.as("mia.marketing");
        Callable<Api.Result> read = () -> marketing.post(READ);
        Concurrently.run(read, read, read, read, read, read, read, read); // the pool now holds several connections
        database.cut(); // a restart so quick that nobody asked in between: every pooled connection is dead
        database.restore();
        List<Api.Result> answers = Concurrently.run(read, read, read, read, read, read, read, read);
        assertThat(answers).allSatisfy(a -> assertThat(a.errors()).as(a.body()).isEmpty());
    }
}
