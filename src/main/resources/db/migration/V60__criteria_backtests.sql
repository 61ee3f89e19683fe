-- Backtests of criteria versions (docs/evidence.md, "Backtest"; io.leadproof.evidence.backtesting). A backtest is a
-- job: queued by criteriaBacktestStart, claimed under a lease by one pod (claim_criteria_backtest in
-- R__evidence_backtest_claims.sql), replayed in one streaming pass over the cohort, its result kept for later reads.
-- A pod that dies mid-replay loses its lease; another pod claims the job and replays it again from the start.
create table criteria_backtest (
    workspace_id         text        not null,
    id                   uuid        not null,
    version_id           uuid        not null,
    baseline_version_id  uuid        not null,
    request              jsonb       not null,
    state                text        not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    processed            bigint      not null default 0,
    attempts             integer     not null default 0,
    result               jsonb,
    error                text,
    version_edited_at    timestamptz,
    requested_by         text        not null,
    created_at           timestamptz not null,
    started_at           timestamptz,
    finished_at          timestamptz,
    heartbeat_at         timestamptz,
    lease_owner          text,
    lease_expires_at     timestamptz,
    primary key (workspace_id, id)
);
create index criteria_backtest_by_version on criteria_backtest (workspace_id, version_id, created_at desc, id);
create index criteria_backtest_pending on criteria_backtest (state, created_at) where state in ('QUEUED', 'RUNNING');

-- The leads that change side, in the order the cohort was replayed: NEWLY_QUALIFIED (tested version only) and
-- NEWLY_EXCLUDED (baseline only), each with its outcome kind (null: never handed off) and rejection reason code.
create table criteria_backtest_lead (
    workspace_id    text    not null,
    backtest_id     uuid    not null,
    side            text    not null check (side in ('NEWLY_QUALIFIED', 'NEWLY_EXCLUDED')),
    position        integer not null,
    lead_id         uuid    not null,
    outcome         text,
    rejection_code  text,
    primary key (workspace_id, backtest_id, side, position),
    foreign key (workspace_id, backtest_id) references criteria_backtest (workspace_id, id) on delete cascade
);

-- Whether publishing a criteria version needs a backtest of it that started after its last edit (off by default).
create table criteria_publish_policy (
    workspace_id      text        not null primary key,
    require_backtest  boolean     not null default false,
    updated_at        timestamptz not null,
    updated_by        text        not null
);

-- When a version's rules or thresholds last changed; kept by criteria_version_edited (R__evidence_backtest_edits.sql).
alter table criteria_version add column last_edited_at timestamptz;
update criteria_version set last_edited_at = created_at;
