-- The API's JSON forms of values that PostgreSQL renders differently from the Java side, for the compiled reads
-- (io.leadproof.lead.read): one home, so a compiled answer is byte for byte the general path's.

-- DateTime as the API writes an OffsetDateTime in UTC (ISO_OFFSET_DATE_TIME): seconds always, the fraction without
-- trailing zeros and only when it is not zero, 'Z' for the offset. STABLE (to_char is), so that PostgreSQL inlines it
-- into the statement; declared IMMUTABLE it would be called as a function for every value. One to_char (the costly
-- part): trailing zeros of the fraction trimmed, then the point when nothing is left of it (the seconds' digits are
-- before the point, so they are never trimmed).
create or replace function api_datetime(t timestamptz) returns text
language sql stable parallel safe as $$
    select rtrim(rtrim(to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '0'), '.') || 'Z'
$$;

-- The version whose scores are served: the served version of the given model, or when it is null of the model that
-- drives handoffs (the score a lead shows by default). The one home of that rule: the general path's score reads
-- (ScoreReads.served) and the compiled reads (ReadFields.SCORE_FROM) both call it, as an uncorrelated subquery
-- "(select v from served_version(?, ?) v)" so PostgreSQL runs it once per statement and every score is then one
-- primary-key read. A set-returning SQL function read in FROM is inlined into the calling statement (planned and cached
-- with it); a scalar one with a FROM clause is not, and its body was planned again on every call (~0.08 ms a statement).
-- It replaces the view served_lead_score (lead_score joined to criteria_model for every row).
drop view if exists served_lead_score;
drop function if exists served_version(text, uuid);
create function served_version(ws text, model uuid) returns setof uuid
language sql stable parallel safe rows 1 as $$
    select m.served_version_id from criteria_model m
    where m.workspace_id = ws and (m.id = model or (model is null and m.drives_handoffs))
$$;
