-- First-call signals (docs/evidence.md): a per-workspace taxonomy of what a first conversation showed, managed like
-- rejection reasons (codes are added, renamed, deactivated, never removed), and the codes sales logged on a touch.
create table first_call_signal (
    workspace_id text        not null references workspace,
    code         text        not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    label        text        not null,
    active       boolean     not null default true,
    created_at   timestamptz not null,
    primary key (workspace_id, code)
);

create table handoff_touch_signal (
    workspace_id text        not null,
    handoff_id   uuid        not null,
    event_id     bigint      not null,
    code         text        not null,
    logged_at    timestamptz not null,
    primary key (workspace_id, handoff_id, event_id, code),
    foreign key (workspace_id, handoff_id) references handoff (workspace_id, id),
    foreign key (workspace_id, event_id) references handoff_event (workspace_id, id),
    foreign key (workspace_id, code) references first_call_signal (workspace_id, code)
);
