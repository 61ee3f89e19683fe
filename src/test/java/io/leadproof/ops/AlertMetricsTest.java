package io.leadproof.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The alerts and the dashboard in k8s/ watch metrics that exist: every metric they name is either exported by the app
 * today or listed in docs/observability.md ("Metrics") as a name still to implement — so a typo, or a metric
 * renamed on one side only, fails here instead of leaving an alert silent forever.
 */
@QuarkusTest
class AlertMetricsTest {

    static final Path RULES = Path.of("k8s/base/monitoring/prometheus-rules.yaml");
    static final Path DASHBOARD = Path.of("k8s/base/monitoring/leadproof-dashboard.json");
    /** A metric selector in PromQL as k8s/ writes it: a name directly followed by its label matchers. */
    static final Pattern SELECTOR = Pattern.compile("\\b([a-z_:][a-z0-9_:]*)\\{");
    static final Pattern PLANNED = Pattern.compile("^\\| `(leadproof_[a-z_]+)`", Pattern.MULTILINE);

    @Inject
    PrometheusMeterRegistry registry;

    @Test
    void every_metric_in_the_alerts_and_the_dashboard_is_exported_or_planned_in_the_docs() throws IOException {
        GraphQL.post("{ __typename }"); // one request, so the HTTP timer exists
        Set<String> exported = new TreeSet<>();
        registry.scrape().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .forEach(l -> exported.add(l.split("[{ ]", 2)[0]));
        Set<String> planned = new TreeSet<>();
        var docs = PLANNED.matcher(Files.readString(Path.of("docs/observability.md")));
        while (docs.find()) {
            planned.add(docs.group(1));
        }
        Set<String> used = new TreeSet<>();
        for (Path file : new Path[] { RULES, DASHBOARD }) {
            var selectors = SELECTOR.matcher(Files.readString(file).replace("\\\"", "\""));
            while (selectors.find()) {
                used.add(selectors.group(1));
            }
        }
        assertThat(used).contains("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
                "agroal_awaiting_count", "leadproof_sla_breaches_total");
        assertThat(exported).contains("http_server_requests_seconds_bucket", "agroal_active_count", "agroal_awaiting_count");
        for (String name : used) {
            boolean known = exported.contains(name) || planned.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "_"));
            assertThat(known).as(name + " is neither exported nor planned in docs/observability.md").isTrue();
        }
    }
}
