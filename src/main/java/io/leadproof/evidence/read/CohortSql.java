package io.leadproof.evidence.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The set-based reads of {@link CohortReader}: one statement per cohort, every lead with its handoff facts, its
 * traits as of its reference moment, its campaign, its logged touches, its first-call signals and its activities up
 * to the moment, each an array aggregated in a lateral subquery (one index range per lead), its data-quality verdict
 * as of the moment (last column, {@link LeadsAsOf#VERDICT_AT_MOMENT}), and the handoff's
 * outcome as of asOf from {@code evidence_outcome} (its one home, R__evidence_signal_counts.sql); handoff cases without
 * activities and first-call signals, which rejection insights do not compare. The column order is
 * {@link CohortRows}'.
 */
final class CohortSql extends BoundSql {

    /** What a statement reads. */
    enum Shape {
        /** The latest handoff per lead among those created in the window. */
        REFERENCE,
        /** Every handoff created in the window, each judged at its creation. */
        CASES,
        /** Leads created in the window with their latest handoff created by asOf (or none). */
        BACKTEST
    }

    private static final String HANDOFF_COLUMNS = "h.id, h.lead_id, h.workspace_id, h.created_at, h.accepted_at, h.opportunity_at,"
            + " case when h.state = 'WON' then h.closed_at end as won_at, case when h.state = 'LOST' then h.closed_at end as lost_at,"
            + " h.rejected_at, h.rejection_code, h.rejection_category, h.owner, h.version_id, h.contributions, h.imported";


    /** Part {@code index} of {@code count} of a cohort: the leads whose id hashes to it (count 1: all). */
    record Part(int index, int count) {
        static final Part ALL = new Part(0, 1);
    }

    static PreparedStatement prepare(Connection c, Shape shape, CohortQuery q, boolean includeNeverHandedOff,
            boolean activityFacts, Part part) throws SQLException {
        var s = new CohortSql();
        s.build(shape, q, includeNeverHandedOff, activityFacts, part);
        return s.prepareOn(c);
    }

    private void build(Shape shape, CohortQuery q, boolean includeNeverHandedOff, boolean activityFacts, Part part) {
        var f = q.filter();
        sql.append("select l.id, l.created_at, m.moment, h.id, h.created_at, h.accepted_at, h.opportunity_at, h.won_at,")
                .append(" h.lost_at, h.rejected_at, h.rejection_code, h.rejection_category, h.owner, coalesce(h.imported, false),")
                .append(" oc.kind, c.name, c.channel, ").append(LeadsAsOf.TRAIT_COLUMNS)
                .append(", act.types, act.stages, act.counts, act.lasts, act.tags, rk.keys, rk.labels, sg.codes, sg.logged,")
                .append(" oc.since, oc.code, oc.category, ").append(LeadsAsOf.VERDICT_COLUMN)
                .append(" from ");
        if (shape == Shape.BACKTEST) {
            sql.append("lead l left join lateral (select ").append(HANDOFF_COLUMNS).append(" from handoff h")
                    .append(" where h.workspace_id = l.workspace_id and h.lead_id = l.id and h.created_at <= ?")
                    .append(" order by h.created_at desc, h.id desc limit 1) h on true");
            time(q.asOf());
        } else {
            sql.append("(select ").append(shape == Shape.REFERENCE ? "distinct on (h.lead_id) " : "").append(HANDOFF_COLUMNS)
                    .append(" from handoff h where h.workspace_id = ? and h.created_at >= ? and h.created_at < ? and h.created_at <= ?");
            text(q.workspaceId());
            time(q.from());
            time(q.to());
            time(q.asOf());
            if (!f.leadIds().isEmpty()) {
                // a page of deals by id (the filter below says the same of l): without this the handoffs of the whole
                // window were read and sorted for the page's few leads (1 s per page at 1,000,000 leads)
                sql.append(" and h.lead_id = any(?)");
                array("uuid", f.leadIds().toArray());
            }
            part(part);
            sql.append(shape == Shape.REFERENCE ? " order by h.lead_id, h.created_at desc, h.id desc" : "")
                    .append(") h join lead l on l.workspace_id = h.workspace_id and l.id = h.lead_id");
        }
        momentAndTraits(shape, q);
        sql.append(" left join campaign c on c.workspace_id = l.workspace_id and c.id = t.campaign_id")
                .append(" left join lateral (select max(e.occurred_at) as last_touch from handoff_event e")
                .append(" where e.workspace_id = l.workspace_id and e.handoff_id = h.id and e.type = 'TOUCH_LOGGED'")
                .append(" and e.occurred_at <= ?) tc on true");
        time(q.asOf());
        outcome(q);
        sql.append(" left join lateral (select array_agg(s.code order by s.logged_at, s.code) as codes,")
                .append(" array_agg(s.logged_at order by s.logged_at, s.code) as logged from handoff_touch_signal s")
                .append(" where s.workspace_id = l.workspace_id and s.handoff_id = h.id) sg on ").append(shape == Shape.CASES ? "false" : "true")
                .append(" left join lateral (select array_agg(x->>'ruleKey') as keys, array_agg(x->>'ruleLabel') as labels")
                .append(" from jsonb_array_elements(case when jsonb_typeof(h.contributions) = 'array' then h.contributions")
                .append(" else '[]'::jsonb end) x) rk on ").append(shape == Shape.CASES ? "true" : "false");
        // rejection insights compare neither behaviour nor first-call signals: a case is read without them (a join on
        // false is never executed), which halves the read
        activities(activityFacts, shape != Shape.CASES);
        sql.append(" where l.workspace_id = ?");
        text(q.workspaceId());
        if (shape == Shape.BACKTEST) {
            sql.append(" and l.created_at >= ? and l.created_at < ?");
            time(q.from());
            time(q.to());
            if (!includeNeverHandedOff || f.onHandoff()) {
                sql.append(" and h.id is not null");
            }
        }
        filter(f);
        sql.append(shape == Shape.BACKTEST ? " order by l.created_at, l.id" : " order by h.created_at, l.id, h.id");
    }

    /** The moment: the handoff (AT_HANDOFF, and always for cases), creation + n days, or for leads never handed off
     *  creation + the stall period, never later than asOf. */
    private void momentAndTraits(Shape shape, CohortQuery q) {
        Integer days = shape == Shape.CASES ? null : q.createdPlusDays();
        if (days != null) {
            sql.append(" cross join lateral (select l.created_at + make_interval(days => ?) as moment) m");
            params.add((ps, i) -> ps.setInt(i, days));
        } else {
            sql.append(" cross join lateral (select coalesce(h.created_at, least(l.created_at + make_interval(secs => ?), ?)) as moment) m");
            params.add((ps, i) -> ps.setDouble(i, q.stalledAfter().toSeconds()));
            time(q.asOf());
        }
        sql.append(" cross join lateral (").append(LeadsAsOf.TRAITS_AT_MOMENT).append(") t")
                .append(LeadsAsOf.VERDICT_AT_MOMENT);
    }

    /** The handoff's outcome as of asOf by {@code evidence_outcome_of} (R__evidence_signal_counts.sql, the one home of
     *  the rule), when it began and, for REJECTED, its reason: null for a lead without a handoff. */
    private void outcome(CohortQuery q) {
        sql.append(" left join lateral evidence_outcome_of(h.created_at, h.accepted_at, h.opportunity_at, h.won_at, h.lost_at,")
                .append(" h.rejected_at, h.rejection_code, h.rejection_category, tc.last_touch, ?, make_interval(secs => ?)) oc")
                .append(" on h.id is not null");
        time(q.asOf());
        params.add((ps, i) -> ps.setDouble(i, q.stalledAfter().toSeconds()));
    }

    private void activities(boolean facts, boolean read) {
        String on = read ? " on true" : " on false";
        if (facts) {
            // aggregated from a subquery already in order (the index read backwards): PostgreSQL 15 would sort the
            // rows again for every array_agg(... order by ...), four sorts per lead
            sql.append(" left join lateral (select array_agg(o.type) as types, array_agg(o.funnel_stage) as stages,")
                    .append(" null::int[] as counts, array_agg(o.occurred_at) as lasts, array_agg(o.content_tag) as tags")
                    .append(" from (select a.type, a.funnel_stage, a.occurred_at, a.content_tag from activity a")
                    .append(" where a.workspace_id = l.workspace_id and a.lead_id = l.id and a.occurred_at <= m.moment")
                    .append(" order by a.occurred_at, a.id) o) act").append(on);
        } else {
            sql.append(" left join lateral (select array_agg(x.type) as types, array_agg(x.funnel_stage) as stages,")
                    .append(" array_agg(x.n) as counts, array_agg(x.last_at) as lasts, null::text[] as tags")
                    .append(" from (select a.type, a.funnel_stage, count(*)::int as n, max(a.occurred_at) as last_at from activity a")
                    .append(" where a.workspace_id = l.workspace_id and a.lead_id = l.id and a.occurred_at <= m.moment")
                    .append(" group by a.type, a.funnel_stage) x) act").append(on);
        }
    }



}
