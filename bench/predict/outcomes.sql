-- Decided outcomes the predictive model can learn, for bench/predict: bench/backtest/handoffs.sql draws WON and LOST
-- from an md5 of the lead id alone (a model finds nothing there, holdout AUC ≈ 0.5, and a model below the 0.6 floor is
-- not served, so no bulk prediction would run). Here the closed deals are redrawn so that seniority decides the odds:
-- C-level and VP leads win 70 % of them, the others 15 % — by the seniority the model sees, as of the handoff in the trait
-- history (bench/evidence-api/backfill.sql draws revisions of its own; the lead's current seniority when it has none). Deterministic (md5 of the handoff id). psql variables: ws.
\set ON_ERROR_STOP on
set client_min_messages = warning;
begin;
set local session_replication_role = replica;
update handoff h
   set state = case when d.won then 'WON' else 'LOST' end,
       won_amount = case when d.won then 1000 end, won_currency = case when d.won then 'USD' end,
       lost_reason = case when d.won then null else 'price' end
  from (select h.id, (('x' || substr(md5(h.id::text || 'won'), 1, 4))::bit(16)::int / 65536.0)
                     < case when coalesce((select r.seniority from lead_trait_revision r where r.workspace_id = h.workspace_id
                                             and r.lead_id = h.lead_id and r.observed_at <= h.created_at
                                           order by r.observed_at desc, r.id desc limit 1), l.seniority)
                            in ('C_LEVEL', 'VP') then 0.70 else 0.15 end as won
          from handoff h join lead l on l.workspace_id = h.workspace_id and l.id = h.lead_id
         where h.workspace_id = :'ws' and h.state in ('WON', 'LOST')) d
 where h.workspace_id = :'ws' and h.id = d.id;
commit;
analyze handoff;
select count(*) filter (where state = 'WON') as won, count(*) filter (where state = 'LOST') as lost
  from handoff where workspace_id = :'ws';
