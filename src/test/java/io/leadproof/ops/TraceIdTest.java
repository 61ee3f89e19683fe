package io.leadproof.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadproof.support.Await;
import io.leadproof.support.GraphQL;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Support's story: a client reports a failed request with the {@code traceId} of its error; the same id finds every
 * log line the request wrote (in the JSON format production logs use) and its spans, down to each SQL statement.
 */
@QuarkusTest
@TestSecurity(user = "tia", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = "trace-test", type = AttributeType.STRING_SET))
class TraceIdTest {

    static final String TRACE_ID = "[0-9a-f]{32}";

    @Inject
    RecentSpans spans;

    @Test
    void an_error_carries_the_trace_id_that_its_log_lines_and_sql_spans_carry() {
        JsonPath response;
        // Hibernate writes each SQL statement to org.hibernate.SQL at DEBUG: a log line of this very request.
        try (var sqlLog = new LogCapture("org.hibernate.SQL", Level.FINE)) {
            response = GraphQL.post("{ criteriaModels { id } node(id: \"gid://leadproof/Nope/1\") { id } }");
            String traceId = response.getString("errors[0].extensions.traceId");
            assertThat(traceId).as(response.prettify()).matches(TRACE_ID);
            assertThat(response.getString("errors[0].extensions.code")).isEqualTo("INVALID_ARGUMENT");

            assertThat(sqlLog.records).as("SQL log lines of the request").isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getMdc("traceId")).isEqualTo(traceId));
            String jsonLine = new JsonFormatter().format(sqlLog.records.getFirst());
            assertThat(new JsonPath(jsonLine).getString("mdc.traceId")).as(jsonLine).isEqualTo(traceId);

            // The HTTP span ends after the response is written, so it may be exported after the JDBC spans: wait for both.
            Await.until("the request's HTTP span and a JDBC span of its trace", Duration.ofSeconds(10), () -> {
                var trace = spans.ofTrace(traceId);
                return trace.stream().anyMatch(TraceIdTest::isSql) && trace.stream().anyMatch(s -> s.getName().startsWith("POST"));
            });
        }
    }

    @Test
    void two_requests_have_two_trace_ids() {
        String bad = "{ node(id: \"gid://leadproof/Nope/1\") { id } }";
        String first = GraphQL.post(bad).getString("errors[0].extensions.traceId");
        String second = GraphQL.post(bad).getString("errors[0].extensions.traceId");
        assertThat(first).matches(TRACE_ID);
        assertThat(second).matches(TRACE_ID).isNotEqualTo(first);
    }

    static boolean isSql(SpanData span) {
        return "postgresql".equals(span.getAttributes().get(AttributeKey.stringKey("db.system")))
                || "postgresql".equals(span.getAttributes().get(AttributeKey.stringKey("db.system.name")));
    }
}
