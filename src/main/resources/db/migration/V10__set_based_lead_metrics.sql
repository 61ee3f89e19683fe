-- Lead inserts and updates refresh the metrics facts once per statement instead of once per row. Scoring moves
-- thousands of leads to MQL or DISQUALIFIED in one UPDATE, an import inserts hundreds in one statement; refreshing them
-- one by one cost about 0.7 ms of database time per lead. Leads without handoffs (almost all of them at that moment)
-- are refreshed set-based; a lead with handoffs still takes metrics_refresh_lead, which also rewrites the handoff and
-- owner facts. The results are the same rows the per-lead path writes, except that the rollup deltas of one statement
-- arrive pre-summed per key.

-- Refreshes the facts of p_leads (their lead rows are locked by the caller's statement).
create function metrics_refresh_leads(p_ws text, p_leads uuid[]) returns void
language plpgsql set enable_seqscan = off as $$
declare
    l uuid;
    plain uuid[];
    ignored integer;
begin
    for l in select u from unnest(p_leads) as u
              where exists (select from metrics_handoff h where h.workspace_id = p_ws and h.lead_id = u)
                 or exists (select from handoff h where h.workspace_id = p_ws and h.lead_id = u)
              order by u loop
        perform metrics_refresh_lead(p_ws, l, false, false);
    end loop;
    select coalesce(array_agg(u order by u), '{}') into plain from unnest(p_leads) as u
     where not exists (select from metrics_handoff h where h.workspace_id = p_ws and h.lead_id = u)
       and not exists (select from handoff h where h.workspace_id = p_ws and h.lead_id = u);
    if cardinality(plain) = 0 then
        return;
    end if;
    -- Same lock order as metrics_refresh_lead (lead row, then its facts row); the statement below reads a fresh snapshot.
    perform 1 from metrics_lead where workspace_id = p_ws and lead_id = any(plain) order by lead_id for update;
    with o as (select * from metrics_lead where workspace_id = p_ws and lead_id = any(plain)),
         n as (select * from metrics_lead_src where workspace_id = p_ws and lead_id = any(plain)),
         changed as (
             select coalesce(o.lead_id, n.lead_id) as lead_id, o.lead_id is not null as had_old, n.lead_id is not null as has_new
               from o full join n on n.lead_id = o.lead_id
              where o.lead_id is null or n.lead_id is null
                 or (o.created_at, o.day, o.campaign_id, o.source, o.version_id, o.reject_code, o.reject_category, o.mqls,
                     o.handoffs, o.accepted, o.rejected, o.bad, o.sqls, o.won, o.lost, o.revenue)
                    is distinct from
                    (n.created_at, n.day, n.campaign_id, n.source, n.version_id, n.reject_code, n.reject_category, n.mqls,
                     n.handoffs, n.accepted, n.rejected, n.bad, n.sqls, n.won, n.lost, n.revenue)),
         d as (select o.day, o.campaign_id, o.source, o.version_id, o.reject_code, o.reject_category, -1 as sign, o.mqls,
                      o.handoffs, o.accepted, o.rejected, o.bad, o.sqls, o.won, o.lost, o.revenue
                 from o join changed c on c.lead_id = o.lead_id
               union all
               select n.day, n.campaign_id, n.source, n.version_id, n.reject_code, n.reject_category, 1, n.mqls,
                      n.handoffs, n.accepted, n.rejected, n.bad, n.sqls, n.won, n.lost, n.revenue
                 from n join changed c on c.lead_id = n.lead_id),
         g as (select day, campaign_id, source, version_id, reject_code, reject_category, sum(sign) as leads,
                      sum(sign * mqls) as mqls, sum(sign * handoffs) as handoffs, sum(sign * accepted) as accepted,
                      sum(sign * rejected) as rejected, sum(sign * bad) as bad, sum(sign * sqls) as sqls,
                      sum(sign * won) as won, sum(sign * lost) as lost, sum(sign * revenue) as revenue
                 from d group by day, campaign_id, source, version_id, reject_code, reject_category),
         daily as (insert into metrics_daily (workspace_id, day, campaign_id, source, version_id, reject_code, reject_category,
                                              leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue)
                   select p_ws, day, campaign_id, source, version_id, reject_code, reject_category, leads, mqls, handoffs,
                          accepted, rejected, bad, sqls, won, lost, revenue
                     from g
                    where (leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue)
                          <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
         total as (insert into metrics_daily_total (workspace_id, day, reject_code, reject_category,
                                                    leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue)
                   select p_ws, day, reject_code, reject_category, sum(leads), sum(mqls), sum(handoffs), sum(accepted),
                          sum(rejected), sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue)
                     from g group by day, reject_code, reject_category
                   having (sum(leads), sum(mqls), sum(handoffs), sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won),
                           sum(lost), sum(revenue)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
         monthly as (insert into metrics_monthly_total (workspace_id, day, reject_code, reject_category,
                                                        leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue)
                     select p_ws, date_trunc('month', day)::date, reject_code, reject_category, sum(leads), sum(mqls),
                            sum(handoffs), sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue)
                       from g group by date_trunc('month', day)::date, reject_code, reject_category
                     having (sum(leads), sum(mqls), sum(handoffs), sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won),
                             sum(lost), sum(revenue)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
         updated as (update metrics_lead m
                        set created_at = n.created_at, day = n.day, campaign_id = n.campaign_id, source = n.source,
                            version_id = n.version_id, reject_code = n.reject_code, reject_category = n.reject_category,
                            mqls = n.mqls, handoffs = n.handoffs, accepted = n.accepted, rejected = n.rejected, bad = n.bad,
                            sqls = n.sqls, won = n.won, lost = n.lost, revenue = n.revenue
                       from n join changed c on c.lead_id = n.lead_id and c.had_old
                      where m.workspace_id = p_ws and m.lead_id = n.lead_id),
         inserted as (insert into metrics_lead
                      select n.* from n join changed c on c.lead_id = n.lead_id and not c.had_old),
         deleted as (delete from metrics_lead m using changed c
                      where m.workspace_id = p_ws and m.lead_id = c.lead_id and not c.has_new)
    select 1 into ignored;
end $$;

-- The keys an UPDATE changed (never done by the application, kept correct anyway) are refreshed under both keys.
create function metrics_leads_changed() returns trigger language plpgsql as $$
declare
    ws text;
    ids uuid[];
begin
    if tg_op = 'INSERT' then
        for ws, ids in select workspace_id, array_agg(id) from new_rows group by workspace_id loop
            perform metrics_refresh_leads(ws, ids);
        end loop;
    elsif tg_op = 'DELETE' then
        for ws, ids in select workspace_id, array_agg(id) from old_rows group by workspace_id loop
            perform metrics_refresh_leads(ws, ids);
        end loop;
    else
        for ws, ids in
            select k.workspace_id, array_agg(k.id)
              from (select n.workspace_id, n.id
                      from new_rows n join old_rows o on o.workspace_id = n.workspace_id and o.id = n.id
                     where (o.created_at, o.campaign_id, o.source, o.first_mql_at is null, o.first_mql_version_id,
                            o.lifecycle_stage = 'DISQUALIFIED')
                           is distinct from
                           (n.created_at, n.campaign_id, n.source, n.first_mql_at is null, n.first_mql_version_id,
                            n.lifecycle_stage = 'DISQUALIFIED')
                    union
                    select o.workspace_id, o.id from old_rows o
                     where not exists (select from new_rows n where n.workspace_id = o.workspace_id and n.id = o.id)
                    union
                    select n.workspace_id, n.id from new_rows n
                     where not exists (select from old_rows o where o.workspace_id = n.workspace_id and o.id = n.id)) k
             group by k.workspace_id
        loop
            perform metrics_refresh_leads(ws, ids);
        end loop;
    end if;
    return null;
end $$;

drop trigger metrics_lead_inserted on lead;
drop trigger metrics_lead_deleted on lead;
drop trigger metrics_lead_updated on lead;
create trigger metrics_leads_inserted after insert on lead referencing new table as new_rows
    for each statement execute function metrics_leads_changed();
create trigger metrics_leads_deleted after delete on lead referencing old table as old_rows
    for each statement execute function metrics_leads_changed();
create trigger metrics_leads_updated after update on lead referencing old table as old_rows new table as new_rows
    for each statement execute function metrics_leads_changed();
