-- Handoffs imported from a CRM's history (dealsImport, docs/evidence.md): they count in metrics cohorts and in
-- analysis, but never notify, join a queue, breach an SLA or fire a subscription; hence no due time.
alter table handoff add column imported boolean not null default false;
alter table handoff add column external_deal_id text check (length(external_deal_id) between 1 and 200);
alter table handoff alter column due_at drop not null;
alter table handoff add constraint handoff_due_unless_imported check (imported or due_at is not null);
create unique index handoff_by_external_deal on handoff (workspace_id, external_deal_id) where external_deal_id is not null;
