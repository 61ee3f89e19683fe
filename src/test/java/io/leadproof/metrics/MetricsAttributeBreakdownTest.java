package io.leadproof.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * A team that imported its CRM's traits asks for the funnel per trait: {@code metricsBreakdown(by: CUSTOM_ATTRIBUTE)}.
 * Seeded random leads, handoffs and custom attributes (TEXT, NUMBER with and without bins, DATE by month, BOOLEAN, with
 * values not of the type and leads without the attribute); every metric of every group, paged, equals
 * {@link MetricsTruth} (plain SQL over lead and handoff) grouped by the attribute — after the load, after random late
 * changes and changed attributes, and after merges.
 */
@QuarkusTest
@TestSecurity(user = "rita", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = MetricsAttributeBreakdownTest.WS, type = AttributeType.STRING_SET))
class MetricsAttributeBreakdownTest {

    static final String WS = "metrics-attribute";
    private static final long SEED = Long.getLong("metrics.seed", 20250301L) + 41;
    private static final String NUMBER = "'^-{0,1}[0-9]+([.][0-9]+){0,1}$'";
    private static final String DOC = MetricsDocs.BUNDLE + MetricsDocs.SPEND + """
            query($w: MetricsWindowInput!, $f: MetricsFilterInput, $a: MetricsAttributeInput, $after: String) {
              metricsBreakdown(window: $w, filter: $f, by: CUSTOM_ATTRIBUTE, attribute: $a, first: 3, after: $after) {
                by totalCount pageInfo { hasNextPage endCursor }
                edges { node { key { owner source attribute { value upTo ofType } } metrics { ...B ...S } } } } }""";

    /** A breakdown case: the attribute input, and the same grouping written independently as SQL over lead l. */
    record Case(String name, String from, String to, String zone, Map<String, Object> filter, Map<String, Object> attribute,
            String truthKey) {
    }

    @Inject
    AgroalDataSource ds;

    @Test
    void every_metric_of_every_attribute_group_equals_plain_sql_before_and_after_changes_and_merges() throws Exception {
        var data = new RandomData(SEED, new MetricsData(ds, WS));
        data.generate(300);
        var rnd = new Random(SEED);
        data.leads.forEach(lead -> traits(data, rnd, lead));
        for (int i = 0; i < 400; i++) {
            UUID lead = data.leads.get(rnd.nextInt(data.leads.size()));
            data.d.exec("insert into activity (workspace_id, id, lead_id, client_event_id, type, occurred_at, recorded_at)"
                    + " values (?, ?, ?, ?, 'PRICING_PAGE_VIEW', now(), now())", WS, data.d.ids.get(), lead, "e-" + i);
            if (i % 4 == 0) {
                data.d.exec("insert into lead_quality (workspace_id, lead_id, status, codes, issues, judged_at)"
                        + " values (?, ?, 'INVALID', '{}', '[]'::jsonb, now()) on conflict do nothing", WS, lead);
            }
        }
        String c0 = NodeId.of("Campaign", data.campaigns.get(0)), c1 = NodeId.of("Campaign", data.campaigns.get(1));
        var cases = List.of(
                new Case("tier as text, UTC", "2024-12-01", "2025-09-01", "UTC", Map.of(), Map.of("key", "tier"),
                        "'=' || (l.custom_attributes ->> 'tier')"),
                new Case("seats as numbers, Berlin, two campaigns", "2025-01-01", "2025-07-01", "Europe/Berlin",
                        Map.of("campaignIds", List.of(c0, c1)), Map.of("key", "seats", "type", "NUMBER"), number("trim_scale(%s::numeric)")),
                new Case("seats in bins of 25, ben's handoffs", "2024-12-01", "2025-09-01", "UTC", Map.of("owner", "ben"),
                        Map.of("key", "seats", "type", "NUMBER", "binWidth", "25"), number("trim_scale(floor(%s::numeric / 25) * 25)")),
                new Case("signup month, Kathmandu", "2025-02-01", "2025-06-01", "Asia/Kathmandu", Map.of(),
                        Map.of("key", "signup", "type", "DATE", "dateBin", "MONTH"),
                        "case when l.custom_attributes ->> 'signup' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then '=' || substr(l.custom_attributes"
                                + " ->> 'signup', 1, 7) || '-01' when l.custom_attributes ->> 'signup' is not null then '!' end"),
                new Case("trial as boolean, paid sources", "2024-12-01", "2025-09-01", "America/New_York",
                        Map.of("sources", List.of("PAID_SEARCH", "PAID_SOCIAL", "EMAIL")), Map.of("key", "trial", "type", "BOOLEAN"),
                        "case when l.custom_attributes ->> 'trial' in ('true', 'false') then '=' || (l.custom_attributes ->> 'trial')"
                                + " when l.custom_attributes ->> 'trial' is not null then '!' end"));
        compare("initial load", cases);
        for (int i = 0; i < 150; i++) {
            data.change().run();
            if (i % 5 == 0) {
                traits(data, rnd, data.leads.get(rnd.nextInt(data.leads.size())));
            }
        }
        compare("after late changes and changed attributes", cases);
        int merged = 0;
        for (int i = 0; i < 25; i++) {
            UUID s = data.leads.get(rnd.nextInt(data.leads.size())), m = data.leads.get(rnd.nextInt(data.leads.size()));
            var r = GraphQL.ok("mutation($s: ID!, $m: ID!) { leadMerge(input: {survivorId: $s, mergedId: $m}) { userErrors { code } } }",
                    Map.of("s", NodeId.of("Lead", s), "m", NodeId.of("Lead", m)));
            merged += r.getList("data.leadMerge.userErrors").isEmpty() ? 1 : 0;
        }
        assertThat(merged).isPositive();
        compare("after merges (the survivor keeps its own values, fills the gaps)", cases);
        quality();
        refusals(data);
    }

