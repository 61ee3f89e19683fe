package io.leadproof.metrics;

import java.sql.SQLException;

/**
 * Handoff-level parts of the metrics statement: response-time percentiles, SLA breaches (H rows) and score bands
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
        sql.add(" union all select 'H', ap.idx, " + key + ", null, null, count(h.responded_at), percentile_disc(0.5) within group"
                + " (order by h.response_seconds), percentile_disc(0.9) within group (order by h.response_seconds),"
                + " count(*) filter (where h.responded_at > h.due_at or (h.responded_at is null and h.due_at < ?)), 0, 0, 0, 0, 0,"
                + " null::numeric from ap join metrics_handoff h on" + COHORT.formatted("ap"), MetricsSql.at(q.asOf()), q.workspace());
        MetricsSql.filters(sql, q, "h");
        sql.add(" group by 1, 2, 3 union all select 'B', ap.idx, " + key + ", null, null, floor(h.score_total::numeric / ?)::bigint,"
                + " count(*), sum(h.won), 0, 0, 0, 0, 0, 0, coalesce(sum(h.won_amount), 0) from ap join metrics_handoff h on"
                + COHORT.formatted("ap"), q.bandWidth(), q.workspace());
        MetricsSql.filters(sql, q, "h");
        sql.add(" group by 1, 2, 3, 6");
    }

    /** CTEs of the totals path: hrows (signed band and bucket rows per period), percentile targets, unanswered handoffs. */
    static void totalsCtes(SqlText sql, MetricsQuery q) {
        String w = q.workspace();
        sql.add("hrows as (select fp.idx, r.band5, r.bucket, r.handoffs, r.responded, r.late, r.won, r.won_amount from fp"
                + " join metrics_daily_handoff r on r.workspace_id = ? and r.day >= fp.d0 and r.day < fp.d1", w);
        sql.add(" union all select mp.idx, r.band5, r.bucket, r.handoffs, r.responded, r.late, r.won, r.won_amount from mp"
                + " join metrics_monthly_handoff r on r.workspace_id = ? and r.day >= mp.d0 and r.day < mp.d1", w);
        sql.add(" union all select ep.idx, floor(h.score_total / 5.0)::int, null::smallint, ep.s, ep.s * (h.responded_at is not null)::int,"
                + " ep.s * coalesce(h.responded_at > h.due_at, false)::int, ep.s * h.won, ep.s * coalesce(h.won_amount, 0) from ep"
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
                + " and h.responded_at is null and h.due_at < ? group by ap.idx), ", w, MetricsSql.at(q.asOf()));
    }

    static void totals(SqlText sql, MetricsQuery q) {
        sql.add(" union all select 'H', ap.idx, null::text, null, null, coalesce(s.responded, 0)::bigint,"
                + " (select v from pct where pct.idx = ap.idx and pct.p = 0.5), (select v from pct where pct.idx = ap.idx and pct.p = 0.9),"
                + " (coalesce(s.late, 0) + coalesce(u.n, 0))::bigint, 0, 0, 0, 0, 0, null::numeric from ap"
                + " left join hsum s on s.idx = ap.idx left join unanswered u on u.idx = ap.idx");
        sql.add(" union all select 'B', idx, null::text, null, null, floor(band5::numeric / ?)::bigint, sum(handoffs)::bigint,"
                + " sum(won)::bigint, 0, 0, 0, 0, 0, 0, sum(won_amount) from hrows where band5 is not null group by idx, 6"
                + " having sum(handoffs) <> 0", q.bandWidth() / 5);
    }
}
