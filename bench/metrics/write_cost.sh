#!/usr/bin/env bash
# What the metrics triggers cost writers (write_cost.sql): 20,000 leads inserted with triggers off and on, then
# updated, handed off and accepted. Uses its own workspace 'write-cost' and removes its rows afterwards.
# Environment: BENCH_DB (leadproof_bench_metrics), BENCH_LEADS (20000; at least 2000), PGHOST/PGPORT/PGUSER.
set -euo pipefail
cd "$(dirname "$0")"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-leadproof_bench_metrics}"
case "$DB" in leadproof|leadproof_test*) echo "refusing to write into $DB" >&2; exit 2;; esac
psql -X -q -d "$DB" -v n="${BENCH_LEADS:-20000}" -f write_cost.sql 2>&1 | grep --line-buffered -E '^==|^Time'
