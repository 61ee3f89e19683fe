-- The ledgers are append-only: updates and deletes are refused by the database itself (docs/architecture.md).
-- The current definitions of the functions and triggers that enforce it, read and changed here in place: Flyway
-- re-applies this file whenever it changes, after all versioned migrations (docs/architecture.md, "Definitions in
-- repeatable migrations"). The tables are in V2 (score_event, mql_crossing), V3 (handoff_event) and V6 (privacy_audit);
-- V2, V3 and V6 first created what follows, and stay unchanged as history.
--
-- score_event and privacy_audit hold no personal text: every update and delete is refused.
create or replace function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end $$;

-- The append-only ledgers that hold personal text (mql_crossing.contributions quote attribute values as evidence,
-- handoff_event.details hold rep notes) may be scrubbed by an erasure, and by nothing else. An UPDATE passes only
--   * inside a transaction that set `leadproof.erasure` to 'on' (set_config(..., true): transaction-local), and
--   * when no column other than the ones named as trigger arguments changes, and
--   * when the row belongs to a lead that is already erased (lead.erased_at set).
-- DELETE is always refused. score_event holds no text and keeps refuse_change.
create or replace function append_only_except_erasure() returns trigger language plpgsql as $$
declare
    old_row jsonb := to_jsonb(old);
    erased boolean;
begin
    if tg_op = 'UPDATE' and current_setting('leadproof.erasure', true) = 'on'
       and (to_jsonb(new) - tg_argv) = (old_row - tg_argv) then
        if old_row ? 'lead_id' then
            select l.erased_at is not null into erased
              from lead l where l.workspace_id = old.workspace_id and l.id = (old_row ->> 'lead_id')::uuid;
        elsif old_row ? 'handoff_id' then
            select l.erased_at is not null into erased
              from handoff h join lead l on l.workspace_id = h.workspace_id and l.id = h.lead_id
             where h.workspace_id = old.workspace_id and h.id = (old_row ->> 'handoff_id')::uuid;
        end if;
        if coalesce(erased, false) then
            return new;
        end if;
    end if;
    raise exception '% is append-only', tg_table_name
        using hint = 'Only an erasure may scrub ' || array_to_string(tg_argv, ', ') || ' of an erased lead (docs/privacy.md).';
end $$;

create or replace trigger score_event_append_only before update or delete on score_event
    for each row execute function refuse_change();
create or replace trigger privacy_audit_append_only before update or delete on privacy_audit
    for each row execute function refuse_change();
create or replace trigger mql_crossing_never_rewritten before update or delete on mql_crossing
    for each row execute function append_only_except_erasure('contributions');
create or replace trigger handoff_event_append_only before update or delete on handoff_event
    for each row execute function append_only_except_erasure('details');

-- lead_merge (V100): the audit of leadMerge; no update, no delete.
create or replace trigger lead_merge_append_only before update or delete on lead_merge
    for each row execute function refuse_change();
