#!/usr/bin/env bash
# The verified-token cache, off then on, on the compiled nested lead list (readpath4): same jar, same database, the
# only difference LEADPROOF_VERIFIED_TOKEN_CACHE_MAX_SIZE (0 = verify every request). Prints load.sh's line per run
# (req/s, latency, app and PostgreSQL CPU per request, RSS, load average). The database must exist with data
# (bench/readpath/run.sh GENERATE_ONLY=1); it is only read.
#
#   BENCH_DB=leadproof_bench_rp3 LP_PORT=8161 LP_MGMT=9161 bench/readpath/token_cache.sh
#
# Environment: BENCH_DB, JAVA (the JDK 25 of src/ops/jdk.sh), LP_PORT / LP_MGMT (8094 / 9094), ROUNDS (1), WARM (10s), DURATION (20s), CONNS (16).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$(cd "$HERE/../.." && pwd)"; PEER="$ROOT/../shared/peer"
[ -d "$PEER" ] || PEER=/work/shared/peer
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:?BENCH_DB}"; LP_PORT="${LP_PORT:-8094}"; LP_MGMT="${LP_MGMT:-9094}"; LP="http://127.0.0.1:$LP_PORT/graphql"
OUT="${OUT:-$HERE/results}"; mkdir -p "$OUT"
case "$DB" in leadproof|leadproof_test*) echo "refusing to benchmark against $DB" >&2; exit 2;; esac
JAVA="${JAVA:-$("$ROOT/src/ops/jdk.sh")/bin/java}" # the JDK 25 the Makefile uses: the default java here is 17
LP_PID=
start_lp() {
  LEADPROOF_VERIFIED_TOKEN_CACHE_MAX_SIZE="$1" \
  LEADPROOF_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_HTTP_PORT=$LP_PORT LEADPROOF_MANAGEMENT_PORT=$LP_MGMT \
  LEADPROOF_GRAPHQL_BUDGET_CAPACITY=100000000 LEADPROOF_GRAPHQL_BUDGET_RESTORE_RATE=10000000 LEADPROOF_GRAPHQL_MAX_CONCURRENT=64 \
  LEADPROOF_SCORING_DECAY_DELAY=24h setsid nohup "$JAVA" -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >"$OUT/leadproof-token-cache.log" 2>&1 &
  LP_PID=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$LP_MGMT/q/health/ready" && return; sleep 1; done
  echo "LeadProof did not get ready (see $OUT/leadproof-token-cache.log)" >&2; exit 1
}
stop_lp() { [ -n "$LP_PID" ] && { kill "$LP_PID" 2>/dev/null || true; wait "$LP_PID" 2>/dev/null || true; }; LP_PID=; }
trap stop_lp EXIT
BODY=$(mktemp); trap 'stop_lp; rm -f "$BODY"' EXIT
python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read()}))' "$PEER/queries/lp_list.graphql" >"$BODY"
TOKEN=$("$ROOT/src/ops/keycloak.sh" token leo.leader)
for round in $(seq 1 "${ROUNDS:-1}"); do
  for size in 0 10000; do
    start_lp "$size"
    TOKEN="$TOKEN" CONNS="${CONNS:-16}" DURATION="${WARM:-10s}" "$HERE/load.sh" "$LP" "$BODY" >/dev/null
    echo "round=$round cache_max_size=$size $(TOKEN="$TOKEN" APP_PID=$LP_PID CONNS="${CONNS:-16}" DURATION="${DURATION:-20s}" "$HERE/load.sh" "$LP" "$BODY")"
    stop_lp
  done
done
