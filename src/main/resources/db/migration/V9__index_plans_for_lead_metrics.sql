-- metrics_refresh_lead runs once per changed lead, thousands of times in one bulk write, and every statement in it
-- is a lookup by (workspace_id, lead_id). PL/pgSQL caches a plan per session and switches to a generic one after five
-- runs; made while a table looked nearly empty (a fresh workspace, a bulk load before statistics caught up), that
-- plan could scan the table for every lead, which makes a bulk write quadratic. With sequential scans ruled out the
-- cached plans stay index lookups. (Re-planning every run instead, plan_cache_mode = force_custom_plan, doubled the
-- cost per lead: measured 1.5-2 ms against 0.6-0.9 ms.)
alter function metrics_refresh_lead(text, uuid, boolean, boolean) set enable_seqscan = off;
