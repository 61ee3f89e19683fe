-- Set-based generator of a realistic LeadProof data set for one workspace.
-- Run through generate.sh (psql variables: ws, leads, activities). Deterministic: every id, name
-- and draw derives from the row number (md5) or from random() after setseed().
--
-- The workspace row and its default criteria model must exist (start the app once and call the API
-- with a token of the organisation). Existing leads, activities, campaigns, scores and jobs of the
-- workspace are removed; criteria versions are reset to version 1 ACTIVE and served.
\set ON_ERROR_STOP on
set client_min_messages = warning;
set maintenance_work_mem = '1GB';
set work_mem = '256MB';
set synchronous_commit = off;
select setseed(0.4242) \g /dev/null
set bench.ws = :'ws';

\echo '== reset workspace' :ws
do $$
begin
    if not exists (select 1 from workspace where workspace_id = current_setting('bench.ws')) then
        raise exception 'workspace % does not exist: start the app and call the API with a token of that organisation first',
            current_setting('bench.ws');
    end if;
    if not exists (select 1 from criteria_version where workspace_id = current_setting('bench.ws') and number = 1) then
        raise exception 'workspace % has no default criteria model', current_setting('bench.ws');
    end if;
end $$;

-- Everything up to the index rebuild is one transaction: a failure leaves the database as it was.
-- User triggers are off for the load (session_replication_role = replica): the metrics triggers
-- (V4__metrics.sql) would recompute each lead's facts row by row; metrics_rebuild() recomputes them
-- set-based at the end instead. The foreign keys are dropped and added back, which checks every row.
begin;
set local session_replication_role = replica;
-- A benchmark database holds one workspace; truncating is far faster than deleting millions of rows
-- (and the ledger refuses row deletes by design). CASCADE also empties what hangs off leads
-- (handoffs and their events, ...), listed as notices.
set client_min_messages = notice;
truncate score_event, mql_crossing, lead_score, scoring_job, activity, lead, campaign_cost, campaign cascade;
set client_min_messages = warning;
delete from criteria_version v using criteria_model m
 where v.workspace_id = :'ws' and m.workspace_id = v.workspace_id and m.id = v.model_id and v.number > 1;
update criteria_version set status = 'ACTIVE', retired_at = null where workspace_id = :'ws' and number = 1;
update criteria_model m set served_version_id = v.id
  from criteria_version v where m.workspace_id = :'ws' and v.workspace_id = m.workspace_id and v.model_id = m.id and v.number = 1;

-- A sales team of 25 for the automatic handoffs (round robin), when the schema has one.
do $$
begin
    if to_regclass('sales_rep') is not null then
        delete from sales_rep where workspace_id = current_setting('bench.ws');
        insert into sales_rep (workspace_id, user_name, display_name, available, created_at)
        select current_setting('bench.ws'), 'rep' || i, 'Sales Rep ' || i, true, now() from generate_series(1, 25) i;
    end if;
end $$;

\echo '== drop indexes and keys of lead and activity (rebuilt after the load)'
-- Captured from the catalog, so the rebuild always matches what Flyway created.
drop table if exists pg_temp.saved_ddl;
create temp table saved_ddl as
select 1 as phase, format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) as ddl,
       format('alter table %s drop constraint %I', conrelid::regclass, conname) as drop_ddl, 2 as drop_phase
  from pg_constraint where conrelid in ('lead'::regclass, 'activity'::regclass) and contype in ('p', 'u')
union all
select 0, pg_get_indexdef(i.indexrelid), format('drop index %s', i.indexrelid::regclass), 3
  from pg_index i where i.indrelid in ('lead'::regclass, 'activity'::regclass)
   and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u'))
union all
select 2, format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)),
       format('alter table %s drop constraint %I', conrelid::regclass, conname), 1
  from pg_constraint where contype = 'f'
   and (conrelid in ('lead'::regclass, 'activity'::regclass) or confrelid in ('lead'::regclass, 'activity'::regclass));
select count(*) as saved_ddl from saved_ddl;
select drop_ddl from saved_ddl order by drop_phase \gexec

