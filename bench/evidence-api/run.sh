#!/usr/bin/env bash
# Evidence API benchmark: signalAnalysis and rejectionInsights over a workspace of BENCH_LEADS leads (default 1,000,000:
# ~200,000 handoffs with outcomes), the data set of the metrics benchmark plus evidence data (backfill.sql: trait
# revisions with varied traits, ~4 activities a lead, first-call touches and signals). Target (issue 11 §4): each
# request <= 10 s at 1,000,000 leads on the 2-core machine. Results: docs/benchmarks.md, "Evidence API at scale".
#
# The whole run at a given size, one step after the other (the app must have migrated the database once):
#
#   createdb leadproof_bench_evidence
#   LEADPROOF_DB_URL=jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/leadproof_bench_evidence QUARKUS_HTTP_PORT=8092 \
#     LEADPROOF_MANAGEMENT_PORT=9092 LEADPROOF_GRAPHQL_BUDGET_ENABLED=false java -jar target/quarkus-app/quarkus-run.jar &
#   BENCH_DB=leadproof_bench_evidence BENCH_LEADS=1000000 bench/metrics/generate.sh     # ~10 min at 1M (30 s at 100k)
#   psql -h 127.0.0.1 -U postgres -d leadproof_bench_evidence -v ws=acme -f bench/evidence-api/backfill.sql   # ~10 min at 1M
#   WINDOW_DAYS=729 bench/evidence-api/run.sh          # every handoff of the two years; WINDOW_DAYS=180 for the recent half
#
# 1,000,000 leads is for a quiet machine (the coordinator's run); a helper on the shared machine measures at
# BENCH_LEADS=100000 (20,000 handoffs) and reports the load average beside the figures. The app reads each cohort in
# LEADPROOF_EVIDENCE_READ_PARTITIONS parts at once (default 2: one per core); set it to 1 to compare.
#
# Each request is sent WARMUP times, then SAMPLES times sequentially; the script prints min / median / max wall time,
# the app's CPU per request (when BENCH_APP_PID names the app's process), PostgreSQL's CPU per request (the
# backends connected to BENCH_DB and their parallel workers, sampled every 0.1 s from /proc; PostgreSQL on this host) and the cohort sizes the answer names, and
# keeps the last answers in BENCH_OUT. A request that exceeds its statement timeout answers with an error (reason
# STATEMENT_TIMEOUT): the script reports it rather than a time.
#
# Environment: BENCH_DB (leadproof_bench_evidence), BENCH_PORT (8092), BENCH_MANAGEMENT_PORT (9092), BENCH_USER
# (leo.leader), BENCH_APP_PID (none), WINDOW_DAYS (180), SAMPLE_SIZE (empty: whole groups), SAMPLES (10), WARMUP (2),
# BENCH_OUT (results).
set -euo pipefail
cd "$(dirname "$0")"
REPO="$(cd ../.. && pwd)"
DB="${BENCH_DB:-leadproof_bench_evidence}"
PORT="${BENCH_PORT:-8092}"
SAMPLES="${SAMPLES:-10}"
WARMUP="${WARMUP:-2}"
DAYS="${WINDOW_DAYS:-180}"
OUT="${BENCH_OUT:-$PWD/results}"
URL="http://127.0.0.1:$PORT/graphql"
case "$DB" in leadproof|leadproof_test*) echo "refusing to benchmark against $DB" >&2; exit 2;; esac
curl -sf -o /dev/null "http://127.0.0.1:${BENCH_MANAGEMENT_PORT:-9092}/q/health/ready" \
  || { echo "no ready app with its management port on :${BENCH_MANAGEMENT_PORT:-9092} (see the header of $0)" >&2; exit 2; }
mkdir -p "$OUT"
TOKEN="$("$REPO/src/ops/keycloak.sh" token "${BENCH_USER:-leo.leader}")"
TO=$(date -u -d tomorrow +%FT00:00:00Z)
FROM=$(date -u -d "$(date -u +%F) -$DAYS days" +%FT00:00:00Z)
if [ -n "${SAMPLE_SIZE:-}" ]; then SAMPLE="$SAMPLE_SIZE"; else SAMPLE=null; fi
jq -n --rawfile q analysis.graphql --arg f "$FROM" --arg t "$TO" --argjson s "$SAMPLE" \
  '{query: $q, variables: {input: {window: {from: $f, to: $t}, sampleSize: $s}}}' >"$OUT/analysis.json"
