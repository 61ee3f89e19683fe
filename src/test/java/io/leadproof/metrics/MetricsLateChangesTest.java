package io.leadproof.metrics;

import static io.leadproof.metrics.MetricsData.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadproof.common.NodeId;
import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Late changes move the metrics of the cohort they belong to, and nothing else: a rejection in June of a January lead,
 * a March lead's deal won in September, a January cost recorded afterwards. Every other number of every month stays.
 */
@QuarkusTest
@TestSecurity(user = "leo", roles = { "leadership", "marketing" },
        attributes = @SecurityAttribute(key = "workspaces", value = "metrics-late", type = AttributeType.STRING_SET))
class MetricsLateChangesTest {

    static final UUID CAMPAIGN = UUID.fromString("00000000-0000-4000-8000-0000000000cc");
    static final Map<String, Object> JAN = Map.of("from", "2025-01-01", "to", "2025-02-01");
    static final Map<String, Object> MAR = Map.of("from", "2025-03-01", "to", "2025-04-01");

    @Inject
    AgroalDataSource ds;

    @Test
    void a_late_change_moves_only_its_own_cohort() {
        var d = new MetricsData(ds, "metrics-late");
        d.workspace("EUR", 24);
        d.campaign(CAMPAIGN, "P", "PAID_SEARCH");
        d.cost(CAMPAIGN, java.time.LocalDate.parse("2025-01-05"), "100.00", "EUR");
        d.cost(CAMPAIGN, java.time.LocalDate.parse("2025-03-05"), "200.00", "EUR");
        UUID j1 = d.lead(at("2025-01-10T10:00:00Z"), CAMPAIGN, "PAID_SEARCH", at("2025-01-10T11:00:00Z"), HandFixture.V1, "SAL");
        UUID hj1 = handoff(d, j1, 70, "2025-01-11T00:00:00Z");
        d.accept(hj1, at("2025-01-11T02:00:00Z"));
        UUID j2 = d.lead(at("2025-01-20T10:00:00Z"), CAMPAIGN, "PAID_SEARCH", at("2025-01-20T11:00:00Z"), HandFixture.V1, "SQL");
        UUID hj2 = handoff(d, j2, 80, "2025-01-21T00:00:00Z");
        d.accept(hj2, at("2025-01-21T01:00:00Z"));
        d.opportunity(hj2, at("2025-01-25T00:00:00Z"));
        UUID m1 = d.lead(at("2025-03-05T10:00:00Z"), CAMPAIGN, "PAID_SEARCH", at("2025-03-05T11:00:00Z"), HandFixture.V1, "SQL");
        UUID hm1 = handoff(d, m1, 90, "2025-03-06T00:00:00Z");
        d.accept(hm1, at("2025-03-06T03:00:00Z"));
        d.opportunity(hm1, at("2025-03-10T00:00:00Z"));
        d.lead(at("2025-03-12T10:00:00Z"), CAMPAIGN, "PAID_SEARCH", null, null, "NEW");

        var jan0 = bundle(JAN);
        var mar0 = bundle(MAR);
        var months0 = months();
        assertThat(jan0).containsEntry("accepted", 2).containsEntry("acceptanceRate", "1.0000").containsEntry("spend.cpl.amount", "50.00");
        assertThat(mar0).containsEntry("won", 0).containsEntry("spend.roi", "-1.0000");

        // 1. June: sales rejects J1, which it had accepted in January → January's cohort, nobody else
        d.reject(hj1, at("2025-06-15T09:00:00Z"), "NOT_ICP", "FIT", "RECYCLED");
        var jan1 = bundle(JAN);
        assertThat(jan1).isEqualTo(with(jan0, Map.ofEntries(
                Map.entry("accepted", 1), Map.entry("rejected", 1), Map.entry("badLeads", 1),
                Map.entry("acceptanceRate", "0.5000"),                 // 1 / (1 + 1)
                Map.entry("badLeadRate", "0.5000"),                    // 1 / 2
                Map.entry("rejectionsByReason[0].code", "NOT_ICP"), Map.entry("rejectionsByReason[0].category", "FIT"),
                Map.entry("rejectionsByReason[0].count", 1),
                Map.entry("conversion.mqlToSal", "0.5000"),            // 1 / 2
                Map.entry("conversion.salToSql", "1.0000"),            // 1 / 1
                Map.entry("spend.costPerSal.amount", "100.00"))));     // 100 / 1
        assertThat(bundle(MAR)).isEqualTo(mar0);
        var months1 = months();
        assertThat(without(months1, "2025-01-01")).isEqualTo(without(months0, "2025-01-01"));
        assertThat(months1.get("2025-01-01")).isEqualTo(jan1);

        // 2. September: M1's opportunity (March cohort) is won → March only, not September
        d.win(hm1, at("2025-09-01T12:00:00Z"), "4200.00", "EUR");
        var mar2 = bundle(MAR);
        assertThat(mar2).isEqualTo(with(mar0, Map.ofEntries(
                Map.entry("won", 1), Map.entry("revenue.amount", "4200.00"),
                Map.entry("conversion.sqlToWon", "1.0000"),            // 1 / 1
                Map.entry("conversion.leadToWon", "0.5000"),           // 1 / 2
                Map.entry("scoreBandOutcomes[0].won", 1), Map.entry("scoreBandOutcomes[0].winRate", "1.0000"),
                Map.entry("scoreBandOutcomes[0].averageWonAmount.amount", "4200.00"),
                Map.entry("scoreBandOutcomes[0].averageWonAmount.currency", "EUR"),
                Map.entry("spend.cpa.amount", "200.00"),               // 200 / 1
                Map.entry("spend.roi", "20.0000"))));                  // (4200 - 200) / 200
        assertThat(bundle(JAN)).isEqualTo(jan1);
        var months2 = months();
        assertThat(without(months2, "2025-03-01")).isEqualTo(without(months1, "2025-03-01"));

        // 3. A January cost recorded afterwards (through the API) → January's spend only; a foreign currency is refused
        var refused = GraphQL.ok(COST, Map.of("i", cost("2025-01-31", "50.00", "USD")));
        assertThat(refused.getList("data.campaignCostRecord.userErrors.code")).contains("CURRENCY_MISMATCH");
        GraphQL.ok(COST, Map.of("i", cost("2025-01-31", "50.00", "EUR")));
        assertThat(bundle(JAN)).isEqualTo(with(jan1, Map.ofEntries(
                Map.entry("spend.total.amount", "150.00"),             // 100 + 50
                Map.entry("spend.cpl.amount", "75.00"),                // 150 / 2
                Map.entry("spend.costPerMql.amount", "75.00"),         // 150 / 2
                Map.entry("spend.costPerSal.amount", "150.00"),        // 150 / 1
                Map.entry("spend.costPerSql.amount", "150.00"))));     // 150 / 1 (J2)
        assertThat(bundle(MAR)).isEqualTo(mar2);
        assertThat(without(months(), "2025-01-01")).isEqualTo(without(months2, "2025-01-01"));
    }

