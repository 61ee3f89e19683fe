-- Evidence settings of a workspace (docs/evidence.md): how long an accepted handoff may stay quiet before it counts
-- as STALLED, and how long after the handoff a logged first-call signal still counts as "first call".
-- A workspace without a row uses the defaults (30 and 14 days).
create table evidence_settings (
    workspace_id           text        not null references workspace,
    stalled_after_days     integer     not null default 30 check (stalled_after_days between 1 and 3650),
    first_call_window_days integer     not null default 14 check (first_call_window_days between 1 and 365),
    updated_at             timestamptz not null,
    updated_by             text        not null,
    primary key (workspace_id)
);
