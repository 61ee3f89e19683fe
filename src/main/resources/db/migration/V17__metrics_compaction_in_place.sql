-- Compaction (V4) folded a key by deleting every row of it, the compacted one included, and inserting their sum: each
-- pass left a dead row per key behind in the day index, and found a key's rows by scanning every row, live or dead, of
-- its day. Under a burst of writes (a publish moving 30,000 leads, automatic handoffs) that is hundreds of dead
-- entries per day between two vacuums, and a compaction pass of 2,000 keys took 0.3-0.7 s of database time, every 5 s.
-- Now a pass takes a batch of pending rows by their row ids, deletes exactly those, and adds their sums to the key's one
-- compacted row (an upsert on a unique index of the compacted rows; room on the pages makes the update heap-only, so
-- it adds no index entry). A compacted row whose sums come to zero stays (readers add it like any other row).
-- The second argument of metrics_compact and metrics_compact_table now counts pending rows, not keys.

create unique index metrics_daily_compacted on metrics_daily
    (workspace_id, day, campaign_id, source, version_id, reject_code, reject_category) nulls not distinct where not pending;
create unique index metrics_daily_owner_compacted on metrics_daily_owner
    (workspace_id, day, owner, campaign_id, source, version_id, reject_code, reject_category) nulls not distinct where not pending;
create unique index metrics_daily_total_compacted on metrics_daily_total
    (workspace_id, day, reject_code, reject_category) nulls not distinct where not pending;
create unique index metrics_daily_handoff_compacted on metrics_daily_handoff
    (workspace_id, day, band5, bucket) nulls not distinct where not pending;
create unique index metrics_monthly_total_compacted on metrics_monthly_total
    (workspace_id, day, reject_code, reject_category) nulls not distinct where not pending;
create unique index metrics_monthly_handoff_compacted on metrics_monthly_handoff
    (workspace_id, day, band5, bucket) nulls not distinct where not pending;

alter table metrics_daily set (fillfactor = 70);
alter table metrics_daily_owner set (fillfactor = 70);
alter table metrics_daily_total set (fillfactor = 70);
alter table metrics_daily_handoff set (fillfactor = 70);
alter table metrics_monthly_total set (fillfactor = 70);
alter table metrics_monthly_handoff set (fillfactor = 70);

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