\echo '== companies, titles, campaigns'
drop table if exists pg_temp.company;
create temp table company as
with words as (
    select array['Northwind','Contoso','Fabrikam','Tailspin','Wingtip','Litware','Proseware','Woodgrove','Lucerne',
                 'Trey','Alpine','Blue Yonder','Coho','Datum','Graphic','Humongous','Margie','Relecloud','Wide World',
                 'Fourth Coffee','Adatum','Bellows','Consolidated','Lamna','Nod','Southridge','Tasmanian','VanArsdel'] as a,
           array['Analytics','Systems','Logistics','Health','Foods','Bank','Insurance','Labs','Software','Energy',
                 'Retail','Media','Motors','Pharma','Robotics','Telecom','Capital','Cloud','Security','Learning'] as b,
           array['Software','Financial Services','Manufacturing','Healthcare','Retail','Education','Logistics',
                 'Telecommunications','Media','Energy','Public Sector','Professional Services'] as ind,
           array['US','US','US','US','US','US','US','GB','GB','GB','DE','DE','DE','FR','FR','CA','CA','AU','NL','IN',
                 'IN','BR','ES','IT','SE','JP','SG','CH','IE','MX'] as ctry
)
select k,
       a[1 + (k % array_length(a, 1))] || ' ' || b[1 + ((k / 28) % array_length(b, 1))] as name,
       lower(regexp_replace(a[1 + (k % array_length(a, 1))] || '-' || b[1 + ((k / 28) % array_length(b, 1))], '[^A-Za-z]+', '-', 'g'))
           || '-' || k || '.example' as domain,
       ind[1 + floor(random() * array_length(ind, 1))::int] as industry,
       emp,
       round((emp * (60000 + random() * 240000))::numeric, -3)::numeric(18,2) as revenue,
       ctry[1 + floor(random() * array_length(ctry, 1))::int] as country
  from words, generate_series(0, 19999) k,
       lateral (select greatest(1, floor(exp(random() * random() * 11.5)))::int as emp) e;
create unique index on company (k);
analyze company;

-- Job titles with the seniority SeniorityClassifier derives from them, and a draw weight.
drop table if exists pg_temp.title;
create temp table title (t text, seniority text, w int);
insert into title values
 ('CEO','C_LEVEL',4), ('Chief Revenue Officer','C_LEVEL',2), ('Chief Marketing Officer','C_LEVEL',2), ('CTO','C_LEVEL',2),
 ('CFO','C_LEVEL',1), ('Founder','C_LEVEL',3), ('Co-Founder & CEO','C_LEVEL',1), ('Owner','C_LEVEL',2),
 ('Managing Director','C_LEVEL',1), ('President','C_LEVEL',1),
 ('VP Marketing','VP',3), ('VP Sales','VP',3), ('Vice President, Revenue Operations','VP',1), ('SVP Sales','VP',1),
 ('Head of Demand Generation','VP',2), ('Head of Revenue Operations','VP',2),
 ('Director of Demand Generation','DIRECTOR',3), ('Marketing Director','DIRECTOR',3), ('Sales Director','DIRECTOR',3),
 ('IT Director','DIRECTOR',2), ('Director, Sales Operations','DIRECTOR',2),
 ('Marketing Manager','MANAGER',8), ('Sales Operations Manager','MANAGER',4), ('Product Manager','MANAGER',5),
 ('Account Manager','MANAGER',4), ('Team Lead, Customer Success','MANAGER',2), ('Engineering Manager','MANAGER',3),
 ('Account Executive','INDIVIDUAL_CONTRIBUTOR',7), ('Data Analyst','INDIVIDUAL_CONTRIBUTOR',5),
 ('Software Engineer','INDIVIDUAL_CONTRIBUTOR',8), ('Marketing Specialist','INDIVIDUAL_CONTRIBUTOR',6),
 ('Sales Development Representative','INDIVIDUAL_CONTRIBUTOR',6), ('Consultant','INDIVIDUAL_CONTRIBUTOR',4),
 ('Operations Analyst','INDIVIDUAL_CONTRIBUTOR',3), ('Content Writer','INDIVIDUAL_CONTRIBUTOR',2),
 ('Student','STUDENT',2), ('Marketing Intern','STUDENT',1), ('MBA Student','STUDENT',1), ('Looking for new opportunities','STUDENT',1);
drop table if exists pg_temp.title_pick;
create temp table title_pick as
select array_agg(t order by t, i) as titles, array_agg(seniority order by t, i) as seniorities, count(*)::int as total
  from title, generate_series(1, w) i;

