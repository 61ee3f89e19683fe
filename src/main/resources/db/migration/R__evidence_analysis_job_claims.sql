-- Claiming signal analysis jobs across workspaces, which row-level security hides from the application role: a
-- SECURITY DEFINER function owned by the migrating role that returns ids only (as claim_criteria_backtest in
-- R__evidence_backtest_claims.sql). The oldest QUEUED job, or RUNNING job whose lease ran out (or that the caller
-- itself held), becomes RUNNING under a new lease for p_owner; skip locked, so pods polling at once get different
-- jobs. A job taken over runs again from the start: its progress goes back to 0 and its attempts count up.
drop function if exists claim_signal_analysis_job(text, interval);
create function claim_signal_analysis_job(p_owner text, p_lease interval)
    returns table (workspace_id text, job_id uuid, taken_from text, lease_ended_at timestamptz)
language sql security definer set search_path = "${flyway:defaultSchema}", pg_temp as $$
    with next as (
        select j.workspace_id, j.id, j.state, j.lease_owner, j.lease_expires_at
          from signal_analysis_job j
         where j.state = 'QUEUED'
            or (j.state = 'RUNNING' and (j.lease_expires_at is null or j.lease_expires_at < now() or j.lease_owner = p_owner))
         order by j.created_at
         limit 1
           for update skip locked
    )
    update signal_analysis_job j
       set state = 'RUNNING', started_at = coalesce(j.started_at, now()), heartbeat_at = now(), progress = 0,
           attempts = j.attempts + 1, lease_owner = p_owner, lease_expires_at = now() + p_lease
      from next
     where j.workspace_id = next.workspace_id and j.id = next.id
    returning j.workspace_id, j.id,
              case when next.state = 'RUNNING' then next.lease_owner end,
              case when next.state = 'RUNNING' then next.lease_expires_at end;
$$;

revoke all on function claim_signal_analysis_job(text, interval) from public;
grant execute on function claim_signal_analysis_job(text, interval) to "${app_user}";
