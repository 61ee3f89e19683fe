-- metrics_refresh_leads (V10) reads the facts of a set of leads with "lead_id = any(...)". Through the join of V4 the
-- handoff side could not be narrowed to those leads, so every call grouped all handoff facts of the workspace: 30 ms
-- per statement at 8,600 handoffs, growing with every handoff, paid by every lifecycle move of an ingest batch. The
-- handoff side is now a lateral subquery per lead (offset 0 keeps it from being flattened back into the join), an
-- index lookup each. A read of every lead of a workspace (metrics_rebuild) pays about 2 µs a lead for that instead.
create or replace view metrics_lead_src as
select l.workspace_id, l.id as lead_id, l.created_at, (l.created_at at time zone 'UTC')::date as day,
       l.campaign_id, l.source, l.first_mql_version_id as version_id, u.reject_code, u.reject_category,
       (l.first_mql_at is not null)::int::smallint as mqls,
       (u.lead_id is not null)::int::smallint as handoffs,
       coalesce(u.accepted, 0)::smallint as accepted,
       coalesce(u.rejected, 0)::smallint as rejected,
       greatest(coalesce(u.rejected, 0), (l.lifecycle_stage = 'DISQUALIFIED')::int)::smallint as bad,
       coalesce(u.sqls, 0)::smallint as sqls,
       coalesce(u.won, 0)::smallint as won,
       coalesce(u.lost, 0)::smallint as lost,
       coalesce(u.revenue, 0)::numeric as revenue
  from lead l
  left join lateral (select * from metrics_lead_unit u where u.workspace_id = l.workspace_id and u.lead_id = l.id
                     offset 0) u on true;
