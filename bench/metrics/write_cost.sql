-- What the metrics triggers cost writers: the same writes with triggers off (session_replication_role = replica)
-- and on, in a scratch workspace. Run through write_cost.sh against a database migrated to V4 or later.
\set ON_ERROR_STOP on
set client_min_messages = warning;
\if :{?n}
\else
\set n 20000
\endif
insert into workspace (workspace_id, name) values ('write-cost', 'write cost') on conflict do nothing;
-- what an interrupted run left behind
set session_replication_role = replica;
delete from handoff where workspace_id = 'write-cost';
delete from lead where workspace_id = 'write-cost';
set session_replication_role = origin;
select metrics_rebuild('write-cost');
create temp table ids as select g, md5('write-cost/' || g)::uuid as id from generate_series(1, :n) g;

\echo '== insert' :n 'leads, triggers off'
set session_replication_role = replica;
\timing on
insert into lead (workspace_id, id, seniority, budget_status, authority, need, timeline, lifecycle_stage, source, created_at, updated_at)
select 'write-cost', id, 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'NEW', 'EMAIL', now() - g * interval '1 minute', now() from ids;
\timing off
delete from lead where workspace_id = 'write-cost';
set session_replication_role = origin;

\echo '== insert' :n 'leads in one statement, triggers on'
\timing on
insert into lead (workspace_id, id, seniority, budget_status, authority, need, timeline, lifecycle_stage, source, created_at, updated_at)
select 'write-cost', id, 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'NEW', 'EMAIL', now() - g * interval '1 minute', now() from ids;
\echo '== update updated_at of' :n 'leads (a column metrics do not read: the trigger does not fire)'
update lead set updated_at = now() where workspace_id = 'write-cost';
\echo '== lifecycle of' :n 'leads to MQL (first_mql_at set: the trigger fires)'
update lead set lifecycle_stage = 'MQL', first_mql_at = now(), first_mql_version_id = md5('v')::uuid where workspace_id = 'write-cost';
\echo '== 50 statements of 20 handoffs each (an automatic handoff batch; 1,000 handoffs)'
do $$
begin
    for b in 0..49 loop
        insert into handoff (workspace_id, id, lead_id, state, owner, version_id, score_total, score_fit, score_engagement,
                             contributions, lead_snapshot, created_at, created_by, due_at)
        select 'write-cost', md5('h' || id)::uuid, id, 'PENDING', 'rep', md5('v')::uuid, 60, 30, 30, '[]', '{}', now(), 'bench',
               now() + interval '1 day'
          from ids where g > b * 20 and g <= (b + 1) * 20;
    end loop;
end $$;
\echo '== 1,000 statements of 1 accept each (a rep answering)'
do $$
declare
    r record;
begin
    for r in select id from ids where g <= 1000 loop
        update handoff set state = 'ACCEPTED', accepted_at = now(), first_response_at = now()
         where workspace_id = 'write-cost' and lead_id = r.id;
    end loop;
end $$;
\echo '== insert the other handoffs in one statement'
insert into handoff (workspace_id, id, lead_id, state, owner, version_id, score_total, score_fit, score_engagement, contributions,
                     lead_snapshot, created_at, created_by, due_at)
select 'write-cost', md5('h' || id)::uuid, id, 'PENDING', 'rep', md5('v')::uuid, 60, 30, 30, '[]', '{}', now(), 'bench', now() + interval '1 day'
  from ids where g > 1000;
\echo '== accept them in one statement'
update handoff set state = 'ACCEPTED', accepted_at = now(), first_response_at = now() where workspace_id = 'write-cost' and state = 'PENDING';
\timing off
delete from handoff where workspace_id = 'write-cost';
delete from lead where workspace_id = 'write-cost';
select metrics_rebuild('write-cost');
