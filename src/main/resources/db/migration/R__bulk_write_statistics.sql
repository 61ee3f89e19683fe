-- Planner statistics for bulk writes (issue 17 §1; docs/import.md, "Statistics during a bulk import"). Current
-- definition, changed here in place.
--
-- Why: the lead write's lookups by id (`id = any(?)` in the app, metrics_lead_src in metrics_add_new_leads) are cached
-- as generic plans per connection. Planned while lead had no statistics, they scan every lead of the workspace through
-- lead_by_stage (the only index whose predicate matches `merged_into is null`) and filter the ids: each batch of an
-- import then costs more than the one before (measured: 60 → 400 ms for the metrics facts of 500 leads over 20,000
-- rows, 1 s and more past 100,000). Autovacuum's analyze comes too late for an import into a new workspace (its nap
-- is a minute; a third of a 1,000,000-row import) and is off on some servers. So the import analyzes what it grew.
--
-- Analyzes each table that grows with the leads whose rows changed since its last analyze by more than p_rows (500)
-- plus p_growth (3) times the rows that analyze counted: about log4(rows / 500) passes per table over an import (6 at
-- 1,000,000), the first after its first batch. The planner scales a table's row count by its current size in pages, so
-- statistics a few growths old plan the same index lookups. Not the rollups (metrics_daily…): compaction keeps them
-- small while their rows churn, so they would be analyzed after nearly every batch (38 times in 100,000 rows).
-- SECURITY DEFINER: only the owner may analyze; the app learns nothing but the number analyzed. One caller at a time
-- (another writer of the import skips it), and never waiting on a table's lock: a table a VACUUM holds is left for the
-- next batch.
create or replace function bulk_write_analyze(p_rows integer, p_growth real) returns integer
language plpgsql security definer set search_path = "${flyway:defaultSchema}", pg_temp set lock_timeout = '100ms' as $$
declare
    grown text;
    analyzed integer := 0;
begin
    if not pg_try_advisory_xact_lock(hashtext('bulk_write_analyze')) then
        return 0;
    end if;
    for grown in
        select s.relname
          from pg_stat_user_tables s join pg_class c on c.oid = s.relid
         where s.schemaname = "current_schema"()
           and s.relname in ('lead', 'lead_duplicate_key', 'lead_quality', 'lead_quality_revision', 'lead_trait_revision',
                             'lead_score', 'score_event', 'metrics_lead')
           and s.n_mod_since_analyze > p_rows + p_growth * greatest(c.reltuples, 0)
    loop
        begin
            execute format('analyze %I', grown);
            analyzed := analyzed + 1;
        exception when lock_not_available then
            null;
        end;
    end loop;
    return analyzed;
end $$;

revoke all on function bulk_write_analyze(integer, real) from public;
grant execute on function bulk_write_analyze(integer, real) to "${app_user}";
