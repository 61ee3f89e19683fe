package io.leadproof.evidence.backtesting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Generated leads created over the two closed days before today, some of which qualify and are handed off: the active
 * version backtested against itself with the actual handoff as reference moment has exactly as many would-be MQLs and
 * handoffs as the metrics API reports for those days.
 */
@QuarkusTest
class ActiveVersionMatchesMetricsTest {

    static final String WS = "backtest-metrics";

    @Test
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_active_version_replayed_at_handoff_equals_the_metrics() {
        BacktestStory.reps(WS, "sam", "sue");
        String active = BacktestStory.modelAndServedVersion()[1];
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var random = new Random(12);
        String[] titles = { "CTO", "VP Sales", "Manager", "Student", "Director of IT" };
        String[] budgets = { "APPROVED", "NONE", null };
        for (int i = 0; i < 24; i++) {
            var activities = new ArrayList<String>();
            for (int a = random.nextInt(4); a > 0; a--) {
                activities.add(random.nextBoolean() ? "DEMO_REQUESTED:BOFU" : "EBOOK_DOWNLOAD:TOFU");
            }
            var created = today.minusDays(1 + random.nextInt(2)).atStartOfDay(ZoneOffset.UTC).plusMinutes(random.nextInt(1440));
            createdLead("gen" + i + "@metrics.contoso.com", titles[random.nextInt(titles.length)], budgets[random.nextInt(budgets.length)],
                    created.toOffsetDateTime().toString(), activities);
        }
        var metrics = GraphQL.ok("query($w: MetricsWindowInput!) { metrics(window: $w) { leads mqls handoffs } }",
                Map.of("w", Map.of("from", today.minusDays(2).toString(), "to", today.toString())));
        int mqls = metrics.getInt("data.metrics.mqls");
        int handoffs = metrics.getInt("data.metrics.handoffs");
        assertThat(metrics.getInt("data.metrics.leads")).isEqualTo(24);
        assertThat(handoffs).as("the generated data hands some leads off, not all").isBetween(1, 23);

        var input = Map.<String, Object>of("versionId", active, "referenceMoment", "AT_HANDOFF",
                "from", today.minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant().toString(),
                "to", today.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        var started = GraphQL.ok("mutation($i: CriteriaBacktestStartInput!) { criteriaBacktestStart(input: $i) { backtest { id } userErrors { code } } }",
                Map.of("i", input));
        var json = BacktestStory.awaitDone(started.getString("data.criteriaBacktestStart.backtest.id"));
        assertThat(json.getString("data.criteriaBacktest.state")).as(json.prettify()).isEqualTo("SUCCEEDED");
        assertThat(json.getInt("data.criteriaBacktest.result.compareWith.wouldBeMqls")).isEqualTo(mqls);
        assertThat(json.getInt("data.criteriaBacktest.result.tested.wouldBeMqls")).isEqualTo(mqls);
        assertThat(json.getInt("data.criteriaBacktest.result.actualHandoffs")).isEqualTo(handoffs);
        assertThat(json.getInt("data.criteriaBacktest.result.difference.wouldBeMqls")).isZero();
    }

    private static void createdLead(String email, String title, String budget, String createdAt, List<String> activities) {
        var input = new HashMap<String, Object>(Map.of("email", email, "jobTitle", title, "createdAt", createdAt));
        if (budget != null) {
            input.put("budgetStatus", budget);
        }
        String id = GraphQL.ok("mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { id } } }", Map.of("i", input))
                .getString("data.leadUpsert.lead.id");
        List<Map<String, Object>> rows = new ArrayList<>();
        String at = java.time.OffsetDateTime.now().minusSeconds(30).toString();
        for (int i = 0; i < activities.size(); i++) {
            String[] ts = activities.get(i).split(":");
            rows.add(Map.of("clientEventId", email + "-" + i, "leadId", id, "type", ts[0], "funnelStage", ts[1], "occurredAt", at));
        }
        if (!rows.isEmpty()) {
            GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }",
                    Map.of("i", Map.of("activities", rows)));
        }
    }
}
