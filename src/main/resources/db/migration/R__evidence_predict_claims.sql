-- Claiming predictive training jobs across workspaces, which row-level security hides from the application role:
-- SECURITY DEFINER functions owned by the migrating role (as R__scoring_job_claims.sql), returning ids only.
--
-- The oldest training that is QUEUED, or RUNNING under a lease that has run out (or that the caller itself held), is
-- marked RUNNING under a new lease for p_owner; skip locked, so pods polling at once get different jobs.
drop function if exists claim_predictive_training(text, interval);
create function claim_predictive_training(p_owner text, p_lease interval)
    returns table (workspace_id text, model_id uuid, taken_from text)
language sql security definer set search_path = "${flyway:defaultSchema}", pg_temp as $$
    with next as (
        select m.workspace_id, m.id, m.status, m.lease_owner
          from predictive_model m
         where m.status = 'QUEUED'
            or (m.status = 'RUNNING' and (m.lease_expires_at is null or m.lease_expires_at < now() or m.lease_owner = p_owner))
         order by m.created_at
         limit 1
           for update skip locked
    )
    update predictive_model j
       set status = 'RUNNING', started_at = coalesce(j.started_at, now()), heartbeat_at = now(),
           lease_owner = p_owner, lease_expires_at = now() + p_lease
      from next
     where j.workspace_id = next.workspace_id and j.id = next.id
    returning j.workspace_id, j.id, case when next.status = 'RUNNING' then next.lease_owner end;
$$;

revoke all on function claim_predictive_training(text, interval) from public;
grant execute on function claim_predictive_training(text, interval) to "${app_user}";

-- The recurring training (of the ALL_LEADS model, V91; an ACCEPTED_LEADS model is trained on demand): queues a SCHEDULED
-- training for every workspace that has handed off leads, whose newest
-- model (of any status) was created more than p_every ago, or that has none, and that has no training queued or
-- running. Returns how many it queued.
drop function if exists queue_due_predictive_training(interval);
create function queue_due_predictive_training(p_every interval)
    returns integer
language sql security definer set search_path = "${flyway:defaultSchema}", pg_temp as $$
    with due as (
        select w.workspace_id,
               coalesce((select max(m.version) from predictive_model m where m.workspace_id = w.workspace_id), 0) + 1 as version
          from workspace w
         where exists (select from handoff h where h.workspace_id = w.workspace_id)
           and not exists (select from predictive_model m where m.workspace_id = w.workspace_id and m.population = 'ALL_LEADS'
                            and (m.status in ('QUEUED', 'RUNNING') or m.created_at > now() - p_every))
    ), queued as (
        insert into predictive_model (workspace_id, id, version, status, trigger, created_at)
        select workspace_id, gen_random_uuid(), version, 'QUEUED', 'SCHEDULED', now() from due
        on conflict do nothing
        returning 1
    )
    select count(*)::integer from queued;
$$;

revoke all on function queue_due_predictive_training(interval) from public;
grant execute on function queue_due_predictive_training(interval) to "${app_user}";

-- The bulk prediction of a served model (V70): the oldest pass that is PENDING, or RUNNING under a lease that has run
-- out (or that the caller itself held), is marked RUNNING under a new lease for p_owner; it resumes after after_lead.
drop function if exists claim_prediction_bulk(text, interval);
create function claim_prediction_bulk(p_owner text, p_lease interval)
    returns table (workspace_id text, model_id uuid, after_lead uuid, taken_from text)
language sql security definer set search_path = "${flyway:defaultSchema}", pg_temp as $$
    with next as (
        select m.workspace_id, m.id, m.bulk_state, m.bulk_lease_owner
          from predictive_model m
         where m.bulk_state in ('PENDING', 'RUNNING')
           and (m.bulk_state = 'PENDING' or m.bulk_lease_expires_at is null or m.bulk_lease_expires_at < now()
                or m.bulk_lease_owner = p_owner)
         order by m.created_at
         limit 1
           for update skip locked
    )
    update predictive_model j
       set bulk_state = 'RUNNING', bulk_lease_owner = p_owner, bulk_lease_expires_at = now() + p_lease
      from next
     where j.workspace_id = next.workspace_id and j.id = next.id
    returning j.workspace_id, j.id, j.bulk_after, case when next.bulk_state = 'RUNNING' then next.bulk_lease_owner end;
$$;

revoke all on function claim_prediction_bulk(text, interval) from public;
grant execute on function claim_prediction_bulk(text, interval) to "${app_user}";
