#!/usr/bin/env bash
# Generates the scoring benchmark data set, set-based in SQL (generate_series), into one workspace.
#
#   bench/scoring/generate.sh            1,000,000 leads and 5,000,000 activities into workspace acme of leadproof_bench
#
# Environment: BENCH_DB (leadproof_bench), BENCH_WS (acme), BENCH_LEADS (1000000), BENCH_ACTIVITIES (5000000),
# PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres).
# Preconditions: the app ran once against BENCH_DB (Flyway schema) and a token of the organisation called
# the API (workspace row + default "Inbound B2B" model). Stop the app while generating: the load drops
# and rebuilds the indexes of lead and activity. Prints the wall time on the last line.
set -euo pipefail
cd "$(dirname "$0")"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-leadproof_bench}"
WS="${BENCH_WS:-acme}"
LEADS="${BENCH_LEADS:-1000000}"
ACTIVITIES="${BENCH_ACTIVITIES:-5000000}"
case "$DB" in leadproof|leadproof_test*) echo "refusing to generate into $DB" >&2; exit 2;; esac

start=$(date +%s.%N)
psql -X -q -d "$DB" -v ws="$WS" -v leads="$LEADS" -v activities="$ACTIVITIES" -f generate.sql
end=$(date +%s.%N)
printf 'generated %s leads and %s activities into %s/%s in %.1f s\n' "$LEADS" "$ACTIVITIES" "$DB" "$WS" "$(echo "$end - $start" | bc)"
