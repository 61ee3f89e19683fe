-- The one home of the lead-unit and owner-unit rollup deltas (docs/metrics.md, "How it is computed"): both writers of
-- facts, metrics_refresh (any change) and metrics_add_new_leads (inserted leads) in R__metrics_maintenance.sql, hand
-- the facts rows that went and came here, and this adds them to the rollups as signed pending rows (-1 gone, +1 came),
-- folded later by R__metrics_compaction.sql. Current definitions, changed here in place.

-- p_leads_gone / p_leads_came: metrics_lead rows removed / added; p_units_gone / p_units_came: the same for the
-- lead-and-owner units (metrics_owner_unit). Rows present in both a gone and a came array cancel out in the sums.
create or replace function metrics_add_unit_deltas(p_ws text, p_leads_gone metrics_lead[], p_leads_came metrics_lead[],
                                                   p_units_gone metrics_owner_unit[], p_units_came metrics_owner_unit[])
returns void language plpgsql
-- Generic plans always: the statement below is large and its plan does not depend on the arrays' contents (see
-- metrics_refresh).
set plan_cache_mode = force_generic_plan as $$
begin
    if cardinality(p_leads_gone) = 0 and cardinality(p_leads_came) = 0
       and cardinality(p_units_gone) = 0 and cardinality(p_units_came) = 0 then
        return;
    end if;
    with lead_diff as (select -1 as sign, * from unnest(p_leads_gone)
                       union all
                       select 1, * from unnest(p_leads_came)),
         owner_diff as (select -1 as sign, * from unnest(p_units_gone)
                        union all
                        select 1, * from unnest(p_units_came)),
         units as (select null::text as owner, day, campaign_id, source, version_id, reject_code, reject_category, sign,
                          sign * mqls as mqls, sign * handoffs as handoffs, sign * accepted as accepted, sign * rejected as rejected,
                          sign * bad as bad, sign * sqls as sqls, sign * won as won, sign * lost as lost, sign * revenue as revenue,
                          false as by_owner
                     from lead_diff
                   union all
                   select owner, day, campaign_id, source, version_id, reject_code, reject_category, sign, sign * mqls,
                          sign * handoffs, sign * accepted, sign * rejected, sign * bad, sign * sqls, sign * won, sign * lost,
                          sign * revenue, true
                     from owner_diff),
         -- one row per rollup key and unit kind: the deltas of a statement arrive pre-summed
         delta as (select by_owner, owner, day, campaign_id, source, version_id, reject_code, reject_category,
                          sum(sign) as leads, sum(mqls) as mqls, sum(handoffs) as handoffs, sum(accepted) as accepted,
                          sum(rejected) as rejected, sum(bad) as bad, sum(sqls) as sqls, sum(won) as won, sum(lost) as lost,
                          sum(revenue) as revenue
                     from units
                    group by by_owner, owner, day, campaign_id, source, version_id, reject_code, reject_category),
         daily as (insert into metrics_daily
                   select p_ws, day, campaign_id, source, version_id, reject_code, reject_category, leads, mqls, handoffs,
                          accepted, rejected, bad, sqls, won, lost, revenue
                     from delta where not by_owner),
         by_owner as (insert into metrics_daily_owner
                      select p_ws, day, owner, campaign_id, source, version_id, reject_code, reject_category, leads, mqls,
                             handoffs, accepted, rejected, bad, sqls, won, lost, revenue
                        from delta where by_owner),
         -- the workspace-wide rollups by day and by month (day = the first of the month); a key whose deltas cancel out
         -- (a lead moved to another campaign) adds no row
         total as (select t.day, t.by_month, reject_code, reject_category, sum(leads) as leads, sum(mqls) as mqls,
                          sum(handoffs) as handoffs, sum(accepted) as accepted, sum(rejected) as rejected, sum(bad) as bad,
                          sum(sqls) as sqls, sum(won) as won, sum(lost) as lost, sum(revenue) as revenue
                     from delta cross join lateral (values (delta.day, false), (date_trunc('month', delta.day)::date, true)) t(day, by_month)
                    where not delta.by_owner
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
end $$;
