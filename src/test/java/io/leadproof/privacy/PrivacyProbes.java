package io.leadproof.privacy;

import io.leadproof.support.OwnerSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.leadproof.support.GraphQL;
import io.leadproof.support.TestClock;

/** Direct looks at the database and the metrics API that the privacy tests compare before and after an erasure. */
final class PrivacyProbes {

    private PrivacyProbes() {
    }

    /**
     * Every table of the schema, every row, every column (the row cast to text, jsonb included): where does the needle
     * occur? Table name → number of rows; only tables with hits are listed.
     */
    static Map<String, Integer> rowsContaining(DataSource ds, String needle) {
        var hits = new TreeMap<String, Integer>();
        try (Connection c = OwnerSql.connect()) {
            var tables = new ArrayList<String>();
            try (var rs = c.createStatement().executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (var ps = c.prepareStatement("select count(*) from \"" + table + "\" t where strpos(lower(t::text), lower(?)) > 0")) {
                    ps.setString(1, needle);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) {
                            hits.put(table, rs.getInt(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return hits;
    }

    /**
     * The facts every metric of docs/metrics.md is computed from, as counts and sums per group, straight from the base
     * tables; plus the metrics tables themselves when they exist (rollups summed per key, keys that sum to nothing left
     * out: compaction may fold them away at any time). Name → rows rendered as text.
     */
    static Map<String, String> metricFacts(DataSource ds, String ws) {
        var queries = new LinkedHashMap<String, String>();
        queries.put("cohort", "select campaign_id, source, (created_at at time zone 'UTC')::date, lifecycle_stage, first_mql_version_id,"
                + " count(*), count(first_mql_at), count(recycled_at), count(*) filter (where lifecycle_stage = 'DISQUALIFIED')"
                + " from lead where workspace_id = ? group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5");
        queries.put("kept lead facts", "select id, created_at, first_mql_at, first_mql_version_id, recycled_at, lifecycle_stage, campaign_id,"
                + " source, country, seniority, industry, employee_count, annual_revenue, budget_status, budget_amount, authority, need,"
                + " timeline, owner_id, last_handoff_version_id from lead where workspace_id = ? order by id");
        queries.put("funnel", "select state, count(*), count(distinct lead_id), sum(score_total), sum(score_fit), sum(score_engagement),"
                + " sum(won_amount), count(accepted_at), count(rejected_at), count(first_response_at), count(opportunity_at),"
                + " count(closed_at) from handoff where workspace_id = ? group by state order by state");
        queries.put("rejections by reason", "select rejection_code, rejection_category, disposition, count(*) from handoff"
                + " where workspace_id = ? and state = 'REJECTED' group by 1, 2, 3 order by 1, 2, 3");
        queries.put("response times and revenue", "select id, lead_id, owner, created_at, due_at, first_response_at, accepted_at,"
                + " rejected_at, opportunity_at, closed_at, won_amount, won_currency, version_id from handoff where workspace_id = ? order by id");
        queries.put("handoff events", "select id, handoff_id, type, actor, occurred_at, from_state, to_state from handoff_event"
                + " where workspace_id = ? order by id");
        queries.put("scores", "select lead_id, version_id, total, fit, engagement, qualified, knocked_out_by, as_of,"
                + " jsonb_path_query_array(contributions, '$[*].ruleKey'), jsonb_path_query_array(contributions, '$[*].points')"
                + " from lead_score where workspace_id = ? order by 1, 2");
        queries.put("score ledger", "select id, lead_id, version_id, old_total, new_total, qualified, cause, as_of, recorded_at"
                + " from score_event where workspace_id = ? order by id");
        queries.put("mql crossings", "select lead_id, version_id, crossed_at, total, jsonb_path_query_array(contributions, '$[*].points')"
                + " from mql_crossing where workspace_id = ? order by 1, 2");
        queries.put("activities", "select lead_id, type, funnel_stage, occurred_at, recorded_at from activity where workspace_id = ?"
                + " order by id");
        queries.put("spend", "select campaign_id, incurred_on, sum(amount), currency from campaign_cost where workspace_id = ?"
                + " group by 1, 2, 4 order by 1, 2, 4");
        var optional = new LinkedHashMap<String, String>();
        optional.put("metrics_lead", "select to_jsonb(m) from metrics_lead m where workspace_id = ? order by lead_id");
        optional.put("metrics_handoff", "select to_jsonb(m) from metrics_handoff m where workspace_id = ? order by handoff_id");
        optional.put("metrics_daily", "select day, campaign_id, source, version_id, reject_code, reject_category, sum(leads), sum(mqls),"
                + " sum(handoffs), sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue)"
                + " from metrics_daily where workspace_id = ? group by 1, 2, 3, 4, 5, 6"
                + " having sum(leads) <> 0 or sum(mqls) <> 0 or sum(handoffs) <> 0 or sum(accepted) <> 0 or sum(rejected) <> 0"
                + " or sum(bad) <> 0 or sum(sqls) <> 0 or sum(won) <> 0 or sum(lost) <> 0 or sum(revenue) <> 0"
                + " order by 1, 2, 3, 4, 5, 6");
        optional.put("metrics_daily_owner", "select day, owner, campaign_id, source, version_id, reject_code, reject_category, sum(leads),"
                + " sum(mqls), sum(handoffs), sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue)"
                + " from metrics_daily_owner where workspace_id = ? group by 1, 2, 3, 4, 5, 6, 7"
                + " having sum(leads) <> 0 or sum(mqls) <> 0 or sum(handoffs) <> 0 or sum(accepted) <> 0 or sum(rejected) <> 0"
                + " or sum(bad) <> 0 or sum(sqls) <> 0 or sum(won) <> 0 or sum(lost) <> 0 or sum(revenue) <> 0"
                + " order by 1, 2, 3, 4, 5, 6, 7");
        var facts = new LinkedHashMap<String, String>();
        try (Connection c = OwnerSql.connect()) {
            queries.forEach((name, sql) -> facts.put(name, rows(c, sql, ws)));
            for (var e : optional.entrySet()) {
                if (tableExists(c, e.getKey())) {
                    facts.put(e.getKey(), rows(c, e.getValue(), ws));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return facts;
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, table);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String rows(Connection c, String sql, String ws) {
        try (var ps = c.prepareStatement(sql)) {
            ps.setString(1, ws);
            var out = new StringBuilder();
            try (var rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        out.append(i == 1 ? "" : " | ").append(rs.getString(i));
                    }
                    out.append('\n');
                }
            }
            return out.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    // ------------------------------------------------------------------ the metrics API, when it is served

    /** Root query fields of the served schema. */
    static List<String> queryFields() {
        return GraphQL.ok("{ __schema { queryType { fields { name } } } }").getList("data.__schema.queryType.fields.name");
    }

    /**
     * The metrics API's answers (metrics, and metricsBreakdown by every dimension) for a window around today, every
     * field without required arguments selected (found by introspection, so the probe follows the API as it grows)
     * except {@code asOf}, the instant of the computation, and the campaign behind a group key (not a metric).
     * Empty when the API is not served.
     */
    static Map<String, String> metricsAnswers() {
        var roots = queryFields();
        var answers = new TreeMap<String, String>();
        LocalDate today = OffsetDateTime.now(ZoneOffset.UTC).plus(TestClock.offset()).toLocalDate();
        Map<String, Object> window = Map.of("from", today.minusDays(1).toString(), "to", today.plusDays(2).toString());
        if (roots.contains("metrics")) {
            String type = returnType("Query", "metrics");
            String doc = "query($w: MetricsWindowInput!) { metrics(window: $w) " + selection(type, 4) + " }";
            answers.put("metrics", GraphQL.ok(doc, Map.of("w", window)).getMap("data").toString());
        }
        if (roots.contains("metricsBreakdown")) {
            String type = returnType("Query", "metricsBreakdown");
            // within one request's cost limit and one user's budget: the window has at most 3 groups of each of these
            for (String by : List.of("DAY", "CAMPAIGN", "SOURCE", "CRITERIA_VERSION", "OWNER")) {
                String doc = "query($w: MetricsWindowInput!) { metricsBreakdown(window: $w, by: " + by + ", first: 3) "
                        + selection(type, 5) + " }";
                answers.put("metricsBreakdown " + by, GraphQL.ok(doc, Map.of("w", window)).getMap("data").toString());
            }
        }
        return answers;
    }

    private static final String TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";

    private static String returnType(String owner, String field) {
        List<Map<String, Object>> fields = GraphQL.ok("query($n: String!) { __type(name: $n) { fields { name type { " + TYPE_REF + " } } } }",
                Map.of("n", owner)).getList("data.__type.fields");
        var f = fields.stream().filter(m -> field.equals(m.get("name"))).findFirst().orElseThrow();
        return (String) named(f.get("type")).get("name");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> named(Object typeRef) {
        var t = (Map<String, Object>) typeRef;
        while ("NON_NULL".equals(t.get("kind")) || "LIST".equals(t.get("kind"))) {
            t = (Map<String, Object>) t.get("ofType");
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    private static String selection(String type, int depth) {
        List<Map<String, Object>> fields = GraphQL.ok("query($n: String!) { __type(name: $n) { fields { name args { type { kind } }"
                + " type { " + TYPE_REF + " } } } }", Map.of("n", type)).getList("data.__type.fields");
        var parts = new ArrayList<String>();
        for (var f : fields) {
            var args = (List<Map<String, Object>>) f.get("args");
            if ("asOf".equals(f.get("name")) || "campaign".equals(f.get("name"))
                    || args.stream().anyMatch(a -> "NON_NULL".equals(((Map<String, Object>) a.get("type")).get("kind")))) {
                continue;
            }
            var t = named(f.get("type"));
            String kind = (String) t.get("kind");
            if (kind.equals("SCALAR") || kind.equals("ENUM")) {
                parts.add((String) f.get("name"));
            } else if (kind.equals("OBJECT") && depth > 0) {
                String sub = selection((String) t.get("name"), depth - 1);
                if (!sub.isEmpty()) {
                    parts.add(f.get("name") + " " + sub);
                }
            }
        }
        return parts.isEmpty() ? "" : "{ " + String.join(" ", parts) + " }";
    }
}
