#!/usr/bin/env bash
# The database CPU of one statement, without the app and without the machine's other work: one psql session prepares
# the statement (as the app role, in a read-only transaction with the workspace set, so row-level security applies as in
# the app), runs it 10 times (PostgreSQL picks a generic or custom plan after 5), then N times with its output thrown
# away, and divides its backend's utime + stime (/proc) by N. Prints ms per execution and how often the statement was
# planned generically / per execution. Runs on the machine of the database (reads /proc of the backend).
#
#   bench/readpath/statement_cpu.sh FILE.sql [N]     FILE: one statement, no trailing semicolon, $1.. for parameters
#
# Environment: BENCH_DB (leadproof_bench_readpath), PG_ROLE (leadproof_app; postgres for PostGraphile's statements,
# which it runs as postgres), WORKSPACE (acme), PTYPES / PVALS (the parameter types and values: "(int)" "(50)").
set -euo pipefail
FILE="${1:?statement file}"; N="${2:-1000}"; DB="${BENCH_DB:-leadproof_bench_readpath}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
{
  echo "begin read only;"
  echo "select set_config('leadproof.workspace_id', '${WORKSPACE:-acme}', true);"
  echo "prepare q${PTYPES:-} as $(cat "$FILE");"
  echo "\\o $TMP/pid"
  echo "select pg_backend_pid();"
  echo "\\o /dev/null"
  for _ in $(seq 1 10); do echo "execute q${PVALS:-};"; done
  echo "\\! awk '{print \$14 + \$15}' /proc/\$(cat $TMP/pid)/stat > $TMP/a"
  for _ in $(seq 1 "$N"); do echo "execute q${PVALS:-};"; done
  echo "\\! awk '{print \$14 + \$15}' /proc/\$(cat $TMP/pid)/stat > $TMP/b"
  echo "\\o $TMP/plans"
  echo "select generic_plans || ' generic / ' || custom_plans || ' custom plans' from pg_prepared_statements where name = 'q';"
  echo "rollback;"
} >"$TMP/run.sql"
psql -X -q -At -U "${PG_ROLE:-leadproof_app}" -d "$DB" -f "$TMP/run.sql" >/dev/null
awk -v a="$(cat "$TMP/a")" -v b="$(cat "$TMP/b")" -v n="$N" -v hz="$(getconf CLK_TCK)" -v f="$(basename "$FILE")" -v p="$(cat "$TMP/plans")" \
  'BEGIN { printf "%s: %.3f ms CPU per execution (%d executions, %s)\n", f, (b - a) * 1000 / hz / n, n, p }'
