-- The recurring training of predictive models. Trainings and bulk predictions are claimed through claim_leased_job
-- (R__leased_job_claims.sql, kinds predictive_training and prediction_bulk).
-- The recurring training (of the ALL_LEADS model, V91; an ACCEPTED_LEADS model is trained on demand): queues a SCHEDULED training for every workspace that has handed off leads, whose newest
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