-- Campaigns per paid channel and quarter over the last two years, with their daily or monthly costs.
insert into campaign (workspace_id, id, name, channel, starts_on, ends_on, created_at)
select :'ws', md5(:'ws' || '/campaign/' || ch || '/' || q)::uuid,
       initcap(replace(ch, '_', ' ')) || ' – ' || to_char(q, 'YYYY "Q"Q'), ch, q::date,
       (q + interval '3 months' - interval '1 day')::date, q - interval '7 days'
  from unnest(array['PAID_SEARCH','PAID_SOCIAL','EMAIL','EVENT','LIST_PURCHASE','PARTNER']) ch,
       generate_series(date_trunc('quarter', now() - interval '730 days'), date_trunc('quarter', now()), interval '3 months') q;
insert into campaign_cost (workspace_id, id, campaign_id, incurred_on, amount, currency, note, recorded_at, recorded_by)
select c.workspace_id, md5(c.id::text || d::date)::uuid, c.id, d::date,
       round(((case c.channel when 'PAID_SEARCH' then 700 when 'PAID_SOCIAL' then 450 when 'EMAIL' then 40
                             when 'EVENT' then 9000 when 'LIST_PURCHASE' then 6000 else 2500 end) * (0.6 + random() * 0.8))::numeric, 2),
       'USD', case when c.channel in ('PAID_SEARCH','PAID_SOCIAL','EMAIL') then 'daily spend' else 'monthly invoice' end,
       d + interval '1 day', 'bench-generator'
  from campaign c, generate_series(c.starts_on, least(c.ends_on, current_date), interval '1 day') d
 where c.workspace_id = :'ws'
   and (c.channel in ('PAID_SEARCH','PAID_SOCIAL','EMAIL') or extract(day from d) = 1);

\echo '== leads' :leads
drop table if exists pg_temp.gen_lead;
create temp table gen_lead as
select n, md5(:'ws' || '/lead/' || n)::uuid as id,
       -- creation density grows linearly towards today (the business is growing)
       now() - interval '729 days' * (1 - sqrt(random())) as created_at
  from generate_series(1, :leads) n;
create unique index on gen_lead (n);
analyze gen_lead;

\timing on
insert into lead (workspace_id, id, external_id, email, email_normalized, first_name, last_name, company_name, company_domain,
                  annual_revenue, employee_count, industry, job_title, seniority, country, source, campaign_id, budget_status,
                  budget_amount, authority, need, timeline, lifecycle_stage, owner_id, custom_attributes, created_at, updated_at)
