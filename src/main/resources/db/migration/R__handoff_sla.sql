-- The SLA rule of a handoff: its one definition (docs/metrics.md, "SLA breach"). Everything that asks whether a
-- handoff breached its SLA calls handoff_sla_breached: the metrics facts and reads (R__metrics_*.sql, MetricsHandoffSql),
-- the rep's queue filter (HandoffQueries) and the overdue flag of the API (HandoffSla).
--
-- Repeatable migration: Flyway re-applies it whenever this file changes, after all versioned migrations
-- (docs/architecture.md, "Definitions in repeatable migrations"). Change the rule here, in place.

-- The first response to a handoff: the first accept, reject or logged touch. The application sets first_response_at at
-- each of them; accepted_at and rejected_at count too, so a row written by other means is read the same way.
create or replace function handoff_responded_at(p_first_response_at timestamptz, p_accepted_at timestamptz,
        p_rejected_at timestamptz) returns timestamptz
language sql immutable parallel safe as $$
    select least(p_first_response_at, p_accepted_at, p_rejected_at)
$$;

-- A handoff breached its SLA as of p_as_of when its first response came after p_due_at, or has not come and p_due_at
-- has passed. The due time is frozen at handoff from the workspace SLA of that moment. A breach of an answered handoff
-- is settled by the answer: as of its response (p_as_of = p_responded_at) it is final. A handoff without a due time
-- (null) never breaches: a kind of handoff that must never breach (an imported one, say) gets no due time.
create or replace function handoff_sla_breached(p_due_at timestamptz, p_responded_at timestamptz, p_as_of timestamptz)
returns boolean
language sql immutable parallel safe as $$
    select coalesce(coalesce(p_responded_at, p_as_of) > p_due_at, false)
$$;
