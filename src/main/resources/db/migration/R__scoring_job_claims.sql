-- Claiming rescoring jobs across workspaces, which row-level security hides from the application role: a SECURITY
-- DEFINER function owned by the migrating role (see V5__row_level_security.sql) that returns ids only.
--
-- The oldest job that is QUEUED, or RUNNING under a lease that has run out (or that the caller itself held: a pod
-- resumes its own job at once after an outage), is marked RUNNING under a new lease for p_owner. skip locked: many
-- pods poll at once and each gets a different job. taken_from / lease_ended_at describe the previous holder, so that
-- the takeover can be logged.
drop function if exists claim_scoring_job(text, interval);
create function claim_scoring_job(p_owner text, p_lease interval)
    returns table (workspace_id text, job_id uuid, taken_from text, lease_ended_at timestamptz)
language sql security definer set search_path = "${flyway:defaultSchema}", pg_temp as $$
    with next as (
        select s.workspace_id, s.id, s.state, s.lease_owner, s.lease_expires_at
          from scoring_job s
         where s.state = 'QUEUED'
            or (s.state = 'RUNNING' and (s.lease_expires_at is null or s.lease_expires_at < now() or s.lease_owner = p_owner))
         order by s.created_at
         limit 1
           for update skip locked
    )
    update scoring_job j
       set state = 'RUNNING', started_at = coalesce(j.started_at, now()), heartbeat_at = now(),
           lease_owner = p_owner, lease_expires_at = now() + p_lease
      from next
     where j.workspace_id = next.workspace_id and j.id = next.id
    returning j.workspace_id, j.id,
              case when next.state = 'RUNNING' then next.lease_owner end,
              case when next.state = 'RUNNING' then next.lease_expires_at end;
$$;

revoke all on function claim_scoring_job(text, interval) from public;
grant execute on function claim_scoring_job(text, interval) to "${app_user}";
