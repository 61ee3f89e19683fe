#!/usr/bin/env bash
# Metrics benchmark: the API against hand-written SQL over the base tables, for the same numbers.
#
#   bench/metrics/generate.sh      # once: 1,000,000 leads into leadproof_bench_metrics
#   LEADPROOF_DB_URL=jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/leadproof_bench_metrics QUARKUS_HTTP_PORT=8091 LEADPROOF_MANAGEMENT_PORT=9091 \
#     LEADPROOF_GRAPHQL_BUDGET_ENABLED=false java -jar target/quarkus-app/quarkus-run.jar &
#   bench/metrics/run.sh
#
# Two requests: the full bundle of the last 30 days (UTC) and the 12-month monthly series (MONTH breakdown, first: 12),
# every field selected. For each: (1) the API's numbers are checked against the base-table SQL's (verify.py);
# (2) single client: SAMPLES sequential requests after WARMUP, and SAMPLES runs of the base-table SQL through pgbench;
# (3) CONNECTIONS concurrent clients for DURATION with wrk. The per-user cost budget is switched off for the app
# (LEADPROOF_GRAPHQL_BUDGET_ENABLED=false): it would throttle one user's 16 parallel clients, which is its job,
# not what is measured here.
#
# Environment: BENCH_DB (leadproof_bench_metrics), BENCH_WS (acme), BENCH_PORT (8091), BENCH_MANAGEMENT_PORT (9091, where
# readiness is asked), BENCH_USER (leo.leader),
# SAMPLES (100), BASE_SAMPLES (20: the base-table series takes seconds), WARMUP (100), CONNECTIONS (16), THREADS (2),
# DURATION (30s), BENCH_OUT (bench/metrics/results). Access tokens live 5 minutes: a fresh one is taken per phase.
set -euo pipefail
cd "$(dirname "$0")"
REPO="$(cd ../.. && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-leadproof_bench_metrics}"
WS="${BENCH_WS:-acme}"
PORT="${BENCH_PORT:-8091}"
SAMPLES="${SAMPLES:-100}"
BASE_SAMPLES="${BASE_SAMPLES:-20}"
WARMUP="${WARMUP:-100}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-30s}"
OUT="${BENCH_OUT:-$PWD/results}"
URL="http://127.0.0.1:$PORT/graphql"
case "$DB" in leadproof|leadproof_test*) echo "refusing to benchmark against $DB" >&2; exit 2;; esac
curl -sf -o /dev/null "http://127.0.0.1:${BENCH_MANAGEMENT_PORT:-9091}/q/health/ready" \
  || { echo "no ready app with its management port on :${BENCH_MANAGEMENT_PORT:-9091} (see the header of $0)" >&2; exit 2; }
mkdir -p "$OUT"

fresh_token() { TOKEN="$("$REPO/src/ops/keycloak.sh" token "${BENCH_USER:-leo.leader}")"; export TOKEN; }
fresh_token
D1=$(date -u +%F)
D0=$(date -u -d "$D1 -30 days" +%F)
M0=$(date -u -d "$(date -u +%Y-%m-01) -11 months" +%F)
M12=$(date -u -d "$M0 +12 months" +%F)
jq -n --rawfile q bundle.graphql --arg f "$D0" --arg t "$D1" '{query: $q, variables: {w: {from: $f, to: $t}}}' >"$OUT/bundle.json"
jq -n --rawfile q series.graphql --arg f "$M0" --arg t "$M12" '{query: $q, variables: {w: {from: $f, to: $t}}}' >"$OUT/series.json"

api() { curl -sS -f -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' -d @"$OUT/$1.json" "$URL"; }
render() { # name now
  cat "base_$1.sql" base_common.sql | sed -e "s/\${WS}/$WS/g" -e "s/\${D0}/$D0/g" -e "s/\${D1}/$D1/g" -e "s/\${M0}/$M0/g" \
    -e "s/\${NOW}/$2/g" >"$OUT/base_$1.sql"
}
stats() { # file of milliseconds → "median p90 p99 mean"
  sort -n "$1" | awk '{a[NR]=$1; s+=$1} END {printf "%.1f %.1f %.1f %.1f", a[int((NR+1)/2)], a[int(NR*0.9+0.999)], a[int(NR*0.99+0.999)], s/NR}'
}

declare -A RESULT
for name in bundle series; do
  echo "== $name" >&2
  fresh_token
  api "$name" >"$OUT/api_$name.json"
  now=$(jq -r '.. | .asOf? // empty' "$OUT/api_$name.json" | head -1)
  render "$name" "$now"
  psql -X -q -At -d "$DB" -f "$OUT/base_$name.sql" >"$OUT/base_$name.json"
  python3 verify.py "$OUT/api_$name.json" "$OUT/base_$name.json" >&2

  for _ in $(seq 1 "$WARMUP"); do api "$name" >/dev/null; done
  : >"$OUT/api_$name.ms"
  fresh_token
  for _ in $(seq 1 "$SAMPLES"); do
    curl -sS -f -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \
      -d @"$OUT/$name.json" "$URL" | awk '{printf "%.3f\n", $1 * 1000}' >>"$OUT/api_$name.ms"
  done
  rm -f "$OUT"/pgbench_log.*
  pgbench -n -c 1 -t "$BASE_SAMPLES" -f "$OUT/base_$name.sql" -l --log-prefix="$OUT/pgbench_log" "$DB" >/dev/null
  awk '{printf "%.3f\n", $3 / 1000}' "$OUT"/pgbench_log.* >"$OUT/base_$name.ms"

  fresh_token
  BODY="$OUT/$name.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s wrk.lua "$URL" >"$OUT/wrk_$name.txt"
  RESULT[$name]="$(stats "$OUT/api_$name.ms") | $(stats "$OUT/base_$name.ms") | $(awk '/Requests\/sec/ {print $2}' "$OUT/wrk_$name.txt") | $(awk '$1 == "50%" {print $2}' "$OUT/wrk_$name.txt") | $(awk '$1 == "99%" {print $2}' "$OUT/wrk_$name.txt") | $(awk '/failed_responses/ {print $2}' "$OUT/wrk_$name.txt")"
done

echo
echo "load average before/after: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(date -u +%FT%TZ)"
echo "windows: bundle [$D0, $D1) UTC; series [$M0, $M12) UTC by MONTH"
echo
echo "| request | API median / p90 / p99 / mean (ms) | base SQL median / p90 / p99 / mean (ms) | $CONNECTIONS clients: req/s | p50 | p99 | failed |"
echo "|---|---|---|---|---|---|---|"
for name in bundle series; do
  IFS='|' read -r a b rps p50 p99 failed <<<"${RESULT[$name]}"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$(echo $a | tr ' ' '/')" "$(echo $b | tr ' ' '/')" $rps $p50 $p99 $failed
done
