-- Metrics maintenance (docs/metrics.md, "How it is computed"): keeps the fact tables (metrics_lead, metrics_handoff) equal
-- to their definitions in R__metrics_facts.sql and adds what changed to the rollups as signed delta rows. One
-- implementation, set-based, for every writer: a statement on lead or handoff, of one row or thousands, refreshes the
-- leads it touched in one call. Current definitions, changed here in place (docs/architecture.md, "Definitions in
-- repeatable migrations"; the tables are in V4__metrics.sql and V17).
--
-- Why in the database and not in a Java observer of the change events: docs/architecture.md, "Metrics maintenance".

-- Recomputes every fact of the leads p_leads from the base tables and records what changed as rollup deltas.
-- Lock order: lead rows (when p_lock_leads; a statement on lead has locked its rows already), then their metrics_lead
-- rows, both in id order. Every statement after the locks reads a fresh snapshot (READ COMMITTED), so a concurrent,
-- committed change of the same lead is never lost. The rollups only get inserts (pending rows, folded later by
-- R__metrics_compaction.sql), so concurrent writers never wait on a shared rollup row.
create or replace function metrics_refresh(p_ws text, p_leads uuid[], p_lock_leads boolean) returns void
language plpgsql
-- Every statement here is a lookup by (workspace_id, lead_id). A plan cached while a table looked nearly empty (a fresh
-- workspace, a bulk load before statistics caught up) could scan the table for every call, which makes a bulk write
-- quadratic; with sequential scans ruled out the cached plans stay index lookups (V9: re-planning every call instead
-- doubled the cost). Generic plans always: a custom plan looks cheaper for the one-lead calls of a rep's answer, so the
-- plan cache kept re-planning the large statements below, at about 9 ms a call (measured, docs/architecture.md).
set enable_seqscan = off
set plan_cache_mode = force_generic_plan as $$
declare
    with_handoffs uuid[];
    old_leads metrics_lead[];
    new_leads metrics_lead[];
    old_units metrics_owner_unit[] := '{}';
    old_handoffs metrics_handoff[] := '{}';
    ignored integer;
begin
    if p_lock_leads then
        perform 1 from lead where workspace_id = p_ws and id = any(p_leads) order by id for no key update;
    end if;
    select coalesce(array_agg(m order by m.lead_id), '{}') into old_leads
      from (select * from metrics_lead where workspace_id = p_ws and lead_id = any(p_leads) order by lead_id for update) m;

    -- Leads with handoff facts before or after (most leads have none): their handoff facts are rewritten.
    -- (Two index scans: an "exists ... or exists" per lead was planned as a hash of every handoff of the workspace.)
    select coalesce(array_agg(lead_id order by lead_id), '{}') into with_handoffs
      from (select h.lead_id from metrics_handoff h where h.workspace_id = p_ws and h.lead_id = any(p_leads)
            union
            select h.lead_id from handoff h where h.workspace_id = p_ws and h.lead_id = any(p_leads)) x;
    if cardinality(with_handoffs) > 0 then
        select coalesce(array_agg(u), '{}') into old_units
          from metrics_owner_unit u where u.workspace_id = p_ws and u.lead_id = any(with_handoffs);
        select coalesce(array_agg(h), '{}') into old_handoffs
          from metrics_handoff h where h.workspace_id = p_ws and h.lead_id = any(with_handoffs);
        delete from metrics_handoff where workspace_id = p_ws and lead_id = any(with_handoffs);
        insert into metrics_handoff select * from metrics_handoff_src where workspace_id = p_ws and lead_id = any(with_handoffs);
    end if;
    select coalesce(array_agg(row(s.*)::metrics_lead), '{}') into new_leads
      from metrics_lead_src s where s.workspace_id = p_ws and s.lead_id = any(p_leads);

    -- Units that changed count -1 with their old facts and +1 with their new ones; unchanged ones cancel out.
    with lead_diff as (select -1 as sign, * from (select * from unnest(old_leads) except all select * from unnest(new_leads)) gone
                       union all
                       select 1, * from (select * from unnest(new_leads) except all select * from unnest(old_leads)) came),
         owner_diff as (select -1 as sign, * from (select * from unnest(old_units) except all
                                                   select * from metrics_owner_unit where workspace_id = p_ws and lead_id = any(with_handoffs)) gone
                        union all
                        select 1, * from (select * from metrics_owner_unit where workspace_id = p_ws and lead_id = any(with_handoffs)
                                          except all select * from unnest(old_units)) came),
         units as (select null::text as owner, day, campaign_id, source, version_id, reject_code, reject_category, sign,
                          sign * mqls as mqls, sign * handoffs as handoffs, sign * accepted as accepted, sign * rejected as rejected,
                          sign * bad as bad, sign * sqls as sqls, sign * won as won, sign * lost as lost, sign * revenue as revenue,
                          false as by_owner
                     from lead_diff
                   union all
                   select owner, day, campaign_id, source, version_id, reject_code, reject_category, sign, sign * mqls,
                          sign * handoffs, sign * accepted, sign * rejected, sign * bad, sign * sqls, sign * won, sign * lost,
                          sign * revenue, true
                     from owner_diff),
         -- one row per rollup key and unit kind: the deltas of a statement arrive pre-summed
         delta as (select by_owner, owner, day, campaign_id, source, version_id, reject_code, reject_category,
                          sum(sign) as leads, sum(mqls) as mqls, sum(handoffs) as handoffs, sum(accepted) as accepted,
                          sum(rejected) as rejected, sum(bad) as bad, sum(sqls) as sqls, sum(won) as won, sum(lost) as lost,
                          sum(revenue) as revenue
                     from units
                    group by by_owner, owner, day, campaign_id, source, version_id, reject_code, reject_category),
         daily as (insert into metrics_daily
                   select p_ws, day, campaign_id, source, version_id, reject_code, reject_category, leads, mqls, handoffs,
                          accepted, rejected, bad, sqls, won, lost, revenue
                     from delta where not by_owner),
         by_owner as (insert into metrics_daily_owner
                      select p_ws, day, owner, campaign_id, source, version_id, reject_code, reject_category, leads, mqls,
                             handoffs, accepted, rejected, bad, sqls, won, lost, revenue
                        from delta where by_owner),
         -- the workspace-wide rollups by day and by month (day = the first of the month); a key whose deltas cancel out
         -- (a lead moved to another campaign) adds no row
         total as (select t.day, t.by_month, reject_code, reject_category, sum(leads) as leads, sum(mqls) as mqls,
                          sum(handoffs) as handoffs, sum(accepted) as accepted, sum(rejected) as rejected, sum(bad) as bad,
                          sum(sqls) as sqls, sum(won) as won, sum(lost) as lost, sum(revenue) as revenue
                     from delta cross join lateral (values (delta.day, false), (date_trunc('month', delta.day)::date, true)) t(day, by_month)
                    where not delta.by_owner
                    group by t.day, t.by_month, reject_code, reject_category
                   having (sum(leads), sum(mqls), sum(handoffs), sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won),
                           sum(lost), sum(revenue)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
         daily_total as (insert into metrics_daily_total
                         select p_ws, day, reject_code, reject_category, leads, mqls, handoffs, accepted, rejected, bad, sqls,
                                won, lost, revenue
                           from total where not by_month)
    insert into metrics_monthly_total
    select p_ws, day, reject_code, reject_category, leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue
      from total where by_month;

    -- The facts rows of the leads that changed.
    delete from metrics_lead where workspace_id = p_ws and lead_id = any(array(
        select lead_id from (select * from unnest(old_leads) except all select * from unnest(new_leads)) gone));
    insert into metrics_lead select * from unnest(new_leads) except all select * from unnest(old_leads);

    if cardinality(with_handoffs) = 0 then
        return;
    end if;
    -- Handoff-unit rollups: by 5-point score band and by response-time bucket, from the handoff facts that changed.
    with new_facts as (
             select day, floor(score_total / 5.0)::int as band5, response_bucket, (responded_at is not null)::int as responded,
                    handoff_sla_breached(due_at, responded_at, responded_at)::int as late, won::int as won,
                    coalesce(won_amount, 0) as won_amount
               from metrics_handoff where workspace_id = p_ws and lead_id = any(with_handoffs)),
         old_facts as (
             select day, floor(score_total / 5.0)::int, response_bucket, (responded_at is not null)::int,
                    handoff_sla_breached(due_at, responded_at, responded_at)::int, won::int, coalesce(won_amount, 0)
               from unnest(old_handoffs)),
         diff as (select 1 as sign, * from (select * from new_facts except all select * from old_facts) plus
                  union all
                  select -1, * from (select * from old_facts except all select * from new_facts) minus),
         delta as (select day, band5, null::smallint as bucket, sign as handoffs, sign * responded as responded,
                          sign * late as late, sign * won as won, sign * won_amount as won_amount from diff
                   union all
                   select day, null, response_bucket, sign, sign, 0, 0, 0 from diff where response_bucket is not null),
         daily as (insert into metrics_daily_handoff (workspace_id, day, band5, bucket, handoffs, responded, late, won, won_amount)
                   select p_ws, day, band5, bucket, handoffs, responded, late, won, won_amount from delta)
    insert into metrics_monthly_handoff (workspace_id, day, band5, bucket, handoffs, responded, late, won, won_amount)
    select p_ws, date_trunc('month', day)::date, band5, bucket, handoffs, responded, late, won, won_amount from delta;
end $$;

-- After a statement on lead: refreshes the leads whose metric columns it changed (inserted, deleted, or updated in
-- created_at, campaign, source, first MQL or DISQUALIFIED, or merged away by leadMerge). The scoring's frequent updates of other columns cost a
-- comparison per row. A key an UPDATE changed (never done by the application, kept correct anyway) is refreshed under
-- both keys.
create or replace function metrics_leads_changed() returns trigger language plpgsql
as $$
declare
    ws text;
    ids uuid[];
begin
    if tg_op = 'INSERT' then
        for ws, ids in select workspace_id, array_agg(id) from new_rows group by workspace_id loop
            perform metrics_refresh(ws, ids, false);
        end loop;
    elsif tg_op = 'DELETE' then
        for ws, ids in select workspace_id, array_agg(id) from old_rows group by workspace_id loop
            perform metrics_refresh(ws, ids, false);
        end loop;
    else
        -- Set operations, not joins: the planner knows nothing of a transition table's size, and a nested loop over
        -- old and new rows cost 14 s for a 4,000-row UPDATE.
        for ws, ids in
            select k.workspace_id, array_agg(distinct k.id)
              from ((select workspace_id, id, created_at, campaign_id, source, first_mql_at is null, first_mql_version_id,
                            lifecycle_stage = 'DISQUALIFIED', merged_into is null from old_rows
                     except
                     select workspace_id, id, created_at, campaign_id, source, first_mql_at is null, first_mql_version_id,
                            lifecycle_stage = 'DISQUALIFIED', merged_into is null from new_rows)
                    union all
                    (select workspace_id, id, created_at, campaign_id, source, first_mql_at is null, first_mql_version_id,
                            lifecycle_stage = 'DISQUALIFIED', merged_into is null from new_rows
                     except
                     select workspace_id, id, created_at, campaign_id, source, first_mql_at is null, first_mql_version_id,
                            lifecycle_stage = 'DISQUALIFIED', merged_into is null from old_rows)) k
             group by k.workspace_id
        loop
            perform metrics_refresh(ws, ids, false);
        end loop;
    end if;
    return null;
end $$;

-- After a statement on handoff: refreshes the leads of the handoffs it inserted, deleted, or updated in a column metrics
-- read (an automatic handoff batch of many leads is one INSERT, hence one refresh).
create or replace function metrics_handoffs_changed() returns trigger language plpgsql
as $$
declare
    ws text;
    ids uuid[];
begin
    if tg_op = 'INSERT' then
        for ws, ids in select workspace_id, array_agg(distinct lead_id) from new_rows group by workspace_id loop
            perform metrics_refresh(ws, ids, true);
        end loop;
    elsif tg_op = 'DELETE' then
        for ws, ids in select workspace_id, array_agg(distinct lead_id) from old_rows group by workspace_id loop
            perform metrics_refresh(ws, ids, true);
        end loop;
    else
        -- set operations, not joins (see metrics_leads_changed)
        for ws, ids in
            select k.workspace_id, array_agg(distinct k.lead_id)
              from ((select workspace_id, id, lead_id, owner, score_total, created_at, due_at, first_response_at, accepted_at,
                            rejected_at, state, rejection_code, rejection_category, won_amount from old_rows
                     except
                     select workspace_id, id, lead_id, owner, score_total, created_at, due_at, first_response_at, accepted_at,
                            rejected_at, state, rejection_code, rejection_category, won_amount from new_rows)
                    union all
                    (select workspace_id, id, lead_id, owner, score_total, created_at, due_at, first_response_at, accepted_at,
                            rejected_at, state, rejection_code, rejection_category, won_amount from new_rows
                     except
                     select workspace_id, id, lead_id, owner, score_total, created_at, due_at, first_response_at, accepted_at,
                            rejected_at, state, rejection_code, rejection_category, won_amount from old_rows)) k
             group by k.workspace_id
        loop
            perform metrics_refresh(ws, ids, true);
        end loop;
    end if;
    return null;
end $$;

create or replace trigger metrics_leads_inserted after insert on lead referencing new table as new_rows
    for each statement execute function metrics_leads_changed();
create or replace trigger metrics_leads_deleted after delete on lead referencing old table as old_rows
    for each statement execute function metrics_leads_changed();
create or replace trigger metrics_leads_updated after update on lead referencing old table as old_rows new table as new_rows
    for each statement execute function metrics_leads_changed();
create or replace trigger metrics_handoffs_inserted after insert on handoff referencing new table as new_rows
    for each statement execute function metrics_handoffs_changed();
create or replace trigger metrics_handoffs_deleted after delete on handoff referencing old table as old_rows
    for each statement execute function metrics_handoffs_changed();
create or replace trigger metrics_handoffs_updated after update on handoff referencing old table as old_rows new table as new_rows
    for each statement execute function metrics_handoffs_changed();

-- Recomputes all metrics data of a workspace from the base tables: after bulk loads that bypassed the triggers
-- (session_replication_role = replica), after TRUNCATE, or as a repair. Blocks writes to lead and handoff while it runs.
-- Not a delta: the facts straight from their definitions, the rollups as sums of the facts, compacted (the set-based
-- statements of V4). Through metrics_refresh, 20,000 leads a call, a million leads took over ten minutes.
create or replace function metrics_rebuild(p_ws text) returns void language plpgsql as $$
begin
    lock table lead, handoff in share mode;
    perform pg_advisory_xact_lock(hashtext('metrics_compact'), hashtext(p_ws));
    delete from metrics_daily where workspace_id = p_ws;
    delete from metrics_daily_owner where workspace_id = p_ws;
    delete from metrics_daily_total where workspace_id = p_ws;
    delete from metrics_daily_handoff where workspace_id = p_ws;
    delete from metrics_monthly_total where workspace_id = p_ws;
    delete from metrics_monthly_handoff where workspace_id = p_ws;
    delete from metrics_lead where workspace_id = p_ws;
    delete from metrics_handoff where workspace_id = p_ws;
    insert into metrics_handoff select * from metrics_handoff_src where workspace_id = p_ws;
    insert into metrics_lead select * from metrics_lead_src where workspace_id = p_ws;
    insert into metrics_daily (workspace_id, day, campaign_id, source, version_id, reject_code, reject_category,
                               leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue, pending)
    select workspace_id, day, campaign_id, source, version_id, reject_code, reject_category, count(*), sum(mqls),
           sum(handoffs), sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue), false
      from metrics_lead where workspace_id = p_ws
     group by workspace_id, day, campaign_id, source, version_id, reject_code, reject_category;
    insert into metrics_daily_owner (workspace_id, day, owner, campaign_id, source, version_id, reject_code, reject_category,
                                     leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue, pending)
    select workspace_id, day, owner, campaign_id, source, version_id, reject_code, reject_category, count(*), sum(mqls),
           sum(handoffs), sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue), false
      from metrics_owner_unit where workspace_id = p_ws
     group by workspace_id, day, owner, campaign_id, source, version_id, reject_code, reject_category;
    insert into metrics_daily_total (workspace_id, day, reject_code, reject_category,
                                     leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue, pending)
    select workspace_id, day, reject_code, reject_category, count(*), sum(mqls), sum(handoffs), sum(accepted), sum(rejected),
           sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue), false
      from metrics_lead where workspace_id = p_ws
     group by workspace_id, day, reject_code, reject_category;
    insert into metrics_daily_handoff (workspace_id, day, band5, bucket, handoffs, responded, late, won, won_amount, pending)
    select workspace_id, day, floor(score_total / 5.0)::int, null, count(*), count(responded_at),
           count(*) filter (where handoff_sla_breached(due_at, responded_at, responded_at)), sum(won), coalesce(sum(won_amount), 0), false
      from metrics_handoff where workspace_id = p_ws
     group by workspace_id, day, floor(score_total / 5.0)::int
    union all
    select workspace_id, day, null, response_bucket, count(*), count(*), 0, 0, 0, false
      from metrics_handoff where workspace_id = p_ws and response_bucket is not null
     group by workspace_id, day, response_bucket;
    insert into metrics_monthly_total (workspace_id, day, reject_code, reject_category,
                                       leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue, pending)
    select workspace_id, date_trunc('month', day)::date, reject_code, reject_category, sum(leads), sum(mqls), sum(handoffs),
           sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue), false
      from metrics_daily_total where workspace_id = p_ws
     group by workspace_id, date_trunc('month', day)::date, reject_code, reject_category;
    insert into metrics_monthly_handoff (workspace_id, day, band5, bucket, handoffs, responded, late, won, won_amount, pending)
    select workspace_id, date_trunc('month', day)::date, band5, bucket, sum(handoffs), sum(responded), sum(late), sum(won),
           sum(won_amount), false
      from metrics_daily_handoff where workspace_id = p_ws
     group by workspace_id, date_trunc('month', day)::date, band5, bucket;
end $$;
