package io.leadproof.evidence.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The set-based counts of rejection insights (docs/evidence.md, "What sales' rejections say"): one statement over the
 * handoff cases of the window (every handoff, judged at its creation: traits as of then by {@link LeadsAsOf}, the
 * response by {@code evidence_response}, the cohort filter by {@link BoundSql#filter}) that returns grouped rows, never
 * the cases. Each reason's comparison is its rejections (group A) against the accepted handoffs (group B); the counts
 * are made once per reason or per "accepted" ({@code k} null) and only combined per reason, so the accepted cases are
 * not counted again for every reason. Rows {@code (kind, p, dim, val, a, b, rn, nd, ka, kb, lo, hi, t, leads, hids,
 * ords, labels)}, {@code p} the reason:
 * <ul>
 *   <li>{@code c}, {@code q}, {@code k}: as {@link SignalFeatureSql}'s, per reason ({@link RejectionBinSql} for q);</li>
 *   <li>{@code r}: a rule of the frozen contributions in the rejections of reason p (p null: the accepted), the cases
 *   showing it, and its first hits (val first) or first labelled hits (val label): handoff time t; lead, handoff,
 *   position and label of each hit at t;</li>
 *   <li>{@code m}: cases per month (rn: 1-based index into the month starts), response (dim), reason and category;</li>
 *   <li>{@code l}: a reason's latest rejections (t) with their leads, handoffs and categories (labels).</li>
 * </ul>
 */
final class RejectionCountSql extends BoundSql {

    static PreparedStatement prepare(Connection c, CohortQuery q, List<Instant> monthStarts, int bins, int limit)
            throws SQLException {
        var s = new RejectionCountSql();
        s.build(q, monthStarts, bins, limit);
        return s.prepareOn(c);
    }

    private void build(CohortQuery q, List<Instant> monthStarts, int bins, int limit) {
        sql.append("with c as materialized (select h.id as hid, h.lead_id, h.created_at, h.contributions,")
                .append(" evidence_response(h.accepted_at, h.opportunity_at, h.rejected_at, ?) as resp,")
                .append(" h.rejection_code as code, h.rejection_category as category, t.email_normalized, t.annual_revenue,")
                .append(" t.employee_count, t.industry, t.job_title, t.seniority, t.country, t.source, t.budget_status,")
                .append(" t.budget_amount, t.authority, t.need, t.timeline, t.custom_attributes, cp.name as campaign, cp.channel")
                .append(" from handoff h join lead l on l.workspace_id = h.workspace_id and l.id = h.lead_id")
                .append(" cross join lateral (select h.created_at as moment) m")
                .append(" cross join lateral (").append(LeadsAsOf.TRAITS_AT_MOMENT).append(") t")
                .append(" left join campaign cp on cp.workspace_id = l.workspace_id and cp.id = t.campaign_id")
                .append(" where h.workspace_id = ? and h.created_at >= ? and h.created_at < ? and h.created_at <= ?")
                .append(" and l.workspace_id = ?");
        time(q.asOf());
        text(q.workspaceId());
        time(q.from());
        time(q.to());
        time(q.asOf());
        text(q.workspaceId());
        filter(q.filter());
        sql.append(")")
                // the compared cases: k the reason of a rejection, null for an accepted handoff
                .append(", d as (select c.*, case when resp = 'REJECTED' then code end as k from c where resp <> 'PENDING')")
                .append(", rs as (select distinct code as p from c where resp = 'REJECTED')");
        sql.append(", ce as (").append(SignalFeatureSql.customEntries("d", "hid", "k")).append(")")
                .append(", cv as (select v.dim, v.val, d.k, null::text as tkey from d cross join lateral ")
                .append(SignalFeatureSql.traitValues("d"))
                // a scalar custom value counts where the comparison types its key as text (tkey, checked in pc)
                .append(" union all select 'custom:' || ce.key, ce.norm, ce.grp, ce.key from ce where not ce.is_list and ce.norm is not null")
                .append(" union all ").append(SignalFeatureSql.listElements("ce.grp, null::text"))
                .append(" from ce cross join lateral jsonb_array_elements(ce.value) x where ce.is_list and evidence_custom_text(x) is not null)");
        sql.append(", ckg as (select grp as k, key, bool_and(not is_list and (norm is null or (num is not null and not is_bool))) as nb,")
                .append(" count(num) as nn, bool_and(is_list or norm is null or is_bool) as ab, bool_or(list_n > 1) as mu,")
                .append(" count(*) filter (where norm is not null or list_n > 0) as kn from ce group by grp, key)")
                // a custom attribute typed over each comparison: the reason's rejections and the accepted
                .append(", ck as (select p.p, g.key, bool_and(g.nb) and sum(g.nn) > 0 as is_number, bool_and(g.ab) as all_bool,")
                .append(" coalesce(bool_or(g.mu), false) as multi, coalesce(sum(g.kn) filter (where g.k = p.p), 0) as ka,")
                .append(" coalesce(sum(g.kn) filter (where g.k is null), 0) as kb from rs p join ckg g on g.k = p.p or g.k is null")
                .append(" group by p.p, g.key)")
                .append(", cg as (select k, dim, val, tkey, count(*) as n from cv group by k, dim, val, tkey)")
                .append(", pc as (select p.p, g.dim, g.val, coalesce(sum(g.n) filter (where g.k = p.p), 0) as a,")
                .append(" coalesce(sum(g.n) filter (where g.k is null), 0) as b from rs p join cg g on g.k = p.p or g.k is null")
                .append(" left join ck on ck.p = p.p and ck.key = g.tkey where g.tkey is null or not ck.is_number")
                .append(" group by p.p, g.dim, g.val)")
                .append(", pr as (select pc.*, row_number() over (partition by p, dim order by a + b desc, val collate \"C\") as rn,")
                .append(" count(*) over (partition by p, dim) as nd, sum(a) over (partition by p, dim) as ka,")
                .append(" sum(b) over (partition by p, dim) as kb from pc)");
        RejectionBinSql.append(sql);
        sql.append(", rh as (select distinct on (d.hid, x.v->>'ruleKey', x.v->>'ruleLabel') d.hid, d.lead_id, d.created_at,")
                .append(" coalesce('R' || d.k, 'A') as g, d.k, x.ord, x.v->>'ruleKey' as key, x.v->>'ruleLabel' as label")
                .append(" from d cross join lateral jsonb_array_elements(case when jsonb_typeof(d.contributions) = 'array'")
                .append(" then d.contributions else '[]'::jsonb end) with ordinality x(v, ord) where x.v->>'ruleKey' is not null")
                .append(" order by d.hid, x.v->>'ruleKey', x.v->>'ruleLabel', x.ord)")
                .append(", rg as (select g, key, count(*) as n, min(created_at) as first,")
                .append(" min(created_at) filter (where label is not null) as firstl from rh group by g, key)")
                .append(", lc as (select code, max(created_at) as last from c where resp = 'REJECTED' group by code)");
        String none = "null::text, null::text, null::bigint, null::bigint, null::bigint, null::bigint, null::numeric, null::numeric,"
                + " null::float8, null::float8";
        sql.append(" select 'c' as kind, p, dim, val, a, b, rn, nd, ka, kb, null::float8 as lo, null::float8 as hi,")
                .append(" null::timestamptz as t, null::uuid[] as leads, null::uuid[] as hids, null::bigint[] as ords,")
                .append(" null::text[] as labels from pr where rn <= ").append(limit).append(" or dim not in ")
                .append(SignalFeatureSql.LONG_TAILED).append(" and not (dim like 'custom:%' and rn > ").append(limit).append(")")
                .append(" union all select 'q', p, dim, null, a, b, bin, nbins, sum(a) over (partition by p, dim),")
                .append(" sum(b) over (partition by p, dim), lo, hi, null, null, null, null, null from nbin")
                .append(" union all select 'k', p, 'custom:' || key, case when is_number then 'NUMBER' when all_bool then 'BOOLEAN'")
                .append(" else 'TEXT' end, ka, kb, case when multi then 1 else 0 end, null, null, null, null, null, null, null,")
                .append(" null, null, null from ck")
                .append(" union all select 'r', min(rh.k), rg.key, 'first', max(rg.n), null, null, null, null, null, null, null,")
                .append(" rg.first, array_agg(rh.lead_id), array_agg(rh.hid), array_agg(rh.ord), array_agg(rh.label)")
                .append(" from rg join rh on rh.g = rg.g and rh.key = rg.key and rh.created_at = rg.first")
                .append(" group by rg.g, rg.key, rg.first")
                .append(" union all select 'r', min(rh.k), rg.key, 'label', max(rg.n), null, null, null, null, null, null, null,")
                .append(" rg.firstl, array_agg(rh.lead_id), array_agg(rh.hid), array_agg(rh.ord), array_agg(rh.label)")
                .append(" from rg join rh on rh.g = rg.g and rh.key = rg.key and rh.label is not null and rh.created_at = rg.firstl")
                .append(" group by rg.g, rg.key, rg.firstl")
                .append(" union all select 'm', case when resp = 'REJECTED' then code end, resp,")
                .append(" case when resp = 'REJECTED' then category end, count(*), null, width_bucket(created_at, ?::timestamptz[]),")
                .append(" null, null, null, null, null, null, null, null, null, null from c group by 2, 3, 4, 7")
                .append(" union all select 'l', c.code, ").append(none).append(", lc.last, array_agg(c.lead_id), array_agg(c.hid),")
                .append(" null, array_agg(c.category) from c join lc on lc.code = c.code and c.created_at = lc.last")
                .append(" where c.resp = 'REJECTED' group by c.code, lc.last");
        double[] fractions = new double[bins - 1];
        for (int j = 1; j < bins; j++) {
            fractions[j - 1] = (double) j / bins;
        }
        params.add((ps, i) -> ps.setArray(i, ps.getConnection().createArrayOf("float8",
                java.util.Arrays.stream(fractions).boxed().toArray())));
        array("timestamptz", monthStarts.stream().map(java.sql.Timestamp::from).toArray());
    }
}
