-- Evidence data on top of the metrics data set (psql variable ws). The metrics generator loads leads with triggers off
-- and with every trait UNKNOWN, no activity and no touch: an analysis over it would read almost nothing per lead.
-- This adds, deterministically (setseed) and idempotently per part:
--   trait revisions  one per lead observed at its creation (as V33__lead_trait_revisions.sql did for existing leads),
--                    with varied traits: seniority, BANT, industry (12 + a tail), country (8), job title (15),
--                    employees, revenue, one custom attribute; for 20 % of the leads a second revision a week later
--   activities       0-8 per lead (mean 4) over the 60 days before its first MQL (or creation + 30 days)
--   touches          a logged CALL touch for 70 % of the answered handoffs, 0-3 first-call signal codes each
-- About 1.5 min per 100,000 leads on the loaded 2-core machine.
\set ON_ERROR_STOP on
set client_min_messages = warning;
set work_mem = '256MB';
set synchronous_commit = off;
select setseed(0.2026) \g /dev/null
select set_config('leadproof.workspace_id', :'ws', false) \g /dev/null

\echo '== trait revisions'
\timing on
-- The leads that already have a revision are noted first: an anti-join against the table being filled, planned as a
-- nested loop over fresh statistics, rescans the rows the statement itself inserts (it ran for minutes at 100,000 leads).
create temp table lead_with_revision as
select distinct lead_id from lead_trait_revision where workspace_id = :'ws';
analyze lead_with_revision;
insert into lead_trait_revision (workspace_id, lead_id, observed_at, external_id, email, email_normalized, first_name,
        last_name, phone, company_name, company_domain, annual_revenue, employee_count, industry, job_title, seniority,
        country, source, campaign_id, budget_status, budget_amount, authority, need, timeline, lifecycle_stage, owner_id,
        custom_attributes)
select l.workspace_id, l.id, l.created_at, l.external_id, l.email, l.email_normalized, l.first_name, l.last_name, l.phone,
       l.company_name, l.company_domain, round((exp(8 + r.a * 10))::numeric, 2), (5 + exp(r.b * 9))::int,
       (array['software', 'manufacturing', 'retail', 'finance', 'healthcare', 'education', 'logistics', 'media',
              'energy', 'telecom', 'insurance', 'public sector'])[1 + floor(r.c * 12)::int] || case when r.d < 0.05 then ' ' || floor(r.e * 500)::int else '' end,
       (array['CTO', 'CEO', 'VP Sales', 'VP Marketing', 'Head of IT', 'IT Manager', 'Developer', 'Analyst', 'Consultant',
              'Student', 'Founder', 'Director of Operations', 'Procurement Manager', 'Engineer', 'Marketing Manager'])[1 + floor(r.e * 15)::int],
       (array['C_LEVEL', 'VP', 'DIRECTOR', 'MANAGER', 'INDIVIDUAL_CONTRIBUTOR', 'UNKNOWN'])[1 + floor(r.f * 6)::int],
       (array['US', 'DE', 'GB', 'FR', 'NL', 'IN', 'BR', 'CA'])[1 + floor(r.g * 8)::int],
       l.source, l.campaign_id,
       (array['APPROVED', 'PLANNED', 'NONE', 'UNKNOWN'])[1 + floor(r.h * 4)::int], null,
       (array['DECISION_MAKER', 'INFLUENCER', 'NONE', 'UNKNOWN'])[1 + floor(r.i * 4)::int],
       (array['HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'])[1 + floor(r.j * 4)::int],
       (array['WITHIN_3_MONTHS', 'WITHIN_6_MONTHS', 'NO_PLAN', 'UNKNOWN'])[1 + floor(r.k * 4)::int],
       l.lifecycle_stage, l.owner_id, jsonb_build_object('timeOnSite', floor(r.a * r.b * 3600)::int)
  from lead l
 cross join lateral (select random() a, random() b, random() c, random() d, random() e, random() f, random() g,
                            random() h, random() i, random() j, random() k, l.id as dep) r
 where l.workspace_id = :'ws'
   and not exists (select from lead_with_revision r where r.lead_id = l.id);
-- a later revision (budget approved a week on) for one lead in five: the as-of read must pick the right one
insert into lead_trait_revision (workspace_id, lead_id, observed_at, seniority, country, source, campaign_id, budget_status,
        authority, need, timeline, lifecycle_stage, industry, job_title, employee_count, annual_revenue, custom_attributes)
