# Shared helpers of the operations checks bench/ops/{two-pods,faults,load}.sh (sourced, not run). docs/operations.md.
#
# Environment common to all: JAVA_HOME (a JDK 25, found by src/ops/jdk.sh), APP_HOME (the directory with target/quarkus-app; default: the
# repository), OPS_OUT (results directory; default bench/ops/results), OPS_HEAP (-Xms and -Xmx of each pod, 512m;
# a fixed heap: see pod_start),
# KC_PORT / KC_MANAGEMENT_PORT (the Keycloak the pods trust and tokens come from; 8180 / 9180, the shared one).
OPS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$OPS_DIR/../.." && pwd)"
APP_HOME="${APP_HOME:-$REPO}"
JAVA_HOME="$("$REPO/src/ops/jdk.sh")" || exit 2
export JAVA_HOME
OPS_OUT="${OPS_OUT:-$OPS_DIR/results}"
RUN_DIR="$OPS_OUT/run-$(basename "$0" .sh)"
OPS_HEAP="${OPS_HEAP:-512m}"
export KC_PORT="${KC_PORT:-8180}" KC_MANAGEMENT_PORT="${KC_MANAGEMENT_PORT:-9180}"
KC_URL="http://127.0.0.1:$KC_PORT"
CLIENT="python3 $OPS_DIR/opsclient.py"
mkdir -p "$RUN_DIR"
# A fresh working directory per run (the checks grep the pods' logs), unless a previous run's pods still live.
for f in "$RUN_DIR"/*.pid; do
  [ -e "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && { echo "a previous run of $0 still runs (pid $(cat "$f")); stop it first" >&2; exit 2; }
done
find "$RUN_DIR" -mindepth 1 -delete

FAILED_CLAIMS=0
PASSED_CLAIMS=0

log() { printf '[%s %s] %s\n' "$(basename "$0" .sh)" "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

# pass|fail "<claim>" "<evidence>": one line per claim, also appended to $RESULTS when set.
verdict() {
  local outcome="$1" claim="$2" evidence="${3:-}"
  if [ "$outcome" = PASS ]; then PASSED_CLAIMS=$((PASSED_CLAIMS + 1)); else FAILED_CLAIMS=$((FAILED_CLAIMS + 1)); fi
  printf '%s  %s%s\n' "$outcome" "$claim" "${evidence:+  ($evidence)}" | tee -a "${RESULTS:-/dev/null}"
}
pass() { verdict PASS "$@"; }
fail() { verdict FAIL "$@"; }
# check "<claim>" "<evidence>" <command...>: PASS when the command succeeds.
check() { local claim="$1" evidence="$2"; shift 2; if "$@"; then pass "$claim" "$evidence"; else fail "$claim" "$evidence"; fi; }
summary() {
  printf '\n%d claims passed, %d failed\n' "$PASSED_CLAIMS" "$FAILED_CLAIMS" | tee -a "${RESULTS:-/dev/null}"
  [ "$FAILED_CLAIMS" -eq 0 ]
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
need_free_ports() { local p; for p in "$@"; do ! port_busy "$p" || die "port $p is in use; set the *_PORT variables (see the header of $0)"; done; }

# ---- app instances ("pods") ---------------------------------------------------------------------------------------

pod_pid() { cat "$RUN_DIR/$1.pid" 2>/dev/null; }
pod_alive() { local pid; pid=$(pod_pid "$1") && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

# pod_start <name> <http port> <management port> <jdbc url> [VAR=value ...]: starts in the background, does not wait.
pod_start() {
  local name="$1" http="$2" mgmt="$3" url="$4" jar="$APP_HOME/target/quarkus-app/quarkus-run.jar"
  shift 4
  [ -f "$jar" ] || die "no $jar: build first (make build, or ./mvnw -q -B package -DskipTests in APP_HOME)"
  ! pod_alive "$name" || die "pod $name already runs (pid $(pod_pid "$name"))"
  need_free_ports "$http" "$mgmt"
  log "starting pod $name on :$http (management :$mgmt) against $url"
  # In a subshell, so that the JVM is not a job of this shell (no "Killed" notices; init reaps it).
  # -Xms = -Xmx: G1 shrinks a growable heap to a few times the live set (~35 MB here), and then collects every second
  # under load and starts a concurrent cycle every few seconds, whose remark pauses stop every request for 50-350 ms on
  # this machine: the 10x tail (docs/benchmarks.md, "load-p99").
  (env LEADPROOF_DB_URL="$url" QUARKUS_HTTP_PORT="$http" LEADPROOF_MANAGEMENT_PORT="$mgmt" \
    LEADPROOF_OIDC_URL="$KC_URL/realms/leadproof" LEADPROOF_SCORING_DECAY_DELAY=24h HOSTNAME="pod-$name" "$@" \
    nohup "$JAVA_HOME/bin/java" "-Xms$OPS_HEAP" "-Xmx$OPS_HEAP" ${OPS_JAVA_OPTS:-} -jar "$jar" >>"$RUN_DIR/$name.log" 2>&1 &
   echo $! >"$RUN_DIR/$name.pid")
  echo "$mgmt" >"$RUN_DIR/$name.mgmt"
}

pod_ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$(cat "$RUN_DIR/$1.mgmt")/q/health/ready" 2>/dev/null; }

pod_wait_ready() { # <name> [seconds]
  local name="$1" limit="${2:-180}" t0=$SECONDS
  until pod_ready "$name"; do
    pod_alive "$name" || { tail -40 "$RUN_DIR/$name.log" >&2; die "pod $name died during startup (log: $RUN_DIR/$name.log)"; }
    [ $((SECONDS - t0)) -lt "$limit" ] || die "pod $name not ready after $limit s (log: $RUN_DIR/$name.log)"
    sleep 0.5
  done
  log "pod $name ready after $((SECONDS - t0)) s"
}

# pod_stop <name> [signal]: TERM (or the given signal), waits for the exit, KILL after 45 s.
pod_stop() {
  local name="$1" signal="${2:-TERM}" pid
  pid=$(pod_pid "$name") || return 0
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -"$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 90); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      log "pod $name still alive after 45 s: KILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$RUN_DIR/$name.pid"
}

stop_all_pods() {
  local f
  for f in "$RUN_DIR"/*.pid; do [ -e "$f" ] && pod_stop "$(basename "$f" .pid)"; done
  return 0
}

# CPU seconds (user + system) of a process, or of a pod by name.
cpu_of_pid() { awk -v t="$(getconf CLK_TCK)" '{printf "%.2f\n", ($14 + $15) / t}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# ---- tokens and GraphQL ---------------------------------------------------------------------------------------------

token() { "$REPO/src/ops/keycloak.sh" token "$@"; }

# gql <base url> <token> <query> [variables json]: prints the response body; fails on transport errors only.
gql() {
  local body
  body=$(jq -cn --arg q "$3" --argjson v "${4:-{\}}" '{query: $q, variables: $v}')
  curl -sS --max-time 60 -H "Authorization: Bearer $2" -H 'content-type: application/json' -d "$body" "$1/graphql"
}
# gql_ok: same, but fails (printing the answer) on GraphQL errors.
gql_ok() {
  local out
  out=$(gql "$@") || return 1
  if [ "$(jq '(.errors // []) | length' <<<"$out")" != 0 ]; then echo "$out" >&2; return 1; fi
  printf '%s' "$out"
}

# ---- databases ------------------------------------------------------------------------------------------------------

# fresh_database <port> <name>: drops and creates a database (as postgres, trust on the loopback).
fresh_database() {
  case "$2" in leadproof|leadproof_test*) die "refusing to recreate $2";; esac
  psql -X -q -h 127.0.0.1 -p "$1" -U postgres -d postgres -c "drop database if exists $2 with (force)" -c "create database $2" \
    || die "cannot create database $2 on port $1"
}

sql() { # <port> <db> <sql>: one value per line
  psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d "$2" -c "$3"
}

# private_cluster <name> <port> [-o guc=value ...]: a PostgreSQL 15 cluster of this script's own, created when missing
# and started, with trust for the loopback (like the development machines). Never the shared cluster on 5432.
private_cluster() {
  local name="$1" port="$2"
  shift 2
  [ "$port" != 5432 ] || die "the private cluster must not use 5432, the shared cluster's port"
  command -v pg_createcluster >/dev/null || die "pg_createcluster missing (apt-get install -y postgresql-15 postgresql-common)"
  if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$name"; then
    need_free_ports "$port"
    log "creating PostgreSQL cluster 15/$name on port $port"
    pg_createcluster 15 "$name" --port "$port" "$@" -- --auth-local=trust --auth-host=trust >/dev/null
  fi
  pg_ctlcluster --skip-systemctl-redirect 15 "$name" status >/dev/null 2>&1 \
    || pg_ctlcluster --skip-systemctl-redirect 15 "$name" start
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$port" && return 0; sleep 0.5; done
  die "cluster 15/$name does not accept connections on $port"
}

drop_private_cluster() { # <name>
  pg_lsclusters -h | awk '{print $2}' | grep -qx "$1" || return 0
  log "dropping PostgreSQL cluster 15/$1"
  pg_dropcluster --stop 15 "$1" || true
}

# CPU seconds of a whole cluster: the postmaster with its reaped children, plus the children alive now.
cluster_cpu_seconds() { # <name>
  local pm tck total
  pm=$(head -1 "/var/lib/postgresql/15/$1/postmaster.pid" 2>/dev/null) || { echo 0; return; }
  tck=$(getconf CLK_TCK)
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
  for c in $(pgrep -P "$pm"); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0)))
  done
  echo "scale=2; $total / $tck" | bc
}
