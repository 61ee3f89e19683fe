-- The one home of the lead-unit and owner-unit rollup deltas (docs/metrics.md, "How it is computed"): both writers of
-- facts, metrics_refresh (any change) and metrics_add_new_leads (inserted leads) in R__metrics_maintenance.sql, hand
-- the facts rows that went and came here, and this adds them to the rollups as signed pending rows (-1 gone, +1 came),
-- folded later by R__metrics_compaction.sql. Current definitions, changed here in place.

-- p_leads_gone / p_leads_came: metrics_lead rows removed / added; p_units_gone / p_units_came: the same for the
-- lead-and-owner units (metrics_owner_unit). Rows present in both a gone and a came array cancel out in the sums.
create or replace function metrics_add_unit_deltas(p_ws text, p_leads_gone metrics_lead[], p_leads_came metrics_lead[],
                                                   p_units_gone metrics_owner_unit[], p_units_came metrics_owner_unit[])
returns void language plpgsql
-- Generic plans always: the statements below are large and their plans do not depend on the arrays' contents (see
-- metrics_refresh).
set plan_cache_mode = force_generic_plan as $$
begin
    -- Two statements, the second only when owner units changed (a lead with handoffs): most writes (inserted leads, a
    -- lead without handoffs moved) then neither plan nor open metrics_daily_owner and its indexes.
    if cardinality(p_leads_gone) > 0 or cardinality(p_leads_came) > 0 then
        with lead_diff as (select -1 as sign, * from unnest(p_leads_gone)
                           union all
                           select 1, * from unnest(p_leads_came)),
             -- one row per rollup key: the deltas of a statement arrive pre-summed
             delta as (select day, campaign_id, source, version_id, reject_code, reject_category, sum(sign) as leads,
                              sum(sign * mqls) as mqls, sum(sign * handoffs) as handoffs, sum(sign * accepted) as accepted,
                              sum(sign * rejected) as rejected, sum(sign * bad) as bad, sum(sign * sqls) as sqls,
                              sum(sign * won) as won, sum(sign * lost) as lost, sum(sign * revenue) as revenue
                         from lead_diff
                        group by day, campaign_id, source, version_id, reject_code, reject_category),
             daily as (insert into metrics_daily
                       select p_ws, day, campaign_id, source, version_id, reject_code, reject_category, leads, mqls, handoffs,
                              accepted, rejected, bad, sqls, won, lost, revenue
                         from delta),
             -- the workspace-wide rollups by day and by month (day = the first of the month); a key whose deltas cancel
             -- out (a lead moved to another campaign) adds no row
             total as (select t.day, t.by_month, reject_code, reject_category, sum(leads) as leads, sum(mqls) as mqls,
                              sum(handoffs) as handoffs, sum(accepted) as accepted, sum(rejected) as rejected, sum(bad) as bad,
                              sum(sqls) as sqls, sum(won) as won, sum(lost) as lost, sum(revenue) as revenue
                         from delta cross join lateral (values (delta.day, false), (date_trunc('month', delta.day)::date, true)) t(day, by_month)
                        group by t.day, t.by_month, reject_code, reject_category
                       having (sum(leads), sum(mqls), sum(handoffs), sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won),
                               sum(lost), sum(revenue)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
             daily_total as (insert into metrics_daily_total
                             select p_ws, day, reject_code, reject_category, leads, mqls, handoffs, accepted, rejected, bad, sqls,
                                    won, lost, revenue
                               from total where not by_month)
        insert into metrics_monthly_total
        select p_ws, day, reject_code, reject_category, leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue
          from total where by_month;
    end if;
    if cardinality(p_units_gone) > 0 or cardinality(p_units_came) > 0 then
        insert into metrics_daily_owner
        select p_ws, day, owner, campaign_id, source, version_id, reject_code, reject_category, sum(sign), sum(sign * mqls),
               sum(sign * handoffs), sum(sign * accepted), sum(sign * rejected), sum(sign * bad), sum(sign * sqls),
               sum(sign * won), sum(sign * lost), sum(sign * revenue)
          from (select -1 as sign, * from unnest(p_units_gone)
                union all
                select 1, * from unnest(p_units_came)) owner_diff
         group by day, owner, campaign_id, source, version_id, reject_code, reject_category;
    end if;
end $$;