select r.workspace_id, r.lead_id, r.observed_at + interval '7 days', r.seniority, r.country, r.source, r.campaign_id, 'APPROVED',
       r.authority, r.need, r.timeline, r.lifecycle_stage, r.industry, r.job_title, r.employee_count, r.annual_revenue,
       r.custom_attributes
  from lead_trait_revision r
 where r.workspace_id = :'ws' and random() < 0.2
   and (select count(*) from lead_trait_revision x where x.workspace_id = r.workspace_id and x.lead_id = r.lead_id) = 1;

\echo '== activities'
insert into activity (workspace_id, id, lead_id, client_event_id, type, funnel_stage, content_tag, occurred_at, recorded_at)
select l.workspace_id, md5(l.id::text || '/activity/' || k)::uuid, l.id, 'bench-' || l.id || '-' || k, a.type, a.stage, null,
       t.at, t.at
  from lead l
 cross join lateral generate_series(1, floor(random() * 9)::int + (l.id is null)::int) k
 cross join lateral (select (array['PAGE_VIEW', 'EMAIL_OPENED', 'EMAIL_CLICKED', 'EBOOK_DOWNLOAD', 'WEBINAR_ATTENDED',
                                  'DEMO_REQUESTED', 'PRICING_PAGE_VIEW', 'FORM_SUBMITTED'])[1 + floor(random() * 8)::int] as type,
                            (array['TOFU', 'MOFU', 'BOFU', null])[1 + floor(random() * 4)::int] as stage, k as dep) a
 cross join lateral (select least(coalesce(l.first_mql_at, l.created_at + interval '30 days'), now())
                            - interval '60 days' * random() as at, a.type as dep) t
 where l.workspace_id = :'ws'
   and not exists (select from activity x where x.workspace_id = l.workspace_id and x.lead_id = l.id)
on conflict do nothing;

\echo '== first-call touches and signals'
insert into first_call_signal (workspace_id, code, label, created_at)
select :'ws', code, initcap(replace(code, '_', ' ')), now()
  from unnest(array['BUDGET_CONFIRMED', 'DECISION_MAKER_ENGAGED', 'PAIN_STATED', 'TIMELINE_UNDER_90_DAYS',
                    'COMPETITOR_EVALUATED', 'CHAMPION_IDENTIFIED', 'NEXT_STEP_BOOKED', 'NO_CLEAR_PROJECT', 'JUST_RESEARCHING']) code
    on conflict do nothing;
create temp table bench_touch as
select h.workspace_id, h.id as handoff_id, h.owner,
       h.first_response_at + interval '1 hour' * (1 + random() * 96) as at
  from handoff h
 where h.workspace_id = :'ws' and h.first_response_at is not null and random() < 0.7
   and not exists (select from handoff_event e where e.workspace_id = h.workspace_id and e.handoff_id = h.id and e.type = 'TOUCH_LOGGED');
delete from bench_touch where at > now();
insert into handoff_event (workspace_id, handoff_id, type, actor, occurred_at, details)
select workspace_id, handoff_id, 'TOUCH_LOGGED', coalesce(owner, 'bench'), at, '{"channel": "CALL"}'::jsonb from bench_touch;
insert into handoff_touch_signal (workspace_id, handoff_id, logged_at, code)
select distinct t.workspace_id, t.handoff_id, t.at,
       (array['BUDGET_CONFIRMED', 'DECISION_MAKER_ENGAGED', 'PAIN_STATED', 'TIMELINE_UNDER_90_DAYS', 'COMPETITOR_EVALUATED',
              'CHAMPION_IDENTIFIED', 'NEXT_STEP_BOOKED', 'NO_CLEAR_PROJECT', 'JUST_RESEARCHING'])[1 + floor(random() * 9)::int]
  from bench_touch t cross join lateral generate_series(1, floor(random() * 4)::int + (t.at is null)::int) k
on conflict do nothing;
\timing off
analyze lead_trait_revision;
analyze activity;
analyze handoff_event;
analyze handoff_touch_signal;
analyze handoff;
analyze lead;
select (select count(*) from lead_trait_revision where workspace_id = :'ws') as revisions,
       (select count(*) from activity where workspace_id = :'ws') as activities,
       (select count(*) from handoff_event where workspace_id = :'ws' and type = 'TOUCH_LOGGED') as touches,
       (select count(*) from handoff_touch_signal where workspace_id = :'ws') as signals;
