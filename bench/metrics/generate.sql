-- Set-based generator of the metrics benchmark data set (run through generate.sh; psql variables ws, leads).
-- Deterministic: every draw comes from random() after setseed(). Dates are relative to now(): the newest lead is
-- minutes old, the oldest two years.
--
--   campaigns   6 paid channels x one campaign per quarter (9 quarters), a cost entry per campaign and active day
--   leads       :leads over 730 days, density growing towards today; 70 % of paid-channel leads carry a campaign
--   MQL         25 % of leads, under criteria version v1 (older than a year), v2 (older than 90 days) or v3
--   handoffs    80 % of MQLs, 25 owners; outcomes: 30 % rejected (13 reason codes), 8 % pending, 12 % accepted,
--               12 % opportunity, 18 % lost, 20 % won; 15 % of rejected leads are handed off a second time later
--   responses   log-uniform between 1 second and 3 days after the handoff (SLA 24 h)
--   people      names, e-mail, company (name, domain, industry, size), country and job title with its seniority (people.sql)
--   scores      every lead scored under v3, the served version of the model that drives handoffs, with the default
--               rules of a new workspace; MQLs above the threshold (scores.sql)
--
-- The load runs with triggers off (session_replication_role = replica) and ends with metrics_rebuild(), which
-- computes the metrics tables set-based from the base tables -- the same definitions the triggers apply row by row.
\set ON_ERROR_STOP on
set client_min_messages = warning;
set work_mem = '256MB';
set maintenance_work_mem = '1GB';
set synchronous_commit = off;
select setseed(0.2025) \g /dev/null

insert into workspace (workspace_id, name, reporting_currency, sla_hours) values (:'ws', 'Acme (metrics benchmark)', 'USD', 24)
    on conflict (workspace_id) do nothing;
-- A model of its own (versions v1..v3 below are its history): the default model a workspace without any gets on first
-- use would queue a rescore of the million leads in the middle of the measurements.
insert into criteria_model (workspace_id, id, name, created_at) values (:'ws', md5(:'ws' || '/model')::uuid, 'Inbound B2B', now())
    on conflict do nothing;
insert into rejection_reason (workspace_id, code, label, category, created_at)
select :'ws', code, initcap(replace(code, '_', ' ')), category, now()
  from (values ('NO_BUDGET', 'BUDGET'), ('NO_AUTHORITY', 'AUTHORITY'), ('NO_NEED', 'NEED'), ('BAD_TIMING', 'TIMING'),
               ('NOT_ICP', 'FIT'), ('BAD_CONTACT_DATA', 'DATA_QUALITY'), ('DUPLICATE', 'DATA_QUALITY'),
               ('SPAM_OR_BOT', 'DATA_QUALITY'), ('STUDENT_OR_JOB_SEEKER', 'FIT'), ('COMPETITOR', 'FIT'),
               ('ALREADY_CUSTOMER', 'FIT'), ('UNRESPONSIVE', 'OTHER'), ('OTHER', 'OTHER')) r(code, category)
    on conflict do nothing;

begin;
set local session_replication_role = replica;
\echo '== clear the workspace'
delete from handoff_event where workspace_id = :'ws';
delete from handoff where workspace_id = :'ws';
delete from lead_score where workspace_id = :'ws';
delete from lead where workspace_id = :'ws';
delete from campaign_cost where workspace_id = :'ws';
delete from campaign where workspace_id = :'ws';

\echo '== campaigns and costs'
insert into campaign (workspace_id, id, name, channel, starts_on, ends_on, created_at)
select :'ws', md5(:'ws' || '/campaign/' || ch || '/' || q)::uuid,
       initcap(replace(ch, '_', ' ')) || ' ' || to_char(q, 'YYYY "Q"Q'), ch, q::date,
       (q + interval '3 months' - interval '1 day')::date, q - interval '7 days'
  from unnest(array['PAID_SEARCH', 'PAID_SOCIAL', 'EMAIL', 'EVENT', 'LIST_PURCHASE', 'PARTNER']) ch,
       generate_series(date_trunc('quarter', now() - interval '730 days'), date_trunc('quarter', now()), interval '3 months') q;
