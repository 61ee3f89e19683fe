package io.leadproof.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.leadproof.support.Await;
import io.leadproof.support.GraphQL;
import io.leadproof.support.Members;
import io.leadproof.support.OwnerSql;
import io.leadproof.support.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * The business metrics of docs/observability.md, read from the registry Prometheus scrapes. On a day about eight years
 * ago (the test clock; inside the ten years dates may lie in, and no other test lives there) three leads qualify and
 * are handed off: one is accepted in time, one rejected for budget a day late, one never answered. Counting SLA
 * breaches through the day after next finds the two late ones, once.
 */
@QuarkusTest
class BusinessMetricsTest {

    static final String WS = "business-metrics";
    static final Instant DAY_START = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(2_999));
    static final Instant MARCH_1 = DAY_START.plus(Duration.ofHours(10));

    @Inject
    MeterRegistry registry;
    @Inject
    PrometheusMeterRegistry prometheus;
    @Inject
    SlaBreaches slaBreaches;

    @AfterEach
    void backToNow() {
        TestClock.reset();
        OwnerSql.exec("delete from meter_watermark where meter = 'sla_breaches'");
    }

    @Test
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void handoffs_rejections_and_sla_breaches_are_counted_once_each() throws Exception {
        for (String rep : List.of("sam", "sue")) {
            Members.rep(WS, rep);
            GraphQL.ok("mutation($u: String!) { salesRepUpsert(input: {userName: $u}) { rep { userName } } }", Map.of("u", rep));
        }
        double created = counter("leadproof.handoffs.created");
        double budget = registry.get("leadproof.rejections").tag("category", "BUDGET").counter().count();
        double breaches = counter("leadproof.sla.breaches");

        TestClock.travel(Duration.between(Instant.now(), MARCH_1));
        List<String> handoffs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            handoffs.add(qualifiedLead("cto" + i + "@metrics.contoso.com"));
        }
        assertThat(counter("leadproof.handoffs.created") - created).isEqualTo(3);

        TestClock.travel(Duration.ofHours(1));
        respond("handoffAccept", handoffs.get(0), "");
        TestClock.travel(Duration.ofHours(24)); // the 24 h SLA has passed for all three
        respond("handoffReject", handoffs.get(1), ", reasonCode: \"NO_BUDGET\"");
        assertThat(registry.get("leadproof.rejections").tag("category", "BUDGET").counter().count() - budget).isEqualTo(1);

        OwnerSql.exec("insert into meter_watermark (meter, counted_until) values ('sla_breaches', ?)"
                + " on conflict (meter) do update set counted_until = excluded.counted_until", java.sql.Timestamp.from(DAY_START));
        Instant march3 = DAY_START.plus(Duration.ofDays(2));
        assertThat(slaBreaches.count(march3)).as("the late rejection and the unanswered handoff").isEqualTo(2);
        assertThat(slaBreaches.count(march3)).as("a second pod counting the same window finds nothing new").isZero();
        assertThat(counter("leadproof.sla.breaches") - breaches).isEqualTo(2);
    }

    @Test
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void a_rescoring_job_reports_its_duration_and_the_backlog_follows_the_queue() {
        long finished = registry.get("leadproof.job.duration").tag("kind", "rescoring").timer().count();
        var model = GraphQL.ok("{ criteriaModels { id servedVersionId } }");
        String version = GraphQL.ok("mutation($m: ID!, $v: ID) { criteriaDraftCreate(input: {modelId: $m, copyFromVersionId: $v}) { version { id } } }",
                Map.of("m", model.getString("data.criteriaModels[0].id"), "v", model.getString("data.criteriaModels[0].servedVersionId")))
                .getString("data.criteriaDraftCreate.version.id");
        GraphQL.ok("mutation($v: ID!) { criteriaVersionPublish(input: {versionId: $v}) { version { status } } }", Map.of("v", version));
        Await.until("the rescoring job to succeed", Duration.ofSeconds(20), () -> "SUCCEEDED".equals(GraphQL.ok(
                "query($v: ID!) { criteriaVersion(id: $v) { scoringJob { state } } }", Map.of("v", version))
                .getString("data.criteriaVersion.scoringJob.state")));
        Await.until("the job's duration to be recorded", Duration.ofSeconds(5),
                () -> registry.get("leadproof.job.duration").tag("kind", "rescoring").timer().count() > finished);
        Await.until("the backlog gauge to show the jobs queued or running in every workspace", Duration.ofSeconds(5),
                () -> registry.get("leadproof.job.backlog").tag("kind", "rescoring").gauge().value()
                        == OwnerSql.count("select count(*) from scoring_job where state in ('QUEUED', 'RUNNING')"));
    }

    @Test
    @TestSecurity(user = "counted", roles = "marketing",
            attributes = @SecurityAttribute(key = "workspaces", value = "throttle-count", type = AttributeType.STRING_SET))
    void every_request_refused_by_the_cost_budget_is_counted() {
        // throttle-count's bucket (100 points) never refills: however slow the machine, the same requests are refused
        double before = counter("leadproof.requests.throttled");
        int refused = 0;
        for (int i = 0; i < 15; i++) {
            if (GraphQL.post("{ leads(first: 9) { __typename } }").getList("errors") != null) {
                refused++;
            }
        }
        assertThat(refused).as("a bucket of 100 points that never refills refuses 5 of 15 requests of 10").isEqualTo(5);
        assertThat(counter("leadproof.requests.throttled") - before).isEqualTo(refused);
    }

    @Test
    void every_business_metric_of_the_docs_is_exported_under_its_name() throws IOException {
        var listed = new TreeSet<String>();
        var rows = Pattern.compile("^\\| `(leadproof_[a-z_]+)`", Pattern.MULTILINE).matcher(Files.readString(Path.of("docs/observability.md")));
        while (rows.find()) {
            listed.add(rows.group(1));
        }
        assertThat(listed).hasSize(7);
        String scrape = prometheus.scrape();
        for (String name : listed) {
            assertThat(scrape).as(name).containsPattern("(?m)^" + name + "(_bucket|_count|_sum)?[{ ]");
        }
        assertThat(scrape).contains("leadproof_import_rows_total{outcome=\"imported\"", "leadproof_rejections_total{category=\"DATA_QUALITY\"",
                "leadproof_job_duration_seconds_bucket{kind=\"rescoring\",le=\"600.0\"");
    }

    private double counter(String name) {
        return registry.get(name).counter().count();
    }

    private static String qualifiedLead(String email) {
        String lead = GraphQL.ok("mutation($e: String!) { leadUpsert(input: {email: $e, jobTitle: \"CTO\", budgetStatus: APPROVED}) { lead { id } } }",
                Map.of("e", email)).getString("data.leadUpsert.lead.id");
        String at = Instant.now().plus(TestClock.offset()).minusSeconds(60).toString();
        GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }", Map.of("i", Map.of("activities",
                List.of(Map.of("clientEventId", email + "-demo", "leadId", lead, "type", "DEMO_REQUESTED", "funnelStage", "BOFU", "occurredAt", at),
                        Map.of("clientEventId", email + "-ebook", "leadId", lead, "type", "EBOOK_DOWNLOAD", "funnelStage", "TOFU", "occurredAt", at)))));
        return GraphQL.ok("query($id: ID!) { lead(id: $id) { handoffs { id } } }", Map.of("id", lead)).getString("data.lead.handoffs[0].id");
    }

    private static void respond(String mutation, String handoff, String more) {
        var json = GraphQL.ok("mutation($h: ID!) { " + mutation + "(input: {handoffId: $h" + more + "}) { userErrors { code } } }", Map.of("h", handoff));
        assertThat(json.getList("data." + mutation + ".userErrors")).isEmpty();
    }
}
