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

-- One row per code logged on a CALL or MEETING touch (handoffLogTouch signals), at the touch's time.
create table handoff_touch_signal (
    workspace_id text        not null,
    handoff_id   uuid        not null,
    logged_at    timestamptz not null,
    code         text        not null,
    primary key (workspace_id, handoff_id, logged_at, code),
    foreign key (workspace_id, handoff_id) references handoff (workspace_id, id),
    foreign key (workspace_id, code) references first_call_signal (workspace_id, code)
);

-- Existing workspaces get the default taxonomy (new ones: DefaultFirstCallSignals).
insert into first_call_signal (workspace_id, code, label, created_at)
select w.workspace_id, d.code, d.label, now()
  from workspace w cross join (values
       ('BUDGET_CONFIRMED', 'Budget confirmed'), ('DECISION_MAKER_ENGAGED', 'Decision maker engaged'),
       ('PAIN_STATED', 'Pain stated'), ('TIMELINE_UNDER_90_DAYS', 'Timeline under 90 days'),
       ('COMPETITOR_EVALUATED', 'Competitor evaluated'), ('CHAMPION_IDENTIFIED', 'Champion identified'),
       ('NEXT_STEP_BOOKED', 'Next step booked'), ('NO_CLEAR_PROJECT', 'No clear project'),
       ('JUST_RESEARCHING', 'Just researching')) as d(code, label)
on conflict do nothing;
