-- Claiming import jobs across workspaces (row-level security hides them from the application role): a SECURITY
-- DEFINER function returning ids only, like claim_scoring_job in R__scoring_job_claims.sql. The oldest QUEUED job,
-- or a RUNNING one whose lease ran out (or that the caller held), is marked RUNNING under a new lease for p_owner.
drop function if exists claim_import_job(text, interval);
create function claim_import_job(p_owner text, p_lease interval)
    returns table (workspace_id text, job_id uuid, taken_from text)
language sql security definer set search_path = "${flyway:defaultSchema}", pg_temp as $$
    with next as (
        select j.workspace_id, j.id, j.state, j.lease_owner
          from import_job j
         where j.state = 'QUEUED'
            or (j.state = 'RUNNING' and (j.lease_expires_at is null or j.lease_expires_at < now() or j.lease_owner = p_owner))
         order by j.created_at
         limit 1
           for update skip locked
    )
    update import_job j
       set state = 'RUNNING', started_at = coalesce(j.started_at, now()),
           lease_owner = p_owner, lease_expires_at = now() + p_lease
      from next
     where j.workspace_id = next.workspace_id and j.id = next.id
    returning j.workspace_id, j.id, case when next.state = 'RUNNING' then next.lease_owner end;
$$;

revoke all on function claim_import_job(text, interval) from public;
grant execute on function claim_import_job(text, interval) to "${app_user}";
