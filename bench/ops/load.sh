#!/usr/bin/env bash
# Load (issue 18 §3): a mixed workload against two pods on one database — ingest batches, lead lists, lead detail,
# metrics bundles, handoff decisions — with wrk and bench/ops/mixed.lua, at an idle trickle, at the expected rate and at
# 10x, LOAD_DURATION each. Reports throughput, p50, p99, errors, and database CPU per request (from /proc: the
# cluster's processes) with the statement time per request (pg_stat_statements). `make load`; docs/benchmarks.md.
#
# The database is a PostgreSQL 15 cluster of its own, "leadproof_load" on LOAD_PG_PORT (5435, pg_stat_statements
# preloaded; created here, dropped at the end unless LOAD_KEEP_CLUSTER=1), so that its CPU is this workload's alone.
# Tokens come from the Keycloak on KC_PORT (8180, the shared one), renewed every minute.
#
# Environment: LOAD_DURATION (300 s per phase; 20-30 s while developing on a shared machine), LOAD_IDLE_DURATION (60),
# LOAD_WARMUP (60 s at the expected rate before the idle phase, not reported),
# LOAD_RATE (20 requests/s: the expected rate, see docs/benchmarks.md), LOAD_FACTOR (10), LOAD_THREADS (4 at the
# expected rate; 4 x LOAD_FACTOR / 2.5 at the high one, at most 32), LOAD_MIX (ingest:2,list:5,detail:5,metrics:1,decision:1),
# LOAD_BATCH (10 activities per ingest), LOAD_LEADS (50000) and LOAD_ACTIVITIES (150000) generated before the run,
# LOAD_PORT_A/B (8291/8292), LOAD_MANAGEMENT_PORT_A/B (9291/9292), LOAD_CLUSTER and LOAD_DB (leadproof_load: the private
# cluster's and database's names, so that two runs on one machine do not share them). Results: $OPS_OUT/load.jsonl (one line per phase,
# appended) and $OPS_OUT/load.md (this run's table).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
CLUSTER="${LOAD_CLUSTER:-leadproof_load}"
PG="${LOAD_PG_PORT:-5435}"
DB="${LOAD_DB:-leadproof_load}"
PORT_A="${LOAD_PORT_A:-8291}"
PORT_B="${LOAD_PORT_B:-8292}"
MGMT_A="${LOAD_MANAGEMENT_PORT_A:-9291}"
MGMT_B="${LOAD_MANAGEMENT_PORT_B:-9292}"
DURATION="${LOAD_DURATION:-300}"
IDLE_DURATION="${LOAD_IDLE_DURATION:-60}"
RATE="${LOAD_RATE:-20}"
FACTOR="${LOAD_FACTOR:-10}"
THREADS="${LOAD_THREADS:-4}"
HIGH_THREADS=$(( THREADS * FACTOR * 2 / 5 > 32 ? 32 : (THREADS * FACTOR * 2 / 5 < THREADS ? THREADS : THREADS * FACTOR * 2 / 5) ))
MIX="${LOAD_MIX:-ingest:2,list:5,detail:5,metrics:1,decision:1}"
LEADS="${LOAD_LEADS:-50000}"
URL="jdbc:postgresql://127.0.0.1:$PG/$DB"
A="http://127.0.0.1:$PORT_A"
WS=acme
REFRESHER=""

cleanup() {
  [ -z "$REFRESHER" ] || kill "$REFRESHER" 2>/dev/null || true
  stop_all_pods
  if [ "${LOAD_KEEP_CLUSTER:-0}" = 1 ]; then
    pg_ctlcluster --skip-systemctl-redirect 15 "$CLUSTER" stop >/dev/null 2>&1 || true
  else
    drop_private_cluster "$CLUSTER"
  fi
}
trap cleanup EXIT

pods_start() {
  # The cost budget would throttle the one user the whole workload runs as; it is measured by CostBudgetTest.
  local env=(LEADPROOF_GRAPHQL_BUDGET_ENABLED=false)
  pod_start a "$PORT_A" "$MGMT_A" "$URL" "${env[@]}"
  pod_start b "$PORT_B" "$MGMT_B" "$URL" "${env[@]}"
  pod_wait_ready a
  pod_wait_ready b
}
app_cpu() { awk -v a="$(cpu_of_pid "$(pod_pid a)")" -v b="$(cpu_of_pid "$(pod_pid b)")" 'BEGIN {printf "%.2f", a + b}'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a - b}'; }

command -v wrk >/dev/null || { log "installing wrk (Debian package)"; DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; }
need_free_ports "$PORT_A" "$PORT_B" "$MGMT_A" "$MGMT_B"
token ada.admin >/dev/null || die "no token from Keycloak on $KC_URL (make keycloak)"
private_cluster "$CLUSTER" "$PG" -o shared_preload_libraries=pg_stat_statements -o pg_stat_statements.track=all
fresh_database "$PG" "$DB"
sql "$PG" "$DB" "create extension if not exists pg_stat_statements" >/dev/null

