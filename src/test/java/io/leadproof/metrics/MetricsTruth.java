package io.leadproof.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * The metrics definitions written a second time, independently of the implementation: plain SQL over the base tables
 * (lead, handoff, campaign_cost, campaign) — no rollup, no fact table — turned into the JSON shape the API answers.
 */
final class MetricsTruth {

    /** Prefix of a "by" that is an SQL group key over the lead row {@code l} (breakdowns by a custom attribute). */
    static final String SQL_KEY = "SQL:";

    record Filter(List<UUID> campaigns, List<String> sources, List<UUID> versions, String owner) {
    }

    private final DataSource ds;
    private final String ws;

    MetricsTruth(DataSource ds, String ws) {
        this.ds = ds;
        this.ws = ws;
    }

    /** Expected bundles per group key (null key for no grouping), as maps comparable to the API's JSON. */
    Map<String, Map<String, Object>> bundles(Instant start, Instant end, LocalDate from, LocalDate to, Filter f, String by,
            Instant now, int width, boolean spendVisible) throws SQLException {
        boolean owners = "OWNER".equals(by) || f.owner() != null;
        String key = switch (by) {
            case "CAMPAIGN" -> "l.campaign_id::text";
            case "SOURCE" -> "l.source";
            case "CRITERIA_VERSION" -> "l.first_mql_version_id::text";
            case "OWNER" -> "o.owner";
            default -> by.startsWith(SQL_KEY) ? by.substring(SQL_KEY.length()) : "null::text";  // a group key over lead l
        };
        var p = new ArrayList<Object>();
        String units = "with units as (select l.workspace_id as ws, l.id as lead_id, o.owner, " + key + " as k, l.first_mql_at is not null as mql,"
                + " l.lifecycle_stage = 'DISQUALIFIED' as disq from lead l "
                + (owners ? "join (select distinct lead_id, owner from handoff where workspace_id = ?) o on o.lead_id = l.id"
                        + (f.owner() != null ? " and o.owner = ?" : "") : "cross join (select null::text as owner) o")
                + " where l.workspace_id = ? and l.merged_into is null and l.created_at >= ? and l.created_at < ?";
        if (owners) {
            p.add(ws);
            if (f.owner() != null) {
                p.add(f.owner());
            }
        }
        p.addAll(List.of(ws, Timestamp.from(start), Timestamp.from(end)));
        String cte = units;
        return Db.in(ds, ws, c -> bundles(c, cte, p, f, by, owners, now, width, spendVisible, from, to));
    }

