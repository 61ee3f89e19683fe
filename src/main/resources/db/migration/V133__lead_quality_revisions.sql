-- The verdict as it was (docs/evidence.md, "Data-quality verdicts as of the moment"): every change of a lead's
-- data-quality status or findings is kept as an append-only revision with the moment the verdict was given
-- (valid_from), so backtests and analyses judge a lead by the verdict known at their reference moment, not today's.
-- The only writer is the trigger on lead_quality in R__evidence_history_quality_revisions.sql. Status and check codes
-- only: the issues' messages quote contact data, so a revision holds nothing personal and erasure has nothing to scrub.
-- No foreign key to lead, like lead_trait_revision (V33): it is a ledger of what the record was judged.
create table lead_quality_revision (
    workspace_id text        not null,
    id           bigint      generated always as identity,
    lead_id      uuid        not null,
    valid_from   timestamptz not null,
    recorded_at  timestamptz not null default now(),
    status       text        not null check (status in ('VALID', 'SUSPECT', 'INVALID')),
    codes        text[]      not null,
    primary key (workspace_id, id)
);
-- The as-of read: the latest revision of a lead valid at or before a moment, index-only.
create index lead_quality_revision_as_of on lead_quality_revision (workspace_id, lead_id, valid_from, id)
    include (status, codes);

-- Existing verdicts: the current one, valid from when it was given (nothing earlier is known; before it a lead reads
-- as not judged).
insert into lead_quality_revision (workspace_id, lead_id, valid_from, status, codes)
select workspace_id, lead_id, judged_at, status, codes from lead_quality order by workspace_id, lead_id;
