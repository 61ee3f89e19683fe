#!/usr/bin/env bash
# compare.sh for a machine where only ONE LeadProof port pair is free: the before and after builds take turns on the
# same ports (each started, measured on every request and client count, stopped), then PostGraphile, ROUNDS times —
# before, after, PostGraphile, before, ... — so all three see the same neighbours within a round.
#
#   BENCH_DB=leadproof_bench_rplat LP_PORT=8321 LP_MGMT=9321 PGL_PORT=5061 bench/readpath/alternate.sh BEFORE_APP AFTER_APP
#
# Preconditions: the bench database generated (run.sh GENERATE_ONLY=1), hot_data.sql applied, PostGraphile running on
# PGL_PORT with its pid in PGL_DIR/postgraphile.pid. Environment: BENCH_DB, LP_PORT / LP_MGMT (8094 / 9094), PGL_PORT
# (5001), PGL_DIR (.cache/postgraphile), OUT (bench/readpath/results), ROUNDS (2), REQS ("one version list": bodies
# lp_/pgl_ from ../shared/peer/queries and bench/readpath/queries), CONNS_LIST ("16 1"), DUR (10s), WARM (5s), PREWARM
# (20s: each request at 16 clients on a freshly started LeadProof before anything is recorded, for the JIT), JAVA.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$(cd "$HERE/../.." && pwd)"; PEER="$ROOT/../shared/peer"
[ -d "$PEER" ] || PEER=/work/shared/peer
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-leadproof_bench_readpath}"; OUT="${OUT:-$HERE/results}"; BODIES="$OUT/alt-bodies"; mkdir -p "$BODIES"
BEFORE="${1:?before app dir}"; AFTER="${2:?after app dir}"; JAVA="${JAVA:-java}"
LP_PORT="${LP_PORT:-8094}"; LP_MGMT="${LP_MGMT:-9094}"; PGL="http://127.0.0.1:${PGL_PORT:-5001}/graphql"
PGL_PID=$(cat "${PGL_DIR:-$ROOT/.cache/postgraphile}/postgraphile.pid"); export PG_DB="$DB"
case "$DB" in leadproof|leadproof_test*) echo "refusing to benchmark against $DB" >&2; exit 2;; esac

VERSION=$(psql -X -Atq -d "$DB" -c "select served_version_id from criteria_model where workspace_id = 'acme' and served_version_id is not null limit 1")
LEAD=$(psql -X -Atq -d "$DB" -c "select lead_id from handoff where workspace_id = 'acme' group by lead_id order by count(*) desc, lead_id limit 1")
for f in "$PEER"/queries/*.graphql "$HERE"/queries/*.graphql; do
  sed "s/VERSION_UUID/$VERSION/; s/LEAD_UUID/$LEAD/" "$f" | python3 -c 'import json,sys; print(json.dumps({"query": sys.stdin.read()}))' >"$BODIES/$(basename "$f" .graphql).json"
done
LP_PID=
start_lp() { # APP_DIR NAME
  LEADPROOF_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_HTTP_PORT=$LP_PORT LEADPROOF_MANAGEMENT_PORT=$LP_MGMT \
  LEADPROOF_GRAPHQL_BUDGET_CAPACITY=100000000 LEADPROOF_GRAPHQL_BUDGET_RESTORE_RATE=10000000 LEADPROOF_GRAPHQL_MAX_CONCURRENT=64 \
  LEADPROOF_SCORING_DECAY_DELAY=24h setsid nohup "$JAVA" -jar "$1/quarkus-run.jar" >"$OUT/alt-$2.log" 2>&1 &
  LP_PID=$!
  for _ in $(seq 1 180); do curl -sf -o /dev/null "http://127.0.0.1:$LP_MGMT/q/health/ready" && return; sleep 1; done
  echo "LeadProof $2 did not get ready (see $OUT/alt-$2.log)" >&2; exit 1
}
stop_lp() { [ -n "$LP_PID" ] && { kill "$LP_PID" 2>/dev/null || true; wait "$LP_PID" 2>/dev/null || true; }; LP_PID=; }
trap stop_lp EXIT
token() { "$ROOT/src/ops/keycloak.sh" token leo.leader; }
measure() { # NAME URL PREFIX PID [TOKEN]
  for req in ${REQS:-one version list}; do
    for conns in ${CONNS_LIST:-16 1}; do
      TOKEN="${5:-}" CONNS=$conns DURATION="${WARM:-5s}" APP_PID=$4 "$HERE/load.sh" "$2" "$BODIES/$3_$req.json" >/dev/null
      echo "$req c$conns $1 $(TOKEN="${5:-}" CONNS=$conns DURATION="${DUR:-10s}" APP_PID=$4 "$HERE/load.sh" "$2" "$BODIES/$3_$req.json")"
    done
  done
}
{
  echo "== $(date -u +%FT%TZ) $DB: before=$BEFORE after=$AFTER ($(git -C "$ROOT" rev-parse --short HEAD)); uptime:$(uptime)"
  for round in $(seq 1 "${ROUNDS:-2}"); do
    for build in before after; do
      [ "$build" = before ] && app="$BEFORE" || app="$AFTER"
      start_lp "$app" "$build"
      for req in ${REQS:-one version list}; do # a fresh JVM: compile the hot paths first, unrecorded
        TOKEN="$(token)" CONNS=16 DURATION="${PREWARM:-20s}" "$HERE/load.sh" "http://127.0.0.1:$LP_PORT/graphql" "$BODIES/lp_$req.json" >/dev/null
      done
      measure "$build" "http://127.0.0.1:$LP_PORT/graphql" lp "$LP_PID" "$(token)"
      stop_lp
    done
    measure postgraphile "$PGL" pgl "$PGL_PID"
  done
  echo "== end $(date -u +%FT%TZ); uptime:$(uptime)"
} | tee -a "$OUT/alternate.txt"
