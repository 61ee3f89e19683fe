-- Qualification criteria: models with versions. A version's rules are one JSON document: a
-- published version is immutable, so it is stored and read as a whole.
create table criteria_model (
    workspace_id      text        not null references workspace,
    id                uuid        not null,
    name              text        not null check (length(name) between 1 and 120),
    drives_handoffs   boolean     not null default false,
    served_version_id uuid,       -- the version whose scores are complete and shown as lead.score
    created_at        timestamptz not null,
    primary key (workspace_id, id),
    constraint criteria_model_name_unique unique (workspace_id, name)
);
-- At most one model per workspace drives handoffs.
create unique index criteria_model_one_handoff_model on criteria_model (workspace_id) where drives_handoffs;

create table criteria_version (
    workspace_id   text        not null,
    id             uuid        not null,
    model_id       uuid        not null,
    number         integer     not null check (number > 0),
    status         text        not null check (status in ('DRAFT', 'ACTIVE', 'RETIRED')),
    rules          jsonb       not null default '[]'::jsonb,
    mql_threshold  integer     not null default 50,
    min_fit        integer,
    min_engagement integer,
    based_on_id    uuid,
    created_at     timestamptz not null,
    created_by     text        not null,
    published_at   timestamptz,
    published_by   text,
    retired_at     timestamptz,
    primary key (workspace_id, id),
    constraint criteria_version_number_unique unique (workspace_id, model_id, number),
    foreign key (workspace_id, model_id) references criteria_model (workspace_id, id),
    check ((status = 'DRAFT') = (published_at is null) or status = 'RETIRED')
);
-- Exactly one active version per model, guaranteed by the database even under concurrent publishes.
create unique index criteria_version_one_active on criteria_version (workspace_id, model_id) where status = 'ACTIVE';

-- Current score of each lead under each version that is scored (the served and the active one).
create table lead_score (
    workspace_id  text        not null,
    lead_id       uuid        not null,
    version_id    uuid        not null,
    total         integer     not null,
    fit           integer     not null,
    engagement    integer     not null,
    qualified     boolean     not null,
    knocked_out_by text[]     not null default '{}',
    contributions jsonb       not null,
    as_of         timestamptz not null,
    primary key (workspace_id, version_id, lead_id),
    foreign key (workspace_id, lead_id) references lead (workspace_id, id)
);
create index lead_score_by_lead on lead_score (workspace_id, lead_id);

-- Append-only ledger of score changes.
create table score_event (
    workspace_id text        not null,
    id           bigint      generated always as identity,
    lead_id      uuid        not null,
    version_id   uuid        not null,
    old_total    integer,
    new_total    integer     not null,
    qualified    boolean     not null,
    cause        text        not null check (cause in ('LEAD_CHANGED', 'ACTIVITY_RECORDED', 'VERSION_PUBLISHED', 'DECAY')),
    as_of        timestamptz not null,
    recorded_at  timestamptz not null default now(),
    primary key (workspace_id, id)
);
create index score_event_by_lead on score_event (workspace_id, lead_id, id desc);

-- The moment a lead first reached MQL under a version: written once, never rewritten.
create table mql_crossing (
    workspace_id  text        not null,
    lead_id       uuid        not null,
    version_id    uuid        not null,
    crossed_at    timestamptz not null,
    total         integer     not null,
    contributions jsonb       not null,
    primary key (workspace_id, lead_id, version_id),
    foreign key (workspace_id, lead_id) references lead (workspace_id, id)
);
create index mql_crossing_by_version on mql_crossing (workspace_id, version_id, crossed_at);

-- Rescoring a workspace after a publish: resumable from last_lead_id after a crash.
create table scoring_job (
    workspace_id  text        not null,
    id            uuid        not null,
    model_id      uuid        not null,
    version_id    uuid        not null,
    state         text        not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SUPERSEDED')),
    total         integer     not null default 0,
    processed     integer     not null default 0,
    last_lead_id  uuid,
    as_of         timestamptz not null,
    created_at    timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    heartbeat_at  timestamptz,
    error         text,
    primary key (workspace_id, id)
);
create index scoring_job_pending on scoring_job (workspace_id, state, created_at) where state in ('QUEUED', 'RUNNING');

-- The ledger is append-only: updates and deletes are refused by the database itself.
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end $$;
create trigger score_event_append_only before update or delete on score_event
    for each row execute function refuse_change();
create trigger mql_crossing_never_rewritten before update or delete on mql_crossing
    for each row execute function refuse_change();