    /** MetricsBundle.quality of each attribute group counts that group's leads' activities and verdicts. */
    private void quality() {
        var api = GraphQL.ok("query { metricsBreakdown(window: {from: \"2024-12-01\", to: \"2025-09-01\"}, by: CUSTOM_ATTRIBUTE,"
                + " attribute: {key: \"tier\"}, first: 100) { edges { node { key { attribute { value } } metrics { leads"
                + " quality { invalid activities } } } } } }").getList("data.metricsBreakdown.edges.node", Map.class);
        var expected = Db.in(ds, WS, c -> {
            var m = new HashMap<String, List<Long>>();
            try (var rs = c.createStatement().executeQuery("select l.custom_attributes ->> 'tier', count(*),"
                    + " count(*) filter (where q.status = 'INVALID'), sum((select count(*) from activity a where a.workspace_id = l.workspace_id"
                    + " and a.lead_id = l.id)) from lead l left join lead_quality q on q.workspace_id = l.workspace_id and q.lead_id = l.id"
                    + " where l.workspace_id = '" + WS + "' and l.merged_into is null and l.created_at >= '2024-12-01Z'"
                    + " and l.created_at < '2025-09-01Z' group by 1")) {
                while (rs.next()) {
                    m.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return m;
        });
        long activities = 0;
        for (Map<?, ?> node : api) {
            var attribute = (Map<?, ?>) ((Map<?, ?>) node.get("key")).get("attribute");
            var metrics = (Map<?, ?>) node.get("metrics");
            var quality = (Map<?, ?>) metrics.get("quality");
            var want = expected.get(attribute == null ? null : (String) attribute.get("value"));
            assertThat(List.of(((Number) metrics.get("leads")).longValue(), ((Number) quality.get("invalid")).longValue(),
                    ((Number) quality.get("activities")).longValue())).as("quality of " + attribute).isEqualTo(want);
            activities += ((Number) quality.get("activities")).longValue();
        }
        assertThat(activities).as("activities seeded").isPositive();
    }

    /** Bad requests are refused with a reason, before any group is computed. */
    private void refusals(RandomData data) {
        for (UUID lead : data.leads) {
            data.d.exec("update lead set custom_attributes = custom_attributes || jsonb_build_object('uid', id::text)"
                    + " where workspace_id = ? and id = ?", WS, lead);
        }
        String doc = "query($a: MetricsAttributeInput, $by: MetricsDimension!) { metricsBreakdown(window: {from: \"2024-12-01\","
                + " to: \"2025-09-01\"}, by: $by, attribute: $a) { totalCount } }";
        var refusals = Map.of(
                "UNKNOWN_ATTRIBUTE", Map.<String, Object>of("by", "CUSTOM_ATTRIBUTE", "a", Map.of("key", "plan")),
                "WRONG_TYPE", Map.<String, Object>of("by", "CUSTOM_ATTRIBUTE", "a", Map.of("key", "tier", "type", "NUMBER")),
                "TOO_MANY_GROUPS", Map.<String, Object>of("by", "CUSTOM_ATTRIBUTE", "a", Map.of("key", "uid")),
                "INVALID_KEY", Map.<String, Object>of("by", "CUSTOM_ATTRIBUTE", "a", Map.of("key", "1st")),
                "INVALID_BIN", Map.<String, Object>of("by", "CUSTOM_ATTRIBUTE", "a", Map.of("key", "tier", "binWidth", "10")),
                "ATTRIBUTE_REQUIRED", Map.<String, Object>of("by", "CUSTOM_ATTRIBUTE"),
                "ATTRIBUTE_WITHOUT_DIMENSION", Map.<String, Object>of("by", "CAMPAIGN", "a", Map.of("key", "tier")));
        refusals.forEach((reason, vars) -> {
            var r = GraphQL.post(doc, vars);
            assertThat(r.getString("errors[0].extensions.reason")).as(reason).isEqualTo(reason);
            assertThat(r.getString("errors[0].message")).as(reason).isNotBlank();
        });
        var tooMany = GraphQL.post(doc, refusals.get("TOO_MANY_GROUPS"));
        assertThat(tooMany.getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(tooMany.getString("errors[0].message")).contains("'uid'", "more than 200");
        assertThat(GraphQL.post(doc, refusals.get("WRONG_TYPE")).getString("errors[0].message")).contains("'tier'", "NUMBER");
    }

    private static String number(String value) {
        String v = "(l.custom_attributes ->> 'seats')";
        return "case when " + v + " ~ " + NUMBER + " then '=' || " + value.formatted(v) + "::text when " + v + " is not null then '!' end";
    }

    /** Random traits, some of them of no type or missing, written the way an import writes them (text values). */
    private void traits(RandomData data, Random rnd, UUID lead) {
        var attributes = new HashMap<String, String>();
        String[] tiers = { "gold", "silver", "bronze", "Gold", null };
        String[] seats = { "5", "5.0", "12", "120", "-3", "0.5", "many", "1e3", "49.99", null };
        String[] trials = { "true", "false", "yes", null };
        put(attributes, "tier", tiers[rnd.nextInt(tiers.length)]);
        put(attributes, "seats", seats[rnd.nextInt(seats.length)]);
        put(attributes, "trial", trials[rnd.nextInt(trials.length)]);
        int day = rnd.nextInt(500);
        put(attributes, "signup", day % 11 == 0 ? "31/01/2024" : day % 7 == 0 ? null : LocalDate.parse("2024-01-01").plusDays(day).toString());
        String json = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(attributes).toString();
        data.d.exec("update lead set custom_attributes = ?::jsonb where workspace_id = ? and id = ?", json, WS, lead);
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }

    private void compare(String phase, List<Case> cases) throws Exception {
        var truth = new MetricsTruth(ds, WS);
        for (var c : cases) {
            ZoneId zone = ZoneId.of(c.zone());
            var api = new TreeMap<String, Map<String, Object>>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
            String after = null;
            Instant now = null;
            do {
                var vars = new HashMap<String, Object>(Map.of("w", Map.of("from", c.from(), "to", c.to(), "timeZone", c.zone()),
                        "f", c.filter(), "a", c.attribute()));
                if (after != null) {
                    vars.put("after", after);
                }
                var page = GraphQL.ok(DOC, vars).setRootPath("data.metricsBreakdown");
                List<Map<String, Object>> nodes = page.getList("edges.node");
                for (var node : nodes) {
                    @SuppressWarnings("unchecked")
                    var key = (Map<String, Object>) node.get("key");
                    @SuppressWarnings("unchecked")
                    var bundle = MetricsRandomizedTest.normalise((Map<String, Object>) node.get("metrics"));
                    now = OffsetDateTime.parse((String) bundle.remove("asOf")).toInstant();
                    upTo(c, key);
                    assertThat(api.put(key(key), bundle)).as(phase + " / " + c.name() + ": each group once").isNull();
                }
                after = page.getBoolean("pageInfo.hasNextPage") ? page.getString("pageInfo.endCursor") : null;
            } while (after != null);
            @SuppressWarnings("unchecked")
            var f = (Map<String, Object>) c.filter();
            @SuppressWarnings("unchecked")
            var campaigns = ((List<String>) f.getOrDefault("campaignIds", List.of())).stream().map(id -> NodeId.parse("Campaign", id)).toList();
            @SuppressWarnings("unchecked")
            var sources = (List<String>) f.getOrDefault("sources", List.of());
            LocalDate from = LocalDate.parse(c.from()), to = LocalDate.parse(c.to());
            var expected = truth.bundles(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant(), from, to,
                    new MetricsTruth.Filter(campaigns, sources, List.of(), (String) f.get("owner")), MetricsTruth.SQL_KEY + c.truthKey(),
                    now == null ? Instant.now() : now, 10, false);
            assertThat(api).as(phase + " / " + c.name()).isEqualTo(expected);
            assertThat(api.size()).as(phase + " / " + c.name() + ": groups").isGreaterThan(2);
        }
    }

    /** A bin's upper bound is its lower bound plus the width (binWidth) or the calendar period (dateBin). */
    @SuppressWarnings("unchecked")
    private static void upTo(Case c, Map<String, Object> key) {
        var a = (Map<String, Object>) key.get("attribute");
        if (a == null || a.get("value") == null) {
            return;
        }
        String value = (String) a.get("value");
        Object expected = c.attribute().containsKey("binWidth")
                ? new java.math.BigDecimal(value).add(new java.math.BigDecimal("25")).stripTrailingZeros().toPlainString()
                : c.attribute().containsKey("dateBin") ? LocalDate.parse(value).plusMonths(1).toString() : null;
        assertThat(a.get("upTo")).as(c.name() + " / " + value).isEqualTo(expected);
    }

    @SuppressWarnings("unchecked")
    private static String key(Map<String, Object> key) {
        var a = (Map<String, Object>) key.get("attribute");
        if (a == null) {
            return null;
        }
        return Boolean.TRUE.equals(a.get("ofType")) ? "=" + a.get("value") : "!";
    }
}
