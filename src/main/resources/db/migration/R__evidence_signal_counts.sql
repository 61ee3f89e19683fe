-- The outcome of a handoff as of an instant t, in SQL: the one home of the rule of docs/evidence.md ("Outcomes"), used
-- by the set-based signal counts (evidence.read.SignalCountSql) and by the row reads of evidence cohorts
-- (evidence.read.CohortSql: signal samples, rejection insights, backtests, trainings), which take the outcome, its
-- start and its rejection reason from here as data. Only facts at or before t count. WON / LOST when the deal closed
-- by t; REJECTED when rejected by t; STALLED when by t it was accepted or an opportunity and its last stir (creation,
-- acceptance, opportunity, the last logged touch, all at or before t) is at least stalled_after before t; otherwise
-- OPEN. last_touch is the latest logged touch at or before t (the caller's max(occurred_at) over TOUCH_LOGGED events
-- with occurred_at <= t). EvidenceOutcomeSqlTest covers every case.
create or replace function evidence_last_stir(created timestamptz, accepted timestamptz, opportunity timestamptz,
        last_touch timestamptz, t timestamptz)
    returns timestamptz
    language sql
    immutable
    parallel safe
as $$
    select greatest(created, case when accepted <= t then accepted end, case when opportunity <= t then opportunity end,
                    case when last_touch <= t then last_touch end)
$$;

create or replace function evidence_outcome(created timestamptz, accepted timestamptz, opportunity timestamptz,
        won timestamptz, lost timestamptz, rejected timestamptz, last_touch timestamptz, t timestamptz,
        stalled_after interval)
    returns text
    language sql
    immutable
    parallel safe
as $$
    select case
        when won <= t then 'WON'
        when lost <= t then 'LOST'
        when rejected <= t then 'REJECTED'
        when (accepted <= t or opportunity <= t)
            and evidence_last_stir(created, accepted, opportunity, last_touch, t) + stalled_after <= t then 'STALLED'
        else 'OPEN'
    end
$$;

-- When the outcome evidence_outcome gave (same arguments) began: the close for WON / LOST, the rejection for
-- REJECTED, the moment the quiet period ran out for STALLED, the handoff for OPEN (evidence.core.Outcome.since).
create or replace function evidence_outcome_since(outcome text, created timestamptz, accepted timestamptz,
        opportunity timestamptz, won timestamptz, lost timestamptz, rejected timestamptz, last_touch timestamptz,
        t timestamptz, stalled_after interval)
    returns timestamptz
    language sql
    immutable
    parallel safe
as $$
    select case outcome
        when 'WON' then won
        when 'LOST' then lost
        when 'REJECTED' then rejected
        when 'STALLED' then evidence_last_stir(created, accepted, opportunity, last_touch, t) + stalled_after
        when 'OPEN' then created
    end
$$;

-- The outcome of a handoff as the row reads of evidence cohorts take it (evidence.read.CohortSql): kind by
-- evidence_outcome, when it began by evidence_outcome_since, and for REJECTED only the handoff's reason code and
-- category. One row; inlined into the calling statement. (evidence_outcome itself is not inlined, here or in the
-- signal counts: timestamptz + interval is only stable.)
create or replace function evidence_outcome_of(created timestamptz, accepted timestamptz, opportunity timestamptz,
        won timestamptz, lost timestamptz, rejected timestamptz, rejection_code text, rejection_category text,
        last_touch timestamptz, t timestamptz, stalled_after interval)
    returns table (kind text, since timestamptz, code text, category text)
    language sql
    immutable
    parallel safe
    rows 1
as $$
    select o.kind, evidence_outcome_since(o.kind, created, accepted, opportunity, won, lost, rejected, last_touch, t,
                                          stalled_after),
           case when o.kind = 'REJECTED' then rejection_code end, case when o.kind = 'REJECTED' then rejection_category end
    from (select evidence_outcome(created, accepted, opportunity, won, lost, rejected, last_touch, t, stalled_after) as kind
          offset 0) o -- offset 0: the outcome is computed once per row, not once per column that uses it
$$;

-- A custom attribute value (or list element) as the signal tally compares it: trimmed, lower case, null when blank
-- or JSON null (evidence.core.CustomColumn). Lists are not scalars: null.
create or replace function evidence_custom_text(v jsonb)
    returns text
    language sql
    immutable
    parallel safe
as $$
    select case jsonb_typeof(v)
        when 'string' then nullif(lower(btrim(v #>> '{}', E' \t\n\r\f\u000b\u001c\u001d\u001e\u001f')), '')
        when 'number' then v #>> '{}'
        when 'boolean' then v #>> '{}'
        when 'object' then lower(v::text)
        else null
    end
$$;

-- The number a custom attribute value stands for, as CustomColumn types it: a JSON number, or text that reads as a
-- decimal number (an optional trailing f/d as Java's Double.parseDouble allows); null otherwise (booleans included).
create or replace function evidence_custom_number(v jsonb)
    returns double precision
    language sql
    immutable
    parallel safe
as $$
    select case
        when jsonb_typeof(v) = 'number' then (v #>> '{}')::double precision
        when jsonb_typeof(v) = 'string' and evidence_custom_text(v) ~ '^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)(e[+-]?[0-9]{1,3})?[fd]?$'
            and abs(rtrim(evidence_custom_text(v), 'fd')::numeric) < 1e308
            then rtrim(evidence_custom_text(v), 'fd')::double precision
    end
$$;

-- How sales answered a handoff by t, as rejection insights compare handoffs (evidence.rejections.HandoffCase.Response):
-- REJECTED when rejected by t, ACCEPTED when accepted or an opportunity by t (won, lost and stalled deals included),
-- otherwise PENDING. Used by the set-based rejection counts (evidence.read.RejectionPartSql).
create or replace function evidence_response(accepted timestamptz, opportunity timestamptz, rejected timestamptz,
        t timestamptz)
    returns text
    language sql
    immutable
    parallel safe
as $$
    select case
        when rejected <= t then 'REJECTED'
        when accepted <= t or opportunity <= t then 'ACCEPTED'
        else 'PENDING'
    end
$$;
