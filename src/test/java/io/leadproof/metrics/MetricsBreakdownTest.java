package io.leadproof.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadproof.common.NodeId;
import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** Breakdowns of the {@link HandFixture} data set for March 2025 (UTC), worked out by hand. */
@QuarkusTest
@TestSecurity(user = "leo", roles = "leadership",
        attributes = @SecurityAttribute(key = "workspaces", value = "metrics-breakdown", type = AttributeType.STRING_SET))
class MetricsBreakdownTest {

    static boolean seeded;

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void seed() {
        if (!seeded) {
            HandFixture.seed(new MetricsData(ds, "metrics-breakdown"));
            seeded = true;
        }
    }

    static JsonPath breakdown(String by, Integer first, String after) {
        var vars = new HashMap<String, Object>(Map.of("w", MetricsFixtureTest.MARCH, "by", by));
        if (first != null) {
            vars.put("first", first);
        }
        if (after != null) {
            vars.put("after", after);
        }
        return GraphQL.ok(MetricsDocs.BREAKDOWN, vars).setRootPath("data.metricsBreakdown");
    }

    @Test
    void by_campaign_with_spend_per_campaign_and_the_group_without_campaign_last() {
        var b = breakdown("CAMPAIGN", null, null);
        assertThat(b.getInt("totalCount")).isEqualTo(3);
        assertThat(b.getList("edges.node.key.campaignId")).containsExactly(NodeId.of("Campaign", HandFixture.CAMPAIGN_A),
                NodeId.of("Campaign", HandFixture.CAMPAIGN_B), null);
        assertThat(b.getString("edges[0].node.key.campaign.name")).isEqualTo("A");
        assertThat(b.getString("edges[1].node.key.campaign.name")).isEqualTo("B");
        assertThat(b.getString("edges[2].node.key.campaign")).isNull();
        // A: L1 L2 L7 | B: L3 L10 L4 | none: L5 L6
        assertThat(b.getList("edges.node.metrics.leads")).containsExactly(3, 3, 2);
        assertThat(b.getList("edges.node.metrics.mqls")).containsExactly(2, 3, 1);
        assertThat(b.getList("edges.node.metrics.accepted")).containsExactly(2, 1, 0);   // A: L1, L2 (H3) | B: L10
        assertThat(b.getList("edges.node.metrics.rejected")).containsExactly(1, 0, 1);   // A: L2 | none: L6
        assertThat(b.getList("edges.node.metrics.badLeads")).containsExactly(1, 0, 2);   // none: L5 (knock-out), L6
        assertThat(b.getList("edges.node.metrics.won")).containsExactly(1, 1, 0);
        assertThat(b.getList("edges.node.metrics.revenue.amount")).containsExactly("12000.00", "3000.50", "0.00");
        // spend: A 300.00 + 200.00 | B 1000.00 | no campaign: none
        assertThat(b.getList("edges.node.metrics.spend.total.amount")).containsExactly("500.00", "1000.00", "0.00");
        assertThat(b.getList("edges.node.metrics.spend.cpl.amount")).containsExactly("166.67", "333.33", "0.00");
        assertThat(b.getList("edges.node.metrics.spend.roi")).containsExactly("23.0000", "2.0005", null); // (12000-500)/500
    }

    @Test
    void by_owner_a_lead_handed_to_two_reps_counts_for_each_and_spend_is_unattributable() {
        var b = breakdown("OWNER", null, null);
        assertThat(b.getList("edges.node.key.owner")).containsExactly("rita", "sam");
        // rita: L2 (H3 accepted, lost), L3 (H4 pending), L6 (H6 rejected, disqualified)
        // sam: L1 (H1 won), L2 (H2 rejected), L4 (H5 pending), L10 (H7 won)
        assertThat(b.getList("edges.node.metrics.leads")).containsExactly(3, 4);
        assertThat(b.getList("edges.node.metrics.handoffs")).containsExactly(3, 4);
        assertThat(b.getList("edges.node.metrics.accepted")).containsExactly(1, 2);
        assertThat(b.getList("edges.node.metrics.rejected")).containsExactly(1, 1);
        assertThat(b.getList("edges.node.metrics.badLeads")).containsExactly(1, 1);
        assertThat(b.getList("edges.node.metrics.lost")).containsExactly(1, 0);
        assertThat(b.getList("edges.node.metrics.revenue.amount")).containsExactly("0.00", "15000.50");
        // rita: 3600 5400 21600 → median rank 2 = 5400, p90 rank 3 = 21600; sam: 3600 7200 172800 (H5 unanswered)
        assertThat(b.getList("edges.node.metrics.responseTime.medianSeconds")).containsExactly(5400, 7200);
        assertThat(b.getList("edges.node.metrics.responseTime.p90Seconds")).containsExactly(21600, 172800);
        assertThat(b.getList("edges.node.metrics.slaBreaches")).containsExactly(0, 2);
        assertThat(b.getList("edges.node.metrics.spend")).containsOnlyNulls();
    }

