package io.leadproof.evidence.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.leadproof.evidence.read.CohortSql.Part;

/**
 * The set-based counts of rejection insights over one part of the handoff cases (docs/evidence.md, "What sales'
 * rejections say"): one statement over the handoffs of the window whose lead hashes to the part (every handoff with
 * {@link Part#ALL}), each judged at its creation (traits as of then by {@link LeadsAsOf}, the response by
 * {@code evidence_response}, the cohort filter by {@link BoundSql#filter}). It returns only counts that add up over
 * parts, grouped per group {@code p} (a rejection's reason, null for an accepted handoff), never the cases; ranking,
 * typing per comparison and quantile bins are {@link RejectionTally}'s, over the sum of the parts. Rows
 * {@code (kind, p, dim, val, n, n2, rn, tkey, f1, f2, f3, x, t, leads, hids, ords, labels, xs)}:
 * <ul>
 *   <li>{@code v}: a categorical value (dim, val) of the group with its count n; tkey the custom key of a scalar custom
 *   value (it counts only where the comparison types the key as text);</li>
 *   <li>{@code y}: a custom key (dim) of the group: n values with a number, n2 with a value; f1 all of them numbers or
 *   unknown, f2 all booleans, lists or unknown, f3 a list with more than one value;</li>
 *   <li>{@code x}: the numbers of dimension dim in the group, distinct and ascending (xs) with their counts (ords; tkey
 *   the custom key of a custom number): one row per dimension, not per value;</li>
 *   <li>{@code r}: a rule of the frozen contributions in group p, the part's cases showing it (n, on the {@code first}
 *   row) and its first hits (val first) or first labelled hits (val label): handoff time t; lead, handoff, position and
 *   label of each hit at t;</li>
 *   <li>{@code m}: cases per month (rn: 1-based index into the month starts), response (dim), reason and category (val);</li>
 *   <li>{@code l}: a reason's latest rejections (t) with their leads, handoffs and categories (labels).</li>
 * </ul>
 */
final class RejectionPartSql extends BoundSql {

    static PreparedStatement prepare(Connection c, CohortQuery q, List<Instant> monthStarts, Part part) throws SQLException {
        var s = new RejectionPartSql();
        s.build(q, monthStarts, part);
        return s.prepareOn(c);
    }

