-- Handoffs: the marketing→sales contract. Evidence is frozen at creation; every transition is an event.
alter table workspace add column handoff_mode text not null default 'AUTOMATIC' check (handoff_mode in ('AUTOMATIC', 'MANUAL'));

-- Recycled leads re-qualify only on engagement after recycling or under a newer version.
alter table lead add column recycled_at timestamptz;
alter table lead add column last_handoff_version_id uuid;
-- The first time the lead's lifecycle reached MQL, and under which version: the cohort fact metrics count.
alter table lead add column first_mql_at timestamptz;
alter table lead add column first_mql_version_id uuid;
create index lead_by_first_mql on lead (workspace_id, first_mql_at) where first_mql_at is not null;

create table sales_rep (
    workspace_id     text        not null references workspace,
    user_name        text        not null check (length(user_name) between 1 and 100),
    display_name     text        not null,
    available        boolean     not null default true,
    last_assigned_at timestamptz,
    created_at       timestamptz not null,
    primary key (workspace_id, user_name)
);
-- Round robin: the available rep assigned longest ago goes next.
create index sales_rep_round_robin on sales_rep (workspace_id, available, last_assigned_at nulls first, user_name);

create table rejection_reason (
    workspace_id text        not null references workspace,
    code         text        not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    label        text        not null,
    category     text        not null check (category in ('BUDGET', 'AUTHORITY', 'NEED', 'TIMING', 'FIT', 'DATA_QUALITY', 'OTHER')),
    active       boolean     not null default true,
    created_at   timestamptz not null,
    primary key (workspace_id, code)
);

create table handoff (
    workspace_id          text          not null,
    id                    uuid          not null,
    lead_id               uuid          not null,
    state                 text          not null check (state in ('PENDING', 'ACCEPTED', 'OPPORTUNITY', 'WON', 'LOST', 'REJECTED')),
    owner                 text,
    -- frozen evidence: what was known when marketing handed the lead over
    version_id            uuid          not null,
    score_total           integer       not null,
    score_fit             integer       not null,
    score_engagement      integer       not null,
    contributions         jsonb         not null,
    lead_snapshot         jsonb         not null,
    created_at            timestamptz   not null,
    created_by            text          not null,
    due_at                timestamptz   not null,
    first_response_at     timestamptz,
    accepted_at           timestamptz,
    rejected_at           timestamptz,
    rejection_code        text,
    rejection_category    text,
    rejection_notes       text,
    disposition           text          check (disposition in ('RECYCLED', 'DISQUALIFIED')),
    opportunity_at        timestamptz,
    opportunity_name      text,
    closed_at             timestamptz,
    won_amount            numeric(18,2) check (won_amount >= 0),
    won_currency          text,
    lost_reason           text,
    version               bigint        not null default 0,
    primary key (workspace_id, id),
    foreign key (workspace_id, lead_id) references lead (workspace_id, id),
    foreign key (workspace_id, rejection_code) references rejection_reason (workspace_id, code),
    check ((state = 'REJECTED') = (rejection_code is not null)),
    check (state <> 'WON' or won_amount is not null)
);
-- A lead has at most one open handoff: two qualifying transactions at once create exactly one.
create unique index handoff_one_open_per_lead on handoff (workspace_id, lead_id)
    where state in ('PENDING', 'ACCEPTED', 'OPPORTUNITY');
create index handoff_by_owner on handoff (workspace_id, owner, state, due_at);
create index handoff_by_lead on handoff (workspace_id, lead_id, created_at);
create index handoff_by_created on handoff (workspace_id, created_at);

create table handoff_event (
    workspace_id text        not null,
    id           bigint      generated always as identity,
    handoff_id   uuid        not null,
    type         text        not null,
    actor        text        not null,
    occurred_at  timestamptz not null,
    from_state   text,
    to_state     text,
    details      jsonb       not null default '{}'::jsonb,
    primary key (workspace_id, id),
    foreign key (workspace_id, handoff_id) references handoff (workspace_id, id)
);
create index handoff_event_by_handoff on handoff_event (workspace_id, handoff_id, id);
create trigger handoff_event_append_only before update or delete on handoff_event
    for each row execute function refuse_change();

-- Idempotency keys are per user: a retry returns the first result; the same key with other input is refused.
create table idempotency_key (
    workspace_id text        not null,
    user_name    text        not null,
    key          text        not null check (length(key) between 1 and 200),
    operation    text        not null,
    request_hash text        not null,
    response     jsonb,
    created_at   timestamptz not null,
    primary key (workspace_id, user_name, key)
);
