-- The outcome of a handoff as of an instant t, in SQL: the rule of docs/evidence.md ("Outcomes") for the set-based
-- signal counts (evidence.read.SignalCountSql), which group a whole cohort by outcome without reading it into the JVM.
-- Only facts at or before t count. WON / LOST when the deal closed by t; REJECTED when rejected by t; STALLED when by
-- t it was accepted or an opportunity and its last stir (creation, acceptance, opportunity, the last logged touch, all
-- at or before t) is at least stalled_after before t; otherwise OPEN. last_touch is the latest logged touch at or
-- before t (the caller's max(occurred_at) over TOUCH_LOGGED events with occurred_at <= t).
-- evidence.core.Outcomes.asOf states the same rule for rows read one by one; SignalCountParityTest holds them equal.
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
            and greatest(created, case when accepted <= t then accepted end,
                         case when opportunity <= t then opportunity end,
                         case when last_touch <= t then last_touch end) + stalled_after <= t then 'STALLED'
        else 'OPEN'
    end
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