    private void build(CohortQuery q, List<Instant> monthStarts, Part part) {
        sql.append("with c as materialized (select h.id as hid, h.lead_id, h.created_at, h.contributions,")
                .append(" evidence_response(h.accepted_at, h.opportunity_at, h.rejected_at, ?) as resp,")
                .append(" h.rejection_code as code, h.rejection_category as category, t.email_normalized, t.annual_revenue,")
                .append(" t.employee_count, t.industry, t.job_title, t.seniority, t.country, t.source, t.budget_status,")
                .append(" t.budget_amount, t.authority, t.need, t.timeline, t.custom_attributes, cp.name as campaign, cp.channel")
                .append(" from handoff h").append(LeadsAsOf.lead(false))
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
        if (part.count() > 1) {
            sql.append(" and (hashtext(h.lead_id::text) & 2147483647) % ? = ?");
            params.add((ps, i) -> ps.setInt(i, part.count()));
            params.add((ps, i) -> ps.setInt(i, part.index()));
        }
        filter(q.filter());
        sql.append(")")
                // the compared cases: k the reason of a rejection, null for an accepted handoff
                .append(", d as (select c.*, case when resp = 'REJECTED' then code end as k from c where resp <> 'PENDING')");
        sql.append(", ce as (").append(SignalFeatureSql.customEntries("d", "hid", "k")).append(")")
                .append(", cv as (select v.dim, v.val, d.k, null::text as tkey from d cross join lateral ")
                .append(SignalFeatureSql.traitValues("d"))
                .append(" union all select 'custom:' || ce.key, ce.norm, ce.grp, ce.key from ce where not ce.is_list and ce.norm is not null")
                .append(" union all ").append(SignalFeatureSql.listElements("ce.grp, null::text"))
                .append(" from ce cross join lateral jsonb_array_elements(ce.value) x where ce.is_list and evidence_custom_text(x) is not null)")
                .append(", nv as (select v.dim, v.x, d.k, null::text as tkey from d cross join lateral ")
                .append(SignalFeatureSql.numberValues("d"))
                .append(" union all select 'custom:' || ce.key, ce.num, ce.grp, ce.key from ce where ce.num is not null)");
        sql.append(", rh as (select distinct on (d.hid, x.v->>'ruleKey', x.v->>'ruleLabel') d.hid, d.lead_id, d.created_at,")
                .append(" coalesce('R' || d.k, 'A') as g, d.k, x.ord, x.v->>'ruleKey' as key, x.v->>'ruleLabel' as label")
                .append(" from d cross join lateral jsonb_array_elements(case when jsonb_typeof(d.contributions) = 'array'")
                .append(" then d.contributions else '[]'::jsonb end) with ordinality x(v, ord) where x.v->>'ruleKey' is not null")
                .append(" order by d.hid, x.v->>'ruleKey', x.v->>'ruleLabel', x.ord)")
                .append(", rg as (select g, key, count(*) as n, min(created_at) as first,")
                .append(" min(created_at) filter (where label is not null) as firstl from rh group by g, key)")
                .append(", lc as (select code, max(created_at) as last from c where resp = 'REJECTED' group by code)");
        String noHits = "null::timestamptz, null::uuid[], null::uuid[], null::bigint[], null::text[], null::float8[]";
        sql.append(" select 'v' as kind, k as p, dim, val, count(*) as n, null::bigint as n2, null::int as rn, tkey,")
                .append(" null::boolean as f1, null::boolean as f2, null::boolean as f3, null::float8 as x,")
                .append(" null::timestamptz as t, null::uuid[] as leads, null::uuid[] as hids, null::bigint[] as ords,")
                .append(" null::text[] as labels, null::float8[] as xs from cv group by k, dim, val, tkey")
                .append(" union all select 'y', grp, key, null, count(num), count(*) filter (where norm is not null or list_n > 0),")
                .append(" null, null, bool_and(not is_list and (norm is null or (num is not null and not is_bool))),")
                .append(" bool_and(is_list or norm is null or is_bool), bool_or(list_n > 1), null, ").append(noHits)
                .append(" from ce group by grp, key")
                .append(" union all select 'x', k, dim, null, null, null, null, tkey, null, null, null, null, null, null, null,")
                .append(" array_agg(n order by x), null, array_agg(x order by x) from (select k, dim, tkey, x, count(*) as n from nv")
                .append(" group by k, dim, tkey, x) nx group by k, dim, tkey")
                .append(" union all select 'r', min(rh.k), rg.key, 'first', max(rg.n), null, null, null, null, null, null, null,")
                .append(" rg.first, array_agg(rh.lead_id), array_agg(rh.hid), array_agg(rh.ord), array_agg(rh.label), null")
                .append(" from rg join rh on rh.g = rg.g and rh.key = rg.key and rh.created_at = rg.first")
                .append(" group by rg.g, rg.key, rg.first")
                .append(" union all select 'r', min(rh.k), rg.key, 'label', max(rg.n), null, null, null, null, null, null, null,")
                .append(" rg.firstl, array_agg(rh.lead_id), array_agg(rh.hid), array_agg(rh.ord), array_agg(rh.label), null")
                .append(" from rg join rh on rh.g = rg.g and rh.key = rg.key and rh.label is not null and rh.created_at = rg.firstl")
                .append(" group by rg.g, rg.key, rg.firstl")
                .append(" union all select 'm', case when resp = 'REJECTED' then code end, resp,")
                .append(" case when resp = 'REJECTED' then category end, count(*), null, width_bucket(created_at, ?::timestamptz[]),")
                .append(" null, null, null, null, null, ").append(noHits).append(" from c group by 2, 3, 4, 7")
                .append(" union all select 'l', c.code, null, null, null, null, null, null, null, null, null, null, lc.last,")
                .append(" array_agg(c.lead_id), array_agg(c.hid), null, array_agg(c.category), null from c join lc on lc.code = c.code")
                .append(" and c.created_at = lc.last where c.resp = 'REJECTED' group by c.code, lc.last");
        array("timestamptz", monthStarts.stream().map(java.sql.Timestamp::from).toArray());
    }
}
