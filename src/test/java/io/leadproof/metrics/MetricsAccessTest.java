package io.leadproof.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/** Who sees what (docs/metrics.md): leadership and revops-admin everything, marketing no per-owner metrics, sales their own. */
@QuarkusTest
class MetricsAccessTest {

    static final String WS = "metrics-access";
    static boolean seeded;

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void seed() {
        if (!seeded) {
            HandFixture.seed(new MetricsData(ds, WS));
            seeded = true;
        }
    }

    @Test
    @TestSecurity(user = "sam", roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void sales_get_the_metrics_of_their_own_handoffs_without_asking() {
        var m = GraphQL.ok(MetricsDocs.METRICS_NO_SPEND, Map.of("w", MetricsFixtureTest.MARCH)).setRootPath("data.metrics");
        assertThat(m.getInt("leads")).isEqualTo(4);       // sam's handoffs: L1, L2 (H2), L4, L10
        assertThat(m.getInt("won")).isEqualTo(2);
        var same = GraphQL.ok(MetricsDocs.METRICS_NO_SPEND, Map.of("w", MetricsFixtureTest.MARCH, "f", Map.of("owner", "sam")));
        assertThat(same.getInt("data.metrics.leads")).isEqualTo(4);
        var owners = GraphQL.ok(MetricsDocs.BREAKDOWN_NO_SPEND, Map.of("w", MetricsFixtureTest.MARCH, "by", "OWNER"));
        assertThat(owners.getList("data.metricsBreakdown.edges.node.key.owner")).containsExactly("sam");
    }

    @Test
    @TestSecurity(user = "sam", roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void sales_may_not_see_another_rep_nor_spend() {
        var other = GraphQL.post(MetricsDocs.METRICS_NO_SPEND, Map.of("w", MetricsFixtureTest.MARCH, "f", Map.of("owner", "rita")));
        assertThat(other.getString("errors[0].extensions.code")).isEqualTo("forbidden");
        assertThat(other.getString("data")).isNull();
        var spend = GraphQL.post(MetricsDocs.METRICS, Map.of("w", MetricsFixtureTest.MARCH));
        assertThat(spend.getString("errors[0].extensions.code")).isEqualTo("forbidden");
        assertThat(spend.getList("errors.path").toString()).contains("spend");
        assertThat(spend.getInt("data.metrics.leads")).isEqualTo(4);  // the rest of the bundle still answers
    }

    @Test
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void marketing_sees_everything_but_per_owner_metrics() {
        var m = GraphQL.ok(MetricsDocs.METRICS, Map.of("w", MetricsFixtureTest.MARCH)).setRootPath("data.metrics");
        assertThat(m.getInt("leads")).isEqualTo(8);
        assertThat(m.getString("spend.total.amount")).isEqualTo("1500.00");
        var byOwner = GraphQL.post(MetricsDocs.BREAKDOWN_NO_SPEND, Map.of("w", MetricsFixtureTest.MARCH, "by", "OWNER"));
        assertThat(byOwner.getString("errors[0].extensions.code")).isEqualTo("forbidden");
        var filtered = GraphQL.post(MetricsDocs.METRICS_NO_SPEND, Map.of("w", MetricsFixtureTest.MARCH, "f", Map.of("owner", "sam")));
        assertThat(filtered.getString("errors[0].extensions.code")).isEqualTo("forbidden");
        var byCampaign = GraphQL.ok(MetricsDocs.BREAKDOWN, Map.of("w", MetricsFixtureTest.MARCH, "by", "CAMPAIGN"));
        assertThat(byCampaign.getInt("data.metricsBreakdown.totalCount")).isEqualTo(3);
    }

    @Test
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void revops_admin_sees_every_owner() {
        var owners = GraphQL.ok(MetricsDocs.BREAKDOWN, Map.of("w", MetricsFixtureTest.MARCH, "by", "OWNER"));
        assertThat(owners.getList("data.metricsBreakdown.edges.node.key.owner")).containsExactly("rita", "sam");
        var rita = GraphQL.ok(MetricsDocs.METRICS, Map.of("w", MetricsFixtureTest.MARCH, "f", Map.of("owner", "rita")));
        assertThat(rita.getInt("data.metrics.leads")).isEqualTo(3);
        assertThat(rita.getString("data.metrics.spend")).isNull();
    }

    @Test
    @TestSecurity(user = "leo", roles = "leadership", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void malformed_windows_are_refused_with_a_reason() {
        var backwards = GraphQL.post(MetricsDocs.METRICS_NO_SPEND, Map.of("w", Map.of("from", "2025-04-01", "to", "2025-04-01")));
        assertThat(backwards.getString("errors[0].extensions.reason")).isEqualTo("INVALID_WINDOW");
        var zone = GraphQL.post(MetricsDocs.METRICS_NO_SPEND, Map.of("w", Map.of("from", "2025-03-01", "to", "2025-04-01",
                "timeZone", "Mars/Olympus_Mons")));
        assertThat(zone.getString("errors[0].extensions.reason")).isEqualTo("INVALID_TIME_ZONE");
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC); // within the date policy (±10 years), over 3700 days
        var tooLong = GraphQL.post(MetricsDocs.METRICS_NO_SPEND, Map.of("w", Map.of("from", today.minusYears(9).toString(),
                "to", today.plusYears(9).toString())));
        assertThat(tooLong.getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
        var page = GraphQL.post("query($w: MetricsWindowInput!) { metricsBreakdown(window: $w, by: DAY, first: 101) { totalCount } }",
                Map.of("w", MetricsFixtureTest.MARCH));
        assertThat(page.getString("errors[0].extensions.reason")).isEqualTo("INVALID_PAGE_SIZE");
        var id = GraphQL.post(MetricsDocs.METRICS, Map.of("w", MetricsFixtureTest.MARCH, "f", Map.of("campaignIds", java.util.List.of("x"))));
        assertThat(id.getString("errors[0].extensions.reason")).isEqualTo("INVALID_ID");
    }
}
