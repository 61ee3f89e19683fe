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
 *   <li>{@code v}, {@code y}, {@code x}: values, custom keys and numbers of the group ({@link SignalFeatureSql});</li>
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
        part(part);
        filter(q.filter());
        sql.append(")")
                // the compared cases: k the reason of a rejection, null for an accepted handoff
                .append(", d as (select c.*, case when resp = 'REJECTED' then code end as k from c where resp <> 'PENDING')");
        sql.append(SignalFeatureSql.values("d", "hid", "k", ""));
        sql.append(", rh as (select distinct on (d.hid, x.v->>'ruleKey', x.v->>'ruleLabel') d.hid, d.lead_id, d.created_at,")
                .append(" coalesce('R' || d.k, 'A') as g, d.k, x.ord, x.v->>'ruleKey' as key, x.v->>'ruleLabel' as label")
                .append(" from d cross join lateral jsonb_array_elements(case when jsonb_typeof(d.contributions) = 'array'")
                .append(" then d.contributions else '[]'::jsonb end) with ordinality x(v, ord) where x.v->>'ruleKey' is not null")
                .append(" order by d.hid, x.v->>'ruleKey', x.v->>'ruleLabel', x.ord)")
                .append(", rg as (select g, key, count(*) as n, min(created_at) as first,")
                .append(" min(created_at) filter (where label is not null) as firstl from rh group by g, key)")
                .append(", lc as (select code, max(created_at) as last from c where resp = 'REJECTED' group by code)");
        String noHits = SignalFeatureSql.NO_HITS;
        sql.append(" ").append(SignalFeatureSql.valueRows())
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
