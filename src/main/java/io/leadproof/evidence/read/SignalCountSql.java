package io.leadproof.evidence.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.leadproof.evidence.core.OutcomeGroup;

/**
 * The set-based signal counts of a cohort (docs/evidence.md, "Signals"): one statement that judges the cohort of
 * {@link CohortSql.Shape#REFERENCE} in the database — the latest handoff per lead in the window, traits as of the
 * moment ({@link LeadsAsOf}), the outcome by {@code evidence_outcome} (R__evidence_signal_counts.sql), the lead's group —
 * and returns a few hundred grouped rows instead of the cohort: value counts of every categorical dimension ranked by
 * count (the long tail summed by the caller from the totals), quantile bins of number dimensions from
 * {@code percentile_disc}, behaviour facets per activity type × stage, first-call codes within the window, the typing of
 * custom attributes, and each group's lead ids with their moments (for the deals connections). The feature parts are
 * {@link SignalFeatureSql}'s; the rows are turned into counts by {@code evidence.core.CountedSignals}.
 */
final class SignalCountSql extends BoundSql {


    /** What one statement counts: everything, or the two halves that run at once on two connections. */
    enum Half {
        ALL, TRAITS, BEHAVIOUR
    }

    static PreparedStatement prepare(Connection c, CohortQuery q, OutcomeGroup a, OutcomeGroup b, int bins, int limit)
            throws SQLException {
        return prepare(c, q, a, b, bins, limit, Half.ALL);
    }

    static PreparedStatement prepare(Connection c, CohortQuery q, OutcomeGroup a, OutcomeGroup b, int bins, int limit,
            Half half) throws SQLException {
        var s = new SignalCountSql();
        s.build(q, a, b, bins, limit, half);
        return s.prepareOn(c);
    }

    private void build(CohortQuery q, OutcomeGroup a, OutcomeGroup b, int bins, int limit, Half half) {
        var f = q.filter();
        sql.append("with h as (select distinct on (h.lead_id) h.id, h.lead_id, h.workspace_id, h.created_at, h.accepted_at,")
                .append(" h.opportunity_at, case when h.state = 'WON' then h.closed_at end as won_at,")
                .append(" case when h.state = 'LOST' then h.closed_at end as lost_at, h.rejected_at, h.rejection_category,")
                .append(" h.owner, h.version_id from handoff h where h.workspace_id = ? and h.created_at >= ? and h.created_at < ?")
                .append(" and h.created_at <= ? order by h.lead_id, h.created_at desc, h.id desc),");
        text(q.workspaceId());
        time(q.from());
        time(q.to());
        time(q.asOf());
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
                .append(" cp.name as campaign, cp.channel, h.in_a")
                .append(" from hg h");
        Integer days = q.createdPlusDays();
        sql.append(LeadsAsOf.lead(days != null));
        if (days != null) {
            sql.append(" cross join lateral (select l.created_at + make_interval(days => ?) as moment) m");
            params.add((ps, i) -> ps.setInt(i, days));
        } else {
            sql.append(" cross join lateral (select h.created_at as moment) m");
        }
        if (half != Half.BEHAVIOUR || !f.campaignIds().isEmpty() || !f.sources().isEmpty()) {
            // behaviour alone reads traits only when the filter names campaigns or sources (as of the moment)
            sql.append(" cross join lateral (").append(LeadsAsOf.TRAITS_AT_MOMENT).append(") t")
                    .append(" left join campaign cp on cp.workspace_id = l.workspace_id and cp.id = t.campaign_id");
        } else {
            sql.append(" cross join lateral (select null::text as email_normalized, null::numeric as annual_revenue,")
                    .append(" null::int as employee_count, null::text as industry, null::text as job_title, null::text as seniority,")
                    .append(" null::text as country, null::text as source, null::text as budget_status,")
                    .append(" null::numeric as budget_amount, null::text as authority, null::text as need, null::text as timeline,")
                    .append(" null::jsonb as custom_attributes) t cross join lateral (select null::text as name, null::text as channel) cp");
        }
        sql.append(" where h.in_a is not null and l.workspace_id = ?");
        text(q.workspaceId());
        filter(f);
        sql.append(")");
        if (half == Half.BEHAVIOUR) {
            SignalFeatureSql.appendBehaviour(sql);
            text(q.workspaceId()); // activities
            return;
        }
        SignalFeatureSql.append(sql, bins, limit, half == Half.ALL);
        text(q.workspaceId()); // first-call signals
        params.add((ps, i) -> ps.setDouble(i, q.firstCallWindow().toSeconds()));
        if (half == Half.ALL) {
            text(q.workspaceId()); // activities
        }
        double[] fractions = new double[bins - 1];
        for (int j = 1; j < bins; j++) {
            fractions[j - 1] = (double) j / bins;
        }
        params.add((ps, i) -> ps.setArray(i, ps.getConnection().createArrayOf("float8",
                java.util.Arrays.stream(fractions).boxed().toArray())));
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
