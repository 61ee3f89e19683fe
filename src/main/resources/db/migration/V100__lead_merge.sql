-- leadMerge (docs/data-quality.md, "Merging duplicates"): the audit of every merge, append-only (R__ledger_append_only.sql).
-- moved: rows moved or dropped per table (R__lead_merge.sql); filled: the survivor's fields that were empty and took the
-- merged lead's value. A lead is merged away at most once (lead.merged_into, V80). No foreign keys to lead: like the
-- privacy audit, the record outlives a hard delete of either lead.
create table lead_merge (
    workspace_id text        not null,
    id           uuid        not null,
    survivor_id  uuid        not null,
    merged_id    uuid        not null,
    actor        text        not null,
    occurred_at  timestamptz not null,
    moved        jsonb       not null,
    filled       text[]      not null,
    primary key (workspace_id, id),
    constraint lead_merge_once unique (workspace_id, merged_id),
    constraint lead_merge_two_leads check (survivor_id <> merged_id)
);
create index lead_merge_by_survivor on lead_merge (workspace_id, survivor_id);
-- Lead.mergedFrom and the erasure of a survivor find the leads merged into it.
create index lead_by_merged_into on lead (workspace_id, merged_into) where merged_into is not null;
