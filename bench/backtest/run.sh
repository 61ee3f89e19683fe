#!/usr/bin/env bash
# Backtest benchmark (issue 12 §1; figures in docs/benchmarks.md): replays the active criteria version against a looser
# draft over every lead of the workspace, as a job, and reports the wall time from criteriaBacktestStart to SUCCEEDED.
#
#   bench/backtest/run.sh                          100,000 and 1,000,000 leads (targets: 10 s and 90 s on 2 cores)
#   BENCH_SIZES="2000" bench/backtest/run.sh       a quick proof that the script works
#   BENCH_SIZES=1000000 bench/backtest/run.sh      one size only (the leads of the cohort; 5 activities each)
#   BENCH_REUSE=1 BENCH_SIZES=100000 …             keep the data set already in $BENCH_DB when it has exactly that many
#                                                  leads (a re-measurement after a code change, without generating again)
#
# Reuses bench/scoring (lib.sh: app start/stop, tokens; generate.sh: leads with 5 activities each over two years) and
# adds handoffs with outcomes (handoffs.sql). Same preconditions as bench/scoring/run.sh: PostgreSQL and Keycloak up,
# a built app in $APP_HOME/target/quarkus-app. Results: bench/backtest/results/backtest.jsonl.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
export BENCH_OUT="${BENCH_OUT:-$HERE/results}"
source "$HERE/../scoring/lib.sh"
source "$HERE/history.sh"
trap app_stop EXIT
SIZES="${BENCH_SIZES:-100000 1000000}"
: >"$BENCH_OUT/backtest.jsonl"
log "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; load average $(loadavg)"
token >/dev/null || { echo "no token from Keycloak: start it with src/ops/keycloak.sh start" >&2; exit 2; }

for n in $SIZES; do
  history_dataset "$n"

  app_start "$BENCH_OUT/app-$n.log"
  tok="$(token)"
  model=$(gql "$tok" '{ criteriaModels { id drivesHandoffs servedVersionId } }' | jq -r '.data.criteriaModels[] | select(.drivesHandoffs) | .id')
  active=$(gql "$tok" '{ criteriaModels { id drivesHandoffs servedVersionId } }' | jq -r '.data.criteriaModels[] | select(.drivesHandoffs) | .servedVersionId')
  draft=$(gql "$tok" 'mutation($m: ID!, $c: ID) { criteriaDraftCreate(input: {modelId: $m, copyFromVersionId: $c}) { version { id } } }' \
    "$(jq -cn --arg m "$model" --arg c "$active" '{m: $m, c: $c}')" | jq -r '.data.criteriaDraftCreate.version.id')
  gql "$tok" 'mutation($v: ID!) { criteriaThresholdsSet(input: {versionId: $v, mql: 30}) { userErrors { code } } }' \
    "$(jq -cn --arg v "$draft" '{v: $v}')" >/dev/null
  from=$(date -u -d '-4 years' +%Y-%m-%dT00:00:00Z)
  to=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  log "backtest of $n leads: load average $(loadavg)"
  cpu0=$(cpu_seconds); app0=$(app_cpu_seconds)
  start=$(now)
  id=$(gql "$tok" 'mutation($i: CriteriaBacktestStartInput!) { criteriaBacktestStart(input: $i) { backtest { id } userErrors { code message } } }' \
    "$(jq -cn --arg v "$draft" --arg f "$from" --arg t "$to" '{i: {versionId: $v, from: $f, to: $t}}')" | jq -r '.data.criteriaBacktestStart.backtest.id')
  [ "$id" != null ] || { echo "the backtest was refused" >&2; exit 1; }
  while :; do
    out=$(gql "$tok" 'query($id: ID!) { criteriaBacktest(id: $id) { state processedLeads error
        result { actualHandoffs tested { leads wouldBeMqls precision auc } compareWith { wouldBeMqls precision auc } newlyQualified { totalCount } } } }' \
      "$(jq -cn --arg id "$id" '{id: $id}')")
    state=$(jq -r '.data.criteriaBacktest.state' <<<"$out")
    case "$state" in QUEUED|RUNNING) sleep 0.2;; *) break;; esac
  done
  end=$(now)
  cpu1=$(cpu_seconds); app1=$(app_cpu_seconds)
  secs=$(elapsed "$start" "$end")
  # CPU seconds say what the run cost even on a shared machine, where the wall time mostly measures the neighbours
  app_cpu=$(echo "$app1 - $app0" | bc); pg_cpu=$(echo "$cpu1 - $cpu0 - ($app1 - $app0)" | bc)
  log "$n leads: $state in $secs s, CPU app $app_cpu s + PostgreSQL $pg_cpu s ($(jq -c '.data.criteriaBacktest.result' <<<"$out")); load average $(loadavg)"
  [ "$state" = SUCCEEDED ] || { echo "$out" >&2; exit 1; }
  jq -c --arg n "$n" --arg s "$secs" --arg load "$(loadavg)" --arg app "$app_cpu" --arg pg "$pg_cpu" \
    '{leads: ($n | tonumber), seconds: ($s | tonumber), app_cpu_seconds: ($app | tonumber), pg_cpu_seconds: ($pg | tonumber),
      load: $load, result: .data.criteriaBacktest.result}' <<<"$out" >>"$BENCH_OUT/backtest.jsonl"
  app_stop
done
