-- The one writer of lead_quality_revision (V133): every verdict stored in lead_quality (QualityWrites.storeVerdicts,
-- on every write path) whose status or check codes differ from the lead's previous verdict appends a revision valid
-- from the verdict's judged_at. A verdict given again unchanged appends nothing. Deleting a verdict appends nothing:
-- an erased lead keeps its revisions (status and codes are not personal; analyses over the past stay identical), and
-- a lead merged away keeps its own (lead_merge_move, R__lead_merge.sql) like its trait revisions, while the survivor,
-- judged anew in the merge, gets a revision of its new verdict.
--
-- Statement triggers over the transition tables: one insert of revisions per statement on lead_quality (a batch's
-- verdicts are one upsert), not one per verdict (issue 17, import-pg: the row trigger cost about as much as the
-- verdict's own insert). A verdict upsert fires the insert trigger for the new leads' verdicts and the update trigger
-- for the others; PostgreSQL allows transition tables only on triggers of one event, hence two triggers, one function.
create or replace function lead_quality_revision_write() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into lead_quality_revision (workspace_id, lead_id, valid_from, status, codes)
        select n.workspace_id, n.lead_id, n.judged_at, n.status, n.codes from new_rows n order by n.lead_id;
    else
        insert into lead_quality_revision (workspace_id, lead_id, valid_from, status, codes)
        select n.workspace_id, n.lead_id, n.judged_at, n.status, n.codes
          from new_rows n join old_rows o on o.workspace_id = n.workspace_id and o.lead_id = n.lead_id
         where n.status is distinct from o.status or n.codes is distinct from o.codes
         order by n.lead_id;
    end if;
    return null;
end $$;

drop trigger if exists lead_quality_revision_write on lead_quality;
drop trigger if exists lead_quality_revision_insert on lead_quality;
drop trigger if exists lead_quality_revision_update on lead_quality;
create trigger lead_quality_revision_insert after insert on lead_quality referencing new table as new_rows
    for each statement execute function lead_quality_revision_write();
create trigger lead_quality_revision_update after update on lead_quality referencing old table as old_rows new table as new_rows
    for each statement execute function lead_quality_revision_write();

-- Append-only: nothing in a revision is personal, so nothing may change or delete one, erasure included.
drop trigger if exists lead_quality_revision_append_only on lead_quality_revision;
create trigger lead_quality_revision_append_only before update or delete on lead_quality_revision
    for each row execute function refuse_change();
