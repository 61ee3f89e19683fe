-- The metrics generator loads leads with triggers off, so no trait revision is written; the cohort reader reads traits
-- as of the reference moment from the revisions. Backfill one revision per lead, observed at its creation (as
-- V33__lead_trait_revisions.sql does for existing leads). Idempotent.
-- The leads that already have a revision are noted first: an anti-join against the table being filled, planned as a
-- nested loop over fresh statistics, rescans the rows the statement itself inserts (it ran for minutes at 100,000 leads).
\set ON_ERROR_STOP on
create temp table lead_with_revision as
select distinct lead_id from lead_trait_revision where workspace_id = :'ws';
analyze lead_with_revision;
insert into lead_trait_revision (workspace_id, lead_id, observed_at, external_id, email, email_normalized, first_name,
        last_name, phone, company_name, company_domain, annual_revenue, employee_count, industry, job_title, seniority,
        country, source, campaign_id, budget_status, budget_amount, authority, need, timeline, lifecycle_stage, owner_id,
        custom_attributes)
select l.workspace_id, l.id, l.created_at, l.external_id, l.email, l.email_normalized, l.first_name, l.last_name, l.phone,
       l.company_name, l.company_domain, l.annual_revenue, l.employee_count, l.industry, l.job_title, l.seniority, l.country,
       l.source, l.campaign_id, l.budget_status, l.budget_amount, l.authority, l.need, l.timeline, l.lifecycle_stage,
       l.owner_id, l.custom_attributes
  from lead l
 where l.workspace_id = :'ws'
   and not exists (select from lead_with_revision r where r.lead_id = l.id);
