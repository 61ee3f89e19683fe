#!/usr/bin/env bash
# CSV import end to end (issue 17 §1, target: 1,000,000 lead rows in <= 3 minutes with scoring on):
# generates a lead CSV of N rows (UTF-8, ';', decimal commas, dd.MM.yyyy dates, country names, "Select" placeholders,
# one bad row in 1,000; addresses on .io domains, which the email check accepts — the .example of files before
# 2026-12-04 is a reserved name, so every lead was INVALID and knocked out), saves the column mapping, POSTs the file to
# /imports/leads, and waits for the job. Every row goes through the API's batch path (validation, matching, scoring
# under the default criteria model, metrics).
#
#   bench/imports/endpoint.sh [rows]          default 1000000; run it small (20000) on a busy machine
#   BENCH_PEOPLE=varied                        people with varied first and last names (default: every row "Ana Tester-<n>",
#                                              which the duplicate check takes for one person at each of the 5,000 companies)
#   BENCH_COMPANIES=250                        fewer companies (default 5000): bigger duplicate blocks at a small row count
#   BENCH_AUTOANALYZE=0                        do not emulate autovacuum during the import (see below)
#   BENCH_PG=deployed                          run the server with the deployment's write-path parameters for the import
#                                              (shared_buffers, max_wal_size, wal_compression, checkpoint_timeout… as
#                                              k8s/base/postgres/cluster.yaml sets them: ALTER SYSTEM and a restart of the
#                                              server, PG_RESTART, reset and restarted again at the end); default: the
#                                              server as it is (here PostgreSQL's defaults: 128MB of shared buffers and a
#                                              checkpoint every 1GB of WAL)
#
# Assumes PostgreSQL and Keycloak (ada.admin of organisation acme) are up and a built app in
# $APP_HOME/target/quarkus-app (./mvnw -q -B package -DskipTests). Starts and stops the app on port 8090 against
# database $BENCH_DB (default leadproof_bench_imports, created when missing; BENCH_RECREATE_DB=1 drops it first).
# Prints and appends one JSON line to bench/imports/results/endpoint.jsonl: rows, upload and import wall seconds,
# rows/s, app and database CPU seconds, the job's counts, and the load average before and after.
set -euo pipefail
export BENCH_DB="${BENCH_DB:-leadproof_bench_imports}"
export BENCH_OUT="${BENCH_OUT:-$(cd "$(dirname "$0")" && pwd)/results}"
source "$(dirname "$0")/../scoring/lib.sh"
ROWS="${1:-1000000}"
PEOPLE="${BENCH_PEOPLE:-tester}"
COMPANIES="${BENCH_COMPANIES:-5000}"
FILE="$BENCH_OUT/endpoint-v2-$ROWS$([ "$PEOPLE" = tester ] || echo "-$PEOPLE")$([ "$COMPANIES" = 5000 ] || echo "-c$COMPANIES").csv"
UPLOAD="http://127.0.0.1:$BENCH_PORT/imports/leads"

if [ "${BENCH_RECREATE_DB:-0}" = 1 ]; then psql -X -qc "drop database if exists $BENCH_DB" -d postgres; fi
if ! psql -X -Atc "select 1 from pg_database where datname = '$BENCH_DB'" -d postgres | grep -q 1; then
  log "creating database $BENCH_DB"; psql -X -qc "create database $BENCH_DB" -d postgres
fi

if [ ! -s "$FILE" ]; then
  log "generating $ROWS rows into $FILE"
  psql -X -q -At -d postgres -v rows="$ROWS" -v run="$(date +%s)" -v people="$PEOPLE" -v companies="$COMPANIES" >"$FILE" <<'SQL'
