#!/usr/bin/env bash
# Local Keycloak for LeadProof development and end-to-end tests.
#
#   src/ops/keycloak.sh start                      download (once), start, import the realm, wait until ready
#   src/ops/keycloak.sh stop                       stop the instance started by this script (pid file)
#   src/ops/keycloak.sh restart                    stop + start (re-imports the realm file after you edit it)
#   src/ops/keycloak.sh status                     exit 0 when the leadproof realm answers, 3 otherwise
#   src/ops/keycloak.sh token <username> [workspace]
#                                                  print an access token (password grant, client leadproof-cli);
#                                                  with a workspace (organization alias, e.g. acme) the token is
#                                                  requested with scope organization:<workspace>
#   src/ops/keycloak.sh claims <username> [workspace]
#                                                  same, but print the decoded token payload (JSON)
#
# Keycloak runs in dev mode with an in-memory database (--db=dev-mem): every start re-imports
# src/main/keycloak/leadproof-realm.json, so the realm is always exactly what the file says.
#
# Overridable through the environment: KC_VERSION, KC_PORT (8180), KC_MANAGEMENT_PORT (9180),
# KC_START_TIMEOUT (180 s), KC_HEAP ("-Xms64m -Xmx512m"), KC_USER_PASSWORD (leadproof), JAVA_HOME,
# KC_INSTANCE (a name for a second local Keycloak on other ports, e.g. bench/ops/faults.sh's private one: its own copy of
# the distribution, pid and log files, so that its start and stop never touch the instance started without it),
# KC_DB (dev-mem; dev-file keeps the realm and its signing keys in $KC_HOME/data across restarts, like a real
# deployment, and imports the realm file only into an empty database).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KC_VERSION="${KC_VERSION:-26.7.3}"
KC_HOST=127.0.0.1
KC_PORT="${KC_PORT:-8180}"
KC_MANAGEMENT_PORT="${KC_MANAGEMENT_PORT:-9180}"
KC_START_TIMEOUT="${KC_START_TIMEOUT:-180}"
KC_HEAP="${KC_HEAP:--Xms64m -Xmx512m}"
KC_USER_PASSWORD="${KC_USER_PASSWORD:-leadproof}"
REALM=leadproof
CLIENT_ID=leadproof-cli

CACHE="$ROOT/.cache"
KC_INSTANCE="${KC_INSTANCE:-}"
KC_DB="${KC_DB:-dev-mem}"
KC_HOME="$CACHE/keycloak-$KC_VERSION${KC_INSTANCE:+-$KC_INSTANCE}"   # an instance's own copy: its own data/ directory
KC_ZIP="$CACHE/keycloak-quarkus-dist-$KC_VERSION.zip"
PID_FILE="$CACHE/keycloak${KC_INSTANCE:+-$KC_INSTANCE}.pid"
LOG_FILE="$CACHE/keycloak${KC_INSTANCE:+-$KC_INSTANCE}.log"
REALM_FILE="$ROOT/src/main/keycloak/leadproof-realm.json"
BASE_URL="http://$KC_HOST:$KC_PORT"
WELL_KNOWN="$BASE_URL/realms/$REALM/.well-known/openid-configuration"
TOKEN_URL="$BASE_URL/realms/$REALM/protocol/openid-connect/token"

say() { printf '[keycloak] %s\n' "$*" >&2; }
die() { printf '[keycloak] ERROR: %s\n' "$*" >&2; exit 1; }

need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is required but not installed"; }

# --- Java -------------------------------------------------------------------------------------

