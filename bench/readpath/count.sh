#!/usr/bin/env bash
# Database work of one request: runs a request body N times one after the other against a LeadProof instance and
# reports, per request, the transactions (pg_stat_database: commits + rollbacks of the bench database) and the
# statements (server log lines of the app's role on the bench database, which needs `alter database BENCH_DB set
# log_statement = 'all'` BEFORE the app opens its connections: start-app.sh does it with COUNT=1), minus what the idle
# app does in the same time.
#
#   bench/readpath/count.sh BODY.json [N]
#
# Environment: LP_URL (http://127.0.0.1:8094/graphql), BENCH_DB (leadproof_bench_readpath), BENCH_USER (leo.leader),
# PG_LOG (/var/log/postgresql/postgresql-15-main.log).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BODY="${1:?request body (JSON)}"; N="${2:-50}"
URL="${LP_URL:-http://127.0.0.1:8094/graphql}"; DB="${BENCH_DB:-leadproof_bench_readpath}"
LOG="${PG_LOG:-/var/log/postgresql/postgresql-15-main.log}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
case "$DB" in leadproof|leadproof_test*) echo "refusing to count on $DB" >&2; exit 2;; esac
xacts() { sleep 1.2; psql -X -Atq -d postgres -c "select pg_stat_force_next_flush(); select xact_commit + xact_rollback from pg_stat_database where datname = '$DB'" | tail -1; }
statements() { grep -c "@$DB LOG:  \(statement\|execute\)" "$LOG" || true; }
TOKEN="$("$ROOT/src/ops/keycloak.sh" token "${BENCH_USER:-leo.leader}")"
call() { curl -sS -f -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d @"$BODY" "$URL"; }
for _ in 1 2 3 4 5; do call; done   # warm-up; also makes the pool open sessions that see the logging setting
start=$(date +%s.%N); x0=$(xacts); s0=$(statements)
for _ in $(seq 1 "$N"); do call; done
x1=$(xacts); s1=$(statements); took=$(echo "$(date +%s.%N) - $start" | bc)
sleep "$took"; x2=$(xacts); s2=$(statements)   # the idle app over the same time
python3 - "$N" "$x0" "$x1" "$x2" "$s0" "$s1" "$s2" <<'PY'
import sys
n, x0, x1, x2, s0, s1, s2 = map(int, sys.argv[1:])
print(f"requests={n} transactions/request={((x1 - x0) - (x2 - x1)) / n:.2f} statements/request={((s1 - s0) - (s2 - s1)) / n:.2f}"
      f" (idle: {x2 - x1} transactions, {s2 - s1} statements)")
PY
