package io.leadproof.metrics;

import java.sql.SQLException;

/**
 * Handoff-level parts of the metrics statement: response-time percentiles, SLA breaches (H rows; the rule is
 * handoff_sla_breached, R__handoff_sla.sql) and score bands
 * (B rows), either straight from the per-handoff facts ({@link #detail}) or from the workspace-wide rollups
 * ({@link #totals}), where an exact percentile is found in two steps: the response-time histogram gives the bucket
 * holding the wanted rank, then the handoffs of that bucket in the period give the value.
 */
final class MetricsHandoffSql {

    private static final String COHORT = " h.workspace_id = ? and h.lead_created_at >= %1$s.t0 and h.lead_created_at < %1$s.t1";

    private MetricsHandoffSql() {
    }

    static void detail(SqlText sql, MetricsQuery q) throws SQLException {
        String key = MetricsSql.key(q, "h");
        sql.add(" union all select 'H', to_jsonb(t) from (select ap.idx, " + key + " as key, count(h.responded_at) as responded,"
                + " percentile_disc(0.5) within group (order by h.response_seconds) as median_seconds,"
                + " percentile_disc(0.9) within group (order by h.response_seconds) as p90_seconds,"
                + " count(*) filter (where handoff_sla_breached(h.due_at, h.responded_at, ?)) as sla_breaches"
                + " from ap join metrics_handoff h on" + COHORT.formatted("ap"), MetricsSql.at(q.asOf()), q.workspace());
        MetricsSql.attributeJoin(sql, q, "h");
        MetricsSql.filters(sql, q, "h");
        sql.add(" group by 1, 2) t union all select 'B', to_jsonb(b) from (select ap.idx, " + key + " as key,"
                + " floor(h.score_total::numeric / ?)::bigint as band, count(*) as handoffs, sum(h.won) as won,"
                + " coalesce(sum(h.won_amount), 0) as won_amount from ap join metrics_handoff h on" + COHORT.formatted("ap"),
                q.bandWidth(), q.workspace());
        MetricsSql.attributeJoin(sql, q, "h");
        MetricsSql.filters(sql, q, "h");
        sql.add(" group by 1, 2, 3) b");
    }

    /** CTEs of the totals path: hrows (signed band and bucket rows per period), percentile targets, unanswered handoffs. */
    static void totalsCtes(SqlText sql, MetricsQuery q) {
        String w = q.workspace();
        sql.add("hrows as (select fp.idx, r.band5, r.bucket, r.handoffs, r.responded, r.late, r.won, r.won_amount from fp"
                + " join metrics_daily_handoff r on r.workspace_id = ? and r.day >= fp.d0 and r.day < fp.d1", w);
        sql.add(" union all select mp.idx, r.band5, r.bucket, r.handoffs, r.responded, r.late, r.won, r.won_amount from mp"
                + " join metrics_monthly_handoff r on r.workspace_id = ? and r.day >= mp.d0 and r.day < mp.d1", w);
        sql.add(" union all select ep.idx, floor(h.score_total / 5.0)::int, null::smallint, ep.s, ep.s * (h.responded_at is not null)::int,"
                + " ep.s * handoff_sla_breached(h.due_at, h.responded_at, h.responded_at)::int, ep.s * h.won,"
                + " ep.s * coalesce(h.won_amount, 0) from ep"
                + " join metrics_handoff h on" + COHORT.formatted("ep"), w);
        sql.add(" union all select ep.idx, null, h.response_bucket, ep.s, ep.s, 0, 0, 0 from ep join metrics_handoff h on"
                + COHORT.formatted("ep") + " and h.response_bucket is not null), ", w);
        sql.add("hist as (select idx, bucket, sum(handoffs) as n from hrows where bucket is not null group by idx, bucket"
                + " having sum(handoffs) <> 0), ");
        sql.add("cum as (select idx, bucket, n, sum(n) over (partition by idx order by bucket) as upto,"
                + " sum(n) over (partition by idx) as total from hist), ");
        // nearest rank: the value at rank ceil(p n); its bucket is the first whose running count reaches that rank
        sql.add("target as (select c.idx, r.p, c.bucket, (ceil(r.p * c.total) - (c.upto - c.n) - 1)::bigint as skip from cum c"
                + " cross join (values (0.5), (0.9)) r(p) where c.upto >= ceil(r.p * c.total) and c.upto - c.n < ceil(r.p * c.total)), ");
        sql.add("pct as (select t.idx, t.p, (select h.response_seconds from metrics_handoff h where h.response_bucket = t.bucket"
                + " and" + COHORT.formatted("ap") + " order by h.response_seconds offset t.skip limit 1) as v"
                + " from target t join ap on ap.idx = t.idx), ", w);
        sql.add("hsum as (select idx, sum(responded) as responded, sum(late) as late from hrows where band5 is not null group by idx), ");
        sql.add("unanswered as (select ap.idx, count(*) as n from ap join metrics_handoff h on" + COHORT.formatted("ap")
                + " and h.responded_at is null and handoff_sla_breached(h.due_at, null, ?) group by ap.idx), ", w, MetricsSql.at(q.asOf()));
    }

    static void totals(SqlText sql, MetricsQuery q) {
        sql.add(" union all select 'H', to_jsonb(t) from (select ap.idx, null::text as key, coalesce(s.responded, 0) as responded,"
                + " (select v from pct where pct.idx = ap.idx and pct.p = 0.5) as median_seconds,"
                + " (select v from pct where pct.idx = ap.idx and pct.p = 0.9) as p90_seconds,"
                + " coalesce(s.late, 0) + coalesce(u.n, 0) as sla_breaches from ap"
                + " left join hsum s on s.idx = ap.idx left join unanswered u on u.idx = ap.idx) t");
        sql.add(" union all select 'B', to_jsonb(b) from (select idx, null::text as key, floor(band5::numeric / ?)::bigint as band,"
                + " sum(handoffs) as handoffs, sum(won) as won, sum(won_amount) as won_amount from hrows where band5 is not null"
                + " group by idx, 3 having sum(handoffs) <> 0) b", q.bandWidth() / 5);
    }
}
