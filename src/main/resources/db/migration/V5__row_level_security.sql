-- Row-level security: the database's own backstop behind the application's workspace filter (docs/security.md).
--
-- * The application connects as ${app_user}: LOGIN, not the owner of any table, not a superuser, no BYPASSRLS.
--   Flyway migrates as the owner (quarkus.flyway.username), which creates that role here if it does not exist yet.
-- * Every table with a workspace_id column gets ENABLE + FORCE ROW LEVEL SECURITY and the policy
--   workspace_isolation: a row is visible and writable only when its workspace_id equals
--   current_setting('leadproof.workspace_id'), which the application sets per transaction. That is done by the
--   afterMigrate callback (afterMigrate__row_level_security.sql) after every migrate, so tables that later
--   migrations add are covered without anyone remembering to.
-- * The two places that must see across workspaces do so through SECURITY DEFINER functions owned by the
--   migrating role, which is a superuser or has BYPASSRLS (the callback checks): claiming the next rescoring job
--   and listing the workspaces for per-workspace jobs. Both return ids only.

-- The application role. Roles belong to the cluster, not to the database: another database of the same cluster
-- may have created it a moment ago, hence the exception handler. An existing role is left exactly as it is
-- (its password is managed by whoever created it).
do $$
begin
    if not exists (select from pg_roles where rolname = '${app_user}') then
        begin
            execute format('create role %I login password %L nosuperuser nocreatedb nocreaterole nobypassrls',
                           '${app_user}', '${app_password}');
        exception when duplicate_object or unique_violation then
            null;
        end;
    end if;
end $$;

-- The oldest open rescoring job of any workspace (or one whose worker stopped heart-beating), marked RUNNING.
-- skip locked: many pods may poll at once and each gets a different job.
create function claim_scoring_job(p_stale_after interval) returns table (workspace_id text, job_id uuid)
language sql security definer set search_path = "${flyway:defaultSchema}", pg_temp as $$
    update scoring_job j
       set heartbeat_at = now(), state = 'RUNNING', started_at = coalesce(j.started_at, now())
     where (j.workspace_id, j.id) = (
               select s.workspace_id, s.id
                 from scoring_job s
                where s.state = 'QUEUED' or (s.state = 'RUNNING' and s.heartbeat_at < now() - p_stale_after)
                order by s.created_at
                limit 1
                  for update skip locked)
    returning j.workspace_id, j.id;
$$;

-- Every workspace id, for jobs that then visit each workspace in a scope of its own.
create function all_workspace_ids() returns setof text
language sql stable security definer set search_path = "${flyway:defaultSchema}", pg_temp as $$
    select w.workspace_id from workspace w order by w.workspace_id;
$$;

revoke all on function claim_scoring_job(interval) from public;
revoke all on function all_workspace_ids() from public;
grant execute on function claim_scoring_job(interval) to "${app_user}";
grant execute on function all_workspace_ids() to "${app_user}";
