-- The one writer of lead_trait_revision (V33): every insert of a lead and every update that changes one of its
-- traits appends a revision with all traits, observed at lead.traits_observed_at when the writer stated it
-- (LeadInput.observedAt), else at the lead's creation (insert) or its updated_at (update). Columns that are no
-- traits (ids, timestamps, version, erasure, MQL and recycling bookkeeping) do not make a revision.
--
-- New leads take a statement trigger over the inserted rows: one insert of revisions per statement on lead (a batch's
-- new leads are one insert, LeadRowWrites), not one per lead (issue 17, import-pg: the row trigger was the largest
-- part of the lead insert). It cannot clear the stated moment before the row is stored, so it clears it after, for the
-- rows that stated one (history imports); that update changes no trait, so it appends nothing. An update keeps the row
-- trigger: it compares each row with its old version and clears the stated moment before the row is stored.
create or replace function lead_trait_revision_write() returns trigger language plpgsql as $$
declare
    untracked constant text[] := array['workspace_id', 'id', 'created_at', 'updated_at', 'erased_at', 'version',
        'recycled_at', 'last_handoff_version_id', 'first_mql_at', 'first_mql_version_id', 'traits_observed_at'];
begin
    if tg_level = 'STATEMENT' then
        insert into lead_trait_revision (workspace_id, lead_id, observed_at, external_id, email, email_normalized,
                first_name, last_name, phone, company_name, company_domain, annual_revenue, employee_count, industry,
                job_title, seniority, country, source, campaign_id, budget_status, budget_amount, authority, need,
                timeline, lifecycle_stage, owner_id, custom_attributes)
        select n.workspace_id, n.id, coalesce(n.traits_observed_at, n.created_at), n.external_id, n.email,
               n.email_normalized, n.first_name, n.last_name, n.phone, n.company_name, n.company_domain,
               n.annual_revenue, n.employee_count, n.industry, n.job_title, n.seniority, n.country, n.source,
               n.campaign_id, n.budget_status, n.budget_amount, n.authority, n.need, n.timeline, n.lifecycle_stage,
               n.owner_id, n.custom_attributes
          from new_rows n order by n.id;
        if exists (select from new_rows where traits_observed_at is not null) then
            update lead l set traits_observed_at = null from new_rows n
             where n.traits_observed_at is not null and l.workspace_id = n.workspace_id and l.id = n.id;
        end if;
        return null;
    end if;
    if (to_jsonb(new) - untracked) is distinct from (to_jsonb(old) - untracked) then
        insert into lead_trait_revision (workspace_id, lead_id, observed_at, external_id, email, email_normalized,
                first_name, last_name, phone, company_name, company_domain, annual_revenue, employee_count, industry,
                job_title, seniority, country, source, campaign_id, budget_status, budget_amount, authority, need,
                timeline, lifecycle_stage, owner_id, custom_attributes)
        values (new.workspace_id, new.id, coalesce(new.traits_observed_at, new.updated_at),
                new.external_id, new.email, new.email_normalized, new.first_name, new.last_name, new.phone,
                new.company_name, new.company_domain, new.annual_revenue, new.employee_count, new.industry,
                new.job_title, new.seniority, new.country, new.source, new.campaign_id, new.budget_status,
                new.budget_amount, new.authority, new.need, new.timeline, new.lifecycle_stage, new.owner_id,
                new.custom_attributes);
    end if;
    new.traits_observed_at := null;
    return new;
end $$;

drop trigger if exists lead_trait_revision_write on lead;
drop trigger if exists lead_trait_revision_insert on lead;
create trigger lead_trait_revision_write before update on lead
    for each row execute function lead_trait_revision_write();
create trigger lead_trait_revision_insert after insert on lead referencing new table as new_rows
    for each statement execute function lead_trait_revision_write();

-- Erasure (docs/privacy.md) scrubs in every revision what Lead.erase scrubs in the lead: identifiers, names,
-- contact data, company identity, job title, custom attributes. The facts metrics and analysis count stay.
create or replace function lead_trait_revision_scrub() returns trigger language plpgsql as $$
declare
    previous text := current_setting('leadproof.erasure', true);
begin
    perform set_config('leadproof.erasure', 'on', true);
    update lead_trait_revision
       set external_id = null, email = null, email_normalized = null, first_name = null, last_name = null,
           phone = null, company_name = null, company_domain = null, job_title = null, custom_attributes = '{}'::jsonb
     where workspace_id = new.workspace_id and lead_id = new.id
       and (external_id is not null or email is not null or email_normalized is not null or first_name is not null
            or last_name is not null or phone is not null or company_name is not null or company_domain is not null
            or job_title is not null or custom_attributes <> '{}'::jsonb);
    perform set_config('leadproof.erasure', coalesce(previous, 'off'), true);
    return null;
end $$;

drop trigger if exists lead_trait_revision_scrub on lead;
create trigger lead_trait_revision_scrub after update of erased_at on lead
    for each row when (new.erased_at is not null) execute function lead_trait_revision_scrub();

-- Append-only: only an erasure may scrub the personal columns, and only of an erased lead (V6).
drop trigger if exists lead_trait_revision_append_only on lead_trait_revision;
create trigger lead_trait_revision_append_only before update or delete on lead_trait_revision
    for each row execute function append_only_except_erasure('external_id', 'email', 'email_normalized', 'first_name',
        'last_name', 'phone', 'company_name', 'company_domain', 'job_title', 'custom_attributes');