select :'ws', g.id, 'crm-' || g.n, x.email, lower(x.email), nm.first, nm.last, c.name, c.domain, c.revenue, c.emp, c.industry,
       tp.t, coalesce(tp.seniority, 'UNKNOWN'),
       case when r.r4 < 0.9 then c.country
            else (array['US','GB','DE','FR','CA','AU','NL','IN','BR','ES','IT','SE','JP','SG','PL','ZA'])[1 + floor(r.r5 * 16)::int] end,
       src.source,
       case when src.source in ('PAID_SEARCH','PAID_SOCIAL','EMAIL','EVENT','LIST_PURCHASE','PARTNER') and r.r6 < 0.85
            then md5(:'ws' || '/campaign/' || src.source || '/' || date_trunc('quarter', g.created_at))::uuid end,
       b.budget_status,
       case when b.budget_status in ('PLANNED','APPROVED') then round((5000 + r.r7 * r.r7 * 495000)::numeric, -2) end,
       case when tp.seniority in ('C_LEVEL','VP') then case when r.r8 < 0.25 then 'UNKNOWN' when r.r8 < 0.35 then 'INFLUENCER' else 'DECISION_MAKER' end
            when tp.seniority in ('DIRECTOR','MANAGER') then case when r.r8 < 0.40 then 'UNKNOWN' when r.r8 < 0.80 then 'INFLUENCER' when r.r8 < 0.92 then 'DECISION_MAKER' else 'NONE' end
            else case when r.r8 < 0.55 then 'UNKNOWN' when r.r8 < 0.75 then 'NONE' when r.r8 < 0.97 then 'INFLUENCER' else 'DECISION_MAKER' end end,
       case when r.r9 < 0.40 then 'UNKNOWN' when r.r9 < 0.50 then 'NONE' when r.r9 < 0.70 then 'LOW' when r.r9 < 0.90 then 'MEDIUM' else 'HIGH' end,
       case when r.r10 < 0.45 then 'UNKNOWN' when r.r10 < 0.52 then 'IMMEDIATE' when r.r10 < 0.67 then 'WITHIN_3_MONTHS'
            when r.r10 < 0.80 then 'WITHIN_6_MONTHS' when r.r10 < 0.90 then 'WITHIN_12_MONTHS' else 'NO_PLAN' end,
       'NEW', null,
       case when r.r11 < 0.2 then jsonb_build_object('utm_medium', (array['cpc','social','email','referral'])[1 + floor(r.r12 * 4)::int],
                                                    'product_interest', (array['analytics','handoffs','attribution'])[1 + floor(r.r13 * 3)::int])
            else '{}'::jsonb end,
       g.created_at, g.created_at + interval '1 hour' * r.r14 * 24
  from gen_lead g
  cross join lateral (select random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7,
                             random() r8, random() r9, random() r10, random() r11, random() r12, random() r13, random() r14,
                             g.n as dep) r
  join company c on c.k = (hashtext('company' || g.n) & 2147483647) % 20000
  cross join title_pick p
  cross join lateral (select case when r.r1 >= 0.08 then p.titles[1 + floor(r.r2 * p.total)::int] end as t,
                             case when r.r1 >= 0.08 then p.seniorities[1 + floor(r.r2 * p.total)::int] end as seniority) tp
  cross join lateral (select
       case when r.r3 < 0.22 then 'ORGANIC_SEARCH' when r.r3 < 0.40 then 'PAID_SEARCH' when r.r3 < 0.52 then 'PAID_SOCIAL'
            when r.r3 < 0.57 then 'ORGANIC_SOCIAL' when r.r3 < 0.67 then 'EMAIL' when r.r3 < 0.75 then 'EVENT'
            when r.r3 < 0.82 then 'REFERRAL' when r.r3 < 0.87 then 'PARTNER' when r.r3 < 0.95 then 'DIRECT'
            when r.r3 < 0.98 then 'LIST_PURCHASE' else 'OTHER' end as source) src
  cross join lateral (select
       case when tp.seniority in ('C_LEVEL','VP') then case when r.r7 < 0.30 then 'UNKNOWN' when r.r7 < 0.40 then 'NONE' when r.r7 < 0.65 then 'PLANNED' else 'APPROVED' end
            when tp.seniority = 'STUDENT' then case when r.r7 < 0.6 then 'UNKNOWN' else 'NONE' end
            else case when r.r7 < 0.50 then 'UNKNOWN' when r.r7 < 0.65 then 'NONE' when r.r7 < 0.85 then 'PLANNED' else 'APPROVED' end end as budget_status) b
  cross join lateral (select
       (array['Ada','Grace','Alan','Linus','Barbara','Ken','Margaret','Dennis','Frances','Edsger','Radia','Tim','Shafi',
              'Leslie','Donald','Katherine','Maria','Wei','Priya','Jose','Fatima','Lars','Yuki','Olga'])[1 + g.n % 24] as first,
       (array['Lovelace','Hopper','Turing','Torvalds','Liskov','Thompson','Hamilton','Ritchie','Allen','Dijkstra','Perlman',
              'Berners-Lee','Goldwasser','Lamport','Knuth','Johnson','Garcia','Chen','Patel','Silva','Khan','Berg','Sato',
              'Ivanova','Smith','Miller'])[1 + (g.n / 24) % 26] as last) nm
  cross join lateral (select
       nm.first || '.' || nm.last || g.n || '@' ||
       case when tp.seniority = 'STUDENT' then 'uni-' || (g.n % 300) || '.example.edu'
            when r.r5 < 0.002 then (array['competitor.example','rival.example'])[1 + g.n % 2]   -- competitors researching us
            when r.r5 < 0.25 then (array['freemail.example','webmail.example','mailbox.example'])[1 + g.n % 3]
            else c.domain end as email) x;
\timing off

