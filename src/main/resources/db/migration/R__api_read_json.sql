-- The API's JSON forms of values that PostgreSQL renders differently from the Java side, for the compiled reads
-- (io.leadproof.lead.read): one home, so a compiled answer is byte for byte the general path's.

-- DateTime as the API writes an OffsetDateTime in UTC (ISO_OFFSET_DATE_TIME): seconds always, the fraction without
-- trailing zeros and only when it is not zero, 'Z' for the offset. STABLE (to_char is), so that PostgreSQL inlines it
-- into the statement; declared IMMUTABLE it would be called as a function for every value.
create or replace function api_datetime(t timestamptz) returns text
language sql stable parallel safe as $$
    select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || coalesce('.' || nullif(rtrim(to_char(t at time zone 'UTC', 'US'), '0'), ''), '') || 'Z'
$$;

-- The score a lead shows by default: under the served version of the model that drives handoffs (ScoreReads.served
-- reads the same rows for a given model).
create or replace view served_lead_score with (security_invoker = true) as
    select s.workspace_id, s.lead_id, s.total, s.fit, s.engagement, s.qualified, s.knocked_out_by, s.contributions,
           s.version_id, s.as_of, m.id as model_id, m.drives_handoffs
    from lead_score s
    join criteria_model m on m.workspace_id = s.workspace_id and m.served_version_id = s.version_id;