    private Map<String, Map<String, Object>> bundles(Connection c, String units, List<Object> p, Filter f, String by,
            boolean owners, Instant now, int width, boolean spendVisible, LocalDate from, LocalDate to) throws SQLException {
        {
            if (!f.campaigns().isEmpty()) {
                units += " and l.campaign_id = any(?)";
                p.add(c.createArrayOf("uuid", f.campaigns().toArray()));
            }
            if (!f.sources().isEmpty()) {
                units += " and l.source = any(?)";
                p.add(c.createArrayOf("text", f.sources().toArray()));
            }
            if (!f.versions().isEmpty()) {
                units += " and l.first_mql_version_id = any(?)";
                p.add(c.createArrayOf("uuid", f.versions().toArray()));
            }
            units += "), uh as (select u.lead_id as unit_lead, u.owner as unit_owner, u.k, h.*,"
                    + " least(h.first_response_at, h.accepted_at, h.rejected_at) as resp from units u join handoff h"
                    + " on h.workspace_id = u.ws and h.lead_id = u.lead_id"
                    + (owners ? " and h.owner is not distinct from u.owner" : "") + ") ";
            String mine = "uh.unit_lead = u.lead_id and uh.unit_owner is not distinct from u.owner";
            var result = new TreeMap<String, Map<String, Object>>(MetricsCursor.ORDER);
            var funnel = rows(c, units + "select u.k, count(*), count(*) filter (where u.mql),"
                    + " count(*) filter (where exists (select 1 from uh where " + mine + ")),"
                    + " count(*) filter (where exists (select 1 from uh where " + mine + " and uh.state in ('ACCEPTED','OPPORTUNITY','WON','LOST'))),"
                    + " count(*) filter (where exists (select 1 from uh where " + mine + " and uh.state = 'REJECTED')),"
                    + " count(*) filter (where u.disq or exists (select 1 from uh where " + mine + " and uh.state = 'REJECTED')),"
                    + " count(*) filter (where exists (select 1 from uh where " + mine + " and uh.state in ('OPPORTUNITY','WON','LOST'))),"
                    + " count(*) filter (where exists (select 1 from uh where " + mine + " and uh.state = 'WON')),"
                    + " count(*) filter (where exists (select 1 from uh where " + mine + " and uh.state = 'LOST')"
                    + "   and not exists (select 1 from uh where " + mine + " and uh.state = 'WON')),"
                    + " coalesce(sum((select sum(uh.won_amount) from uh where " + mine + " and uh.state = 'WON')), 0)"
                    + " from units u group by u.k", p);
            for (Object[] r : funnel) {
                result.put((String) r[0], funnel(r));
            }
            for (Object[] r : rows(c, units + "select u.k, r.rejection_code, r.rejection_category, count(*) from units u cross join lateral"
                    + " (select uh.rejection_code, uh.rejection_category from uh where " + mine + " and uh.state = 'REJECTED'"
                    + " order by uh.rejected_at desc, uh.created_at desc, uh.id desc limit 1) r group by 1, 2, 3", p)) {
                reasons(result.get((String) r[0])).add(Map.of("code", r[1], "category", r[2], "count", ((Number) r[3]).intValue()));
            }
            var hp = new ArrayList<>(p);
            hp.add(Timestamp.from(now));
            for (Object[] r : rows(c, units + "select k, count(resp), percentile_disc(0.5) within group (order by floor(extract(epoch"
                    + " from resp - created_at))), percentile_disc(0.9) within group (order by floor(extract(epoch from resp - created_at))),"
                    + " count(*) filter (where resp > due_at or (resp is null and due_at < ?)) from uh group by k", hp)) {
                var m = result.get((String) r[0]);
                m.put("responseTime", response(((Number) r[1]).intValue(), num(r[2]), num(r[3])));
                m.put("slaBreaches", ((Number) r[4]).intValue());
            }
            var bp = new ArrayList<>(p);
            bp.add(width);
            for (Object[] r : rows(c, units + "select k, floor(score_total::numeric / ?)::int as band, count(*),"
                    + " count(*) filter (where state = 'WON'), sum(won_amount) filter (where state = 'WON') from uh group by 1, 2 order by 1, 2", bp)) {
                int band = ((Number) r[1]).intValue();
                long n = ((Number) r[2]).longValue();
                long won = ((Number) r[3]).longValue();
                var b = new HashMap<String, Object>(Map.of("from", band * width, "to", (band + 1) * width, "handoffs", (int) n, "won", (int) won));
                b.put("winRate", ratio(won, n));
                b.put("averageWonAmount", won == 0 ? null : Map.of("amount", ((BigDecimal) r[4]).divide(BigDecimal.valueOf(won), 2,
                        RoundingMode.HALF_EVEN).toPlainString(), "currency", "EUR"));
                bands(result.get((String) r[0])).add(b);
            }
            boolean spendable = spendVisible && f.versions().isEmpty() && f.owner() == null && !by.equals("OWNER") && !by.equals("CRITERIA_VERSION");
            Map<String, BigDecimal> spend = spendable ? spend(c, from, to, f, by) : Map.of();
            spend.keySet().forEach(k -> result.computeIfAbsent(k, x -> funnel(new Object[] { k, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, BigDecimal.ZERO })));
            if (result.isEmpty() && by.equals("NONE")) {
                result.put(null, funnel(new Object[] { null, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, BigDecimal.ZERO }));
            }
            result.forEach((k, m) -> finish(m, spendable ? spend.getOrDefault(k, BigDecimal.ZERO) : null));
            return result;
        }
    }

