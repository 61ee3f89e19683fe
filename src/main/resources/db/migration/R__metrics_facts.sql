-- Metrics facts: what each handoff and each lead counts as (docs/metrics.md, "Counting unit"). The current definitions,
-- read and changed here in place: Flyway re-applies this file whenever it changes, after all versioned migrations
-- (docs/architecture.md, "Definitions in repeatable migrations"). The tables they fill are in V4__metrics.sql;
-- R__metrics_maintenance.sql keeps the tables equal to these views.
--
-- A unit's facts (all 0/1 except revenue), from the handoffs of the unit:
--   handoffs = has a handoff; accepted = has a handoff in ACCEPTED/OPPORTUNITY/WON/LOST (accepted and not rejected
--   later); rejected = has a REJECTED handoff; reject_code/category = those of its latest rejection; sqls = has a
--   handoff in OPPORTUNITY/WON/LOST; won = has a WON handoff; lost = has a LOST one and no WON one; bad = rejected or
--   the lead is DISQUALIFIED; revenue = sum of won amounts; mqls = lead.first_mql_at is set.
-- Column order matters: metrics_handoff_src and metrics_lead_src have the columns of metrics_handoff and metrics_lead,
-- in order. A change of their columns needs a versioned migration for the table and `drop view` here (create or replace
-- can only add columns at the end).

-- Buckets of response seconds, about x1.5 wide: only their order matters (a percentile's bucket is found by counting,
-- its value by sorting the bucket's rows), so any increasing thresholds give exact results.
create or replace function metrics_response_bucket(seconds bigint) returns smallint
language sql immutable parallel safe as $$
    select width_bucket(seconds, array[0, 1, 2, 3, 5, 8, 12, 18, 27, 41, 61, 91, 137, 205, 308, 461, 692, 1038, 1557,
        2335, 3503, 5254, 7881, 11822, 17733, 26600, 39900, 59850, 89775, 134662, 201993, 302990, 454485, 681727,
        1022591, 1533886, 2300830, 3451245, 5176867, 7765300, 11647951, 17471926, 26207889, 39311834]::bigint[])::smallint;
$$;

-- Per-handoff facts, straight from the base tables (columns of metrics_handoff).
create or replace view metrics_handoff_src with (security_invoker = true) as
select h.workspace_id, h.id as handoff_id, h.lead_id, l.created_at as lead_created_at,
       (l.created_at at time zone 'UTC')::date as day, l.campaign_id, l.source, l.first_mql_version_id as version_id,
       (l.first_mql_at is not null)::int::smallint as mql, (l.lifecycle_stage = 'DISQUALIFIED')::int::smallint as disqualified,
       h.owner, h.score_total, h.created_at, h.due_at, r.responded_at,
       r.response_seconds, metrics_response_bucket(r.response_seconds) as response_bucket,
       (h.state in ('ACCEPTED', 'OPPORTUNITY', 'WON', 'LOST'))::int::smallint as accepted,
       (h.state = 'REJECTED')::int::smallint as rejected,
       case when h.state = 'REJECTED' then h.rejected_at end as rejected_at,
       case when h.state = 'REJECTED' then h.rejection_code end as reject_code,
       case when h.state = 'REJECTED' then h.rejection_category end as reject_category,
       (h.state in ('OPPORTUNITY', 'WON', 'LOST'))::int::smallint as sqls,
       (h.state = 'WON')::int::smallint as won,
       (h.state = 'LOST')::int::smallint as lost,
       case when h.state = 'WON' then h.won_amount end as won_amount
  from handoff h
  join lead l on l.workspace_id = h.workspace_id and l.id = h.lead_id
 cross join lateral (select handoff_responded_at(h.first_response_at, h.accepted_at, h.rejected_at) as responded_at) r0
 cross join lateral (select r0.responded_at, floor(extract(epoch from r0.responded_at - h.created_at))::bigint as response_seconds) r
 where l.merged_into is null;  -- a merged-away lead's handoffs moved to the survivor (leadMerge); none count under its id

-- Unit facts of a lead over all its handoffs (only leads with handoffs have a row here).
create or replace view metrics_lead_unit with (security_invoker = true) as
select workspace_id, lead_id,
       (array_agg(reject_code order by rejected_at desc, created_at desc, handoff_id desc) filter (where rejected = 1))[1] as reject_code,
       (array_agg(reject_category order by rejected_at desc, created_at desc, handoff_id desc) filter (where rejected = 1))[1] as reject_category,
       max(accepted) as accepted, max(rejected) as rejected, max(sqls) as sqls, max(won) as won,
       (max(lost) = 1 and max(won) = 0)::int::smallint as lost, coalesce(sum(won_amount), 0) as revenue
  from metrics_handoff
 group by workspace_id, lead_id;

-- Per-lead facts (columns of metrics_lead). The handoff side is a lateral subquery per lead (offset 0 keeps it from
-- being flattened into a join), so a read of some leads by "lead_id = any(...)" groups only their handoff facts, an
-- index lookup each, instead of every handoff of the workspace (V16).
create or replace view metrics_lead_src with (security_invoker = true) as
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
                     offset 0) u on true
 -- a lead merged into another (leadMerge) leaves every cohort: its handoffs moved to the survivor, which counts once
 where l.merged_into is null;

-- Unit facts of a lead and one owner of its handoffs (null owner = unassigned handoffs).
create or replace view metrics_owner_unit with (security_invoker = true) as
select workspace_id, lead_id, owner, lead_created_at, day, campaign_id, source, version_id,
       (array_agg(reject_code order by rejected_at desc, created_at desc, handoff_id desc) filter (where rejected = 1))[1] as reject_code,
       (array_agg(reject_category order by rejected_at desc, created_at desc, handoff_id desc) filter (where rejected = 1))[1] as reject_category,
       max(mql) as mqls, 1::smallint as handoffs, max(accepted) as accepted, max(rejected) as rejected,
       greatest(max(rejected), max(disqualified)) as bad, max(sqls) as sqls, max(won) as won,
       (max(lost) = 1 and max(won) = 0)::int::smallint as lost, coalesce(sum(won_amount), 0) as revenue
  from metrics_handoff
 group by workspace_id, lead_id, owner, lead_created_at, day, campaign_id, source, version_id;
