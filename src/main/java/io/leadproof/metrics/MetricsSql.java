package io.leadproof.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one statement that reads a metrics computation: one snapshot, one round trip. Each row is a kind and a JSON object
 * read by name into its record ({@link MetricsRows}): F funnel sums (rollups for whole UTC days plus facts for partial
 * days), H handoff timing, B score bands, S spend, C the reporting currency. An unfiltered, ungrouped read uses the
 * workspace-wide rollups ({@link MetricsHandoffSql#totals}); any other the detailed ones.
 */
final class MetricsSql {

    record Group(int idx, String key) {
    }

    /** The sums per group, and the workspace's reporting currency read in the same statement. */
    record Answer(Map<Group, Tally> tallies, String currency) {
    }

    static final String SUMS = "leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue";
    static final String PARTS = "select i::int as idx, a::%1$s as %2$s0, b::%1$s as %2$s1 from unnest(?::text[], ?::text[], ?::text[]) t(i, a, b)";

    private MetricsSql() {
    }

    static Answer run(Connection c, MetricsQuery q, ObjectMapper json) throws SQLException {
        var sql = build(new SqlText(c), q);
        var result = new LinkedHashMap<Group, Tally>();
        String currency = null;
        try (var ps = GenericPlan.prepare(c, sql.text())) {
            for (int i = 0; i < sql.params().size(); i++) {
                ps.setObject(i + 1, sql.params().get(i));
            }
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    String row = rs.getString(2);
                    switch (rs.getString(1)) {
                        case "F" -> {
                            var f = read(json, row, MetricsRows.Funnel.class);
                            tally(result, f.idx(), f.key()).add(f);
                        }
                        case "H" -> {
                            var t = read(json, row, MetricsRows.Timing.class);
                            tally(result, t.idx(), t.key()).set(t);
                        }
                        case "B" -> {
                            var b = read(json, row, MetricsRows.Band.class);
                            tally(result, b.idx(), b.key()).add(b);
                        }
                        case "S" -> {
                            var spend = read(json, row, MetricsRows.Spend.class);
                            tally(result, spend.idx(), spend.key()).add(spend);
                        }
                        case "C" -> currency = read(json, row, MetricsRows.Currency.class).currency();
                        default -> throw new IllegalStateException("unknown row kind");
                    }
                }
            }
        }
        return new Answer(result, currency);
    }

    private static Tally tally(Map<Group, Tally> tallies, int idx, String key) {
        return tallies.computeIfAbsent(new Group(idx, key), g -> new Tally());
    }

    private static <T> T read(ObjectMapper json, String row, Class<T> type) {
        try {
            return json.readValue(row, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metrics row unreadable: " + row, e);
        }
    }

    private static SqlText build(SqlText sql, MetricsQuery q) throws SQLException {
        boolean totals = q.totals();
        var parts = q.parts(totals);
        // materialized: the casts run once per part, never inside a join filter
        sql.add("with fp as materialized (" + PARTS.formatted("date", "d") + "), ");
        sql.columns(parts.days(), d -> String.valueOf(d.idx()), d -> d.from().toString(), d -> d.to().toString());
        sql.add("mp as materialized (" + PARTS.formatted("date", "d") + "), ");
        sql.columns(parts.months(), d -> String.valueOf(d.idx()), d -> d.from().toString(), d -> d.to().toString());
        sql.add("ep as materialized (select i::int as idx, a::timestamptz as t0, b::timestamptz as t1, s::int as s"
                + " from unnest(?::text[], ?::text[], ?::text[], ?::text[]) t(i, a, b, s)), ");
        sql.columns(parts.edges(), e -> String.valueOf(e.idx()), e -> e.from().toString(), e -> e.to().toString(),
                e -> String.valueOf(e.sign()));
        sql.add("ap as materialized (" + PARTS.formatted("timestamptz", "t") + "), ");
        sql.columns(q.periods(), x -> String.valueOf(x.index()), x -> x.start().toString(), x -> x.end().toString());
        sql.add("pp as materialized (" + PARTS.formatted("date", "d") + "), ");
        sql.columns(q.periods(), x -> String.valueOf(x.index()), x -> x.from().toString(), x -> x.to().toString());
        if (totals) {
            MetricsHandoffSql.totalsCtes(sql, q);
        }
        funnel(sql, q, totals);
        if (totals) {
            MetricsHandoffSql.totals(sql, q);
        } else {
            MetricsHandoffSql.detail(sql, q);
        }
        if (q.spend()) {
            spend(sql, q);
        }
        return sql.add(" union all select 'C', jsonb_build_object('currency', w.reporting_currency)"
                + " from workspace w where w.workspace_id = ?", q.workspace());
    }

    private static void funnel(SqlText sql, MetricsQuery q, boolean totals) throws SQLException {
        boolean owners = q.ownerUnits();
        String rollup = totals ? "metrics_daily_total" : owners ? "metrics_daily_owner" : "metrics_daily";
        String rows = " r.reject_code, r.reject_category, r." + SUMS.replace(", ", ", r.");
        sql.add("funnel as (select fp.idx, " + (q.perLead() ? "null::text" : key(q, "r")) + " as k," + rows + " from fp join " + rollup
                + " r on r.workspace_id = ? and r.day >= fp.d0 and r.day < fp.d1", q.workspace());
        filters(sql, q, "r");
        if (totals) {
            sql.add(" union all select mp.idx, null::text," + rows + " from mp join metrics_monthly_total r"
                    + " on r.workspace_id = ? and r.day >= mp.d0 and r.day < mp.d1", q.workspace());
        }
        String facts = "ep.s, ep.s * m." + SUMS.substring("leads, ".length()).replace(", ", ", ep.s * m.");
        if (owners) {
            sql.add(" union all select ep.idx, " + key(q, "m") + ", m.reject_code, m.reject_category, " + facts
                    + " from ep cross join lateral (select * from metrics_owner_unit u where u.workspace_id = ?"
                    + " and u.lead_created_at >= ep.t0 and u.lead_created_at < ep.t1) m", q.workspace());
            attributeJoin(sql, q, "m");
            sql.add(" where true");
        } else {
            sql.add(" union all select ep.idx, " + key(q, "m") + ", m.reject_code, m.reject_category, " + facts
                    + " from ep join metrics_lead m on m.workspace_id = ? and m.created_at >= ep.t0 and m.created_at < ep.t1",
                    q.workspace());
            attributeJoin(sql, q, "m");
        }
        filters(sql, q, "m");
        sql.add(") select 'F' as kind, to_jsonb(f) as row from (select idx, k as key, reject_code, reject_category, "
                + SUMS.replaceAll("(\\w+)", "sum($1) as $1") + " from funnel group by idx, k, reject_code, reject_category"
                + " having sum(leads) <> 0) f");
    }

    private static void spend(SqlText sql, MetricsQuery q) throws SQLException {
        sql.add(" union all select 'S', to_jsonb(s) from (select pp.idx, " + switch (q.key()) {
            case CAMPAIGN -> "c.campaign_id::text";
            case SOURCE -> "k.channel";
            default -> "null::text";
        } + " as key, sum(c.amount) as amount from pp"
                + " join campaign_cost c on c.workspace_id = ? and c.incurred_on >= pp.d0 and c.incurred_on < pp.d1"
                + " join campaign k on k.workspace_id = c.workspace_id and k.id = c.campaign_id where true", q.workspace());
        if (!q.filter().campaigns().isEmpty()) {
            sql.add(" and c.campaign_id = any(?)").array("uuid", q.filter().campaigns());
        }
        if (!q.filter().sources().isEmpty()) {
            sql.add(" and k.channel = any(?)").array("text", q.filter().sources());
        }
        sql.add(" group by 1, 2) s");
    }

    static String key(MetricsQuery q, String alias) {
        return switch (q.key()) {
            case NONE -> "null::text";
            case CAMPAIGN -> alias + ".campaign_id::text";
            case SOURCE -> alias + ".source";
            case CRITERIA_VERSION -> alias + ".version_id::text";
            case OWNER -> alias + ".owner";
            case CUSTOM_ATTRIBUTE -> q.attribute().group();  // over av, joined by attributeJoin
        };
    }

    /** For a custom-attribute breakdown, joins the attribute of the lead of each row of alias (a fact row). */
    static void attributeJoin(SqlText sql, MetricsQuery q, String alias) {
        if (q.perLead()) {
            sql.add(q.attribute().join(alias), q.attribute().key());
        }
    }

    static void filters(SqlText sql, MetricsQuery q, String alias) throws SQLException {
        var f = q.filter();
        if (!f.campaigns().isEmpty()) {
            sql.add(" and " + alias + ".campaign_id = any(?)").array("uuid", f.campaigns());
        }
        if (!f.sources().isEmpty()) {
            sql.add(" and " + alias + ".source = any(?)").array("text", f.sources());
        }
        if (!f.versions().isEmpty()) {
            sql.add(" and " + alias + ".version_id = any(?)").array("uuid", f.versions());
        }
        if (f.owner() != null) {
            sql.add(" and " + alias + ".owner = ?", f.owner());
        }
    }

    static Timestamp at(java.time.Instant instant) {
        return Timestamp.from(instant);
    }
}
