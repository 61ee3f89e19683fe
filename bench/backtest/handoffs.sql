-- Handoffs with outcomes for the backtest benchmark, set-based, on top of bench/scoring/generate.sql's leads:
-- about one lead in eight (md5 of its id) was handed off a day after creation under version 1 and answered by one of
-- 25 reps: 30 % won, 20 % lost, 25 % rejected (reasons of the workspace taxonomy), the rest accepted or pending.
-- psql variables: ws. Deterministic. The rejection reasons must exist (the app seeds them with the workspace).
\set ON_ERROR_STOP on
set client_min_messages = warning;
set synchronous_commit = off;
begin;
set local session_replication_role = replica;
delete from handoff_event where workspace_id = :'ws';
delete from handoff where workspace_id = :'ws';
with picked as (
    select l.id as lead_id, l.created_at,
           ('x' || substr(md5(l.id::text), 1, 8))::bit(32)::int::bigint & 2147483647 as h,
           (select id from criteria_version v where v.workspace_id = l.workspace_id and v.number = 1 limit 1) as version_id
      from lead l
     where l.workspace_id = :'ws' and (('x' || substr(md5(l.id::text || 'h'), 1, 4))::bit(16)::int % 8) = 0
), drawn as (
    select p.*, (p.h % 100) as r, p.created_at + interval '1 day' as handed_off_at,
           (array(select code from rejection_reason where workspace_id = :'ws' order by code))[1 + (p.h / 100) % 6] as reason
      from picked p
)
insert into handoff (workspace_id, id, lead_id, state, owner, version_id, score_total, score_fit, score_engagement, contributions,
                     lead_snapshot, created_at, created_by, due_at, first_response_at, accepted_at, rejected_at, rejection_code,
                     rejection_category, disposition, opportunity_at, closed_at, won_amount, won_currency, lost_reason)
select :'ws', md5(d.lead_id::text || '/handoff')::uuid, d.lead_id,
       case when d.r < 30 then 'WON' when d.r < 50 then 'LOST' when d.r < 75 then 'REJECTED' when d.r < 90 then 'ACCEPTED' else 'PENDING' end,
       'rep' || (1 + d.h % 25), d.version_id, 50, 25, 25, '[]'::jsonb, '{}'::jsonb, d.handed_off_at, 'leadproof',
       d.handed_off_at + interval '24 hours',
       case when d.r < 90 then d.handed_off_at + interval '2 hours' end,
       case when d.r < 50 or d.r between 75 and 89 then d.handed_off_at + interval '2 hours' end,
       case when d.r between 50 and 74 then d.handed_off_at + interval '2 hours' end,
       case when d.r between 50 and 74 then d.reason end,
       case when d.r between 50 and 74 then (select category from rejection_reason rr where rr.workspace_id = :'ws' and rr.code = d.reason) end,
       case when d.r between 50 and 74 then 'DISQUALIFIED' end,
       case when d.r < 50 then d.handed_off_at + interval '5 days' end,
       case when d.r < 50 then d.handed_off_at + interval '30 days' end,
       case when d.r < 30 then 1000 end, case when d.r < 30 then 'USD' end, case when d.r between 30 and 49 then 'price' end
  from drawn d
 where d.handed_off_at < now();
commit;
analyze handoff;
select count(*) as handoffs, count(*) filter (where state = 'WON') as won from handoff where workspace_id = :'ws';
