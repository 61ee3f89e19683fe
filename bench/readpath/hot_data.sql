-- Bench data for the other hot reads (bench/readpath/hot.sh), on the bench database only; idempotent.
-- 1. The benchmark rep sam.sales (a Keycloak user) owns rep01's generated queue.
-- 2. Generated handoffs carry no frozen evidence: freeze it as LeadProof does at handoff (EvidenceReader): the
--    contributions of the lead's score under the handoff's version (the
--    generator scores one version only: else under that one), and the lead's attributes as text, empty ones left out.
-- 3. PostGraphile's equivalents: the queue (Query.benchMyHandoffs) and the filtered list (below) as set-returning
--    functions, and the SLA flag as a
--    computed column (Handoff.overdue), both by the one SLA rule of R__handoff_sla.sql.
update handoff set owner = 'sam.sales' where workspace_id = 'acme' and owner = 'rep01';

update handoff h set contributions = coalesce((select s.contributions from lead_score s
        where s.workspace_id = h.workspace_id and s.lead_id = h.lead_id order by s.version_id = h.version_id desc limit 1), '[]')
where h.workspace_id = 'acme' and h.contributions = '[]'::jsonb;

update handoff h set lead_snapshot = jsonb_strip_nulls(jsonb_build_object(
        'email', nullif(l.email, ''),
        'name', nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), ''),
        'companyName', nullif(l.company_name, ''), 'companyDomain', nullif(l.company_domain, ''),
        'jobTitle', nullif(l.job_title, ''), 'seniority', l.seniority, 'industry', nullif(l.industry, ''),
        'country', nullif(l.country, ''), 'source', l.source, 'employeeCount', l.employee_count::text))
from lead l
where l.workspace_id = h.workspace_id and l.id = h.lead_id and h.workspace_id = 'acme' and h.lead_snapshot = '{}'::jsonb;

create or replace function bench_my_handoffs(p_workspace text, p_owner text) returns setof handoff
language sql stable as $$
    select * from handoff where workspace_id = p_workspace and owner = p_owner
      and state in ('PENDING', 'ACCEPTED', 'OPPORTUNITY') and not imported order by due_at, id
$$;

create or replace function handoff_overdue(h handoff) returns boolean
language sql stable as $$
    select handoff_sla_breached(h.due_at, handoff_responded_at(h.first_response_at, h.accepted_at, h.rejected_at), now())
$$;

-- The filtered list: PostGraphile's conditions cover indexed columns only, so the filter is a set-returning function
-- too (Query.benchFilteredLeads), in LeadProof's order (newest first).
create or replace function bench_filtered_leads(p_workspace text, p_stage text, p_country text) returns setof lead
language sql stable as $$
    select * from lead where workspace_id = p_workspace and merged_into is null and lifecycle_stage = p_stage
      and country = p_country order by created_at desc, id desc
$$;

-- 4. Rows written before V146 have no API documents (R__api_read_documents.sql; no data move yet): render them as its
--    triggers do, once the application has migrated this database.
do $$
begin
    if exists (select from information_schema.columns where table_name = 'handoff' and column_name = 'api_contributions') then
        update handoff set api_contributions = api_contributions(contributions), api_lead_attributes = api_lead_attributes(lead_snapshot)
         where api_contributions is null or api_lead_attributes is null;
        update criteria_version set api_rules = api_rules(rules) where api_rules is null;
    end if;
end
$$;

-- the updates above leave dead row versions behind: the benchmark reads a vacuumed table
vacuum analyze handoff;
