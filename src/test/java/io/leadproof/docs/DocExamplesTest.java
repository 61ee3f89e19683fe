package io.leadproof.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadproof.demo.DemoData;
import io.leadproof.e2e.Api;
import io.leadproof.e2e.RealTokenClient;
import io.leadproof.e2e.Subscriptions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A new user follows README.md and docs/metrics.md against the demo of `make run`: every example runs as written, as
 * the demo user it names (a real Keycloak token), with its variables taken from where the text says, and answers
 * without errors or userErrors. A broken example fails here.
 */
@QuarkusTest
class DocExamplesTest {

    private static final Pattern RELATIVE_DAY = Pattern.compile("today\\s*([+-])\\s*(\\d+)\\s*days?");

    @Inject
    DemoData demo;

    private final List<JsonPath> answers = new ArrayList<>();

    @Test
    void every_example_of_the_readme_and_the_metrics_doc_runs_against_the_demo_as_written() throws Exception {
        demo.seedAll();
        var examples = new ArrayList<DocExample>();
        examples.addAll(DocExample.in(Path.of("README.md")));
        examples.addAll(DocExample.in(Path.of("docs/metrics.md")));
        assertThat(examples).as("the examples found").hasSizeGreaterThan(15);

        for (var example : examples) {
            var variables = variables(example);
            if (example.isSubscription()) {
                subscribes(example, variables);
                continue;
            }
            var answer = Api.as(example.login()).post(example.document(), variables);
            assertThat(answer.hasErrors()).as(example + ": " + answer.body()).isFalse();
            var json = answer.json();
            assertThat(userErrors(json.get("data"))).as(example + ": userErrors").isEmpty();
            answers.addFirst(json);
        }

        assertThat(strings("criteriaRuleAdd.version.rules.key")).as("the rule the README adds is in the draft").contains("pricing");
        assertThat(strings("criteriaVersionPublish.version.rules.key")).as("and in the published version").contains("pricing");
        assertThat(find("dealWin.handoff.state")).isEqualTo("WON");
        assertThat(((Number) find("metrics.leads")).intValue()).as("the metrics example's window holds demo leads").isPositive();
        assertThat(((Number) find("metricsBreakdown.totalCount")).intValue()).isPositive();
    }

    private Map<String, Object> variables(DocExample example) {
        Map<String, Object> values = new HashMap<>();
        example.sources().forEach((name, source) -> values.put(name, value(example, source)));
        return values;
    }

    private Object value(DocExample example, String source) {
        if (source.equals("now")) {
            return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        }
        var day = RELATIVE_DAY.matcher(source);
        if (day.matches()) {
            long days = Long.parseLong(day.group(2)) * (day.group(1).equals("-") ? -1 : 1);
            return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
        }
        Object found = find(source);
        assertThat(found).as(example + ": variable from " + source).isNotNull();
        return found;
    }

    private List<String> strings(String path) {
        return ((List<?>) find(path)).stream().map(String::valueOf).toList();
    }

    /** A field of the latest answer that has it: "leadUpsert.lead.id" is data.leadUpsert.lead.id. */
    private Object find(String path) {
        for (var answer : answers) {
            Object value = answer.get("data." + path);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The subscription as written, with the token on the upgrade request and in connection_init, and the Node client. */
    private static void subscribes(DocExample example, Map<String, Object> variables) throws IOException, InterruptedException {
        String token = RealTokenClient.token(example.login());
        var byHeader = Subscriptions.first(token, null, example.document(), variables);
        assertThat(byHeader.hasErrors()).as(example + " (bearer on the upgrade request): " + byHeader.body()).isFalse();
        var byInit = Subscriptions.firstWithTokenInInit(token, example.document(), variables);
        assertThat(byInit.hasErrors()).as(example + " (bearer in connection_init): " + byInit.body()).isFalse();

        var node = new ProcessBuilder("node", "--experimental-websocket", "src/ops/subscribe.mjs", token, "3",
                "ws://127.0.0.1:" + Api.port() + "/graphql").redirectErrorStream(true).start();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("the Node client of the README ends").isTrue();
        String printed = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as("the Node client of the README: " + printed).isZero();
        assertThat(printed).contains("connection_ack");
    }

    /** Every userErrors list anywhere in the answer, flattened. */
    @SuppressWarnings("unchecked")
    private static List<Object> userErrors(Object node) {
        var found = new ArrayList<Object>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("userErrors".equals(key) && value instanceof List<?> list) {
                    found.addAll(list);
                } else {
                    found.addAll(userErrors(value));
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> found.addAll(userErrors(item)));
        }
        return found;
    }
}
