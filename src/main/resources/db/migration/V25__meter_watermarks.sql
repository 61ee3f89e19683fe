-- Where the cluster-wide counting of a business metric has got to (docs/observability.md). One row per meter, shared by
-- every pod: the pod that counts a period moves the mark in the same statement, so each event is counted by exactly one
-- pod (SLA breaches: count_sla_breaches in R__ops_meters.sql). Operational state, not workspace data: no workspace_id,
-- no row-level security; the application uses it only through that SECURITY DEFINER function.
create table meter_watermark (
    meter         text        primary key,
    counted_until timestamptz not null
);

comment on table meter_watermark is 'how far each cluster-wide business meter has counted; see docs/observability.md';

-- SLA breaches are counted by due time across workspaces: a minute's window of due times is a short range of this index
-- instead of a scan of every handoff. (Not CONCURRENTLY: under Flyway's transactional advisory lock, a concurrent build
-- waits for Flyway's own open transaction forever; see docs/deployment.md, "Migrations".)
create index handoff_by_due on handoff (due_at);
