-- leadMerge (docs/data-quality.md, "Merging duplicates"): what moves from the merged lead to the survivor. The current
-- definition, read and changed here in place (docs/architecture.md, "Definitions in repeatable migrations"); the audit
-- table is in V100__lead_merge.sql, the tombstone column lead.merged_into in V80.
--
-- Moves the merged lead's activities and handoffs to the survivor (handoff events, first-call and touch signals follow
-- their handoff). The metrics triggers on handoff refresh both leads in the same statement. The merged lead's duplicate
-- keys, stored verdict and prediction go: it is no one's duplicate any more, and the survivor is judged and predicted
-- anew. Score history (score_event, mql_crossing), current scores (lead_score), trait history (lead_trait_revision) and
-- verdict history (lead_quality_revision: deleting the verdict appends nothing) stay with the merged lead's id: they
-- are append-only ledgers of what that record was and scored, and moving a trait or verdict revision would make the
-- survivor "as of" a past moment look like the other record. Lead.mergedFrom reaches them.
-- The caller (LeadMergeService) has locked both leads and their handoffs, set lead.merged_into on the merged lead and
-- checked that they do not both hold an open handoff. Returns the rows changed per table.
create or replace function lead_merge_move(p_ws text, p_survivor uuid, p_merged uuid) returns jsonb language plpgsql as $$
declare
    n_activities integer;
    n_handoffs integer;
    n_keys integer;
    n_predictions integer;
begin
    perform 1 from lead where workspace_id = p_ws and id = p_merged and merged_into = p_survivor;
    if not found then
        raise exception 'lead % of workspace % is not merged into %', p_merged, p_ws, p_survivor;
    end if;
    update activity set lead_id = p_survivor where workspace_id = p_ws and lead_id = p_merged;
    get diagnostics n_activities = row_count;
    -- version bumps so a stale handoff entity elsewhere fails its optimistic check instead of writing the old lead back
    update handoff set lead_id = p_survivor, version = version + 1 where workspace_id = p_ws and lead_id = p_merged;
    get diagnostics n_handoffs = row_count;
    delete from lead_duplicate_key where workspace_id = p_ws and lead_id = p_merged;
    get diagnostics n_keys = row_count;
    delete from lead_quality where workspace_id = p_ws and lead_id = p_merged;
    delete from lead_prediction where workspace_id = p_ws and lead_id = p_merged;
    get diagnostics n_predictions = row_count;
    delete from lead_accepted_prediction where workspace_id = p_ws and lead_id = p_merged;
    return jsonb_build_object('activities', n_activities, 'handoffs', n_handoffs, 'duplicateKeys', n_keys,
                              'predictions', n_predictions);
end $$;
