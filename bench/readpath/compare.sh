#!/usr/bin/env bash
# Two LeadProof builds (before / after a change) and PostGraphile on the same bench database, measured alternately in one
# run: for each request and client count, each server in turn (short warm-up, then load.sh). On a loaded machine this
# is the only fair comparison: all three see the same neighbours.
#
#   bench/readpath/compare.sh BEFORE_APP_DIR AFTER_APP_DIR      e.g. /tmp/base/quarkus-app target/quarkus-app
#
# Preconditions: the bench database is generated and PostGraphile runs on it (bench/readpath/run.sh does both; or
# ../shared/peer/start.sh). Environment: BENCH_DB (leadproof_bench_readpath), OUT (bench/readpath/results), ROUNDS (2),
# REQS ("list one"), CONNS_LIST ("16 1"), DUR (15s), WARM (5s), JAVA (java), PORTS ("8094 9094 8095 9095": HTTP and
# management ports of before and after), PGL_PORT (5001), BEFORE_ENV (extra VAR=value settings of the before instance only, e.g.
# LEADPROOF_COMPILED_READS_ENABLED=false to time the general path of the same build), PGL_PID (PostGraphile's pid when more than one runs on the machine).
# LP_JAVA_OPTS (-Xms768m -Xmx768m: the heap the Kubernetes deployment gives the API container, fixed — a heap that G1 may
# shrink pauses under load and made the 16-client p99; docs/benchmarks.md, "load-p99" and the coordinator's second run of 2026-12-04).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$(cd "$HERE/../.." && pwd)"; PEER="$ROOT/../shared/peer"
[ -d "$PEER" ] || PEER=/work/shared/peer
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-leadproof_bench_readpath}"; OUT="${OUT:-$HERE/results}"; mkdir -p "$OUT/bodies"
BEFORE="${1:?before app dir}"; AFTER="${2:?after app dir}"; JAVA="${JAVA:-java}"
PGL="http://127.0.0.1:${PGL_PORT:-5001}/graphql"; PGL_PID="${PGL_PID:-$(pgrep -f 'node_modules/.bin/postgraphile' | head -1 || true)}"
read -r B_PORT B_MGMT A_PORT A_MGMT <<<"${PORTS:-8094 9094 8095 9095}"
[ -n "$PGL_PID" ] || { echo "PostGraphile is not running (../shared/peer/start.sh)" >&2; exit 2; }
case "$DB" in leadproof|leadproof_test*) echo "refusing to benchmark against $DB" >&2; exit 2;; esac

PIDS=()
start_lp() { # APP_DIR PORT MGMT_PORT NAME
  local extra=(); [ "$4" = before ] && [ -n "${BEFORE_ENV:-}" ] && read -r -a extra <<<"$BEFORE_ENV"
  env JAVA_TOOL_OPTIONS="${LP_JAVA_OPTS:--Xms768m -Xmx768m}" "${extra[@]}" LEADPROOF_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_HTTP_PORT=$2 LEADPROOF_MANAGEMENT_PORT=$3 \
  LEADPROOF_GRAPHQL_BUDGET_CAPACITY=100000000 LEADPROOF_GRAPHQL_BUDGET_RESTORE_RATE=10000000 LEADPROOF_GRAPHQL_MAX_CONCURRENT=64 \
  LEADPROOF_SCORING_DECAY_DELAY=24h setsid nohup "$JAVA" -jar "$1/quarkus-run.jar" >"$OUT/$4.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 180); do curl -sf -o /dev/null "http://127.0.0.1:$3/q/health/ready" && return; sleep 1; done
  echo "LeadProof $4 did not get ready (see $OUT/$4.log)" >&2; exit 1
}
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
start_lp "$BEFORE" "$B_PORT" "$B_MGMT" before; BEFORE_PID=${PIDS[0]}
start_lp "$AFTER" "$A_PORT" "$A_MGMT" after; AFTER_PID=${PIDS[1]}

VERSION=$(psql -X -Atq -d "$DB" -c "select served_version_id from criteria_model where workspace_id = 'acme' and served_version_id is not null limit 1")
LEAD=$(psql -X -Atq -d "$DB" -c "select lead_id from handoff where workspace_id = 'acme' group by lead_id order by count(*) desc, lead_id limit 1")
for f in "$PEER"/queries/*.graphql; do
  sed "s/VERSION_UUID/$VERSION/; s/LEAD_UUID/$LEAD/" "$f" | python3 -c 'import json,sys; print(json.dumps({"query": sys.stdin.read()}))' >"$OUT/bodies/$(basename "$f" .graphql).json"
done
token() { "$ROOT/src/ops/keycloak.sh" token leo.leader; }
for port in "$B_PORT" "$A_PORT"; do # both builds answer exactly the same
  curl -sf -H "Authorization: Bearer $(token)" -H 'Content-Type: application/json' -d @"$OUT/bodies/lp_list.json" "http://127.0.0.1:$port/graphql" >"$OUT/answer.$port.json"
done
cmp -s "$OUT/answer.$B_PORT.json" "$OUT/answer.$A_PORT.json" || { echo "before and after answer differently" >&2; exit 1; }

run() { # NAME URL BODY PID CONNS [TOKEN]
  TOKEN="${6:-}" CONNS=$5 DURATION="${WARM:-5s}" APP_PID=$4 "$HERE/load.sh" "$2" "$3" >/dev/null
  echo "$req c$5 $1 $(TOKEN="${6:-}" CONNS=$5 DURATION="${DUR:-15s}" APP_PID=$4 "$HERE/load.sh" "$2" "$3")"
}
{
  echo "== $(date -u +%FT%TZ) $DB: before=$BEFORE after=$AFTER ($(git -C "$ROOT" rev-parse --short HEAD)); uptime:$(uptime)"
  for round in $(seq 1 "${ROUNDS:-2}"); do
    for req in ${REQS:-list one}; do
      for conns in ${CONNS_LIST:-16 1}; do
        run before "http://127.0.0.1:$B_PORT/graphql" "$OUT/bodies/lp_$req.json" "$BEFORE_PID" "$conns" "$(token)"
        run after "http://127.0.0.1:$A_PORT/graphql" "$OUT/bodies/lp_$req.json" "$AFTER_PID" "$conns" "$(token)"
        run postgraphile "$PGL" "$OUT/bodies/pgl_$req.json" "$PGL_PID" "$conns"
      done
    done
  done
  echo "== end $(date -u +%FT%TZ); uptime:$(uptime)"
} | tee -a "$OUT/compare.txt"
