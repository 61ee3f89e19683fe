-- leadMerge (docs/data-quality.md, "Merging duplicates"): the external id and normalised email a tombstone released.
-- A later upsert under one of them lands on the survivor at the end of the merge chain (LeadMatches) instead of
-- creating a new lead. Personal data: deleted when the tombstone is erased (privacy_scrub_erased_lead). Merges made
-- before this table existed have no aliases (the tombstone's keys were nulled and are not kept anywhere else).
create table lead_merge_alias (
    workspace_id text not null,
    kind         text not null check (kind in ('EXTERNAL_ID', 'EMAIL')),
    key          text not null,
    lead_id      uuid not null,  -- the tombstone that held the key; the newest one when a key was released twice
    primary key (workspace_id, kind, key)
);
create index lead_merge_alias_by_lead on lead_merge_alias (workspace_id, lead_id);
