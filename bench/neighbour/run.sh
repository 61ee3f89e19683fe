#!/usr/bin/env bash
# Heavy-neighbour benchmark: other users' latency while one user runs expensive metrics and anonymous senders post
# 1.9 MB documents that do not parse (issue 13, item 6; figures in docs/benchmarks.md, "Heavy neighbour").
#
#   bench/neighbour/run.sh                       the build in target/ (make build), label "after"
#   APP_DIR=/tmp/before/target/quarkus-app LABEL=before bench/neighbour/run.sh
#
# To compare with an earlier commit, build it aside and run both:
#   git worktree add /tmp/before <commit> && (cd /tmp/before && ./mvnw -q package -DskipTests)
#
# The script starts the app itself (own port, own database, budget on as in production), generates the data set the
# first time (bench/metrics/generate.sh, BENCH_LEADS leads into workspace acme), runs a quiet phase and a heavy phase
# of SECONDS each after a warm-up, prints the light users' p50/p90/p99 per phase and appends them to
# bench/neighbour/results/<LABEL>.txt with the load average. Keycloak must be up (make keycloak).
#
# Environment: BENCH_DB (leadproof_bench_neighbour), BENCH_PORT (8093), BENCH_LEADS (200000), APP_DIR (target/quarkus-app),
# LABEL (after), SECONDS_PER_PHASE (60), WARMUP (15), and the workload knobs of Neighbour.java (LIGHT_USERS, HEAVY_USER,
# HEAVY, ANONYMOUS, THINK_MS). Timings on a shared machine are noisy: compare runs made back to back on a quiet one.
set -euo pipefail
cd "$(dirname "$0")"
REPO="$(cd ../.. && pwd)"
JAVA="${JAVA_HOME:-$("$REPO/src/ops/jdk.sh")}/bin/java"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-leadproof_bench_neighbour}"
PORT="${BENCH_PORT:-8093}"
LEADS="${BENCH_LEADS:-200000}"
APP_DIR="${APP_DIR:-$REPO/target/quarkus-app}"
LABEL="${LABEL:-after}"
PHASE_SECONDS="${SECONDS_PER_PHASE:-60}"
WARMUP="${WARMUP:-15}"
TOKEN_URL="${KC_TOKEN_URL:-http://127.0.0.1:8180/realms/leadproof/protocol/openid-connect/token}"
case "$DB" in leadproof|leadproof_test*) echo "refusing to benchmark against $DB" >&2; exit 2;; esac
[ -f "$APP_DIR/quarkus-run.jar" ] || { echo "no build in $APP_DIR (make build)" >&2; exit 2; }
mkdir -p results
LOG="results/app-$LABEL.log"

psql -X -q -d postgres -tc "select 1 from pg_database where datname = '$DB'" | grep -q 1 || psql -X -q -d postgres -c "create database $DB"
# One data set for every build compared: an older build tolerates the migrations a newer one applied.
LEADPROOF_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_HTTP_PORT="$PORT" QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS='*:future' \
  "$JAVA" -jar "$APP_DIR/quarkus-run.jar" >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null && break
  kill -0 $APP 2>/dev/null || { echo "the app did not start: see $LOG" >&2; exit 1; }
  sleep 1
done
if [ "$(psql -X -q -d "$DB" -tAc "select count(*) from lead where workspace_id = 'acme'")" -lt "$LEADS" ]; then
  BENCH_DB="$DB" BENCH_WS=acme BENCH_LEADS="$LEADS" ../metrics/generate.sh
fi
psql -X -q -d "$DB" -c "vacuum analyze" >/dev/null

URL="http://127.0.0.1:$PORT/graphql"
"$JAVA" Neighbour.java "$URL" "$TOKEN_URL" quiet "$WARMUP" >/dev/null
for phase in quiet heavy; do
  line="$("$JAVA" Neighbour.java "$URL" "$TOKEN_URL" "$phase" "$PHASE_SECONDS")"
  echo "$line"
  echo "$(date -u +%FT%TZ) label=$LABEL app=$APP_DIR script=$(git -C "$REPO" rev-parse --short HEAD) leads=$LEADS load=\"$(cut -d' ' -f1-3 /proc/loadavg)\" $line" \
    >>"results/$LABEL.txt"
  sleep 5
done