select 'Lead ID;E-mail;First Name;Last Name;Company;Domain;Country;Lead Source;Employees;Revenue;Job Title;Created';
select format('B-%s-%s;person%s@company%s.io;%s;%s;"Company %s; GmbH";company%s.io;%s;%s;%s;%s;%s;%s',
              :'run', s, s, s % :companies,
              case when s % 9 = 0 then 'Select' when :'people' = 'tester' then 'Ana'
                   else (array['Ana','Ben','Chloe','David','Emma','Farid','Grace','Hiro','Ines','Jonas','Kemal','Lea',
                               'Mateo','Nora','Omar','Priya','Quinn','Rosa','Sven','Tariq'])[1 + (s / 7) % 20] end,
              case when :'people' = 'tester' then 'Tester-' || s
                   else initcap(translate(substr(md5(s::text), 1, 8), '0123456789abcdef', 'bcdfghklmnprstvz')) end,
              s % :companies, s % :companies,
              (array['India','Deutschland','USA','UK','France','España','DE','Select'])[1 + s % 8],
              case when s % 1000 = 500 then 'Newspaper' else (array['Google','Organic search','paid-social','Referral','EMAIL'])[1 + s % 5] end,
              case when s % 7 = 0 then '' else (10 + s % 5000)::text end,
              case when s % 5 = 0 then 'N/A' else '1.234.567,' || (s % 100) end,
              (array['CTO','VP Marketing','Engineer','Head of Sales','Analyst'])[1 + s % 5],
              to_char(date '2025-01-01' + (s % 300), 'DD.MM.YYYY'))
  from generate_series(1, :rows) s;
SQL
fi
bytes=$(stat -c %s "$FILE")

PG_PARAMETERS="shared_buffers effective_cache_size work_mem maintenance_work_mem wal_compression max_wal_size checkpoint_timeout autovacuum_naptime"
PG_RESTART="${PG_RESTART:-pg_ctlcluster --skip-systemctl-redirect 15 main restart}"
pg_parameters() { # set | reset
  local p v manifest
  manifest="$(dirname "$0")/../../k8s/base/postgres/cluster.yaml"
  for p in $PG_PARAMETERS; do
    if [ "$1" = set ]; then
      v=$(sed -n "s/^ *$p: *\"\{0,1\}\([^\" #]*\).*/\1/p" "$manifest")
      [ -n "$v" ] || { echo "no $p in $manifest" >&2; exit 2; }
      psql -X -qc "alter system set $p = '$v'" -d postgres
    else
      psql -X -qc "alter system reset $p" -d postgres
    fi
  done
  $PG_RESTART
  until psql -X -qAtc 'select 1' -d postgres >/dev/null 2>&1; do sleep 1; done
}
cleanup() {
  [ -z "${ANALYZE_PID:-}" ] || kill "$ANALYZE_PID" 2>/dev/null || true
  app_stop
  if [ "${BENCH_PG:-}" = deployed ]; then log "resetting the server's parameters"; pg_parameters reset; fi
}
trap cleanup EXIT
if [ "${BENCH_PG:-}" = deployed ]; then
  pg_parameters set
  log "server as deployed: $(psql -X -Atc "select string_agg(name || '=' || current_setting(name), ' ') from pg_settings
    where name in ('$(sed "s/ /','/g" <<<"$PG_PARAMETERS")')" -d postgres)"
fi

app_start "$BENCH_OUT/app-endpoint.log"
TOKEN=$(token)
gql "$TOKEN" '{ viewer { workspace { id } } }' >/dev/null
MAPPING='{"name":"bench","kind":"LEADS","placeholders":["Select","N/A"],"datePattern":"dd.MM.yyyy","decimalSeparator":",","columns":[
 {"header":"Lead ID","field":"externalId"},{"header":"E-mail","field":"email"},{"header":"First Name","field":"firstName"},
 {"header":"Last Name","field":"lastName"},{"header":"Company","field":"companyName"},{"header":"Domain","field":"companyDomain"},
 {"header":"Country","field":"country"},{"header":"Lead Source","field":"source","values":[{"value":"Google","meaning":"PAID_SEARCH"}]},
 {"header":"Employees","field":"employeeCount"},{"header":"Revenue","field":"annualRevenue"},{"header":"Job Title","field":"jobTitle"},
 {"header":"Created","field":"createdAt"}]}'
gql "$TOKEN" 'mutation($m: ImportMappingInput!) { importMappingSave(input: $m) { userErrors { code message } } }' "{\"m\": $MAPPING}" >/dev/null