    static final String COST = "mutation($i: CampaignCostRecordInput!) { campaignCostRecord(input: $i) { userErrors { code } } }";

    private static Map<String, Object> cost(String day, String amount, String currency) {
        return Map.of("campaignId", NodeId.of("Campaign", CAMPAIGN), "incurredOn", day,
                "amount", Map.of("amount", amount, "currency", currency));
    }

    private static UUID handoff(MetricsData d, UUID lead, int score, String createdAt) {
        return d.handoff(lead, "sam", score, at(createdAt), at(createdAt).plus(24, ChronoUnit.HOURS));
    }

    /** The bundle of a window, flattened to path → value, without asOf. */
    private static Map<String, Object> bundle(Map<String, Object> window) {
        return flat(GraphQL.ok(MetricsDocs.METRICS, Map.of("w", window)).getMap("data.metrics"));
    }

    /** Monthly bundles January to October, flattened, by month. */
    private static Map<String, Map<String, Object>> months() {
        var json = GraphQL.ok(MetricsDocs.BREAKDOWN, Map.of("w", Map.of("from", "2025-01-01", "to", "2025-11-01"), "by", "MONTH"));
        var result = new TreeMap<String, Map<String, Object>>();
        List<Map<String, Object>> nodes = json.getList("data.metricsBreakdown.edges.node");
        for (var node : nodes) {
            @SuppressWarnings("unchecked")
            var key = (Map<String, Object>) node.get("key");
            @SuppressWarnings("unchecked")
            var metrics = (Map<String, Object>) node.get("metrics");
            result.put((String) key.get("periodFrom"), flat(metrics));
        }
        assertThat(result).hasSize(10);
        return result;
    }

    private static Map<String, Object> with(Map<String, Object> before, Map<String, Object> changes) {
        var after = new TreeMap<>(before);
        changes.keySet().forEach(path -> after.keySet().removeIf(k -> path.startsWith(k + ".")));  // null object → its fields
        after.putAll(changes);
        return after;
    }

    private static Map<String, Map<String, Object>> without(Map<String, Map<String, Object>> months, String month) {
        var copy = new TreeMap<>(months);
        copy.remove(month);
        return copy;
    }

    static Map<String, Object> flat(Map<String, Object> json) {
        var out = new TreeMap<String, Object>();
        flatten("", json, out);
        out.remove("asOf");
        return out;
    }

    private static void flatten(String prefix, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? (String) k : prefix + "." + k, v, out));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else {
            out.put(prefix, value);
        }
    }
}
