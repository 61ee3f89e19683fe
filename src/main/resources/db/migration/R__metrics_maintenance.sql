-- Metrics maintenance (docs/metrics.md, "How it is computed"): keeps the fact tables (metrics_lead, metrics_handoff) equal
-- to their definitions in R__metrics_facts.sql and adds what changed to the rollups as signed delta rows
-- (metrics_add_unit_deltas, R__metrics_rollup_deltas.sql). Set-based: a statement on lead or handoff, of one row or
-- thousands, refreshes the leads it touched in one call: metrics_refresh for any change, metrics_add_new_leads for
-- inserted leads (nothing to compare them with: only their new facts). Current definitions, changed here in place (docs/architecture.md, "Definitions in
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
    leads_gone metrics_lead[];
    leads_came metrics_lead[];
    old_units metrics_owner_unit[] := '{}';
    units_gone metrics_owner_unit[] := '{}';
    units_came metrics_owner_unit[] := '{}';
    old_handoffs metrics_handoff[] := '{}';
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
        -- Units that changed count -1 with their old facts and +1 with their new ones; unchanged ones cancel out.
        with new_units as (select * from metrics_owner_unit where workspace_id = p_ws and lead_id = any(with_handoffs))
        select coalesce((select array_agg(row(g.*)::metrics_owner_unit)
                           from (select * from unnest(old_units) except all select * from new_units) g), '{}'),
               coalesce((select array_agg(row(c.*)::metrics_owner_unit)
                           from (select * from new_units except all select * from unnest(old_units)) c), '{}')
          into units_gone, units_came;
    end if;
    select coalesce(array_agg(row(s.*)::metrics_lead), '{}') into new_leads
      from metrics_lead_src s where s.workspace_id = p_ws and s.lead_id = any(p_leads);
    select coalesce((select array_agg(row(g.*)::metrics_lead)
                       from (select * from unnest(old_leads) except all select * from unnest(new_leads)) g), '{}'),
           coalesce((select array_agg(row(c.*)::metrics_lead)
                       from (select * from unnest(new_leads) except all select * from unnest(old_leads)) c), '{}')
      into leads_gone, leads_came;

    perform metrics_add_unit_deltas(p_ws, leads_gone, leads_came, units_gone, units_came);
    -- The facts rows of the leads that changed.
    if cardinality(leads_gone) > 0 then
        delete from metrics_lead where workspace_id = p_ws and lead_id = any(array(select lead_id from unnest(leads_gone)));
    end if;
    if cardinality(leads_came) > 0 then
        insert into metrics_lead select * from unnest(leads_came);
    end if;

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

-- The facts of leads a statement just inserted, and their +1 rollup deltas: the INSERT trigger's path. A new lead has
-- no facts row, no handoff and no handoff facts yet, so metrics_refresh's reads of old facts, handoff look-ups, locks
-- and diffs would find nothing: its new facts are all that changes. No lock is needed: the new lead rows are not
-- committed, so no other transaction can see, change or refresh them before this one ends (a concurrent insert of the
-- same id waits on the lead's primary key, metrics_rebuild on its table lock), and the one statement below reads a
-- fresh snapshot that holds the inserting statement's rows. Handoffs of a lead need the lead row first, so their
-- statements (and refreshes) come later; should one run in the same statement anyway (a data-modifying WITH), the
-- facts read here include them and a lead whose facts its handoff trigger wrote first is skipped (on conflict), so
-- each lead is counted once either way.
create or replace function metrics_add_new_leads(p_ws text, p_leads uuid[]) returns void
language plpgsql
-- as in metrics_refresh: index lookups whatever the statistics say, one plan for every call
set enable_seqscan = off
set plan_cache_mode = force_generic_plan as $$
declare
    added metrics_lead[];
begin
    with fact as (insert into metrics_lead
                  select * from metrics_lead_src s where s.workspace_id = p_ws and s.lead_id = any(p_leads)
                  on conflict do nothing
                  returning metrics_lead)
    select coalesce(array_agg(fact.metrics_lead), '{}') into added from fact;
    perform metrics_add_unit_deltas(p_ws, '{}', added, '{}', '{}');
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
            perform metrics_add_new_leads(ws, ids);
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