    private Map<String, BigDecimal> spend(Connection c, LocalDate from, LocalDate to, Filter f, String by) throws SQLException {
        var p = new ArrayList<Object>(List.of(ws, from, to));
        String sql = "select " + (by.equals("CAMPAIGN") ? "c.campaign_id::text" : by.equals("SOURCE") ? "k.channel" : "null::text")
                + ", sum(c.amount) from campaign_cost c join campaign k on k.workspace_id = c.workspace_id and k.id = c.campaign_id"
                + " where c.workspace_id = ? and c.incurred_on >= ? and c.incurred_on < ?";
        if (!f.campaigns().isEmpty()) {
            sql += " and c.campaign_id = any(?)";
            p.add(c.createArrayOf("uuid", f.campaigns().toArray()));
        }
        if (!f.sources().isEmpty()) {
            sql += " and k.channel = any(?)";
            p.add(c.createArrayOf("text", f.sources().toArray()));
        }
        var result = new HashMap<String, BigDecimal>();
        for (Object[] r : rows(c, sql + " group by 1", p)) {
            result.put((String) r[0], (BigDecimal) r[1]);
        }
        return result;
    }

    private static Map<String, Object> funnel(Object[] r) {
        var m = new LinkedHashMap<String, Object>();
        String[] names = { "leads", "mqls", "handoffs", "accepted", "rejected", "badLeads", "sqls", "won", "lost" };
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], ((Number) r[i + 1]).intValue());
        }
        m.put("revenueAmount", r[10]);
        m.put("rejectionsByReason", new ArrayList<Map<String, Object>>());
        m.put("scoreBandOutcomes", new ArrayList<Map<String, Object>>());
        m.put("responseTime", response(0, null, null));
        m.put("slaBreaches", 0);
        return m;
    }

    private static void finish(Map<String, Object> m, BigDecimal spend) {
        long leads = (int) m.get("leads"), mqls = (int) m.get("mqls"), acc = (int) m.get("accepted"), rej = (int) m.get("rejected");
        long sqls = (int) m.get("sqls"), won = (int) m.get("won"), bad = (int) m.get("badLeads");
        BigDecimal revenue = (BigDecimal) m.remove("revenueAmount");
        reasons(m).sort(Comparator.<Map<String, Object>>comparingInt(r -> -(int) r.get("count"))
                .thenComparing(r -> (String) r.get("code")).thenComparing(r -> (String) r.get("category")));
        m.put("qualificationRate", ratio(mqls, leads));
        m.put("acceptanceRate", ratio(acc, acc + rej));
        m.put("badLeadRate", ratio(bad, leads));
        var conv = new HashMap<String, Object>();
        conv.put("leadToMql", ratio(mqls, leads));
        conv.put("mqlToSal", ratio(acc, mqls));
        conv.put("salToSql", ratio(sqls, acc));
        conv.put("sqlToWon", ratio(won, sqls));
        conv.put("leadToWon", ratio(won, leads));
        m.put("conversion", conv);
        m.put("revenue", revenue.setScale(2).toPlainString());
        if (spend != null) {
            var s = new HashMap<String, Object>();
            BigDecimal total = spend.setScale(2);
            s.put("total", total.toPlainString());
            s.put("cpl", per(total, leads));
            s.put("costPerMql", per(total, mqls));
            s.put("costPerSal", per(total, acc));
            s.put("costPerSql", per(total, sqls));
            s.put("cpa", per(total, won));
            s.put("roi", total.signum() == 0 ? null : revenue.subtract(total).divide(total, 4, RoundingMode.HALF_EVEN).toPlainString());
            m.put("spend", s);
        }
    }

    static Map<String, Object> response(int responded, Object median, Object p90) {
        var m = new HashMap<String, Object>();
        m.put("responded", responded);
        m.put("medianSeconds", median);
        m.put("p90Seconds", p90);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> reasons(Map<String, Object> m) {
        return (List<Map<String, Object>>) m.get("rejectionsByReason");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> bands(Map<String, Object> m) {
        return (List<Map<String, Object>>) m.get("scoreBandOutcomes");
    }

    static String ratio(long n, long d) {
        return d == 0 ? null : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(d), 4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String per(BigDecimal amount, long n) {
        return n == 0 ? null : amount.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static Object num(Object v) {
        return v == null ? null : ((Number) v).longValue();
    }

    private static List<Object[]> rows(Connection c, String sql, List<Object> params) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            var out = new ArrayList<Object[]>();
            try (var rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }
}
