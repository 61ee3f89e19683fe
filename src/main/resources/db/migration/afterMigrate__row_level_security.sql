-- Flyway runs this after every migrate (SQL callback), as the migrating owner role. Idempotent: it only changes
-- what is missing, so a restart without new migrations takes no table locks. See V5__row_level_security.sql and
-- docs/security.md ("Row-level security").
--
-- 1. Every table of the schema with a workspace_id column: ENABLE + FORCE ROW LEVEL SECURITY and the policy
--    workspace_isolation (read and write only rows of the workspace set for the transaction).
-- 2. The application role may read and write every table (except Flyway's history) and use every sequence.
-- 3. Views run with the rights of the caller (security_invoker), so the policies apply through them too; a view
--    owned by a superuser would otherwise read every workspace.
-- 4. Refuses to finish when the application role could bypass the policies, or when this (owner) role could not
--    see across workspaces, which the SECURITY DEFINER functions of V5 need.
do $$
declare
    app constant text := '${app_user}';
    ws_expr constant text := 'workspace_id = current_setting(''leadproof.workspace_id'', true)';
    t record;
begin
    -- Pods starting at once each run this after Flyway's migrate, whose lock it no longer holds: two GRANTs or ALTERs
    -- of the same catalog row at the same moment fail with "tuple concurrently updated" and stop the pod. One at a time
    -- (held to the end of this statement's transaction); the next then finds nothing missing.
    perform pg_advisory_xact_lock(hashtext('leadproof.afterMigrate.row_level_security'));
    if not exists (select from pg_roles where rolname = app) then
        raise exception 'the application role "%" does not exist (V5__row_level_security.sql creates it)', app;
    end if;
    if exists (select from pg_roles where rolname = app and (rolsuper or rolbypassrls)) then
        raise exception 'the application role "%" is a superuser or has BYPASSRLS: row-level security would not apply to it', app;
    end if;
    if app = current_user then
        raise exception 'the application role "%" must not be the role that migrates (and owns) the schema', app;
    end if;
    if not exists (select from pg_roles where rolname = current_user and (rolsuper or rolbypassrls)) then
        raise exception 'the migrating role "%" needs SUPERUSER or BYPASSRLS: FORCE ROW LEVEL SECURITY applies to the owner, '
                        'and the cross-workspace functions of V5 run with its rights', current_user;
    end if;

    if not has_schema_privilege(app, current_schema(), 'USAGE') then
        execute format('grant usage on schema %I to %I', current_schema(), app);
    end if;

    for t in
        select c.oid, c.relname, c.relrowsecurity, c.relforcerowsecurity,
               exists (select from pg_attribute a
                        where a.attrelid = c.oid and a.attname = 'workspace_id' and a.attnum > 0 and not a.attisdropped) as tenant
          from pg_class c
         where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
           and c.relname <> 'flyway_schema_history'
    loop
        if t.tenant then
            if not t.relrowsecurity then
                execute format('alter table %I enable row level security', t.relname);
            end if;
            if not t.relforcerowsecurity then
                execute format('alter table %I force row level security', t.relname);
            end if;
            if not exists (select from pg_policy p where p.polrelid = t.oid and p.polname = 'workspace_isolation') then
                execute format('create policy workspace_isolation on %I using (%s) with check (%s)', t.relname, ws_expr, ws_expr);
            end if;
        else
            raise notice 'table % has no workspace_id column: no row-level security', t.relname;
        end if;
        if not (has_table_privilege(app, t.oid, 'SELECT') and has_table_privilege(app, t.oid, 'INSERT')
                and has_table_privilege(app, t.oid, 'UPDATE') and has_table_privilege(app, t.oid, 'DELETE')) then
            execute format('grant select, insert, update, delete on %I to %I', t.relname, app);
        end if;
    end loop;

    for t in
        select c.oid, c.relname from pg_class c
         where c.relnamespace = current_schema()::regnamespace and c.relkind = 'S'
    loop
        if not has_sequence_privilege(app, t.oid, 'USAGE') then
            execute format('grant usage, select on sequence %I to %I', t.relname, app);
        end if;
    end loop;

    for t in
        select c.oid, c.relname, coalesce(c.reloptions, '{}') as options from pg_class c
         where c.relnamespace = current_schema()::regnamespace and c.relkind = 'v'
    loop
        if not ('security_invoker=true' = any (t.options) or 'security_invoker=on' = any (t.options)) then
            execute format('alter view %I set (security_invoker = true)', t.relname);
        end if;
        if not has_table_privilege(app, t.oid, 'SELECT') then
            execute format('grant select on %I to %I', t.relname, app);
        end if;
    end loop;
end $$;
