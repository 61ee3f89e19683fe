package io.leadproof.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadproof.common.NodeId;
import io.leadproof.metrics.MetricsRandomizedTest.Case;
import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * {@code MetricsBundle.quality} is exact: seeded random leads, handoffs, stored verdicts (VALID / SUSPECT / INVALID,
 * duplicates) and activities (some bot-flagged); for every case of {@link MetricsRandomizedTest} (windows, zones,
 * filters, every dimension), every group's quality equals plain SQL over lead, lead_quality, activity and handoff —
 * after the load, after random late changes, and after merges (a merged-away lead leaves the cohort with its verdict,
 * its activities count for the survivor).
 */
@QuarkusTest
@TestSecurity(user = "rita", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = MetricsQualityTest.WS, type = AttributeType.STRING_SET))
class MetricsQualityTest {

    static final String WS = "metrics-quality";
    static final long SEED = Long.getLong("metrics.seed", 20250301L) + 29;
    private static final String Q = "quality { invalid invalidShare suspect suspectShare duplicates duplicateShare activities botActivities botActivityShare }";
    private static final String[] STATUSES = { "VALID", "VALID", "SUSPECT", "INVALID", null };

    @Inject
    AgroalDataSource ds;

    @Test
    void quality_of_every_group_equals_plain_sql_before_and_after_changes_and_merges() {
        var data = new RandomData(SEED, new MetricsData(ds, WS));
        data.generate(300);
        var rnd = new Random(SEED);
        for (UUID lead : data.leads) {
            judge(data, rnd, lead);
            for (int i = rnd.nextInt(4); i > 0; i--) {
                data.d.exec("insert into activity (workspace_id, id, lead_id, client_event_id, type, occurred_at, recorded_at, bot_reason)"
                        + " values (?, ?, ?, ?, 'PRICING_PAGE_VIEW', now(), now(), ?)", WS, data.d.ids.get(), lead, "e-" + UUID.randomUUID(),
                        rnd.nextInt(4) == 0 ? "BURST" : null);
            }
        }
        var cases = MetricsRandomizedTest.cases(data);
        compare("initial load", cases);
        for (int i = 0; i < 120; i++) {
            data.change().run();
            if (i % 8 == 0) {
                judge(data, rnd, data.leads.get(rnd.nextInt(data.leads.size())));
            }
        }
        compare("after late changes", cases);
        int merged = 0;
        for (int i = 0; i < 30; i++) {
            UUID s = data.leads.get(rnd.nextInt(data.leads.size())), m = data.leads.get(rnd.nextInt(data.leads.size()));
            var r = GraphQL.ok("mutation($s: ID!, $m: ID!) { leadMerge(input: {survivorId: $s, mergedId: $m}) { userErrors { code } } }",
                    Map.of("s", NodeId.of("Lead", s), "m", NodeId.of("Lead", m)));
            merged += r.getList("data.leadMerge.userErrors").isEmpty() ? 1 : 0;
        }
        assertThat(merged).isPositive();
        compare("after merges (survivors judged anew)", cases);
    }

    private void judge(RandomData data, Random rnd, UUID lead) {
        String status = STATUSES[rnd.nextInt(STATUSES.length)];
        data.d.exec("delete from lead_quality where workspace_id = ? and lead_id = ?", WS, lead);
        if (status != null) {
            String codes = status.equals("VALID") ? "{}" : rnd.nextBoolean() ? "{DUPLICATE}" : "{EMAIL_ROLE_ACCOUNT,DUPLICATE}";
            data.d.exec("insert into lead_quality (workspace_id, lead_id, status, codes, issues, judged_at)"
                    + " select ?, ?, ?, ?::text[], '[]'::jsonb, now() where exists (select from lead where workspace_id = ? and id = ?)",
                    WS, lead, status, status.equals("SUSPECT") || rnd.nextInt(3) == 0 ? codes : "{}", WS, lead);
        }
    }

    private void compare(String phase, List<Case> cases) {
        for (var c : cases) {
            ZoneId zone = ZoneId.of(c.zone());
            var window = Map.<String, Object>of("from", c.from(), "to", c.to(), "timeZone", c.zone());
            if (c.by().equals("NONE")) {
                var api = GraphQL.ok("query($w: MetricsWindowInput!, $f: MetricsFilterInput) { metrics(window: $w, filter: $f) { leads " + Q + " } }",
                        Map.of("w", window, "f", c.filter())).getMap("data.metrics");
                var expected = truth(start(c.from(), zone), start(c.to(), zone), c, "NONE").getOrDefault(null, empty());
                assertThat(api.get("quality")).as(phase + " / " + c.name()).isEqualTo(expected);
                continue;
            }
            var page = GraphQL.ok("query($w: MetricsWindowInput!, $f: MetricsFilterInput, $by: MetricsDimension!) { metricsBreakdown("
                    + "window: $w, filter: $f, by: $by, first: 100) { edges { node { key { periodFrom periodTo campaignId source"
                    + " criteriaVersionId owner } metrics { " + Q + " } } } } }", Map.of("w", window, "f", c.filter(), "by", c.by()));
            List<Map<String, Object>> nodes = page.getList("data.metricsBreakdown.edges.node");
            boolean period = List.of("DAY", "WEEK", "MONTH", "QUARTER").contains(c.by());
            var all = period ? null : truth(start(c.from(), zone), start(c.to(), zone), c, c.by());
            for (var node : nodes) {
                @SuppressWarnings("unchecked")
                var key = (Map<String, Object>) node.get("key");
                @SuppressWarnings("unchecked")
                var quality = ((Map<String, Object>) node.get("metrics")).get("quality");
                Map<String, Object> expected = period
                        ? truth(start((String) key.get("periodFrom"), zone), start((String) key.get("periodTo"), zone), c, "NONE").getOrDefault(null, empty())
                        : all.getOrDefault(groupKey(c.by(), key), empty());
                assertThat(quality).as(phase + " / " + c.name() + " / " + key).isEqualTo(expected);
            }
        }
    }

