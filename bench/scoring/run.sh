#!/usr/bin/env bash
# Scoring benchmarks 1-3 end to end (see docs/benchmarks.md):
#   1. generate 1,000,000 leads and 5,000,000 activities (generate.sh)
#   2. rescore every lead after three publishes, each checked against the set-based SQL bound (rescore.sh)
#   3. ingest activity batches over HTTP with 1, 2 and 4 clients (ingest.sh)
#
#   APP_HOME=/tmp/bench-copy bench/scoring/run.sh
#
# Assumes PostgreSQL (127.0.0.1:5432, user postgres) and Keycloak (127.0.0.1:8180, user ada.admin of
# organisation acme) are up, and a built app in $APP_HOME/target/quarkus-app (./mvnw -q -B package
# -DskipTests). Starts and stops the app itself on port 8090 against database leadproof_bench
# (created when missing; BENCH_RECREATE_DB=1 drops it first). Takes about 10 minutes on an idle 2-core machine. Results: bench/scoring/results/.
#
# BENCH_STEPS picks steps (default "generate rescore ingest"): rescore and ingest work on the data
# the last generate left (rescore needs the freshly generated set for its first publish to mean
# "first scores"; rerunning it only on an older set measures three more steady-state publishes).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap app_stop EXIT
STEPS=" ${BENCH_STEPS:-generate rescore ingest} "

run_start=$(now)
[[ "$STEPS" != *" rescore "* ]] || : >"$BENCH_OUT/rescore.jsonl"
[[ "$STEPS" != *" ingest "* ]] || : >"$BENCH_OUT/ingest.jsonl"
log "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(uname -r); load average $(loadavg)"
log "PostgreSQL: $(psql -X -Atc 'show server_version' -d postgres); shared_buffers $(psql -X -Atc 'show shared_buffers' -d postgres), autovacuum $(psql -X -Atc 'show autovacuum' -d postgres)"
token >/dev/null || { echo "no token from Keycloak: start it with src/ops/keycloak.sh start" >&2; exit 2; }
# Write-heavy runs on a stock configuration spend much of their time in checkpoints (max_wal_size 1 GB: one every
# ~10 s, each followed by full-page writes). A production server is sized for its write rate; so is this one, unless
# BENCH_TUNE_PG=0. Both settings apply on reload and are reported here.
if [ "${BENCH_TUNE_PG:-1}" = 1 ]; then
  psql -X -q -d postgres -c "alter system set max_wal_size = '8GB'" -c "alter system set checkpoint_timeout = '15min'" \
    -c "select pg_reload_conf()" >/dev/null
fi
log "PostgreSQL checkpoints: max_wal_size $(psql -X -Atc 'show max_wal_size' -d postgres), checkpoint_timeout $(psql -X -Atc 'show checkpoint_timeout' -d postgres)"

if [ "${BENCH_RECREATE_DB:-0}" = 1 ]; then   # e.g. after migrations were added out of order
  log "dropping database $BENCH_DB"
  psql -X -qc "drop database if exists $BENCH_DB" -d postgres
fi
if ! psql -X -Atc "select 1 from pg_database where datname = '$BENCH_DB'" -d postgres | grep -q 1; then
  log "creating database $BENCH_DB"
  psql -X -qc "create database $BENCH_DB" -d postgres
fi

# The schema (Flyway) and the workspace with its default criteria model exist once the app has
# served one request of a token of the organisation.
app_start "$BENCH_OUT/app-setup.log"
gql "$(token)" '{ viewer { workspace { id } } }' >/dev/null
app_stop

if [[ "$STEPS" == *" generate "* ]]; then
  log "1. generating the data set"
  "$BENCH_DIR/generate.sh" 2>&1 | tee "$BENCH_OUT/generate.log" | grep -E '^(==|generated|Time: [0-9]{4,})' >&2 || true
fi

if [[ "$STEPS" == *" rescore "* ]]; then
  # Rescoring measures scoring: leads that newly qualify become MQL either way, but the automatic
  # handoff that would follow (HandoffService, several Hibernate statements per lead) is switched
  # off for the publishes and measured with the ingestion instead.
  psql_bench -qc "update workspace set handoff_mode = 'MANUAL' where workspace_id = '$BENCH_WS'"
  app_start "$BENCH_OUT/app-rescore.log"
  log "2. rescoring after publishes"
  first=$([[ "$STEPS" == *" generate "* ]] && echo "publish-1-first-scores" || echo "publish-1-steady")
  "$BENCH_DIR/rescore.sh" 55 "$first" 2>&1 | grep -v RUNNING >&2
  "$BENCH_DIR/rescore.sh" 60 "publish-2-stricter" 2>&1 | grep -v RUNNING >&2
  "$BENCH_DIR/rescore.sh" 45 "publish-3-looser" 2>&1 | grep -v RUNNING >&2
  app_stop
fi

if [[ "$STEPS" == *" ingest "* ]]; then
  app_start "$BENCH_OUT/app-ingest.log"
  log "3a. incremental scoring while ingesting, automatic handoffs (the workspace default)"
  psql_bench -qc "update workspace set handoff_mode = 'AUTOMATIC' where workspace_id = '$BENCH_WS'"
  "$BENCH_DIR/ingest.sh" 1 2 4 2>&1 | grep -v '^{' >&2
  log "3b. incremental scoring while ingesting, manual handoffs (scoring and recording only)"
  psql_bench -qc "update workspace set handoff_mode = 'MANUAL' where workspace_id = '$BENCH_WS'"
  "$BENCH_DIR/ingest.sh" 1 2 4 2>&1 | grep -v '^{' >&2
  psql_bench -qc "update workspace set handoff_mode = 'AUTOMATIC' where workspace_id = '$BENCH_WS'"
  app_stop
fi

log "done in $(printf %.0f "$(elapsed "$run_start" "$(now)")") s; results in $BENCH_OUT"
[ ! -s "$BENCH_OUT/rescore.jsonl" ] || { echo "== rescore"; jq -c '{"label": .label, job_seconds, publish_to_succeeded_seconds, bound_seconds, bound_compared, bound_disagreeing, app_cpu_seconds, pg_cpu_seconds, loadavg_before}' "$BENCH_OUT/rescore.jsonl"; }
[ ! -s "$BENCH_OUT/ingest.jsonl" ] || { echo "== ingest"; jq -c '{handoff_mode, clients, activities_per_second, p50_s, p99_s, errors, handoffs, app_cpu_seconds, pg_cpu_seconds, loadavg_before}' "$BENCH_OUT/ingest.jsonl"; }
