package io.leadproof.evidence.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.leadproof.evidence.core.OutcomeGroup;
import io.leadproof.evidence.read.CohortSql.Part;

/**
 * The set-based signal counts of one part of a cohort (docs/evidence.md, "Signals"): one statement that judges the
 * cohort of {@link CohortSql.Shape#REFERENCE} in the database — the latest handoff per lead in the window, among the
 * leads hashing to the part (every lead with {@link Part#ALL}), traits as of the moment ({@link LeadsAsOf}), the outcome
 * by {@code evidence_outcome} (R__evidence_signal_counts.sql), the lead's group ({@code p} 'A', or null for group B) —
 * and returns only counts that add up over parts, never the cohort: the values, custom keys and numbers of
 * {@link SignalFeatureSql} (first-call codes within the window among the values), and, in the same columns,
 * <ul>
 *   <li>{@code n}: the group's leads (n);</li>
 *   <li>{@code b}: an activity type (dim) × stage (val) with the group's leads per facet (ords, BehaviourFacet order);</li>
 *   <li>{@code d}: the group's lead ids (leads) with their moments (ords, epoch microseconds).</li>
 * </ul>
 * Ranking, the long tail, custom-key typing and quantile cuts need the whole cohort: {@link RejectionTally} makes them
 * from the sum of the parts ({@link SignalCountReader}).
 */
final class SignalCountSql extends BoundSql {

    /** The behaviour facets per activity type × stage over {@code g} (one parameter: the workspace). */
    private static final String BEHAVIOUR = ", act as (select g.grp, x.type, x.funnel_stage, x.n, x.age from g cross join lateral"
            + " (select a.type, a.funnel_stage, count(*) as n,"
            + " floor(extract(epoch from g.moment)) - floor(extract(epoch from max(a.occurred_at))) as age"
            + " from activity a where a.workspace_id = ? and a.lead_id = g.lead_id and a.occurred_at <= g.moment"
            + " group by a.type, a.funnel_stage) x)";

    static PreparedStatement prepare(Connection c, CohortQuery q, OutcomeGroup a, OutcomeGroup b, Part part)
            throws SQLException {
        var s = new SignalCountSql();
        s.build(q, a, b, part);
        return s.prepareOn(c);
    }

