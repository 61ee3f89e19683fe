-- Metrics repair (docs/metrics.md, "How it is computed", Operations): metrics_rebuild recomputes a workspace's facts
-- and rollups from their definitions (R__metrics_facts.sql), where R__metrics_maintenance.sql keeps them equal change
-- by change. Current definitions, changed here in place.

-- Recomputes all metrics data of a workspace from the base tables: after bulk loads that bypassed the triggers
-- (session_replication_role = replica), after TRUNCATE, or as a repair. Blocks writes to lead and handoff while it runs.
-- Not a delta: the facts straight from their definitions, the rollups as sums of the facts, compacted (the set-based
-- statements of V4). Through metrics_refresh, 20,000 leads a call, a million leads took over ten minutes.
create or replace function metrics_rebuild(p_ws text) returns void language plpgsql as $$
begin
    lock table lead, handoff in share mode;
    perform pg_advisory_xact_lock(hashtext('metrics_compact'), hashtext(p_ws));
    delete from metrics_daily where workspace_id = p_ws;
    delete from metrics_daily_owner where workspace_id = p_ws;
    delete from metrics_daily_total where workspace_id = p_ws;
    delete from metrics_daily_handoff where workspace_id = p_ws;
    delete from metrics_monthly_total where workspace_id = p_ws;
    delete from metrics_monthly_handoff where workspace_id = p_ws;
    delete from metrics_lead where workspace_id = p_ws;
    delete from metrics_handoff where workspace_id = p_ws;
    insert into metrics_handoff select * from metrics_handoff_src where workspace_id = p_ws;
    insert into metrics_lead select * from metrics_lead_src where workspace_id = p_ws;
    insert into metrics_daily (workspace_id, day, campaign_id, source, version_id, reject_code, reject_category,
                               leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue, pending)
    select workspace_id, day, campaign_id, source, version_id, reject_code, reject_category, count(*), sum(mqls),
           sum(handoffs), sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue), false
      from metrics_lead where workspace_id = p_ws
     group by workspace_id, day, campaign_id, source, version_id, reject_code, reject_category;
    insert into metrics_daily_owner (workspace_id, day, owner, campaign_id, source, version_id, reject_code, reject_category,
                                     leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue, pending)
    select workspace_id, day, owner, campaign_id, source, version_id, reject_code, reject_category, count(*), sum(mqls),
           sum(handoffs), sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue), false
      from metrics_owner_unit where workspace_id = p_ws
     group by workspace_id, day, owner, campaign_id, source, version_id, reject_code, reject_category;
    insert into metrics_daily_total (workspace_id, day, reject_code, reject_category,
                                     leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue, pending)
    select workspace_id, day, reject_code, reject_category, count(*), sum(mqls), sum(handoffs), sum(accepted), sum(rejected),
           sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue), false
      from metrics_lead where workspace_id = p_ws
     group by workspace_id, day, reject_code, reject_category;
    insert into metrics_daily_handoff (workspace_id, day, band5, bucket, handoffs, responded, late, won, won_amount, pending)
    select workspace_id, day, floor(score_total / 5.0)::int, null, count(*), count(responded_at),
           count(*) filter (where handoff_sla_breached(due_at, responded_at, responded_at)), sum(won), coalesce(sum(won_amount), 0), false
      from metrics_handoff where workspace_id = p_ws
     group by workspace_id, day, floor(score_total / 5.0)::int
    union all
    select workspace_id, day, null, response_bucket, count(*), count(*), 0, 0, 0, false
      from metrics_handoff where workspace_id = p_ws and response_bucket is not null
     group by workspace_id, day, response_bucket;
    insert into metrics_monthly_total (workspace_id, day, reject_code, reject_category,
                                       leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue, pending)
    select workspace_id, date_trunc('month', day)::date, reject_code, reject_category, sum(leads), sum(mqls), sum(handoffs),
           sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue), false
      from metrics_daily_total where workspace_id = p_ws
     group by workspace_id, date_trunc('month', day)::date, reject_code, reject_category;
    insert into metrics_monthly_handoff (workspace_id, day, band5, bucket, handoffs, responded, late, won, won_amount, pending)
    select workspace_id, date_trunc('month', day)::date, band5, bucket, sum(handoffs), sum(responded), sum(late), sum(won),
           sum(won_amount), false
      from metrics_daily_handoff where workspace_id = p_ws
     group by workspace_id, date_trunc('month', day)::date, band5, bucket;
end $$;
