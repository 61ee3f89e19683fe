with p as materialized (select (i - 1)::int as idx, m at time zone 'UTC' as t0, (m + interval '1 month') at time zone 'UTC' as t1,
                               m::date as d0, (m + interval '1 month')::date as d1
                          from generate_series('2025-12-01'::timestamp, '2025-12-01'::timestamp + interval '11 months', interval '1 month')
                               with ordinality g(m, i)),
-- Hand-written SQL over the base tables (lead, handoff, campaign_cost) that computes the same numbers as the metrics
-- API, for the side-by-side comparison in run.sh. A period table p(idx, t0, t1, d0, d1) is prepended by the caller
-- (base_bundle.sql: the 30-day window; base_series.sql: 12 calendar months). Definitions: docs/metrics.md.
c as materialized (
    select p.idx, l.id, l.first_mql_at is not null as mql, l.lifecycle_stage = 'DISQUALIFIED' as disq
      from p join lead l on l.workspace_id = 'acme' and l.created_at >= p.t0 and l.created_at < p.t1),
h as materialized (
    select c.idx, h.lead_id, h.id, h.state, h.created_at, h.rejected_at, h.rejection_code, h.rejection_category, h.won_amount,
           h.score_total, h.due_at, least(h.first_response_at, h.accepted_at, h.rejected_at) as resp
      from c join handoff h on h.workspace_id = 'acme' and h.lead_id = c.id),
per_lead as (
    select idx, lead_id,
           bool_or(state in ('ACCEPTED', 'OPPORTUNITY', 'WON', 'LOST')) as acc, bool_or(state = 'REJECTED') as rej,
           bool_or(state in ('OPPORTUNITY', 'WON', 'LOST')) as sq, bool_or(state = 'WON') as won, bool_or(state = 'LOST') as lost,
           coalesce(sum(won_amount) filter (where state = 'WON'), 0) as rev,
           (array_agg(rejection_code order by rejected_at desc, created_at desc, id desc) filter (where state = 'REJECTED'))[1] as code,
           (array_agg(rejection_category order by rejected_at desc, created_at desc, id desc) filter (where state = 'REJECTED'))[1] as cat
      from h group by idx, lead_id),
funnel as (
    select c.idx, count(*) as leads, count(*) filter (where c.mql) as mqls, count(pl.lead_id) as handoffs,
           count(*) filter (where pl.acc) as accepted, count(*) filter (where pl.rej) as rejected,
           count(*) filter (where pl.rej or c.disq) as bad, count(*) filter (where pl.sq) as sqls,
           count(*) filter (where pl.won) as won, count(*) filter (where pl.lost and not pl.won) as lost,
           coalesce(sum(pl.rev), 0) as revenue
      from c left join per_lead pl on pl.idx = c.idx and pl.lead_id = c.id group by c.idx),
reasons as (select idx, json_agg(json_build_object('code', code, 'category', cat, 'count', n) order by n desc, code) as list
              from (select idx, code, cat, count(*) as n from per_lead where rej group by 1, 2, 3) r group by idx),
timing as (
    select idx, count(resp) as responded,
           percentile_disc(0.5) within group (order by floor(extract(epoch from resp - created_at))) as median,
           percentile_disc(0.9) within group (order by floor(extract(epoch from resp - created_at))) as p90,
           count(*) filter (where resp > due_at or (resp is null and due_at < '2026-11-23T06:02:22.419123Z'::timestamptz)) as breaches
      from h group by idx),
bands as (select idx, json_agg(json_build_object('from', band * 10, 'handoffs', n, 'won', w, 'amount', a) order by band) as list
            from (select idx, floor(score_total / 10.0)::int as band, count(*) as n, count(*) filter (where state = 'WON') as w,
                         sum(won_amount) filter (where state = 'WON') as a from h group by 1, 2) b group by idx),
spend as (select p.idx, sum(k.amount) as amount from p join campaign_cost k on k.workspace_id = 'acme'
             and k.incurred_on >= p.d0 and k.incurred_on < p.d1 group by p.idx)
select json_agg(json_build_object('idx', p.idx, 'funnel', row_to_json(f), 'reasons', coalesce(r.list, '[]'), 'timing', row_to_json(t),
                                  'bands', coalesce(b.list, '[]'), 'spend', s.amount) order by p.idx)
  from p left join funnel f on f.idx = p.idx left join reasons r on r.idx = p.idx left join timing t on t.idx = p.idx
  left join bands b on b.idx = p.idx left join spend s on s.idx = p.idx;
