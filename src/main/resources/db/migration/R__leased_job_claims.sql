-- Claiming leased background jobs across workspaces, which row-level security hides from the application role: one
-- SECURITY DEFINER function owned by the migrating role (see V5__row_level_security.sql) that returns ids only. Every
-- kind of leased job (ops/LeasedJobs.java) is claimed here, under one rule:
--
-- The oldest job that is queued, or RUNNING under a lease that has run out (or that the caller itself held: a pod
-- resumes its own job at once after an outage), is marked RUNNING under a new lease for p_owner. skip locked: many
-- pods poll at once and each gets a different job. taken_from / lease_ended_at describe the previous holder, so that
-- a takeover can be logged.
--
-- p_kind names one row of the closed whitelist below, which maps it to its table and columns: nothing the caller
-- passes becomes an identifier (format %I / %L of the whitelist's own values), and an unknown kind is refused. Where
-- the kinds differ, the whitelist says so:
--   resumes   true: a job taken over goes on from its checkpoint (the progress column, kept and returned as
--             checkpoint): a rescore at its parts' cursors, an import after its last committed row, a bulk prediction
--             after its last lead. false: it starts over, its progress goes back to 0 (backtests and analyses are one
--             pass of a pure core, with no partial state worth keeping; a training has no progress at all).
--   attempts  the column that counts claims, where the kind keeps one.
--   started / heartbeat   set on claim where the table has them (the bulk pass has neither, imports no heartbeat).

drop function if exists claim_leased_job(text, text, interval);
create function claim_leased_job(p_kind text, p_owner text, p_lease interval)
    returns table (workspace_id text, job_id uuid, taken_from text, lease_ended_at timestamptz, checkpoint text)
language plpgsql security definer set search_path = "${flyway:defaultSchema}", pg_temp as $$
declare
    k record;
    sets text;
begin
    select * into k from (values
        -- kind                  table                  state         queued     lease owner         lease expiry             started       heartbeat       progress            resumes attempts
        ('rescoring',           'scoring_job',         'state',      'QUEUED',  'lease_owner',      'lease_expires_at',      'started_at', 'heartbeat_at', 'processed',        true,   null),
        ('backtest',            'criteria_backtest',   'state',      'QUEUED',  'lease_owner',      'lease_expires_at',      'started_at', 'heartbeat_at', 'processed',        false,  'attempts'),
        ('predictive_training', 'predictive_model',    'status',     'QUEUED',  'lease_owner',      'lease_expires_at',      'started_at', 'heartbeat_at', null,               false,  null),
        ('prediction_bulk',     'predictive_model',    'bulk_state', 'PENDING', 'bulk_lease_owner', 'bulk_lease_expires_at', null,         null,           'bulk_after',       true,   null),
        ('import',              'import_job',          'state',      'QUEUED',  'lease_owner',      'lease_expires_at',      'started_at', null,           'resume_after_row', true,   null),
        ('signal_analysis',     'signal_analysis_job', 'state',      'QUEUED',  'lease_owner',      'lease_expires_at',      'started_at', 'heartbeat_at', 'progress',         false,  'attempts')
    ) as w(kind, tbl, state, queued, owner, expires, started, heartbeat, progress, resumes, attempts)
    where w.kind = p_kind;
    if not found then
        raise exception 'unknown leased job kind: %', p_kind using errcode = 'invalid_parameter_value';
    end if;

    sets := format('%I = ''RUNNING'', %I = $1, %I = now() + $2', k.state, k.owner, k.expires);
    if k.started is not null then
        sets := sets || format(', %I = coalesce(j.%I, now())', k.started, k.started);
    end if;
    if k.heartbeat is not null then
        sets := sets || format(', %I = now()', k.heartbeat);
    end if;
    if not k.resumes and k.progress is not null then
        sets := sets || format(', %I = 0', k.progress);
    end if;
    if k.attempts is not null then
        sets := sets || format(', %I = j.%I + 1', k.attempts, k.attempts);
    end if;

    return query execute format($sql$
        with next as (
            select n.workspace_id, n.id, n.%2$I as state, n.%4$I as lease_owner, n.%5$I as lease_expires_at
              from %1$I n
             where n.%2$I = %3$L
                or (n.%2$I = 'RUNNING' and (n.%5$I is null or n.%5$I < now() or n.%4$I = $1))
             order by n.created_at
             limit 1
               for update skip locked
        )
        update %1$I j
           set %6$s
          from next
         where j.workspace_id = next.workspace_id and j.id = next.id
        returning j.workspace_id, j.id,
                  case when next.state = 'RUNNING' then next.lease_owner end,
                  case when next.state = 'RUNNING' then next.lease_expires_at end,
                  %7$s$sql$,
        k.tbl, k.state, k.queued, k.owner, k.expires, sets,
        case when k.resumes and k.progress is not null then format('j.%I::text', k.progress) else 'null::text' end)
    using p_owner, p_lease;
end;
$$;

comment on function claim_leased_job(text, text, interval) is
    'Claims the next leased job of a whitelisted kind for p_owner under a lease of p_lease (R__leased_job_claims.sql).';
revoke all on function claim_leased_job(text, text, interval) from public;
grant execute on function claim_leased_job(text, text, interval) to "${app_user}";

-- Kept for one release, for the rolling deploy: the six per-kind functions this one replaced, with their old names,
-- arguments and result columns, each claiming through claim_leased_job. Pods of the previous release still call them
-- while the new pods start (migrations run first), and without them every claim of an old pod failed until it was
-- replaced. Same rule, same whitelist: nothing here claims differently. Remove them in the release after this one.
drop function if exists claim_scoring_job(text, interval);
create function claim_scoring_job(p_owner text, p_lease interval)
    returns table (workspace_id text, job_id uuid, taken_from text, lease_ended_at timestamptz)
language sql set search_path = "${flyway:defaultSchema}", pg_temp as $$
    select c.workspace_id, c.job_id, c.taken_from, c.lease_ended_at from claim_leased_job('rescoring', p_owner, p_lease) c
$$;

drop function if exists claim_criteria_backtest(text, interval);
create function claim_criteria_backtest(p_owner text, p_lease interval)
    returns table (workspace_id text, job_id uuid, taken_from text, lease_ended_at timestamptz)
language sql set search_path = "${flyway:defaultSchema}", pg_temp as $$
    select c.workspace_id, c.job_id, c.taken_from, c.lease_ended_at from claim_leased_job('backtest', p_owner, p_lease) c
$$;

drop function if exists claim_signal_analysis_job(text, interval);
create function claim_signal_analysis_job(p_owner text, p_lease interval)
    returns table (workspace_id text, job_id uuid, taken_from text, lease_ended_at timestamptz)
language sql set search_path = "${flyway:defaultSchema}", pg_temp as $$
    select c.workspace_id, c.job_id, c.taken_from, c.lease_ended_at from claim_leased_job('signal_analysis', p_owner, p_lease) c
$$;

drop function if exists claim_import_job(text, interval);
create function claim_import_job(p_owner text, p_lease interval)
    returns table (workspace_id text, job_id uuid, taken_from text)
language sql set search_path = "${flyway:defaultSchema}", pg_temp as $$
    select c.workspace_id, c.job_id, c.taken_from from claim_leased_job('import', p_owner, p_lease) c
$$;

drop function if exists claim_predictive_training(text, interval);
create function claim_predictive_training(p_owner text, p_lease interval)
    returns table (workspace_id text, model_id uuid, taken_from text)
language sql set search_path = "${flyway:defaultSchema}", pg_temp as $$
    select c.workspace_id, c.job_id, c.taken_from from claim_leased_job('predictive_training', p_owner, p_lease) c
$$;

-- the old bulk claim returned its checkpoint as after_lead (the last lead predicted)
drop function if exists claim_prediction_bulk(text, interval);
create function claim_prediction_bulk(p_owner text, p_lease interval)
    returns table (workspace_id text, model_id uuid, after_lead uuid, taken_from text)
language sql set search_path = "${flyway:defaultSchema}", pg_temp as $$
    select c.workspace_id, c.job_id, c.checkpoint::uuid, c.taken_from from claim_leased_job('prediction_bulk', p_owner, p_lease) c
$$;

comment on function claim_scoring_job(text, interval) is 'Kept for one release (rolling deploy): delegates to claim_leased_job.';
revoke all on function claim_scoring_job(text, interval) from public;
grant execute on function claim_scoring_job(text, interval) to "${app_user}";
comment on function claim_criteria_backtest(text, interval) is 'Kept for one release (rolling deploy): delegates to claim_leased_job.';
revoke all on function claim_criteria_backtest(text, interval) from public;
grant execute on function claim_criteria_backtest(text, interval) to "${app_user}";
comment on function claim_signal_analysis_job(text, interval) is 'Kept for one release (rolling deploy): delegates to claim_leased_job.';
revoke all on function claim_signal_analysis_job(text, interval) from public;
grant execute on function claim_signal_analysis_job(text, interval) to "${app_user}";
comment on function claim_import_job(text, interval) is 'Kept for one release (rolling deploy): delegates to claim_leased_job.';
revoke all on function claim_import_job(text, interval) from public;
grant execute on function claim_import_job(text, interval) to "${app_user}";
comment on function claim_predictive_training(text, interval) is 'Kept for one release (rolling deploy): delegates to claim_leased_job.';
revoke all on function claim_predictive_training(text, interval) from public;
grant execute on function claim_predictive_training(text, interval) to "${app_user}";
comment on function claim_prediction_bulk(text, interval) is 'Kept for one release (rolling deploy): delegates to claim_leased_job.';
revoke all on function claim_prediction_bulk(text, interval) from public;
grant execute on function claim_prediction_bulk(text, interval) to "${app_user}";