# ---- data: the schema, a generated workspace, pending handoffs to decide ---------------------------------------------
pods_start
gql_ok "$A" "$(token ada.admin)" '{ viewer { workspace { id } } }' >/dev/null
stop_all_pods
log "generating $LEADS leads and ${LOAD_ACTIVITIES:-150000} activities (bench/scoring/generate.sh)"
BENCH_DB="$DB" BENCH_WS="$WS" BENCH_LEADS="$LEADS" BENCH_ACTIVITIES="${LOAD_ACTIVITIES:-150000}" PGPORT="$PG" \
  "$REPO/bench/scoring/generate.sh" >"$RUN_DIR/generate.log" 2>&1 || { tail -20 "$RUN_DIR/generate.log" >&2; die "generation failed"; }
pods_start
ADMIN=$(token ada.admin)
# A looser MQL threshold, published: the rescoring job hands every newly qualified lead to the 25 generated reps.
MODEL=$(gql_ok "$A" "$ADMIN" '{ criteriaModels { id servedVersionId } }')
DRAFT=$(gql_ok "$A" "$ADMIN" 'mutation($m: ID!, $v: ID) { criteriaDraftCreate(input: {modelId: $m, copyFromVersionId: $v}) { version { id } } }' \
  "$(jq -c '{m: .data.criteriaModels[0].id, v: .data.criteriaModels[0].servedVersionId}' <<<"$MODEL")" | jq -r .data.criteriaDraftCreate.version.id)
gql_ok "$A" "$ADMIN" 'mutation($v: ID!) { criteriaThresholdsSet(input: {versionId: $v, mql: 30}) { version { id } } }' "$(jq -cn --arg v "$DRAFT" '{v: $v}')" >/dev/null
gql_ok "$A" "$ADMIN" 'mutation($v: ID!) { criteriaVersionPublish(input: {versionId: $v}) { version { status } } }' "$(jq -cn --arg v "$DRAFT" '{v: $v}')" >/dev/null
for _ in $(seq 1 600); do
  [ "$(sql "$PG" "$DB" "select state from scoring_job where workspace_id = '$WS' and version_id = '${DRAFT##*/}'")" = SUCCEEDED ] && break
  sleep 1
done
sql "$PG" "$DB" "select 'gid://leadproof/Lead/' || id from lead where workspace_id = '$WS' order by md5(id::text) limit 5000" >"$RUN_DIR/leads.txt"
sql "$PG" "$DB" "select 'gid://leadproof/Handoff/' || id from handoff where workspace_id = '$WS' and state = 'PENDING' order by md5(id::text)" >"$RUN_DIR/handoffs.txt"
log "$(wc -l <"$RUN_DIR/handoffs.txt") pending handoffs to decide; vacuum analyze"
sql "$PG" "$DB" "vacuum analyze" >/dev/null

echo "$ADMIN" >"$RUN_DIR/token"
( while sleep 60; do token ada.admin >"$RUN_DIR/token.new" 2>/dev/null && mv "$RUN_DIR/token.new" "$RUN_DIR/token"; done ) &
REFRESHER=$!

