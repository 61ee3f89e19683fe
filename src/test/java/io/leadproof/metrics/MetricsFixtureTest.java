package io.leadproof.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
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

/** Every metric of the {@link HandFixture} data set, worked out by hand (the comments show the arithmetic). */
@QuarkusTest
@TestSecurity(user = "leo", roles = "leadership",
        attributes = @SecurityAttribute(key = "workspaces", value = "metrics-fixture", type = AttributeType.STRING_SET))
class MetricsFixtureTest {

    static final Map<String, Object> MARCH = Map.of("from", "2025-03-01", "to", "2025-04-01");
    static boolean seeded;

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void seed() {
        if (!seeded) {
            HandFixture.seed(new MetricsData(ds, "metrics-fixture"));
            seeded = true;
        }
    }

    static JsonPath metrics(Map<String, Object> window, Map<String, Object> filter, Integer bandWidth) {
        var vars = new HashMap<String, Object>(Map.of("w", window));
        if (filter != null) {
            vars.put("f", filter);
        }
        if (bandWidth != null) {
            vars.put("bw", bandWidth);
        }
        return GraphQL.ok(MetricsDocs.METRICS, vars);
    }

    @Test
    void march_in_utc_every_metric() {
        var m = metrics(MARCH, null, null).setRootPath("data.metrics");
        assertThat(m.getString("currency")).isEqualTo("EUR");
        // cohort: L1 (00:00 on the first, inclusive), L2, L3, L10, L4, L5, L6, L7 (23:59:59.9999 on the 31st);
        // L9 is a second early, L8 is exactly on the exclusive end
        assertThat(m.getInt("leads")).isEqualTo(8);
        assertThat(m.getInt("mqls")).isEqualTo(6);                           // L1 L2 L3 L10 L4 L6
        assertThat(m.getString("qualificationRate")).isEqualTo("0.7500");    // 6 / 8
        assertThat(m.getInt("handoffs")).isEqualTo(6);                       // L1 L2 L3 L10 L4 L6 (L2 twice: counted once)
        assertThat(m.getInt("accepted")).isEqualTo(3);                       // L1 (won), L2 (H3 lost), L10 (won)
        assertThat(m.getInt("rejected")).isEqualTo(2);                       // L2 (H2), L6 (H6)
        assertThat(m.getString("acceptanceRate")).isEqualTo("0.6000");       // 3 / (3 + 2)
        assertThat(m.getList("rejectionsByReason")).containsExactly(
                Map.of("code", "NO_BUDGET", "category", "BUDGET", "count", 1),
                Map.of("code", "SPAM_OR_BOT", "category", "DATA_QUALITY", "count", 1));
        assertThat(m.getInt("badLeads")).isEqualTo(3);                       // rejected {L2, L6} ∪ disqualified {L5, L6}
        assertThat(m.getString("badLeadRate")).isEqualTo("0.3750");          // 3 / 8
        assertThat(m.getInt("sqls")).isEqualTo(3);                           // L1, L2 (H3), L10
        assertThat(m.getInt("won")).isEqualTo(2);                            // L1, L10
        assertThat(m.getInt("lost")).isEqualTo(1);                           // L2
        assertThat(m.getString("conversion.leadToMql")).isEqualTo("0.7500"); // 6 / 8
        assertThat(m.getString("conversion.mqlToSal")).isEqualTo("0.5000");  // 3 / 6
        assertThat(m.getString("conversion.salToSql")).isEqualTo("1.0000");  // 3 / 3
        assertThat(m.getString("conversion.sqlToWon")).isEqualTo("0.6667");  // 2 / 3 = 0.66666… half-even
        assertThat(m.getString("conversion.leadToWon")).isEqualTo("0.2500"); // 2 / 8
        assertThat(m.getString("revenue.amount")).isEqualTo("15000.50");     // 12000.00 + 3000.50 (won in June and April)
        // spend: costs dated 03-01 300.00 + 03-31 200.00 + 03-15 1000.00; 02-28 and 04-01 are outside
        assertThat(m.getString("spend.total.amount")).isEqualTo("1500.00");
        assertThat(m.getString("spend.total.currency")).isEqualTo("EUR");
        assertThat(m.getString("spend.cpl.amount")).isEqualTo("187.50");        // 1500 / 8
        assertThat(m.getString("spend.costPerMql.amount")).isEqualTo("250.00");  // 1500 / 6
        assertThat(m.getString("spend.costPerSal.amount")).isEqualTo("500.00");  // 1500 / 3
        assertThat(m.getString("spend.costPerSql.amount")).isEqualTo("500.00");  // 1500 / 3
        assertThat(m.getString("spend.cpa.amount")).isEqualTo("750.00");         // 1500 / 2
        assertThat(m.getString("spend.roi")).isEqualTo("9.0003");                // (15000.50 - 1500) / 1500 = 9.000333…
        // responses: H1 7200 s, H2 172800 s, H3 5400 s (in April: still the March cohort), H4 21600 s (touch),
        // H6 3600 s, H7 3600 s; H5 none → sorted 3600 3600 5400 7200 21600 172800
        assertThat(m.getInt("responseTime.responded")).isEqualTo(6);
        assertThat(m.getLong("responseTime.medianSeconds")).isEqualTo(5400L);    // rank ceil(0.5 × 6) = 3
        assertThat(m.getLong("responseTime.p90Seconds")).isEqualTo(172800L);     // rank ceil(0.9 × 6) = 6
        assertThat(m.getInt("slaBreaches")).isEqualTo(2);                        // H2 answered after 48 h; H5 never, due passed
        // bands of 10: H6 48 | H2 55 | H3 64, H7 66 (won 3000.50) | H1 72 (won 12000.00) | H4 81 | H5 90
        assertThat(m.getList("scoreBandOutcomes")).containsExactly(
                band(40, 50, 1, 0, "0.0000", null), band(50, 60, 1, 0, "0.0000", null),
                band(60, 70, 2, 1, "0.5000", "3000.50"), band(70, 80, 1, 1, "1.0000", "12000.00"),
                band(80, 90, 1, 0, "0.0000", null), band(90, 100, 1, 0, "0.0000", null));
    }

