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
 * connection the pool held before, although all of them died with the database: the pool flushes them at the first
 * failure, and a connection nobody used during the outage is validated when it is handed out (it has been idle for
 * longer than {@code foreground-validation-interval}), without a validation round trip at every checkout.
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
    void the_first_requests_after_a_restart_that_nobody_noticed_succeed_on_every_pooled_connection() throws Exception {
        var marketing = Api.as("mia.marketing");
        Callable<Api.Result> read = () -> marketing.post(READ);
        Concurrently.run(read, read, read, read, read, read, read, read); // the pool now holds several connections
        database.cut(); // nobody asks while it is down: every pooled connection is dead, no failure flushed them
        Thread.sleep(RESTART.toMillis());
        database.restore();
        List<Api.Result> answers = Concurrently.run(read, read, read, read, read, read, read, read);
        assertThat(answers).allSatisfy(a -> assertThat(a.errors()).as(a.body()).isEmpty());
    }

    @Test
    void a_request_that_meets_a_restart_has_the_pool_replace_every_connection_even_after_a_quick_one() throws Exception {
        var marketing = Api.as("mia.marketing");
        Callable<Api.Result> read = () -> marketing.post(READ);
        Concurrently.run(read, read, read, read, read, read, read, read);
        database.cut();
        assertThat(marketing.send(READ, Map.of()).statusCode()).isEqualTo(503);
        database.restore(); // at once: the pooled connections were in use a moment ago, none is validated at checkout
        List<Api.Result> answers = Concurrently.run(read, read, read, read, read, read, read, read);
        assertThat(answers).allSatisfy(a -> assertThat(a.errors()).as(a.body()).isEmpty());
    }

    /** A restart as short as PostgreSQL's fastest (seconds), and longer than the foreground validation interval (1 s). */
    static final Duration RESTART = Duration.ofMillis(1500);
}