# autovacuum is off on the shared benchmark server; production runs it, and its analyze (a table with more than
# 50 + 10 % of its rows changed since the last one) invalidates the plans the app's connections cached while the tables
# were empty. Without it, the foreign-key check of every duplicate key kept a sequential scan of lead planned when
# the table was empty: 3 ms of database CPU per row at 20,000 rows, growing with the table (docs/benchmarks.md, import-par).
# One statement a line (the ';'): without it, two tables due at once made one statement, a syntax error, and no table
# was ever analyzed (until 2026-12-04, branch imp-pg2: the runs before measured lookups planned on an empty lead table).
# Its vacuum too (more than 50 + 20 % of a table's rows dead): the metrics rollups churn (compaction deletes the pending
# rows it folds), and without it a 1,000,000-row import left ~2,000 live and 610,000 dead rows in metrics_daily and
# metrics_daily_total, which the compactor's and the inserts' index scans then read (imp-pg2).
# Since PostgreSQL 13 autovacuum also vacuums a table with more than 1000 + 20 % of its rows inserted since its last
# vacuum (autovacuum_vacuum_insert_threshold, _scale_factor), which marks those pages all-visible: the import's look-ups
# on lead_duplicate_key's primary key (which holds every column they read) then skip the table's pages. As autovacuum
# does, the vacuum is throttled (2 ms of sleep per 200 pages' cost), and it looks once a minute (autovacuum_naptime's
# default; with BENCH_PG=deployed the deployment's setting; BENCH_AUTOVACUUM_NAPTIME seconds overrides both). Until
# 2026-12-04 (branch v7) it looked every 5 s.
autoanalyze() {
  local naptime=60
  [ "${BENCH_PG:-}" != deployed ] || naptime=$(psql -X -Atc "select setting from pg_settings where name = 'autovacuum_naptime'" -d postgres)
  while sleep "${BENCH_AUTOVACUUM_NAPTIME:-$naptime}"; do
    psql -X -q -At -d "$BENCH_DB" -c "select 'set vacuum_cost_delay = ''2ms'';' union all
      select format('vacuum %I;', relname) from pg_stat_user_tables
      where n_dead_tup > 50 + 0.2 * greatest(n_live_tup, 0) or n_ins_since_vacuum > 1000 + 0.2 * greatest(n_live_tup, 0)
      union all select format('analyze %I;', relname) from pg_stat_user_tables
      where n_mod_since_analyze > 50 + 0.1 * greatest(n_live_tup, 0)" 2>/dev/null | psql -X -q -d "$BENCH_DB" >/dev/null 2>&1 || true
  done
}
if [ "${BENCH_AUTOANALYZE:-1}" = 1 ]; then autoanalyze & ANALYZE_PID=$!; fi

load_before=$(loadavg); cpu0=$(cpu_seconds); app0=$(app_cpu_seconds); t0=$(now)
answer=$(curl -sS --fail-with-body -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$FILE" "$UPLOAD?mapping=bench")
t1=$(now)
job=$(jq -r .id <<<"$answer"); job_uuid=$(jq -r .importId <<<"$answer")
log "uploaded $bytes bytes in $(elapsed "$t0" "$t1") s: job $job"
# Waits for the job's end with one psql a second (a token, a GraphQL request and four jq runs every 2 s took ~5 % of
# the 2 cores away from the import), then reads the job through the API. The psql binary itself where Debian's
# wrapper is in the way: the wrapper is a Perl script, and starting Perl every second took ~2 % of the machine (perf,
# docs/benchmarks.md "v11").
POLL_PSQL=$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -1); POLL_PSQL=${POLL_PSQL:-psql}
until "$POLL_PSQL" -X -Atc "select state from import_job where id = '$job_uuid'" -d "$BENCH_DB" | grep -qE 'SUCCEEDED|FAILED'; do
  sleep 1
done
t2=$(now); cpu1=$(cpu_seconds); app1=$(app_cpu_seconds)
out=$(gql "$(token)" 'query($id: ID!) { importJob(id: $id) { state rowsRead rowsLanded rowsRejected rowsDuplicate failure } }' "{\"id\": \"$job\"}")
wall=$(elapsed "$t0" "$t2")
jq -c --argjson rows "$ROWS" --argjson bytes "$bytes" --arg upload "$(elapsed "$t0" "$t1")" --arg wall "$wall" \
   --arg cpu "$(elapsed "$cpu0" "$cpu1")" --arg app "$(elapsed "$app0" "$app1")" --arg before "$load_before" --arg after "$(loadavg)" \
   '{bench: "imports-endpoint", rows: $rows, bytes: $bytes, upload_s: ($upload|tonumber), wall_s: ($wall|tonumber),
     rows_per_s: ($rows / ($wall|tonumber) | floor), app_cpu_s: ($app|tonumber), app_and_db_cpu_s: ($cpu|tonumber),
     extrapolated_1m_wall_s: (1000000 / $rows * ($wall|tonumber) | floor), job: .data.importJob,
     load_before: $before, load_after: $after, at: (now | todate)}' <<<"$out" | tee -a "$BENCH_OUT/endpoint.jsonl"
