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
-- plus p_growth (3) times the rows that analyze counted, as long as that analyze counted fewer than p_max_rows
-- (100,000): four passes per table over an import into an empty workspace (500, 2,500, 10,500 and 42,500 rows), the
-- first after its first batch. The planner scales a table's row count by its current size in pages, so statistics a
-- few growths old plan the same index lookups; what is wrong is a table planned as empty. Past p_max_rows the next
-- analyzes are autovacuum's: each samples 30,000 rows, 0.4–1.1 s a table at 1,000,000 leads (docs/benchmarks.md
-- "v11"). Not the rollups (metrics_daily…): compaction keeps them small while their rows churn, so they would be
-- analyzed after nearly every batch (38 times in 100,000 rows).
-- SECURITY DEFINER: only the owner may analyze; the app learns nothing but the number analyzed. One caller at a time
-- (another writer of the import skips it), and never waiting on a table's lock: a table a VACUUM holds is left for the
-- next batch.
create or replace function bulk_write_analyze(p_rows integer, p_growth real, p_max_rows real) returns integer
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
           and greatest(c.reltuples, 0) < p_max_rows
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

revoke all on function bulk_write_analyze(integer, real, real) from public;
grant execute on function bulk_write_analyze(integer, real, real) to "${app_user}";

-- The two-argument form that pods of the release before call during a rolling update (docs/deployment.md, "Expand,
-- then contract"): no cap, as they expect. Drop it in the release after.
create or replace function bulk_write_analyze(p_rows integer, p_growth real) returns integer
language sql security definer set search_path = "${flyway:defaultSchema}", pg_temp as $$
    select bulk_write_analyze(p_rows, p_growth, 'Infinity'::real);
$$;

revoke all on function bulk_write_analyze(integer, real) from public;
grant execute on function bulk_write_analyze(integer, real) to "${app_user}";
