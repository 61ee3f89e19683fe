#!/usr/bin/env bash
# Read path, LeadProof beside PostGraphile on the same bench database (issue 14), with the peer kit in ../shared/peer.
#
#   BENCH_LEADS=20000 bench/readpath/run.sh          small scale, for a developer machine
#   BENCH_LEADS=1000000 bench/readpath/run.sh        the published comparison: an idle 2-core machine only
#
# Steps (each skipped when its result is there; FRESH=1 regenerates the data):
#   1. database BENCH_DB, migrated by starting LeadProof once, then bench/metrics/generate.sh (people, companies,
#      titles, handoffs and the scores of the served version v3) into workspace acme;
#   2. PostGraphile 5.1.5 installed into PGL_DIR with ../shared/peer/install.sh and started (:5001, as postgres:
#      row-level security does not apply to it, which favours it);
#   3. LeadProof from target/quarkus-app on :8094 (management :9094) against BENCH_DB, security on, the cost budget on
#      with a limit that does not throttle the benchmark user, decay delayed;
#   4. per request: transactions and statements of the nested list (count.sh, needs log_statement for BENCH_DB, set
#      here before LeadProof starts), then ../shared/peer/side.sh (both servers alternately, 16 then 1 client) and a
#      load.sh run of each with CPU per request.
#
# Environment: BENCH_DB (leadproof_bench_readpath), BENCH_LEADS (20000), PGL_DIR (.cache/postgraphile), OUT
# (bench/readpath/results), ROUNDS (1), C16 (20s), C1 (10s), WARM (20s), LP_PORT / LP_MGMT (8094 / 9094),
# GENERATE_ONLY (1: stop after step 1).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$(cd "$HERE/../.." && pwd)"; PEER="$ROOT/../shared/peer"
[ -d "$PEER" ] || PEER=/work/shared/peer
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-leadproof_bench_readpath}"; LEADS="${BENCH_LEADS:-20000}"; PGL_DIR="${PGL_DIR:-$ROOT/.cache/postgraphile}"
OUT="${OUT:-$HERE/results}"; mkdir -p "$OUT"
LP_PORT="${LP_PORT:-8094}"; LP_MGMT="${LP_MGMT:-9094}"; LP="http://127.0.0.1:$LP_PORT/graphql"; PGL="http://127.0.0.1:5001/graphql"
case "$DB" in leadproof|leadproof_test*) echo "refusing to benchmark against $DB" >&2; exit 2;; esac
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || { echo "package LeadProof first (./mvnw package -DskipTests)" >&2; exit 2; }

start_lp() {
  LEADPROOF_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_HTTP_PORT=$LP_PORT LEADPROOF_MANAGEMENT_PORT=$LP_MGMT \
  LEADPROOF_GRAPHQL_BUDGET_CAPACITY=100000000 LEADPROOF_GRAPHQL_BUDGET_RESTORE_RATE=10000000 LEADPROOF_GRAPHQL_MAX_CONCURRENT=64 \
  LEADPROOF_SCORING_DECAY_DELAY=24h setsid nohup java -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >"$OUT/leadproof.log" 2>&1 &
  LP_PID=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$LP_MGMT/q/health/ready" && return; sleep 1; done
  echo "LeadProof did not get ready (see $OUT/leadproof.log)" >&2; exit 1
}
stop_lp() { kill "$LP_PID" 2>/dev/null || true; wait "$LP_PID" 2>/dev/null || true; }

if ! psql -X -Atq -d postgres -c "select 1 from pg_database where datname = '$DB'" | grep -q 1; then createdb "$DB"; fi
psql -X -q -d postgres -c "alter database $DB set log_statement = 'all'"
trap 'stop_lp; psql -X -q -d postgres -c "alter database '"$DB"' reset log_statement"' EXIT
if [ "${FRESH:-0}" = 1 ] || [ "$(psql -X -Atq -d "$DB" -c "select count(*) from lead_score" 2>/dev/null || echo 0)" = 0 ]; then
  start_lp; stop_lp   # Flyway migrates the database
  BENCH_DB="$DB" BENCH_LEADS="$LEADS" "$ROOT/bench/metrics/generate.sh"
fi
[ "${GENERATE_ONLY:-0}" = 1 ] && exit 0
[ -d "$PGL_DIR/node_modules/postgraphile" ] || "$PEER/install.sh" "$PGL_DIR"
curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' "$PGL" \
  || DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB" "$PEER/start.sh" "$PGL_DIR"
start_lp

token() { "$ROOT/src/ops/keycloak.sh" token leo.leader; }
BODIES="$OUT/bodies"; mkdir -p "$BODIES"
VERSION=$(psql -X -Atq -d "$DB" -c "select served_version_id from criteria_model where workspace_id = 'acme' and served_version_id is not null limit 1")
LEAD=$(psql -X -Atq -d "$DB" -c "select lead_id from handoff where workspace_id = 'acme' group by lead_id order by count(*) desc, lead_id limit 1")
for f in "$PEER"/queries/*.graphql; do
  sed "s/VERSION_UUID/$VERSION/; s/LEAD_UUID/$LEAD/" "$f" | python3 -c 'import json,sys; print(json.dumps({"query": sys.stdin.read()}))' >"$BODIES/$(basename "$f" .graphql).json"
done
{
  echo "== $(date -u +%FT%TZ) $DB ($LEADS leads), commit $(git -C "$ROOT" rev-parse --short HEAD)"
  for req in list one; do
    echo "$req leadproof $(BENCH_DB="$DB" LP_URL="$LP" "$HERE/count.sh" "$BODIES/lp_$req.json" 50)"
  done
  for req in list one; do
    for conns in 16 1; do
      dur=${C16:-20s}; [ "$conns" = 1 ] && dur=${C1:-10s}
      TOKEN=$(token) CONNS=$conns DURATION="${WARM:-20s}" APP_PID=$LP_PID "$HERE/load.sh" "$LP" "$BODIES/lp_$req.json" >/dev/null
      echo "$req c$conns leadproof   $(TOKEN=$(token) CONNS=$conns DURATION=$dur APP_PID=$LP_PID "$HERE/load.sh" "$LP" "$BODIES/lp_$req.json")"
      CONNS=$conns DURATION="${WARM:-20s}" APP_PID="$(cat "$PGL_DIR/postgraphile.pid")" "$HERE/load.sh" "$PGL" "$BODIES/pgl_$req.json" >/dev/null
      echo "$req c$conns postgraphile $(CONNS=$conns DURATION=$dur APP_PID="$(cat "$PGL_DIR/postgraphile.pid")" "$HERE/load.sh" "$PGL" "$BODIES/pgl_$req.json")"
    done
  done
} | tee -a "$OUT/results.txt"
echo "the peer's own alternating runner: LP_URL=$LP LP_TOKEN_CMD='src/ops/keycloak.sh token leo.leader' BENCH_DB=$DB $PEER/side.sh"
