#!/usr/bin/env bash
# The other hot reads of issue 14, LeadProof beside PostGraphile on the same bench database, alternating: the rep's queue
# (myHandoffs with frozen evidence and the lead), a criteria version with its rules, a filtered lead list with scores.
# Requests: bench/readpath/queries/{lp,pgl}_{handoffs,version,filtered}.graphql (same rows on both; PostGraphile returns
# the frozen evidence and the rules as the stored JSON documents, LeadProof as typed lists).
#
#   BENCH_DB=leadproof_bench_rproots bench/readpath/hot.sh
#
# Preconditions: the bench database generated (run.sh with GENERATE_ONLY=1), LeadProof packaged, PostGraphile installed
# in PGL_DIR (../shared/peer/install.sh). Steps: hot_data.sql (the benchmark rep's queue, frozen evidence, PostGraphile's
# queue function and SLA column); PostGraphile on PGL_PORT, started here unless it answers; LeadProof on LP_PORT/LP_MGMT
# (security on, budget on with a limit that does not throttle); a check that every request answers without errors (and
# LeadProof's through the compiled path); then per request and client count each server in turn: warm-up, then load.sh.
#
# Environment: BENCH_DB (leadproof_bench_rproots), PGL_DIR (.cache/postgraphile), PGL_PORT (5031), LP_PORT / LP_MGMT
# (8231 / 8232), OUT (bench/readpath/results), REQS ("handoffs version filtered"), CONNS_LIST ("16 1"), ROUNDS (1),
# DUR (15s), WARM (5s), REP (sam.sales: the queue's owner; its token reads every request), GENERAL (1: also a second
# LeadProof with the compiled reads off, on LP_PORT+2 / LP_MGMT+2, to time the general path of the same build).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$(cd "$HERE/../.." && pwd)"; PEER="$ROOT/../shared/peer"
[ -d "$PEER" ] || PEER=/work/shared/peer # a worktree under /work/wt: the kit is beside the main checkout
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-leadproof_bench_rproots}"; PGL_DIR="${PGL_DIR:-$ROOT/.cache/postgraphile}"; OUT="${OUT:-$HERE/results}"
PGL_PORT="${PGL_PORT:-5031}"; LP_PORT="${LP_PORT:-8231}"; LP_MGMT="${LP_MGMT:-8232}"; REP="${REP:-sam.sales}"
LP="http://127.0.0.1:$LP_PORT/graphql"; PGL="http://127.0.0.1:$PGL_PORT/graphql"; BODIES="$OUT/hot-bodies"; mkdir -p "$BODIES"
export PG_DB="${PG_DB:-$DB}" # load.sh: PostgreSQL CPU of this database's backends only, not the machine's other work
case "$DB" in leadproof|leadproof_test*|leadproof_bench|leadproof_bench_evidence) echo "refusing to benchmark against $DB" >&2; exit 2;; esac
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || { echo "package LeadProof first (./mvnw package -DskipTests)" >&2; exit 2; }

psql -X -q -d "$DB" -f "$HERE/hot_data.sql" >/dev/null
gql() { curl -sf -H 'Content-Type: application/json' "$@"; }
PIDS=()
if ! gql -d '{"query":"{__typename}"}' -o /dev/null "$PGL"; then
  PORT=$PGL_PORT DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB" "$PEER/start.sh" "$PGL_DIR" >/dev/null
  PIDS+=("$(cat "$PGL_DIR/postgraphile.pid")")
