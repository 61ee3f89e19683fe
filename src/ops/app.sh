#!/usr/bin/env bash
# Starts/stops the packaged LeadProof app for `make run` (background, demo data on).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.cache"
PID_FILE="$CACHE/app.pid"
LOG_FILE="$CACHE/app.log"
PORT="${LEADPROOF_PORT:-8080}"
MANAGEMENT_PORT="${LEADPROOF_MANAGEMENT_PORT:-9000}"   # health and metrics (Quarkus management interface)
mkdir -p "$CACHE"

running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

start() {
  if running; then
    echo "[app] already running (pid $(cat "$PID_FILE"))"
  else
    echo "[app] starting LeadProof on :$PORT (log: $LOG_FILE)"
    # A local demo: GraphiQL and introspection on (production keeps them off unless switched on). setsid, as for
    # Keycloak: a session and process group of its own, so the app outlives the shell or group that ran `make run`.
    LEADPROOF_DEMO_ENABLED=true LEADPROOF_GRAPHQL_UI=true LEADPROOF_GRAPHQL_INTROSPECTION=true QUARKUS_HTTP_PORT="$PORT" \
      LEADPROOF_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
      setsid nohup "$JAVA_HOME/bin/java" -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >"$LOG_FILE" 2>&1 < /dev/null &
    echo $! >"$PID_FILE"
    for _ in $(seq 1 120); do
      if curl -fsS "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null 2>&1; then break; fi
      if ! running; then echo "[app] failed to start:"; tail -40 "$LOG_FILE"; exit 1; fi
      sleep 1
    done
    curl -fsS "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null || { echo "[app] not ready after 120 s"; tail -40 "$LOG_FILE"; exit 1; }
  fi
  cat <<MSG

LeadProof is up.
  GraphQL endpoint : http://127.0.0.1:$PORT/graphql
  GraphQL UI       : http://127.0.0.1:$PORT/graphql-ui   (add the header  Authorization: Bearer <token>)
  Schema (SDL)     : http://127.0.0.1:$PORT/graphql/schema.graphql
  Health / metrics : http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready  http://127.0.0.1:$MANAGEMENT_PORT/q/metrics  (management port)
  Keycloak admin   : http://127.0.0.1:8180/admin  (admin / admin)

Demo logins (password for all: leadproof) — workspace acme:
  ada.admin (revops-admin)  mia.marketing (marketing)  sam.sales, sue.sales (sales)  leo.leader (leadership)
workspace globex: gus.admin  gina.marketing  greg.sales  gail.leader
max.multi is in both (ask for a token with the workspace: src/ops/keycloak.sh token max.multi globex)

Call the API as a demo user (a fresh token per call: tokens live 5 minutes):
  src/ops/gql.sh ada.admin '{ viewer { userName roles workspace { id name } } leads(first: 3) { edges { node { email lifecycleStage } } } }'
Or with a token of your own (refresh it the same way after 5 minutes):
  TOKEN=\$(src/ops/keycloak.sh token ada.admin)
  curl -s -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' \\
      -d '{"query":"{ viewer { userName } }"}' http://127.0.0.1:$PORT/graphql

Stop everything: make stop
MSG
}

stop() {
  if running; then
    kill "$(cat "$PID_FILE")" && echo "[app] stopped"
    for _ in $(seq 1 20); do running || break; sleep 0.5; done
  fi
  rm -f "$PID_FILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