java_major() { # $1 = java home; prints the feature version, or nothing
  [ -x "$1/bin/java" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

pick_java_home() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*21*; do
    [ -n "$candidate" ] || continue
    major="$(java_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  die "no JDK >= 21 found (Keycloak $KC_VERSION needs 21+; this project uses JDK 25). Set JAVA_HOME."
}

# --- HTTP helpers -------------------------------------------------------------------------------

realm_ready() { curl -fsS -o /dev/null --max-time 3 "$WELL_KNOWN" 2>/dev/null; }

port_busy() { # $1 = port; true when something accepts TCP connections on 127.0.0.1:$1
  (exec 3<>"/dev/tcp/$KC_HOST/$1") 2>/dev/null
}

pid_alive() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# --- download / unpack ---------------------------------------------------------------------------

ensure_distribution() {
  if [ -x "$KC_HOME/bin/kc.sh" ]; then
    return 0
  fi
  mkdir -p "$CACHE"
  if [ ! -s "$KC_ZIP" ]; then
    say "downloading org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip (~170 MB, only once) through the Maven wrapper"
    local t0=$SECONDS
    (cd "$ROOT" && JAVA_HOME="$JAVA_HOME_KC" ./mvnw -q -B \
        org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
        -DoutputDirectory="$CACHE" -Dmdep.overWriteReleases=false) \
      || die "download failed (see the Maven output above)"
    [ -s "$KC_ZIP" ] || die "download finished but $KC_ZIP is missing"
    say "downloaded in $((SECONDS - t0)) s"
  fi
  say "unpacking into $KC_HOME"
  local tmp="$CACHE/.keycloak-unpack.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$KC_ZIP" -d "$tmp"
  else
    (cd "$tmp" && "$JAVA_HOME_KC/bin/jar" xf "$KC_ZIP")
    chmod +x "$tmp/keycloak-$KC_VERSION/bin/"*.sh
  fi
  [ -x "$tmp/keycloak-$KC_VERSION/bin/kc.sh" ] || die "unexpected archive layout in $KC_ZIP"
  rm -rf "$KC_HOME"
  mv "$tmp/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "$tmp"
  # The artifact stays in ~/.m2, so the copy in .cache is not needed any more.
  rm -f "$KC_ZIP"
}

# --- commands --------------------------------------------------------------------------------------

wait_ready() { # $1 = pid to watch (may be empty), $2 = start time (SECONDS)
  local pid="$1" t0="$2" next=10
  while ! realm_ready; do
    local elapsed=$((SECONDS - t0))
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      say "Keycloak exited during startup. Last lines of $LOG_FILE:"
      tail -n 60 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      exit 1
    fi
    if [ "$elapsed" -ge "$KC_START_TIMEOUT" ]; then
      say "not ready after ${KC_START_TIMEOUT} s. Last lines of $LOG_FILE:"
      tail -n 60 "$LOG_FILE" >&2 || true
      exit 1
    fi
    if [ "$elapsed" -ge "$next" ]; then
      say "still starting... ${elapsed} s"
      next=$((next + 10))
    fi
    sleep 1
  done
}

cmd_start() {
  need curl
  if realm_ready; then
    say "already running: $BASE_URL (realm $REALM)"
    return 0
  fi
  mkdir -p "$CACHE"
  if pid_alive; then
    say "process $(cat "$PID_FILE") is already starting; waiting for it"
    wait_ready "$(cat "$PID_FILE")" "$SECONDS"
    say "ready: $BASE_URL/realms/$REALM"
    return 0
  fi
  rm -f "$PID_FILE"
  if port_busy "$KC_PORT"; then
    die "port $KC_PORT is taken by something that does not serve the $REALM realm (try: ss -ltnp | grep :$KC_PORT)"
  fi
  if port_busy "$KC_MANAGEMENT_PORT"; then
    die "management port $KC_MANAGEMENT_PORT is taken; set KC_MANAGEMENT_PORT to a free port"
  fi
  [ -f "$REALM_FILE" ] || die "realm file missing: $REALM_FILE"

  JAVA_HOME_KC="$(pick_java_home)"
  ensure_distribution

  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/leadproof-realm.json"

  say "starting Keycloak $KC_VERSION on $BASE_URL (JDK $(java_major "$JAVA_HOME_KC") at $JAVA_HOME_KC, log: $LOG_FILE)"
  local t0=$SECONDS
  : >"$LOG_FILE"
  # setsid: own process group, so 'stop' can end kc.sh and its java child together.
  JAVA_HOME="$JAVA_HOME_KC" \
  JAVA_OPTS_KC_HEAP="$KC_HEAP" \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin \
  KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    setsid nohup "$KC_HOME/bin/kc.sh" start-dev \
      --http-host="$KC_HOST" \
      --http-port="$KC_PORT" \
      --http-management-port="$KC_MANAGEMENT_PORT" \
      --hostname="$BASE_URL" \
      --db="$KC_DB" \
      --import-realm \
      >>"$LOG_FILE" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$PID_FILE"
  wait_ready "$pid" "$t0"
  say "ready after $((SECONDS - t0)) s: $BASE_URL/realms/$REALM  (admin console: $BASE_URL/admin  admin/admin)"
}

cmd_stop() {
  if ! pid_alive; then
    rm -f "$PID_FILE"
    if realm_ready; then
      say "a Keycloak answers on $BASE_URL but was not started by this script (no live pid file); leaving it alone"
    else
      say "not running"
    fi
    return 0
  fi
  local pid
  pid="$(cat "$PID_FILE")"
  say "stopping pid $pid"
  # kc.sh was started with setsid, so its pid is also its process group id.
  if [ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" = "$pid" ]; then
    kill -TERM -- "-$pid" 2>/dev/null || true
  else
    kill -TERM "$pid" 2>/dev/null || true
  fi
  local _
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still alive after 30 s; sending KILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  say "stopped"
}

cmd_status() {
  if realm_ready; then
    local pid="-"
    pid_alive && pid="$(cat "$PID_FILE")"
    say "running: $BASE_URL/realms/$REALM (pid $pid)"
    return 0
  fi
  if pid_alive; then
    say "starting (pid $(cat "$PID_FILE")), realm not answering yet"
  else
    say "not running (start it with: make keycloak  or  src/ops/keycloak.sh start)"
  fi
  return 3
}

fetch_token() { # $1 = username, $2 = workspace (optional); prints the access token
  need curl
  local user="${1:-}" workspace="${2:-}"
  [ -n "$user" ] || die "usage: $0 token <username> [workspace]"
  realm_ready || die "Keycloak is not answering on $BASE_URL (start it with: make keycloak  or  src/ops/keycloak.sh start)"
  local args=(-sS --max-time 15 -X POST "$TOKEN_URL"
    --data-urlencode grant_type=password
    --data-urlencode "client_id=$CLIENT_ID"
    --data-urlencode "username=$user"
    --data-urlencode "password=$KC_USER_PASSWORD")
  if [ -n "$workspace" ]; then
    args+=(--data-urlencode "scope=openid organization:$workspace")
  fi
  local body
  body="$(curl "${args[@]}")" || die "token request failed"
  local token
  token="$(printf '%s' "$body" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
  [ -n "$token" ] || die "no access token for '$user': $body"
  printf '%s\n' "$token"
}

b64url_decode() {
  local s
  s="$(tr '_-' '/+')"
  case $(( ${#s} % 4 )) in
    2) s="$s==" ;;
    3) s="$s=" ;;
  esac
  printf '%s' "$s" | base64 -d
}

cmd_claims() {
  local token payload
  token="$(fetch_token "$@")"
  payload="$(printf '%s' "$token" | cut -d. -f2 | b64url_decode)"
  if command -v jq >/dev/null 2>&1; then
    printf '%s\n' "$payload" | jq .
  else
    printf '%s\n' "$payload"
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) cmd_stop; cmd_start ;;
  status) cmd_status ;;
  token) shift; fetch_token "$@" ;;
  claims) shift; cmd_claims "$@" ;;
  *)
    echo "usage: $0 start|stop|restart|status|token <username> [workspace]|claims <username> [workspace]" >&2
    exit 2
    ;;
esac