    @Test
    void score_bands_of_another_width() {
        var m = metrics(MARCH, null, 25).setRootPath("data.metrics");
        // [25,50): H6 48 | [50,75): H2 55, H3 64, H7 66, H1 72 → won H7, H1: 2 / 4, (3000.50 + 12000.00) / 2 | [75,100): H4 81, H5 90
        assertThat(m.getList("scoreBandOutcomes")).containsExactly(band(25, 50, 1, 0, "0.0000", null),
                band(50, 75, 4, 2, "0.5000", "7500.25"), band(75, 100, 2, 0, "0.0000", null));
    }

    @Test
    void the_time_zone_moves_the_cohort_but_not_the_cost_days() {
        // New York: March = [03-01 05:00Z, 04-01 04:00Z) (DST began 03-09): L1 falls out (Feb 28 19:00 local), L8 comes in
        var ny = metrics(Map.of("from", "2025-03-01", "to", "2025-04-01", "timeZone", "America/New_York"), null, null)
                .setRootPath("data.metrics");
        assertThat(ny.getInt("leads")).isEqualTo(8);                      // L2 L3 L10 L4 L5 L6 L7 L8
        assertThat(ny.getInt("mqls")).isEqualTo(6);                       // L2 L3 L10 L4 L6 L8
        assertThat(ny.getInt("won")).isEqualTo(2);                        // L10, L8
        assertThat(ny.getString("revenue.amount")).isEqualTo("3500.50");  // 3000.50 + 500.00
        assertThat(ny.getString("spend.total.amount")).isEqualTo("1500.00");
        // Kolkata (+05:30): March = [02-28 18:30Z, 03-31 18:30Z): L9 comes in, L7 falls out
        var kolkata = metrics(Map.of("from", "2025-03-01", "to", "2025-04-01", "timeZone", "Asia/Kolkata"), null, null)
                .setRootPath("data.metrics");
        assertThat(kolkata.getInt("leads")).isEqualTo(8);                 // L9 L1 L2 L3 L10 L4 L5 L6
        assertThat(kolkata.getInt("mqls")).isEqualTo(6);
        assertThat(kolkata.getString("revenue.amount")).isEqualTo("15000.50");
    }

    @Test
    void an_empty_cohort_has_null_ratios_never_zero() {
        var m = metrics(Map.of("from", "2030-01-01", "to", "2030-02-01"), null, null).setRootPath("data.metrics");
        assertThat(m.getInt("leads")).isZero();
        assertThat(m.getString("qualificationRate")).isNull();
        assertThat(m.getString("acceptanceRate")).isNull();
        assertThat(m.getString("badLeadRate")).isNull();
        assertThat(m.getMap("conversion").values()).containsOnlyNulls();
        assertThat(m.getString("revenue.amount")).isEqualTo("0.00");
        assertThat(m.getString("spend.total.amount")).isEqualTo("0.00");
        assertThat(m.getString("spend.cpl")).isNull();
        assertThat(m.getString("spend.roi")).isNull();
        assertThat(m.getString("responseTime.medianSeconds")).isNull();
        assertThat(m.getList("scoreBandOutcomes")).isEmpty();
        assertThat(m.getList("rejectionsByReason")).isEmpty();
    }

    @Test
    void a_criteria_version_filter_narrows_the_cohort_and_makes_spend_unattributable() {
        var m = metrics(MARCH, Map.of("criteriaVersionIds", List.of(NodeId.of("CriteriaVersion", HandFixture.V1))), null)
                .setRootPath("data.metrics");
        assertThat(m.getInt("leads")).isEqualTo(4);                        // L1 L2 L10 L6
        assertThat(m.getInt("won")).isEqualTo(2);
        assertThat(m.getString("qualificationRate")).isEqualTo("1.0000");
        assertThat(m.getString("spend")).isNull();
    }

    @Test
    void campaign_and_source_filters_narrow_leads_and_spend() {
        var a = metrics(MARCH, Map.of("campaignIds", List.of(NodeId.of("Campaign", HandFixture.CAMPAIGN_A))), null)
                .setRootPath("data.metrics");
        assertThat(a.getInt("leads")).isEqualTo(3);                        // L1 L2 L7
        assertThat(a.getString("spend.total.amount")).isEqualTo("500.00"); // 300.00 + 200.00
        assertThat(a.getString("spend.cpl.amount")).isEqualTo("166.67");   // 500 / 3 = 166.666…
        var event = metrics(MARCH, Map.of("sources", List.of("EVENT")), null).setRootPath("data.metrics");
        assertThat(event.getInt("leads")).isEqualTo(3);                     // L3 L10 L4
        assertThat(event.getString("spend.total.amount")).isEqualTo("1000.00"); // campaign B is the EVENT channel
        assertThat(event.getString("spend.roi")).isEqualTo("2.0005");           // (3000.50 - 1000) / 1000
    }

    static Map<String, Object> band(int from, int to, int handoffs, int won, String winRate, String average) {
        var m = new HashMap<String, Object>();
        m.put("from", from);
        m.put("to", to);
        m.put("handoffs", handoffs);
        m.put("won", won);
        m.put("winRate", winRate);
        m.put("averageWonAmount", average == null ? null : Map.of("amount", average, "currency", "EUR"));
        return m;
    }
}
