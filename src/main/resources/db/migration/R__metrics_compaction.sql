-- Compaction of the metrics rollups (docs/metrics.md, "How it is computed"): the maintenance (R__metrics_maintenance.sql)
-- only inserts signed delta rows (pending); MetricsCompactor calls metrics_compact every few seconds per workspace to fold
-- them into one compacted row per key. Only a matter of speed: readers add every row of a key, pending or not.
-- Current definitions, changed here in place (docs/architecture.md, "Definitions in repeatable migrations").
--
-- A pass takes a batch of pending rows by their row ids, deletes exactly those, and adds their sums to the key's one
-- compacted row: an upsert on the unique index of compacted rows (V17); room on the pages (fillfactor 70) makes the
-- update heap-only. A compacted row whose sums come to zero stays (readers add it like any other row).

-- Folds up to p_keys pending rows of one rollup table of a workspace into the compacted rows of their keys; returns
-- the number of pending rows folded. One statement: readers see the rows before or after, never half.
create or replace function metrics_compact_table(p_table text, p_ws text, p_keys integer, p_key_cols text[], p_sum_cols text[])
returns integer language plpgsql as $$
declare
    keys text := array_to_string(p_key_cols, ', ');
    sums text;
    adds text;
    folded integer;
begin
    select string_agg(format('sum(%I)', c), ', '), string_agg(format('%1$I = t.%1$I + excluded.%1$I', c), ', ')
      into sums, adds from unnest(p_sum_cols) c;
    execute format('with gone as (delete from %1$I where workspace_id = $1 and pending and ctid = any(array('
        || '    select ctid from %1$I where workspace_id = $1 and pending limit $2)) returning *),'
        || ' merged as (insert into %1$I as t (workspace_id, %2$s, %3$s, pending) select $1, %2$s, %4$s, false from gone'
        || '    group by %2$s on conflict (workspace_id, %2$s) where not pending do update set %5$s)'
        || ' select count(*) from gone', p_table, keys, array_to_string(p_sum_cols, ', '), sums, adds)
      into folded using p_ws, p_keys;
    return folded;
end $$;

-- Folds up to p_keys pending rows of each rollup table of a workspace; 0 when another pass holds the workspace.
create or replace function metrics_compact(p_ws text, p_keys integer) returns integer language plpgsql as $$
declare
    lead_sums constant text[] := array['leads', 'mqls', 'handoffs', 'accepted', 'rejected', 'bad', 'sqls', 'won', 'lost', 'revenue'];
    handoff_sums constant text[] := array['handoffs', 'responded', 'late', 'won', 'won_amount'];
    reason constant text[] := array['reject_code', 'reject_category'];
    dims constant text[] := array['campaign_id', 'source', 'version_id'];
begin
    if not pg_try_advisory_xact_lock(hashtext('metrics_compact'), hashtext(p_ws)) then
        return 0;
    end if;
    return metrics_compact_table('metrics_daily', p_ws, p_keys, array['day'] || dims || reason, lead_sums)
         + metrics_compact_table('metrics_daily_owner', p_ws, p_keys, array['day', 'owner'] || dims || reason, lead_sums)
         + metrics_compact_table('metrics_daily_total', p_ws, p_keys, array['day'] || reason, lead_sums)
         + metrics_compact_table('metrics_daily_handoff', p_ws, p_keys, array['day', 'band5', 'bucket'], handoff_sums)
         + metrics_compact_table('metrics_monthly_total', p_ws, p_keys, array['day'] || reason, lead_sums)
         + metrics_compact_table('metrics_monthly_handoff', p_ws, p_keys, array['day', 'band5', 'bucket'], handoff_sums);
end $$;
