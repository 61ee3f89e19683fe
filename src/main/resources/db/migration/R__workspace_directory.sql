-- The workspace directory: every workspace id, for jobs that then visit each workspace in a scope of its own
-- (io.leadproof.workspace.WorkspaceDirectory). Row-level security hides other workspaces from the application role, so
-- this is a SECURITY DEFINER function owned by the migrating role (see V5__row_level_security.sql, which first created
-- it and stays unchanged as history) that returns ids only. Re-applied by Flyway whenever this file changes.
create or replace function all_workspace_ids() returns setof text
language sql stable security definer set search_path = "${flyway:defaultSchema}", pg_temp as $$
    select w.workspace_id from workspace w order by w.workspace_id;
$$;

revoke all on function all_workspace_ids() from public;
grant execute on function all_workspace_ids() to "${app_user}";