# phase <label> <threads> <rate req/s> <seconds>
phase() {
  local label="$1" threads="$2" rate="$3" seconds="$4" db0 db1 app0 app1 load0
  sql "$PG" "$DB" "checkpoint" >/dev/null
  sql "$PG" "$DB" "select pg_stat_statements_reset()" >/dev/null
  load0=$(cut -d' ' -f1 /proc/loadavg)
  db0=$(cluster_cpu_seconds "$CLUSTER")
  app0=$(app_cpu)
  log "phase $label: $threads connections, target $rate requests/s, $seconds s"
  TOKEN_FILE="$RUN_DIR/token" LEADS_FILE="$RUN_DIR/leads.txt" HANDOFFS_FILE="$RUN_DIR/handoffs.txt" MIX="$MIX" THREADS="$threads" \
    THREAD_RATE="$(awk -v r="$rate" -v t="$threads" 'BEGIN {printf "%.3f", r / t}')" BATCH="${LOAD_BATCH:-10}" RUN_ID="load-$label-$(date +%s)" REPORT="$RUN_DIR/$label.json" PODS="127.0.0.1:$PORT_A,127.0.0.1:$PORT_B" \
    wrk -t"$threads" -c"$threads" -d"${seconds}s" --timeout 30s -s "$OPS_DIR/mixed.lua" "$A/graphql" >"$RUN_DIR/$label.txt" 2>&1
  db1=$(cluster_cpu_seconds "$CLUSTER")
  app1=$(app_cpu)
  local stmt
  stmt=$(sql "$PG" "$DB" "select round(sum(total_exec_time)::numeric, 1) || '|' || sum(calls) from pg_stat_statements where dbid = (select oid from pg_database where datname = '$DB')")
  # The phase's statements, most called first (calls, total and mean ms): what each request sends, and where the time goes.
  psql -X -q -h 127.0.0.1 -p "$PG" -U postgres -d "$DB" -c "select calls, round(total_exec_time::numeric, 1) total_ms, round(total_plan_time::numeric, 1) plan_ms,
      round(mean_exec_time::numeric, 3) mean_ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160) query
    from pg_stat_statements where dbid = (select oid from pg_database where datname = '$DB')
    order by calls desc, total_exec_time desc limit 60" >"$RUN_DIR/$label.statements.txt" 2>&1 || true
  # used decisions are gone from the pool of pending handoffs for the next phase
  sql "$PG" "$DB" "select 'gid://leadproof/Handoff/' || id from handoff where workspace_id = '$WS' and state = 'PENDING' order by md5(id::text)" >"$RUN_DIR/handoffs.txt"
  jq -c --arg phase "$label" --argjson threads "$threads" --argjson rate "$rate" --argjson db "$(minus "$db1" "$db0")" \
    --argjson app "$(minus "$app1" "$app0")" --arg stmt "$stmt" --arg load0 "$load0" --arg load1 "$(cut -d' ' -f1 /proc/loadavg)" \
    --arg at "$(date -u +%FT%TZ)" --argjson cores "$(nproc)" \
    '. + {"label": $phase, at: $at, cores: $cores, threads: $threads, target_rps: $rate, rps: (.requests / .seconds),
          db_cpu_s: $db, db_cpu_ms_per_request: (if .requests > 0 then $db * 1000 / .requests else null end),
          app_cpu_ms_per_request: (if .requests > 0 then $app * 1000 / .requests else null end),
          stmt_ms_per_request: (if .requests > 0 then ($stmt | split("|")[0] | tonumber) / .requests else null end),
          statements_per_request: (if .requests > 0 then ($stmt | split("|")[1] | tonumber) / .requests else null end),
          loadavg: ($load0 + " -> " + $load1)} | del(.failures) + {failures: (.failures | .[0:500])}' \
    "$RUN_DIR/$label.json" | tee -a "$OPS_OUT/load.jsonl" >"$RUN_DIR/$label.summary.json"
}

# Warm-up (not reported): the JIT compiles the hot paths and the pools fill, so the idle phase is not a cold start.
phase warmup "$THREADS" "$RATE" "${LOAD_WARMUP:-60}" >/dev/null
sed -i '$d' "$OPS_OUT/load.jsonl"   # the warm-up's line
phase idle 1 2 "$IDLE_DURATION"
phase expected "$THREADS" "$RATE" "$DURATION"
phase "x$FACTOR" "$HIGH_THREADS" $((RATE * FACTOR)) "$DURATION"

{
  echo "Mixed load ($MIX; $LEADS leads), two pods, $(nproc) cores, $(date -u +%FT%TZ); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| phase | connections | target req/s | req/s | p50 ms | p99 ms | errors | DB CPU ms/req | statement ms/req | app CPU ms/req |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for label in idle expected "x$FACTOR"; do
    jq -r '"| \(.label) | \(.threads) | \(.target_rps) | \(.rps | .*10 | round / 10) | \(.p50_ms) | \(.p99_ms) | \(.failed_responses + .socket_errors + .non_2xx) | \(.db_cpu_ms_per_request | .*100 | round / 100) | \(.stmt_ms_per_request | .*100 | round / 100) | \(.app_cpu_ms_per_request | .*100 | round / 100) |"' \
      "$RUN_DIR/$label.summary.json"
  done
} | tee "$OPS_OUT/load.md"

s() { jq -r "$2" "$RUN_DIR/$1.summary.json"; }
RESULTS="$OPS_OUT/load.md"
echo >>"$RESULTS"
check "expected rate: no errors" "$(s expected '.failed_responses + .socket_errors + .non_2xx') errors of $(s expected .requests)" \
  test "$(s expected '.failed_responses + .socket_errors + .non_2xx')" = 0
check "${FACTOR}x: no errors" "$(s "x$FACTOR" '.failed_responses + .socket_errors + .non_2xx') errors of $(s "x$FACTOR" .requests); $(s "x$FACTOR" '.failures' | head -c 300)" \
  test "$(s "x$FACTOR" '.failed_responses + .socket_errors + .non_2xx')" = 0
check "${FACTOR}x: the target rate was served" "$(s "x$FACTOR" '.rps | round') of $((RATE * FACTOR)) requests/s" \
  test "$(s "x$FACTOR" "if .rps >= $((RATE * FACTOR)) * 0.9 then 1 else 0 end")" = 1
check "${FACTOR}x: p99 within 2x of idle" "p99 $(s "x$FACTOR" .p99_ms) ms, idle $(s idle .p99_ms) ms" \
  test "$(jq -n --argjson h "$(s "x$FACTOR" .p99_ms)" --argjson i "$(s idle .p99_ms)" 'if $h <= 2 * $i then 1 else 0 end')" = 1
summary
