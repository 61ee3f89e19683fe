-- A deleted lead takes its duplicate keys and its data-quality verdict with it (what the foreign keys' ON DELETE CASCADE
-- did before V148 dropped them): one statement per table for every lead a statement deleted. Its verdict revisions
-- stay, as they do after erasure (R__evidence_history_quality_revisions.sql).
create or replace function quality_store_lead_deleted() returns trigger language plpgsql as $$
begin
    delete from lead_duplicate_key k using old_rows o where k.workspace_id = o.workspace_id and k.lead_id = o.id;
    delete from lead_quality q using old_rows o where q.workspace_id = o.workspace_id and q.lead_id = o.id;
    return null;
end $$;

drop trigger if exists quality_store_lead_deleted on lead;
create trigger quality_store_lead_deleted after delete on lead referencing old table as old_rows
    for each statement execute function quality_store_lead_deleted();