fi
PGL_PID=$(cat "$PGL_DIR/postgraphile.pid")
start_lp() { # HTTP_PORT MGMT_PORT NAME [VAR=value...]
  env "${@:4}" LEADPROOF_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_HTTP_PORT=$1 LEADPROOF_MANAGEMENT_PORT=$2 \
  LEADPROOF_GRAPHQL_BUDGET_CAPACITY=100000000 LEADPROOF_GRAPHQL_BUDGET_RESTORE_RATE=10000000 LEADPROOF_GRAPHQL_MAX_CONCURRENT=64 \
  LEADPROOF_SCORING_DECAY_DELAY=24h setsid nohup java -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >"$OUT/hot-$3.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 180); do curl -sf -o /dev/null "http://127.0.0.1:$2/q/health/ready" && return; sleep 1; done
  echo "LeadProof $3 did not get ready (see $OUT/hot-$3.log)" >&2; exit 1
}
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
start_lp "$LP_PORT" "$LP_MGMT" leadproof; LP_PID=${PIDS[-1]}
if [ "${GENERAL:-0}" = 1 ]; then
  start_lp $((LP_PORT + 2)) $((LP_MGMT + 2)) general LEADPROOF_COMPILED_READS_ENABLED=false; GEN_PID=${PIDS[-1]}
fi

VERSION=$(psql -X -Atq -d "$DB" -c "select served_version_id from criteria_model where workspace_id = 'acme' and served_version_id is not null limit 1")
for f in "$HERE"/queries/*.graphql; do
  sed "s/VERSION_UUID/$VERSION/" "$f" | python3 -c 'import json,sys; print(json.dumps({"query": sys.stdin.read()}))' >"$BODIES/$(basename "$f" .graphql).json"
done
token() { "$ROOT/src/ops/keycloak.sh" token "$REP"; }
for req in ${REQS:-handoffs version filtered}; do # both answer, without errors, the same number of rows; LeadProof compiled
  lp=$(gql -D "$OUT/hot-headers" -H "Authorization: Bearer $(token)" -d @"$BODIES/lp_$req.json" "$LP")
  pgl=$(gql -d @"$BODIES/pgl_$req.json" "$PGL")
  grep -qi '^leadproof-read-path: compiled' "$OUT/hot-headers" || echo "warning: $req took LeadProof's general path" >&2
  for a in "$lp" "$pgl"; do case "$a" in *'"errors"'*) echo "$req answered with errors: $a" | head -c 600 >&2; exit 1;; esac; done
  echo "$req rows: leadproof $(grep -o '"id":"gid://leadproof/\(Lead\|Handoff\|CriteriaVersion\)' <<<"$lp" | wc -l)/$(grep -o '"key":' <<<"$lp" | wc -l) keys," \
       "postgraphile $(grep -o '"rowId":' <<<"$pgl" | wc -l) rowIds, bytes $(wc -c <<<"$lp")/$(wc -c <<<"$pgl")" | tee -a "$OUT/hot.txt"
done
run() { # NAME URL BODY PID CONNS [TOKEN]
  TOKEN="${6:-}" CONNS=$5 DURATION="${WARM:-5s}" APP_PID=$4 "$HERE/load.sh" "$2" "$3" >/dev/null
  echo "$req c$5 $1 $(TOKEN="${6:-}" CONNS=$5 DURATION="${DUR:-15s}" APP_PID=$4 "$HERE/load.sh" "$2" "$3")"
}
{
  echo "== $(date -u +%FT%TZ) $DB ($(psql -X -Atq -d "$DB" -c "select count(*) from lead") leads), commit $(git -C "$ROOT" rev-parse --short HEAD); uptime:$(uptime)"
  for round in $(seq 1 "${ROUNDS:-1}"); do
    for req in ${REQS:-handoffs version filtered}; do
      for conns in ${CONNS_LIST:-16 1}; do
        run leadproof "$LP" "$BODIES/lp_$req.json" "$LP_PID" "$conns" "$(token)"
        [ "${GENERAL:-0}" = 1 ] && run general "http://127.0.0.1:$((LP_PORT + 2))/graphql" "$BODIES/lp_$req.json" "$GEN_PID" "$conns" "$(token)"
        run postgraphile "$PGL" "$BODIES/pgl_$req.json" "$PGL_PID" "$conns"
      done
    done
  done
  echo "== end $(date -u +%FT%TZ); uptime:$(uptime)"
} | tee -a "$OUT/hot.txt"