    @Test
    void by_source_and_by_criteria_version() {
        var s = breakdown("SOURCE", null, null);
        assertThat(s.getList("edges.node.key.source")).containsExactly("EVENT", "ORGANIC_SEARCH", "PAID_SEARCH", "REFERRAL");
        assertThat(s.getList("edges.node.metrics.leads")).containsExactly(3, 1, 3, 1);
        assertThat(s.getList("edges.node.metrics.spend.total.amount")).containsExactly("1000.00", "0.00", "500.00", "0.00");
        var v = breakdown("CRITERIA_VERSION", null, null);
        assertThat(v.getList("edges.node.key.criteriaVersionId")).containsExactly(NodeId.of("CriteriaVersion", HandFixture.V1),
                NodeId.of("CriteriaVersion", HandFixture.V2), null);
        assertThat(v.getList("edges.node.metrics.leads")).containsExactly(4, 2, 2);  // L1 L2 L10 L6 | L3 L4 | L5 L7
        assertThat(v.getList("edges.node.metrics.spend")).containsOnlyNulls();
    }

    @Test
    void by_week_clipped_to_the_window_page_by_page() {
        // March 2025 starts on a Saturday: [03-01,03-03) [03-03,03-10) [03-10,03-17) [03-17,03-24) [03-24,03-31) [03-31,04-01)
        var first = breakdown("WEEK", 4, null);
        assertThat(first.getInt("totalCount")).isEqualTo(6);
        assertThat(first.getBoolean("pageInfo.hasNextPage")).isTrue();
        assertThat(first.getList("edges.node.key.periodFrom")).containsExactly("2025-03-01", "2025-03-03", "2025-03-10", "2025-03-17");
        assertThat(first.getList("edges.node.key.periodTo")).containsExactly("2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24");
        assertThat(first.getList("edges.node.metrics.leads")).containsExactly(1, 1, 2, 1);    // L1 | L2 | L3 L10 | L4
        assertThat(first.getList("edges.node.metrics.spend.total.amount")).containsExactly("300.00", "0.00", "1000.00", "0.00");
        var second = breakdown("WEEK", 4, first.getString("pageInfo.endCursor"));
        assertThat(second.getBoolean("pageInfo.hasNextPage")).isFalse();
        assertThat(second.getList("edges.node.key.periodFrom")).containsExactly("2025-03-24", "2025-03-31");
        assertThat(second.getList("edges.node.metrics.leads")).containsExactly(2, 1);         // L5 L6 | L7
        assertThat(second.getList("edges.node.metrics.spend.total.amount")).containsExactly("0.00", "200.00");
    }

    @Test
    void a_monthly_series_adds_up_to_the_window() {
        var vars = Map.<String, Object>of("w", Map.of("from", "2025-02-01", "to", "2025-05-01", "timeZone", "Europe/Berlin"),
                "by", "MONTH");
        var b = GraphQL.ok(MetricsDocs.BREAKDOWN, vars).setRootPath("data.metricsBreakdown");
        // Berlin is UTC+1 until 03-30, +2 after: L9 (02-28 23:59:59Z) is 03-01 00:59 local → March; L7 (03-31 23:59Z)
        // is 04-01 01:59 local → April; L1 (03-01 00:00Z) is 01:00 local → March; L8 → April
        assertThat(b.getList("edges.node.key.periodFrom")).containsExactly("2025-02-01", "2025-03-01", "2025-04-01");
        assertThat(b.getList("edges.node.metrics.leads")).containsExactly(0, 8, 2);
        assertThat(b.getList("edges.node.metrics.spend.total.amount")).containsExactly("100.00", "1500.00", "999.00");
    }

    @Test
    void a_cursor_of_another_dimension_is_refused() {
        var first = breakdown("WEEK", 1, null);
        var json = GraphQL.post(MetricsDocs.BREAKDOWN, Map.of("w", MetricsFixtureTest.MARCH, "by", "MONTH",
                "after", first.getString("pageInfo.endCursor")));
        assertThat(json.getString("errors[0].extensions.code")).isEqualTo("INVALID_ARGUMENT");
        assertThat(json.getString("errors[0].extensions.reason")).isEqualTo("INVALID_CURSOR");
    }
}
