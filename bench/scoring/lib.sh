# Shared helpers of the scoring benchmarks (sourced, not run).
# Environment: APP_HOME (directory with target/quarkus-app; default: the repository), BENCH_DB (leadproof_bench),
# BENCH_PORT (8090), BENCH_MANAGEMENT_PORT (9090: health), BENCH_USER (ada.admin), BENCH_WS (acme), JAVA_HOME (temurin 25),
# BENCH_OUT (results dir).
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/../.." && pwd)"
APP_HOME="${APP_HOME:-$REPO}"
BENCH_DB="${BENCH_DB:-leadproof_bench}"
BENCH_PORT="${BENCH_PORT:-8090}"
BENCH_MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-9090}"
READY="http://127.0.0.1:$BENCH_MANAGEMENT_PORT/q/health/ready"
BENCH_USER="${BENCH_USER:-ada.admin}"
BENCH_WS="${BENCH_WS:-acme}"
BENCH_OUT="${BENCH_OUT:-$BENCH_DIR/results}"
export JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
GRAPHQL="http://127.0.0.1:$BENCH_PORT/graphql"
APP_PID_FILE="$BENCH_OUT/app.pid"
mkdir -p "$BENCH_OUT"

case "$BENCH_DB" in leadproof|leadproof_test*) echo "refusing to benchmark against $BENCH_DB" >&2; exit 2;; esac
[ "$BENCH_PORT" != 8080 ] || { echo "port 8080 belongs to the main app; use another BENCH_PORT" >&2; exit 2; }

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

token() { "$REPO/src/ops/keycloak.sh" token "$BENCH_USER"; }

# gql <token> <query> [variables-json]: prints the response; fails on transport errors or GraphQL errors.
gql() {
  local body out
  body=$(jq -cn --arg q "$2" --argjson v "${3:-{\}}" '{query: $q, variables: $v}')
  out=$(curl -sS --fail-with-body -H "Authorization: Bearer $1" -H 'content-type: application/json' -d "$body" "$GRAPHQL") || { echo "$out" >&2; return 1; }
  if [ "$(jq '.errors | length' <<<"$out")" != 0 ]; then echo "$out" >&2; return 1; fi
  printf '%s' "$out"
}

app_start() { # [log file]
  local logf="${1:-$BENCH_OUT/app.log}" jar="$APP_HOME/target/quarkus-app/quarkus-run.jar"
  [ -f "$jar" ] || { echo "no $jar: build first (./mvnw -q -B package -DskipTests in APP_HOME)" >&2; exit 2; }
  if curl -s -o /dev/null "http://127.0.0.1:$BENCH_PORT/" || curl -s -o /dev/null "$READY"; then
    echo "port $BENCH_PORT or $BENCH_MANAGEMENT_PORT is busy" >&2; exit 2
  fi
  log "starting the app on :$BENCH_PORT against $BENCH_DB ($jar)"
  # The hourly decay rescoring (DecayJob, first run 5 min after start) would compete with the measured
  # work; it is pushed out of the benchmark's way unless BENCH_DECAY_DELAY says otherwise. The per-user
  # GraphQL cost budget (docs/limits.md) would throttle one user posting batches as fast as it can; it
  # is off for the benchmark unless BENCH_GRAPHQL_BUDGET_ENABLED=true.
  LEADPROOF_SCORING_DECAY_DELAY="${BENCH_DECAY_DELAY:-24h}" \
  LEADPROOF_GRAPHQL_BUDGET_ENABLED="${BENCH_GRAPHQL_BUDGET_ENABLED:-false}" \
  LEADPROOF_DB_URL="jdbc:postgresql://127.0.0.1:${PGPORT}/$BENCH_DB" QUARKUS_HTTP_PORT="$BENCH_PORT" \
  LEADPROOF_MANAGEMENT_PORT="$BENCH_MANAGEMENT_PORT" \
    nohup "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -jar "$jar" >"$logf" 2>&1 &
  echo $! >"$APP_PID_FILE"
  for _ in $(seq 1 "${BENCH_READY_SECONDS:-120}"); do
    curl -s -o /dev/null --fail "$READY" && return 0
    kill -0 "$(cat "$APP_PID_FILE")" 2>/dev/null || { tail -50 "$logf" >&2; echo "the app died" >&2; exit 1; }
    sleep 1
  done
  echo "the app did not become ready in ${BENCH_READY_SECONDS:-120} s (BENCH_READY_SECONDS)" >&2; exit 1
}

app_stop() {
  [ -f "$APP_PID_FILE" ] || return 0
  local pid; pid=$(cat "$APP_PID_FILE")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping the app (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$APP_PID_FILE"
}

# CPU seconds (user + system) used so far by the app and by the PostgreSQL backends of BENCH_DB.
# Backends that exit in between are missed: the app's pool keeps its connections.
cpu_seconds() {
  local tck pids total=0 p
  tck=$(getconf CLK_TCK)
  pids="$(cat "$APP_PID_FILE" 2>/dev/null) $(psql -X -Atc "select pid from pg_stat_activity where datname = '$BENCH_DB' and pid <> pg_backend_pid()" -d postgres | tr '\n' ' ')"
  for p in $pids; do
    [ -r "/proc/$p/stat" ] || continue
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$p/stat") ))
  done
  echo "scale=2; $total / $tck" | bc
}
app_cpu_seconds() {
  local p; p=$(cat "$APP_PID_FILE" 2>/dev/null) || { echo 0; return; }
  awk -v t="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / t}' "/proc/$p/stat"
}
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }

# Writes out what earlier steps left dirty (a checkpoint), so that a measurement does not pay for the flushing of the
# step before it: after a million-row rescore, a checkpoint falling into the next 30 s of ingest stalled its commits.
settle() {
  local t0; t0=$(now)
  psql -X -q -d "$BENCH_DB" -c checkpoint
  log "checkpoint before the measurement: $(printf %.1f "$(elapsed "$t0" "$(now)")") s"
}