insert into campaign_cost (workspace_id, id, campaign_id, incurred_on, amount, currency, note, recorded_at, recorded_by)
select c.workspace_id, md5(c.id::text || d::date)::uuid, c.id, d::date,
       round(((case c.channel when 'PAID_SEARCH' then 700 when 'PAID_SOCIAL' then 450 when 'EMAIL' then 40
                             when 'EVENT' then 900 when 'LIST_PURCHASE' then 600 else 250 end) * (0.6 + random() * 0.8))::numeric, 2),
       'USD', 'daily spend', d + interval '1 day', 'bench-generator'
  from campaign c, generate_series(c.starts_on, least(c.ends_on, current_date), interval '1 day') d
 where c.workspace_id = :'ws';

\ir people.sql
\echo '== leads' :leads
\timing on
insert into lead (workspace_id, id, email, email_normalized, first_name, last_name, company_name, company_domain, industry,
                  employee_count, country, job_title, seniority, budget_status, authority, need, timeline, lifecycle_stage, source,
                  campaign_id, first_mql_at, first_mql_version_id, owner_id, created_at, updated_at)
select :'ws', md5(:'ws' || '/lead/' || n)::uuid,
       lower(p.first || '.' || p.last || '.' || n || '@' || p.domain), lower(p.first || '.' || p.last || '.' || n || '@' || p.domain),
       p.first, p.last, p.company, p.domain, p.industry, p.employees, p.country, p.title, p.seniority,
       'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN',
       case when r.disq < 0.05 then 'DISQUALIFIED' when r.mql < 0.25 then 'MQL' else 'NEW' end,
       s.source,
       case when s.source in ('PAID_SEARCH', 'PAID_SOCIAL', 'EMAIL', 'EVENT', 'LIST_PURCHASE', 'PARTNER') and r.camp < 0.7
            then md5(:'ws' || '/campaign/' || s.source || '/' || date_trunc('quarter', g.created_at))::uuid end,
       case when r.mql < 0.25 then least(g.created_at + interval '1 hour' * (r.delay * 72), now()) end,
       case when r.mql >= 0.25 then null
            when g.created_at < now() - interval '365 days' then md5(:'ws' || '/version/1')::uuid
            when g.created_at < now() - interval '90 days' then md5(:'ws' || '/version/2')::uuid
            else md5(:'ws' || '/version/3')::uuid end,
       null, g.created_at, g.created_at
  from (select n, now() - interval '730 days' * (1 - sqrt(random())) as created_at from generate_series(1, :leads) n) g
 cross join lateral (select random() as disq, random() as mql, random() as camp, random() as delay, random() as src, g.n as dep) r
 cross join lateral (select case when r.src < 0.22 then 'ORGANIC_SEARCH' when r.src < 0.40 then 'PAID_SEARCH'
                                 when r.src < 0.52 then 'PAID_SOCIAL' when r.src < 0.57 then 'ORGANIC_SOCIAL'
                                 when r.src < 0.67 then 'EMAIL' when r.src < 0.75 then 'EVENT' when r.src < 0.82 then 'REFERRAL'
                                 when r.src < 0.87 then 'PARTNER' when r.src < 0.95 then 'DIRECT' when r.src < 0.98 then 'LIST_PURCHASE'
                                 else 'OTHER' end as source) s
 cross join lateral pg_temp.bench_person(g.n) p;

\echo '== handoffs'
create temp table gen_handoff on commit drop as
select l.id as lead_id, l.first_mql_version_id as version_id,
       least(l.first_mql_at + interval '1 minute' * (random() * 360), now()) as created_at, 1 as nth
  from lead l where l.workspace_id = :'ws' and l.first_mql_at is not null and l.lifecycle_stage <> 'DISQUALIFIED' and random() < 0.8;

create temp table gen_story on commit drop as
select h.*, md5(:'ws' || '/handoff/' || h.lead_id || '/' || h.nth)::uuid as id,
       'rep' || lpad((1 + floor(random() * 25))::int::text, 2, '0') as owner, 30 + floor(random() * 90)::int as score,
       random() as outcome, exp(random() * ln(259200)) as response_s, random() as touch, random() as amount,
       (array['NO_BUDGET', 'NO_AUTHORITY', 'NO_NEED', 'BAD_TIMING', 'NOT_ICP', 'BAD_CONTACT_DATA', 'DUPLICATE', 'SPAM_OR_BOT',
              'STUDENT_OR_JOB_SEEKER', 'COMPETITOR', 'ALREADY_CUSTOMER', 'UNRESPONSIVE', 'OTHER'])[1 + floor(random() * 13)::int] as code
  from gen_handoff h;

