#!/usr/bin/env bash
# One load run against a GraphQL server: wrk with CONNS clients for DURATION, then requests/s, latency, the app's CPU
# per request (utime + stime of APP_PID from /proc, in ms), PostgreSQL's CPU per request (all postgres processes; run on
# an otherwise idle machine or read it as an upper bound), the app's RSS at the end and the load average.
#
#   bench/readpath/load.sh URL BODY.json            e.g. http://127.0.0.1:8094/graphql /tmp/list.json
#
# Environment: APP_PID (the server's pid; CPU per request is skipped without it), TOKEN (bearer token, none if empty),
# CONNS (16), THREADS (2), DURATION (20s), GQL_LUA (another wrk script), PG_DB (count only that database's backends: pooled connections that live
# through the run; without it every postgres process of the machine). Uses ../shared/peer/graphql.lua when there, else bench/readpath/graphql.lua.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
URL="${1:?url}"; BODY="${2:?request body}"
CONNS="${CONNS:-16}"; THREADS="${THREADS:-2}"; DURATION="${DURATION:-20s}"
LUA="${GQL_LUA:-$HERE/../../../shared/peer/graphql.lua}"; [ -f "$LUA" ] || LUA="/work/shared/peer/graphql.lua"
ticks() { [ -n "${APP_PID:-}" ] && awk '{print $14 + $15}' "/proc/$APP_PID/stat" || echo 0; }
# PG_DB: only the backends of that database (their process title names it), not the other databases' work on the machine
pg_procs() { if [ -n "${PG_DB:-}" ]; then pgrep -f "^postgres: ([^ ]+: )?[^ ]+ $PG_DB " || true; else pgrep -x postgres || true; fi; }
pg_ticks() { local t=0; for p in $(pg_procs); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $t; }
hz=$(getconf CLK_TCK)
a0=$(ticks); p0=$(pg_ticks)
out=$(TOKEN="${TOKEN:-}" GQL_BODY="$BODY" wrk -t"$(( CONNS > 1 ? THREADS : 1 ))" -c"$CONNS" -d"$DURATION" --timeout 30s --latency -s "$LUA" "$URL" | grep RESULT)
a1=$(ticks); p1=$(pg_ticks)
requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$out")
rss=$([ -n "${APP_PID:-}" ] && awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$APP_PID/status" || echo "?")
awk -v r="$requests" -v a=$((a1 - a0)) -v p=$((p1 - p0)) -v hz="$hz" -v rss="$rss" -v out="$out" -v la="$(cut -d' ' -f1-3 /proc/loadavg)" \
  'BEGIN { if (r == 0) { printf "%s no request completed rss_mb=%s loadavg=%s\n", out, rss, la; exit }
         printf "%s app_cpu_ms/req=%.2f pg_cpu_ms/req=%.2f rss_mb=%s loadavg=%s\n", out, a * 1000 / hz / r, p * 1000 / hz / r, rss, la }'