\echo '== activities' :activities
-- 60 % spread over all leads, 40 % over an engaged tenth of them (about 23 activities each);
-- 20 % drawn from the last 90 days, the rest between the lead's creation and now, front-loaded
-- (interest is highest right after sign-up).
\timing on
insert into activity (workspace_id, id, lead_id, client_event_id, type, funnel_stage, content_tag, occurred_at, properties, recorded_at)
select :'ws', md5(:'ws' || '/activity/' || a.s)::uuid, g.id, 'gen-' || a.s, t.type,
       case t.type
            when 'EBOOK_DOWNLOAD' then case when a.r3 < 0.85 then 'TOFU' else 'MOFU' end
            when 'PAGE_VIEW' then case when a.r3 < 0.6 then 'TOFU' end
            when 'EMAIL_OPENED' then case when a.r3 < 0.5 then 'TOFU' when a.r3 < 0.7 then 'MOFU' end
            when 'EMAIL_CLICKED' then case when a.r3 < 0.5 then 'TOFU' when a.r3 < 0.85 then 'MOFU' else 'BOFU' end
            when 'WEBINAR_REGISTERED' then 'MOFU'
            when 'WEBINAR_ATTENDED' then 'MOFU'
            when 'FORM_SUBMITTED' then case when a.r3 < 0.5 then 'TOFU' when a.r3 < 0.85 then 'MOFU' else 'BOFU' end
            when 'PRICING_PAGE_VIEW' then case when a.r3 < 0.5 then 'BOFU' end
            when 'DEMO_REQUESTED' then 'BOFU'
            when 'TRIAL_STARTED' then 'BOFU'
            when 'CONTACT_REQUESTED' then 'BOFU'
            when 'EVENT_ATTENDED' then 'MOFU'
       end,
       case t.type
            when 'EBOOK_DOWNLOAD' then (array['ebook-state-of-revops','ebook-lead-scoring-101','whitepaper-attribution'])[1 + floor(a.r4 * 3)::int]
            when 'WEBINAR_REGISTERED' then (array['webinar-fixing-handoffs','webinar-pipeline-math'])[1 + floor(a.r4 * 2)::int]
            when 'WEBINAR_ATTENDED' then (array['webinar-fixing-handoffs','webinar-pipeline-math'])[1 + floor(a.r4 * 2)::int]
            when 'PAGE_VIEW' then (array['/blog','/product','/customers','/docs','/careers'])[1 + floor(a.r4 * 5)::int]
            when 'EMAIL_OPENED' then 'newsletter'
            when 'EMAIL_CLICKED' then 'newsletter'
       end,
       o.occurred_at, case when t.type = 'PAGE_VIEW' and a.r4 < 0.3 then '{"referrer": "search"}'::jsonb else '{}'::jsonb end,
       o.occurred_at + interval '1 second' * floor(a.r5 * 30)
  from (select s, random() r0, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6
          from generate_series(1, :activities) s) a
  join gen_lead g on g.n = case when a.r0 < 0.6 then 1 + floor(a.r1 * :leads)::int
                                else 10 * (1 + floor(a.r1 * (:leads / 10))::int) end
  cross join lateral (select case
            when a.r2 < 0.34 then 'PAGE_VIEW' when a.r2 < 0.54 then 'EMAIL_OPENED' when a.r2 < 0.64 then 'EMAIL_CLICKED'
            when a.r2 < 0.72 then 'EBOOK_DOWNLOAD' when a.r2 < 0.77 then 'WEBINAR_REGISTERED' when a.r2 < 0.80 then 'WEBINAR_ATTENDED'
            when a.r2 < 0.85 then 'FORM_SUBMITTED' when a.r2 < 0.91 then 'PRICING_PAGE_VIEW' when a.r2 < 0.93 then 'DEMO_REQUESTED'
            when a.r2 < 0.945 then 'TRIAL_STARTED' when a.r2 < 0.96 then 'EVENT_ATTENDED' when a.r2 < 0.97 then 'CONTACT_REQUESTED'
            else 'UNSUBSCRIBED' end as type) t
  cross join lateral (select date_trunc('milliseconds', greatest(g.created_at,
            case when a.r6 < 0.2 then now() - interval '90 days' * a.r5
                 else g.created_at + (now() - g.created_at) * a.r5 * a.r5 end)) as occurred_at) o;
\timing off

\echo '== rebuild indexes and keys'
\timing on
select ddl from saved_ddl order by phase \gexec
\timing off
set local session_replication_role = origin;
\echo '== metrics rollups (metrics_rebuild), when the schema has them'
\timing on
select format('select metrics_rebuild(%L)', :'ws') where to_regproc('metrics_rebuild') is not null \gexec
commit;
\timing off

\echo '== vacuum analyze'
\timing on
vacuum (analyze) lead;
vacuum (analyze) activity;
analyze;  -- every table, the rollups too (autovacuum is off on the benchmark server)
\timing off

\echo '== summary'
select (select count(*) from lead where workspace_id = :'ws') as leads,
       (select count(*) from activity where workspace_id = :'ws') as activities,
       (select count(*) from activity where workspace_id = :'ws' and occurred_at > now() - interval '90 days') as activities_last_90d,
       (select count(*) from campaign where workspace_id = :'ws') as campaigns,
       (select count(*) from campaign_cost where workspace_id = :'ws') as campaign_costs,
       pg_size_pretty(pg_total_relation_size('lead')) as lead_size,
       pg_size_pretty(pg_total_relation_size('activity')) as activity_size;