    private static Instant start(String day, ZoneId zone) {
        return LocalDate.parse(day).atStartOfDay(zone).toInstant();
    }

    private static String groupKey(String by, Map<String, Object> key) {
        return switch (by) {
            case "CAMPAIGN" -> key.get("campaignId") == null ? null : NodeId.parse("Campaign", (String) key.get("campaignId")).toString();
            case "CRITERIA_VERSION" -> key.get("criteriaVersionId") == null ? null
                    : NodeId.parse("CriteriaVersion", (String) key.get("criteriaVersionId")).toString();
            case "SOURCE" -> (String) key.get("source");
            default -> (String) key.get("owner");
        };
    }

    /** The definitions, written a second time over the base tables: per group key, the expected quality object. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> truth(Instant start, Instant end, Case c, String by) {
        String owner = (String) c.filter().get("owner");
        boolean owners = by.equals("OWNER") || owner != null;
        String key = switch (by) {
            case "CAMPAIGN" -> "l.campaign_id::text";
            case "SOURCE" -> "l.source";
            case "CRITERIA_VERSION" -> "l.first_mql_version_id::text";
            case "OWNER" -> "o.owner";
            default -> "null::text";
        };
        var p = new ArrayList<Object>();
        var sql = new StringBuilder("select " + key + ", count(*), count(*) filter (where q.status = 'INVALID'),"
                + " count(*) filter (where q.status = 'SUSPECT'), count(*) filter (where 'DUPLICATE' = any(q.codes)),"
                + " coalesce(sum((select count(*) from activity a where a.workspace_id = l.workspace_id and a.lead_id = l.id)), 0),"
                + " coalesce(sum((select count(*) from activity a where a.workspace_id = l.workspace_id and a.lead_id = l.id"
                + " and a.bot_reason is not null)), 0) from lead l");
        if (owners) {
            sql.append(" join (select distinct lead_id, owner from handoff where workspace_id = ?) o on o.lead_id = l.id");
            p.add(WS);
            if (owner != null) {
                sql.append(" and o.owner = ?");
                p.add(owner);
            }
        }
        sql.append(" left join lead_quality q on q.workspace_id = l.workspace_id and q.lead_id = l.id"
                + " where l.workspace_id = ? and l.merged_into is null and l.created_at >= ? and l.created_at < ?");
        p.addAll(List.of(WS, Timestamp.from(start), Timestamp.from(end)));
        var campaigns = ((List<String>) c.filter().getOrDefault("campaignIds", List.of())).stream().map(id -> NodeId.parse("Campaign", id).toString()).toList();
        var versions = ((List<String>) c.filter().getOrDefault("criteriaVersionIds", List.of())).stream()
                .map(id -> NodeId.parse("CriteriaVersion", id).toString()).toList();
        var sources = (List<String>) c.filter().getOrDefault("sources", List.of());
        if (!campaigns.isEmpty()) {
            sql.append(" and l.campaign_id::text in (" + String.join(",", campaigns.stream().map(x -> "'" + x + "'").toList()) + ")");
        }
        if (!versions.isEmpty()) {
            sql.append(" and l.first_mql_version_id::text in (" + String.join(",", versions.stream().map(x -> "'" + x + "'").toList()) + ")");
        }
        if (!sources.isEmpty()) {
            sql.append(" and l.source in (" + String.join(",", sources.stream().map(x -> "'" + x + "'").toList()) + ")");
        }
        sql.append(" group by 1");
        return Db.in(ds, WS, conn -> {
            var result = new HashMap<String, Map<String, Object>>();
            try (var ps = conn.prepareStatement(sql.toString())) {
                for (int i = 0; i < p.size(); i++) {
                    ps.setObject(i + 1, p.get(i));
                }
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.put(rs.getString(1), expected(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                    }
                }
            }
            return result;
        });
    }

    private static Map<String, Object> empty() {
        return expected(0, 0, 0, 0, 0, 0);
    }

    private static Map<String, Object> expected(long leads, long invalid, long suspect, long duplicates, long activities, long bots) {
        var m = new TreeMap<String, Object>();
        m.put("invalid", (int) invalid);
        m.put("invalidShare", share(invalid, leads));
        m.put("suspect", (int) suspect);
        m.put("suspectShare", share(suspect, leads));
        m.put("duplicates", (int) duplicates);
        m.put("duplicateShare", share(duplicates, leads));
        m.put("activities", (int) activities);
        m.put("botActivities", (int) bots);
        m.put("botActivityShare", share(bots, activities));
        return m;
    }

    private static String share(long n, long d) {
        return d == 0 ? null : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(d), 4, RoundingMode.HALF_EVEN).toPlainString();
    }
}
