package io.leadproof.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * Seeded random data; every metric of every group of many windows, time zones, filters and breakdowns, as the API
 * answers it, equals what {@link MetricsTruth} computes with plain SQL over the base tables — after the initial load,
 * after sequential late changes (updates and deletes of every kind) and after concurrent ones. The seed can be
 * changed with -Dmetrics.seed=N.
 */
@QuarkusTest
@TestSecurity(user = "leo", roles = "leadership",
        attributes = @SecurityAttribute(key = "workspaces", value = MetricsRandomizedTest.WS, type = AttributeType.STRING_SET))
class MetricsRandomizedTest {

    static final String WS = "metrics-random";
    static final long SEED = Long.getLong("metrics.seed", 20250301L);

    record Case(String name, String from, String to, String zone, String by, Map<String, Object> filter, int width) {
        Case(String name, String from, String to, String zone, String by, Map<String, Object> filter) {
            this(name, from, to, zone, by, filter, 10);
        }
    }

    @Inject
    AgroalDataSource ds;

    @Test
    void every_metric_equals_plain_sql_over_the_base_tables_before_and_after_late_and_concurrent_changes() throws Exception {
        var data = new RandomData(SEED, new MetricsData(ds, WS));
        data.generate(600);
        var cases = cases(data);
        compareAll("initial load", cases);
        MetricsInvariants.check(ds, WS);

        for (int i = 0; i < 250; i++) {
            data.change().run();
            if (i % 60 == 0) {
                MetricsInvariants.compact(ds, WS, 3);  // partial compaction in between: reads must not care
            }
        }
        compareAll("after sequential late changes", cases);
        MetricsInvariants.check(ds, WS);

        var changes = new ArrayList<Runnable>();
        for (int i = 0; i < 400; i++) {
            changes.add(data.change());
        }
        try (var pool = Executors.newFixedThreadPool(6)) {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < 6; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    for (int i = offset; i < changes.size(); i += 6) {
                        changes.get(i).run();
                    }
                }));
            }
            futures.add(pool.submit(() -> MetricsInvariants.compact(ds, WS, 1000)));
            for (var f : futures) {
                f.get();  // a deadlock or any other failure of a writer fails the test here
            }
        }
        compareAll("after concurrent changes", cases);
        MetricsInvariants.check(ds, WS);
        MetricsInvariants.compact(ds, WS, 100_000);
        MetricsInvariants.check(ds, WS);
        compareAll("after full compaction", cases);
    }

    static List<Case> cases(RandomData data) {
        String c0 = NodeId.of("Campaign", data.campaigns.get(0)), c3 = NodeId.of("Campaign", data.campaigns.get(3));
        String v0 = NodeId.of("CriteriaVersion", data.versions.get(0)), v2 = NodeId.of("CriteriaVersion", data.versions.get(2));
        return List.of(
                new Case("all, UTC", "2024-12-01", "2025-09-01", "UTC", "NONE", Map.of()),
                new Case("all, bands of 7 (detailed path)", "2024-12-01", "2025-09-01", "UTC", "NONE", Map.of(), 7),
                new Case("all, bands of 25", "2025-01-15", "2025-06-15", "Pacific/Chatham", "NONE", Map.of(), 25),
                new Case("Los Angeles", "2025-02-01", "2025-05-01", "America/Los_Angeles", "NONE", Map.of()),
                new Case("Kathmandu +05:45", "2025-03-10", "2025-03-20", "Asia/Kathmandu", "NONE", Map.of()),
                new Case("months, Berlin", "2025-01-01", "2025-07-01", "Europe/Berlin", "MONTH", Map.of()),
                new Case("weeks, UTC", "2025-03-01", "2025-04-15", "UTC", "WEEK", Map.of()),
                new Case("days, Lord Howe (+10:30/+11)", "2025-03-28", "2025-04-09", "Australia/Lord_Howe", "DAY", Map.of()),
                new Case("quarters, New York", "2024-12-15", "2025-07-01", "America/New_York", "QUARTER", Map.of()),
                new Case("campaigns", "2024-12-01", "2025-09-01", "UTC", "CAMPAIGN", Map.of()),
                new Case("sources of two campaigns", "2025-01-01", "2025-07-01", "Asia/Tokyo", "SOURCE",
                        Map.of("campaignIds", List.of(c0, c3))),
                new Case("criteria versions", "2024-12-01", "2025-09-01", "UTC", "CRITERIA_VERSION", Map.of()),
                new Case("owners, New York", "2025-01-01", "2025-07-01", "America/New_York", "OWNER", Map.of()),
                new Case("ben, paid sources", "2025-01-01", "2025-07-01", "UTC", "NONE",
                        Map.of("owner", "ben", "sources", List.of("PAID_SEARCH", "PAID_SOCIAL"))),
                new Case("two versions of one campaign, by month", "2025-01-01", "2025-07-01", "UTC", "MONTH",
                        Map.of("criteriaVersionIds", List.of(v0, v2), "campaignIds", List.of(c0))),
                new Case("email source, by campaign", "2025-02-10", "2025-06-20", "Europe/London", "CAMPAIGN",
                        Map.of("sources", List.of("EMAIL"))));
    }

    private void compareAll(String phase, List<Case> cases) throws Exception {
        compareAll(ds, WS, phase, cases);
    }

    /** Every case as the API answers it (for the caller's test identity) equals {@link MetricsTruth} over workspace ws. */
    static void compareAll(AgroalDataSource ds, String ws, String phase, List<Case> cases) throws Exception {
        var truth = new MetricsTruth(ds, ws);
        for (var c : cases) {
            ZoneId zone = ZoneId.of(c.zone());
            var api = api(c);
            var f = truthFilter(c.filter());
            if (c.by().equals("NONE") || List.of("CAMPAIGN", "SOURCE", "CRITERIA_VERSION", "OWNER").contains(c.by())) {
                var first = api.values().iterator().next();
                Instant now = OffsetDateTime.parse((String) first.remove("asOf")).toInstant();
                api.values().forEach(b -> b.remove("asOf"));
                LocalDate from = LocalDate.parse(c.from()), to = LocalDate.parse(c.to());
                var expected = truth.bundles(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant(), from, to, f,
                        c.by(), now, c.width(), true);
                assertThat(api).as(phase + " / " + c.name()).isEqualTo(expected);
                continue;
            }
            LocalDate expectedFrom = LocalDate.parse(c.from());
            for (var e : api.entrySet()) {
                var period = e.getKey().split("/");
                assertThat(period[0]).as(phase + " / " + c.name() + ": periods are contiguous").isEqualTo(expectedFrom.toString());
                expectedFrom = LocalDate.parse(period[1]);
                Instant now = OffsetDateTime.parse((String) e.getValue().remove("asOf")).toInstant();
                LocalDate from = LocalDate.parse(period[0]), to = LocalDate.parse(period[1]);
                var expected = truth.bundles(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant(), from, to, f,
                        "NONE", now, 10, true).get(null);
                assertThat(e.getValue()).as(phase + " / " + c.name() + " / " + e.getKey()).isEqualTo(expected);
            }
            assertThat(expectedFrom.toString()).as(phase + " / " + c.name() + ": periods cover the window").isEqualTo(c.to());
        }
    }

    /** All groups of a case, paging through the breakdown, normalised; keyed by group key (or "from/to" for periods). */
    private static Map<String, Map<String, Object>> api(Case c) {
        var window = Map.<String, Object>of("from", c.from(), "to", c.to(), "timeZone", c.zone());
        var result = new TreeMap<String, Map<String, Object>>(MetricsCursor.ORDER);
        if (c.by().equals("NONE")) {
            var json = GraphQL.ok(MetricsDocs.METRICS, Map.of("w", window, "f", c.filter(), "bw", c.width()));
            result.put(null, normalise(json.getMap("data.metrics")));
            return result;
        }
        String after = null;
        do {
            var vars = new HashMap<String, Object>(Map.of("w", window, "f", c.filter(), "by", c.by(), "first", 7));
            if (after != null) {
                vars.put("after", after);
            }
            var page = GraphQL.ok(MetricsDocs.BREAKDOWN, vars).setRootPath("data.metricsBreakdown");
            List<Map<String, Object>> nodes = page.getList("edges.node");
            for (var node : nodes) {
                @SuppressWarnings("unchecked")
                var key = (Map<String, Object>) node.get("key");
                @SuppressWarnings("unchecked")
                var bundle = normalise((Map<String, Object>) node.get("metrics"));
                result.put(groupKey(c.by(), key), bundle);
            }
            after = page.getBoolean("pageInfo.hasNextPage") ? page.getString("pageInfo.endCursor") : null;
        } while (after != null);
        return result;
    }

    private static String groupKey(String by, Map<String, Object> key) {
        return switch (by) {
            case "CAMPAIGN" -> key.get("campaignId") == null ? null : NodeId.parse("Campaign", (String) key.get("campaignId")).toString();
            case "SOURCE" -> (String) key.get("source");
            case "CRITERIA_VERSION" -> key.get("criteriaVersionId") == null ? null
                    : NodeId.parse("CriteriaVersion", (String) key.get("criteriaVersionId")).toString();
            case "OWNER" -> (String) key.get("owner");
            default -> key.get("periodFrom") + "/" + key.get("periodTo");
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> normalise(Map<String, Object> b) {
        var m = new LinkedHashMap<String, Object>(b);
        m.remove("currency");
        m.put("revenue", ((Map<String, Object>) b.get("revenue")).get("amount"));
        var rt = (Map<String, Object>) b.get("responseTime");
        m.put("responseTime", MetricsTruth.response(((Number) rt.get("responded")).intValue(), longOrNull(rt.get("medianSeconds")),
                longOrNull(rt.get("p90Seconds"))));
        var spend = (Map<String, Object>) m.remove("spend");
        if (spend != null) {
            var s = new HashMap<String, Object>();
            spend.forEach((k, v) -> s.put(k, v instanceof Map<?, ?> money ? money.get("amount") : v));
            m.put("spend", s);
        }
        return m;
    }

    private static Long longOrNull(Object v) {
        return v == null ? null : ((Number) v).longValue();
    }

    @SuppressWarnings("unchecked")
    private static MetricsTruth.Filter truthFilter(Map<String, Object> f) {
        var campaigns = ((List<String>) f.getOrDefault("campaignIds", List.of())).stream().map(id -> NodeId.parse("Campaign", id)).toList();
        var versions = ((List<String>) f.getOrDefault("criteriaVersionIds", List.of())).stream()
                .map(id -> NodeId.parse("CriteriaVersion", id)).toList();
        return new MetricsTruth.Filter(campaigns, (List<String>) f.getOrDefault("sources", List.of()), versions, (String) f.get("owner"));
    }
}
