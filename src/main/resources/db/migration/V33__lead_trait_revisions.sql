-- The lead as it was (docs/evidence.md, "Trait history"): every change of a lead's traits is kept as an append-only
-- revision with the moment it became true (observed_at), so the lead as of any instant can be rebuilt. The only
-- writer is the trigger of R__evidence_history_trait_revisions.sql; erasure scrubs the personal columns of every
-- revision (same trigger file) and nothing else may change a revision.
create table lead_trait_revision (
    workspace_id      text          not null,
    id                bigint        generated always as identity,
    lead_id           uuid          not null,
    observed_at       timestamptz   not null,
    recorded_at       timestamptz   not null default now(),
    external_id       text,
    email             text,
    email_normalized  text,
    first_name        text,
    last_name         text,
    phone             text,
    company_name      text,
    company_domain    text,
    annual_revenue    numeric(18,2),
    employee_count    integer,
    industry          text,
    job_title         text,
    seniority         text          not null,
    country           text,
    source            text,
    campaign_id       uuid,
    budget_status     text          not null,
    budget_amount     numeric(18,2),
    authority         text          not null,
    need              text          not null,
    timeline          text          not null,
    lifecycle_stage   text          not null,
    owner_id          text,
    custom_attributes jsonb         not null default '{}'::jsonb,
    primary key (workspace_id, id)
);
-- The as-of read: the latest revision of a lead observed at or before a moment.
create index lead_trait_revision_as_of on lead_trait_revision (workspace_id, lead_id, observed_at, id);

-- Set by an upsert that states when its values became true (LeadInput.observedAt); the trigger reads it for the
-- revision and clears it, so it never outlives the statement.
alter table lead add column traits_observed_at timestamptz;

-- Existing leads: their traits as known today, observed at their creation (the best knowledge there is).
insert into lead_trait_revision (workspace_id, lead_id, observed_at, external_id, email, email_normalized, first_name,
        last_name, phone, company_name, company_domain, annual_revenue, employee_count, industry, job_title, seniority,
        country, source, campaign_id, budget_status, budget_amount, authority, need, timeline, lifecycle_stage, owner_id,
        custom_attributes)
select workspace_id, id, created_at, external_id, email, email_normalized, first_name, last_name, phone, company_name,
       company_domain, annual_revenue, employee_count, industry, job_title, seniority, country, source, campaign_id,
       budget_status, budget_amount, authority, need, timeline, lifecycle_stage, owner_id, custom_attributes
  from lead order by workspace_id, id;
