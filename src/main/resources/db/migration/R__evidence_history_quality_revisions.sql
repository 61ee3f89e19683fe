-- The one writer of lead_quality_revision (V133): every verdict stored in lead_quality (QualityWrites.storeVerdicts,
-- on every write path) whose status or check codes differ from the lead's previous verdict appends a revision valid
-- from the verdict's judged_at. A verdict given again unchanged appends nothing. Deleting a verdict appends nothing:
-- an erased lead keeps its revisions (status and codes are not personal; analyses over the past stay identical), and
-- a lead merged away keeps its own (lead_merge_move, R__lead_merge.sql) like its trait revisions, while the survivor,
-- judged anew in the merge, gets a revision of its new verdict.
create or replace function lead_quality_revision_write() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.status is distinct from old.status or new.codes is distinct from old.codes then
        insert into lead_quality_revision (workspace_id, lead_id, valid_from, status, codes)
        values (new.workspace_id, new.lead_id, new.judged_at, new.status, new.codes);
    end if;
    return null;
end $$;

drop trigger if exists lead_quality_revision_write on lead_quality;
create trigger lead_quality_revision_write after insert or update on lead_quality
    for each row execute function lead_quality_revision_write();

-- Append-only: nothing in a revision is personal, so nothing may change or delete one, erasure included.
drop trigger if exists lead_quality_revision_append_only on lead_quality_revision;
create trigger lead_quality_revision_append_only before update or delete on lead_quality_revision
    for each row execute function refuse_change();