-- a second handoff, weeks after the first was rejected, for 15 % of the rejected leads
insert into gen_story
select s.lead_id, s.version_id, s.created_at + interval '1 second' * s.response_s + interval '1 day' * (10 + random() * 50), 2,
       md5(:'ws' || '/handoff/' || s.lead_id || '/2')::uuid,
       'rep' || lpad((1 + floor(random() * 25))::int::text, 2, '0'), 30 + floor(random() * 90)::int,
       0.3 + random() * 0.7, exp(random() * ln(259200)), random(), random(), s.code
  from gen_story s
 where s.outcome < 0.30 and random() < 0.15
   and s.created_at + interval '1 second' * s.response_s + interval '60 days' < now();

insert into handoff (workspace_id, id, lead_id, state, owner, version_id, score_total, score_fit, score_engagement, contributions,
                     lead_snapshot, created_at, created_by, due_at, first_response_at, accepted_at, rejected_at, rejection_code,
                     rejection_category, disposition, opportunity_at, opportunity_name, closed_at, won_amount, won_currency, lost_reason)
select :'ws', s.id, s.lead_id, st.state, s.owner, s.version_id, s.score, s.score / 2, s.score - s.score / 2, '[]'::jsonb, '{}'::jsonb,
       s.created_at, 'bench-generator', s.created_at + interval '24 hours',
       case when st.state <> 'PENDING' or (s.touch < 0.5 and s.created_at + interval '1 second' * s.response_s <= now())
            then s.created_at + interval '1 second' * s.response_s end,
       case when st.state in ('ACCEPTED', 'OPPORTUNITY', 'WON', 'LOST') then s.created_at + interval '1 second' * s.response_s end,
       case when st.state = 'REJECTED' then s.created_at + interval '1 second' * s.response_s end,
       case when st.state = 'REJECTED' then s.code end,
       case when st.state = 'REJECTED' then (select category from rejection_reason r where r.workspace_id = :'ws' and r.code = s.code) end,
       case when st.state = 'REJECTED' then 'RECYCLED' end,
       case when st.state in ('OPPORTUNITY', 'WON', 'LOST') then least(s.created_at + interval '1 second' * s.response_s + interval '2 days', now()) end,
       case when st.state in ('OPPORTUNITY', 'WON', 'LOST') then 'Deal' end,
       case when st.state in ('WON', 'LOST') then least(s.created_at + interval '1 second' * s.response_s + interval '30 days', now()) end,
       case when st.state = 'WON' then round((1000 + s.amount * s.amount * 99000)::numeric, 2) end,
       case when st.state = 'WON' then 'USD' end,
       case when st.state = 'LOST' then 'price' end
  from gen_story s
 cross join lateral (select case when s.created_at + interval '1 second' * s.response_s > now() then 'PENDING'
                                 when s.outcome < 0.30 then 'REJECTED' when s.outcome < 0.38 then 'PENDING'
                                 when s.outcome < 0.50 then 'ACCEPTED' when s.outcome < 0.62 then 'OPPORTUNITY'
                                 when s.outcome < 0.80 then 'LOST' else 'WON' end as state) st;
\timing off
\ir scores.sql
commit;

\echo '== metrics_rebuild'
\timing on
select metrics_rebuild(:'ws');
\timing off
vacuum analyze lead;
vacuum analyze lead_score;
vacuum analyze criteria_version;
vacuum analyze criteria_model;
vacuum analyze handoff;
vacuum analyze campaign_cost;
vacuum analyze campaign;
vacuum analyze metrics_lead;
vacuum analyze metrics_handoff;
vacuum analyze metrics_daily;
vacuum analyze metrics_daily_owner;
vacuum analyze metrics_daily_total;
vacuum analyze metrics_daily_handoff;
vacuum analyze metrics_monthly_total;
vacuum analyze metrics_monthly_handoff;
select (select count(*) from lead where workspace_id = :'ws') as leads,
       (select count(*) from handoff where workspace_id = :'ws') as handoffs,
       (select count(*) from campaign_cost where workspace_id = :'ws') as cost_entries,
       (select count(*) from metrics_daily where workspace_id = :'ws') as daily_rollup_rows,
       (select count(*) from metrics_daily_owner where workspace_id = :'ws') as owner_rollup_rows;