jq -n --rawfile q insights.graphql --arg f "$FROM" --arg t "$TO" \
  '{query: $q, variables: {input: {window: {from: $f, to: $t}}}}' >"$OUT/insights.json"

pg_sample() { # "pid ticks" of the PostgreSQL backends connected to BENCH_DB and of their parallel workers
  ps -u postgres -o pid=,args= 2>/dev/null | awk -v db="$DB" '
    index($0, " " db " ") { own[$1] = 1; print $1; next }
    /parallel worker for PID/ { w[$1] = $NF }
    END { for (p in w) if (w[p] in own) print p }' | while read -r p; do
      t=$(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null) && echo "$p $t" || true; done # a backend that left between ps and its stat is skipped
}
pg_watch() { # samples every 0.1 s into $1 until killed (a parallel worker's last 0.1 s is missed)
  while :; do pg_sample >>"$1"; sleep 0.1; done
}
pg_ticks() { # start-file samples-file: clock ticks spent since the start sample
  awk 'FNR == NR { start[$1] = $2; next } { if ($2 > max[$1]) max[$1] = $2 }
       END { for (p in max) s += max[p] - start[p]; print s + 0 }' "$1" "$2"
}

measure() { # name
  local name="$1" times=() t0 t1
  for _ in $(seq "$WARMUP"); do curl -sS -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \
    -d @"$OUT/$name.json" "$URL" >"$OUT/$name.answer.json"; done
  local c0=0 c1=0 watcher
  [ -n "${BENCH_APP_PID:-}" ] && c0=$(awk '{print $14+$15}' "/proc/$BENCH_APP_PID/stat")
  pg_sample >"$OUT/$name.pg0"; : >"$OUT/$name.pg"
  pg_watch "$OUT/$name.pg" & watcher=$!
  for _ in $(seq "$SAMPLES"); do
    t0=$(date +%s%N)
    curl -sS -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' -d @"$OUT/$name.json" "$URL" >"$OUT/$name.answer.json"
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  [ -n "${BENCH_APP_PID:-}" ] && c1=$(awk '{print $14+$15}' "/proc/$BENCH_APP_PID/stat")
  kill "$watcher" 2>/dev/null || true; wait "$watcher" 2>/dev/null || true # the watcher may have ended (a sampled process left)
  if jq -e '.errors' "$OUT/$name.answer.json" >/dev/null; then
    echo "$name: ERROR $(jq -c '.errors[0].extensions // .errors[0].message' "$OUT/$name.answer.json")"
    return
  fi
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  echo "$name: n=$SAMPLES min=$(echo "$sorted" | head -1) ms median=$(echo "$sorted" | sed -n "$(( (SAMPLES + 1) / 2 ))p") ms max=$(echo "$sorted" | tail -1) ms${BENCH_APP_PID:+ app-cpu/request=$(( (c1 - c0) * 10 / SAMPLES )) ms} pg-cpu/request=$(( $(pg_ticks "$OUT/$name.pg0" "$OUT/$name.pg") * 10 / SAMPLES )) ms"
}
echo "window $FROM .. $TO, sample size ${SAMPLE_SIZE:-all}, load $(cut -d' ' -f1-3 /proc/loadavg)"
measure analysis
jq -c '.data.signalAnalysis | {groupA: .analysis.groupA.size, groupB: .analysis.groupB.size, candidates: .analysis.candidates, strong: [.analysis.signals[]? | select(.verdict == "STRONG") | .key][0:5], userErrors}' "$OUT/analysis.answer.json"
measure insights
jq -c '.data.rejectionInsights | {handoffs: .insights.handoffs, rejected: .insights.rejected, reasons: (.insights.reasons | length), userErrors}' "$OUT/insights.answer.json"