    private void build(CohortQuery q, OutcomeGroup a, OutcomeGroup b, Part part) {
        var f = q.filter();
        sql.append("with h as (select distinct on (h.lead_id) h.id, h.lead_id, h.workspace_id, h.created_at, h.accepted_at,")
                .append(" h.opportunity_at, case when h.state = 'WON' then h.closed_at end as won_at,")
                .append(" case when h.state = 'LOST' then h.closed_at end as lost_at, h.rejected_at, h.rejection_category,")
                .append(" h.owner, h.version_id from handoff h where h.workspace_id = ? and h.created_at >= ? and h.created_at < ?")
                .append(" and h.created_at <= ?");
        text(q.workspaceId());
        time(q.from());
        time(q.to());
        time(q.asOf());
        part(part);
        sql.append(" order by h.lead_id, h.created_at desc, h.id desc),");
        // the outcome and the group first, from the handoff alone: traits are looked up only for the leads compared
        sql.append(" x as (select h.*, evidence_outcome(h.created_at, h.accepted_at, h.opportunity_at, h.won_at, h.lost_at,")
                .append(" h.rejected_at, tc.last_touch, ?, make_interval(secs => ?)) as kind from h left join lateral")
                .append(" (select max(e.occurred_at) as last_touch from handoff_event e where e.workspace_id = h.workspace_id")
                .append(" and e.handoff_id = h.id and e.type = 'TOUCH_LOGGED' and e.occurred_at <= ?")
                // a touch can only turn STALLED into OPEN: looked up only for the deals stalled without one
                .append(" and evidence_outcome(h.created_at, h.accepted_at, h.opportunity_at, h.won_at, h.lost_at, h.rejected_at,")
                .append(" null, ?, make_interval(secs => ?)) = 'STALLED') tc on true),")
                .append(" hg as (select x.*, case when ");
        time(q.asOf());
        params.add((ps, i) -> ps.setDouble(i, q.stalledAfter().toSeconds()));
        time(q.asOf());
        time(q.asOf());
        params.add((ps, i) -> ps.setDouble(i, q.stalledAfter().toSeconds()));
        group(a);
        sql.append(" then true when ");
        group(b);
        sql.append(" then false end as in_a from x),");
        sql.append(" g as materialized (select l.id as lead_id, m.moment, h.id as handoff_id, h.created_at as handed_off_at,")
                .append(" t.email_normalized, t.annual_revenue, t.employee_count, t.industry, t.job_title, t.seniority, t.country,")
                .append(" t.source, t.budget_status, t.budget_amount, t.authority, t.need, t.timeline, t.custom_attributes,")
                .append(" cp.name as campaign, cp.channel, case when h.in_a then 'A' end as grp")
                .append(" from hg h");
        Integer days = q.createdPlusDays();
        sql.append(LeadsAsOf.lead(days != null));
        if (days != null) {
            sql.append(" cross join lateral (select l.created_at + make_interval(days => ?) as moment) m");
            params.add((ps, i) -> ps.setInt(i, days));
        } else {
            sql.append(" cross join lateral (select h.created_at as moment) m");
        }
        sql.append(" cross join lateral (").append(LeadsAsOf.TRAITS_AT_MOMENT).append(") t")
                .append(" left join campaign cp on cp.workspace_id = l.workspace_id and cp.id = t.campaign_id");
        sql.append(" where h.in_a is not null and l.workspace_id = ?");
        text(q.workspaceId());
        filter(f);
        sql.append(")");
        sql.append(SignalFeatureSql.values("g", "lead_id", "grp", " union all select distinct on (g.lead_id, s.code)"
                + " 'first-call', s.code, g.grp, null from g join handoff_touch_signal s on s.workspace_id = ?"
                + " and s.handoff_id = g.handoff_id and s.logged_at >= g.handed_off_at"
                + " and s.logged_at <= g.handed_off_at + make_interval(secs => ?)"));
        text(q.workspaceId());
        params.add((ps, i) -> ps.setDouble(i, q.firstCallWindow().toSeconds()));
        sql.append(BEHAVIOUR);
        text(q.workspaceId());
        String none = "null, null, null, null, null, null, null, null"; // n2 .. t
        sql.append(" ").append(SignalFeatureSql.valueRows())
                .append(" union all select 'n', grp, null, null, count(*), ").append(none).append(", null, null, null, null, null")
                .append(" from g group by grp")
                .append(" union all select 'b', grp, type, funnel_stage, null, ").append(none).append(", null, null, array[")
                .append(facets()).append("], null, null from act group by grp, type, funnel_stage")
                .append(" union all select 'd', grp, null, null, null, ").append(none).append(", array_agg(lead_id), null,")
                .append(" array_agg((extract(epoch from moment) * 1000000)::bigint), null, null from g group by grp");
    }

    /** The leads showing each facet: any, exactly 1, 2–4, 5 or more, within 7 and within 30 days. */
    private static String facets() {
        String w = "count(*) filter (where ";
        return w + "n >= 1), " + w + "n = 1), " + w + "n between 2 and 4), " + w + "n >= 5), " + w + "age <= 604800), "
                + w + "age <= 2592000)";
    }

    /** Whether the row's outcome lies in the group (REJECTED by category when the group names categories). */
    private void group(OutcomeGroup g) {
        sql.append("(x.kind = any(?) and (x.kind <> 'REJECTED' or cardinality(?::text[]) = 0 or x.rejection_category = any(?)))");
        array("text", g.kinds().stream().map(Enum::name).toArray());
        Object[] categories = g.rejectedCategories().stream().map(Enum::name).toArray();
        array("text", categories);
        array("text", categories);
    }
}
