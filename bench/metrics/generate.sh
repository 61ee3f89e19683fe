#!/usr/bin/env bash
# Generates the metrics benchmark data set into one workspace, set-based in SQL (about 2-3 minutes on 2 cores):
# people and companies (people.sql), leads, handoffs, costs, and the scores of a served version (scores.sql).
#
#   bench/metrics/generate.sh        1,000,000 leads (+ ~200,000 handoffs, costs) into workspace acme of leadproof_bench_metrics
#
# Environment: BENCH_DB (leadproof_bench_metrics), BENCH_WS (acme), BENCH_LEADS (1000000), PGHOST/PGPORT/PGUSER.
# Precondition: the database is migrated (start the app once against it: run.sh does). Existing data of the
# workspace is replaced.
set -euo pipefail
cd "$(dirname "$0")"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-leadproof_bench_metrics}"
WS="${BENCH_WS:-acme}"
LEADS="${BENCH_LEADS:-1000000}"
case "$DB" in leadproof|leadproof_test*) echo "refusing to generate into $DB" >&2; exit 2;; esac
start=$(date +%s)
psql -X -q -d "$DB" -v ws="$WS" -v leads="$LEADS" -v rules="$(cat default_rules.json)" -f generate.sql
echo "generated $LEADS leads into $DB/$WS in $(( $(date +%s) - start )) s"
