-- Data quality on every ingest path (issue 17 §2, docs/data-quality.md).
--
-- Activities: bot_reason is the bot check's finding (BURST, TIMESTAMP_FLOOD, HONEYPOT, CRAWLER_AGENT; null = a
-- person). Scoring skips flagged activities and reads them index-only, so the covering index carries the flag.
-- bounced_email is the normalised address an EMAIL_BOUNCED activity bounced from: the email is INVALID while it is
-- still the lead's current one.
alter table activity add column bot_reason text;
alter table activity add column bounced_email text;
create index activity_by_lead_covering on activity (workspace_id, lead_id, occurred_at desc, id desc)
    include (type, funnel_stage, content_tag, bot_reason);
drop index activity_by_lead;
alter index activity_by_lead_covering rename to activity_by_lead;

-- Blocking keys of the duplicate check (DuplicateKeys): a lead's candidates are the leads sharing a key, found through
-- the primary key; the by-lead index serves the refresh of one lead's keys. Keys are SHA-256 digests: they hold
-- personal data (email, phone, name initial) only in a form that matches equal values.
create table lead_duplicate_key (
    workspace_id text  not null,
    key_digest   bytea not null,
    lead_id      uuid  not null,
    primary key (workspace_id, key_digest, lead_id),
    foreign key (workspace_id, lead_id) references lead (workspace_id, id) on delete cascade
);
create index lead_duplicate_key_by_lead on lead_duplicate_key (workspace_id, lead_id);

-- The verdict of every check per lead, refreshed in the writing transaction (QualityRefresh); read by scoring
-- (criteria on the status and each check), the API, metrics and the quality report. issues holds
-- [{code, field, message, relatedLeadId}].
create table lead_quality (
    workspace_id text        not null,
    lead_id      uuid        not null,
    status       text        not null check (status in ('VALID', 'SUSPECT', 'INVALID')),
    codes        text[]      not null,
    issues       jsonb       not null,
    judged_at    timestamptz not null,
    primary key (workspace_id, lead_id),
    foreign key (workspace_id, lead_id) references lead (workspace_id, id) on delete cascade
);
create index lead_quality_by_status on lead_quality (workspace_id, status) where status <> 'VALID';

-- leadMerge (docs/data-quality.md, "Merging duplicates"): the merged-away lead stays as a tombstone naming the lead
-- it was merged into, so its id still resolves; nothing else of it is counted, scored or judged.
alter table lead add column merged_into uuid;
alter table lead add constraint lead_merged_into_other check (merged_into <> id);
