#!/usr/bin/env bash
# PostgreSQL CPU of the metrics maintenance per write (docs/benchmarks.md, mr-fast): one warm session as the app's role
# (row-level security on), backend CPU from /proc/<pid>/stat, plus the per-call time of the metrics_* functions
# (pg_stat_user_functions, track_functions = all on this database).
#
#   bench/metrics/refresh_cost.sh setup          picks and 2,000 pending handoffs into a copy of an import bench DB
#   bench/metrics/refresh_cost.sh install <rev>  installs the R__metrics_*.sql of a git revision (before/after pairs)
#   bench/metrics/refresh_cost.sh run <tag>      measures: insert = metrics of 500 inserted leads (undone), move = one
#                                                lead's first MQL set or cleared, accept = one handoff accepted or reset
#
# Environment: BENCH_DB (leadproof_bench_mrfast_prof: e.g. createdb -T leadproof_bench_mrfast after
# bench/imports/endpoint.sh), BENCH_WS (acme), RUNS_INSERT (60), RUNS_ONE (600). The database must not be a test one.
set -euo pipefail
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}"
DB="${BENCH_DB:-leadproof_bench_mrfast_prof}"
WS="${BENCH_WS:-acme}"
case "$DB" in leadproof|leadproof_test*) echo "refusing to benchmark against $DB" >&2; exit 2;; esac
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
owner() { PGUSER=postgres psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
app() { PGUSER=leadproof_app PGPASSWORD="${LEADPROOF_DB_PASSWORD:-leadproof}" PGOPTIONS="-c leadproof.workspace_id=$WS" \
        psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

# cpu_per <n> <plpgsql statement, run n times with k a random pick>: backend CPU ms per execution
cpu_per() {
  local f pid; f=$(mktemp)
  cat >"$f" <<SQL
select pg_backend_pid() as pid \gset
\setenv PID :pid
\! awk '{print "cpu0", \$14+\$15}' /proc/\$PID/stat > $f.cpu
do \$\$ declare i int; k int; ids uuid[]; begin
  for i in 1..$1 loop
    $2;
  end loop;
end \$\$;
\! awk '{print "cpu1", \$14+\$15}' /proc/\$PID/stat >> $f.cpu
SQL
  app -f "$f" >/dev/null
  awk -v n="$1" -v t="$(getconf CLK_TCK)" '/cpu0/{a=$2} /cpu1/{b=$2} END {printf "%.3f", (b-a)*1000/t/n}' "$f.cpu"
  rm -f "$f" "$f.cpu"
}

functions() {
  owner -At -c "select coalesce(string_agg(format('%s=%s ms', funcname, round((total_time/calls)::numeric, 3)), ' ' order by funcname), '')
                  from pg_stat_user_functions where funcname in ('metrics_refresh', 'metrics_add_new_leads', 'metrics_add_unit_deltas')
                   and calls > 0"
}

case "${1:-}" in
setup)
  owner -c "alter database $DB set track_functions = 'all'"
  owner <<SQL
create table if not exists lead_pick as select row_number() over (order by id) as n, id from lead where workspace_id = '$WS';
create unique index if not exists lead_pick_n on lead_pick (n);
insert into handoff (workspace_id, id, lead_id, state, owner, version_id, score_total, score_fit, score_engagement,
                     contributions, lead_snapshot, created_at, created_by, due_at)
select '$WS', gen_random_uuid(), id, 'PENDING', 'rep-' || (n % 5), gen_random_uuid(), 70, 0, 0, '[]', '{}',
       now() - interval '2 hours', 'bench', now() + interval '22 hours'
  from lead_pick where n <= 2000 and not exists (select from handoff);
create table if not exists handoff_pick as select row_number() over (order by h.id) as n, h.id from handoff h where workspace_id = '$WS';
create unique index if not exists handoff_pick_n on handoff_pick (n);
grant select on lead_pick, handoff_pick to leadproof_app;
analyze;
SQL
  ;;
install)
  for f in $(git -C "$REPO" ls-tree --name-only "$2" src/main/resources/db/migration/ | grep '/R__metrics_'); do
    git -C "$REPO" show "$2:$f" | owner
  done
  ;;
run)
  [ -n "${2:-}" ] || { echo "run <tag>" >&2; exit 2; }
  leads=$(owner -At -c "select count(*) from lead_pick"); [ "$leads" -gt 3000 ] || { echo "run setup first" >&2; exit 2; }
  load=$(cut -d' ' -f1 /proc/loadavg)
  owner -c "select pg_stat_reset()" >/dev/null
  # the leads' facts rows are removed first (2 ms of the figure, the same in both builds), so the insert path finds
  # what a new lead has: no facts row, no handoff
  insert=$(cpu_per "${RUNS_INSERT:-60}" "k := 2001 + (random() * ($leads - 2501))::int;
    ids := array(select id from lead_pick where n between k and k + 499);
    begin
      delete from metrics_lead where workspace_id = '$WS' and lead_id = any(ids);
      if exists (select from pg_proc where proname = 'metrics_add_new_leads') and
         exists (select from pg_proc where proname = 'metrics_leads_changed' and prosrc like '%metrics_add_new_leads%') then
        perform metrics_add_new_leads('$WS', ids);
      else
        perform metrics_refresh('$WS', ids, false);
      end if;
      raise exception 'undo';
    exception when raise_exception then null;
    end")
  sleep 0.7; echo "$2 insert(500 leads) load=$load cpu_ms=$insert $(functions)"
  owner -c "select pg_stat_reset()" >/dev/null
  move=$(cpu_per "${RUNS_ONE:-600}" "k := 2001 + (random() * ($leads - 2001))::int;
    update lead set first_mql_at = case when first_mql_at is null then now() end,
           first_mql_version_id = case when first_mql_at is null then '00000000-0000-0000-0000-000000000001'::uuid end
     where workspace_id = '$WS' and id = (select id from lead_pick where n = k)")
  sleep 0.7; echo "$2 move(1 lead) load=$(cut -d' ' -f1 /proc/loadavg) statement_cpu_ms=$move $(functions)"
  owner -c "select pg_stat_reset()" >/dev/null
  accept=$(cpu_per "${RUNS_ONE:-600}" "k := 1 + (random() * 1999)::int;
    update handoff set state = case when state = 'PENDING' then 'ACCEPTED' else 'PENDING' end,
           accepted_at = case when state = 'PENDING' then now() end,
           first_response_at = case when state = 'PENDING' then now() end
     where workspace_id = '$WS' and id = (select id from handoff_pick where n = k)")
  sleep 0.7; echo "$2 accept(1 handoff) load=$(cut -d' ' -f1 /proc/loadavg) statement_cpu_ms=$accept $(functions)"
  ;;
*) sed -n '2,13p' "$0" >&2; exit 2;;
esac
