#!/usr/bin/env bash
# Bulk prediction benchmark (issue 12 §2; figures in docs/benchmarks.md): trains the workspace's predictive model on a
# generated history, then times the bulk pass that writes every lead's prediction under the newly served model.
#
#   bench/predict/run.sh                          100,000 and 1,000,000 leads (target: 1,000,000 predictions ≤ 60 s)
#   BENCH_SIZES=100000 bench/predict/run.sh       one size only
#   BENCH_REUSE=1 BENCH_SIZES=100000 …            keep the data set already in $BENCH_DB when it has exactly that many leads
#
# Data: bench/scoring/generate.sh (N leads, 5 activities each), bench/backtest/handoffs.sql (one lead in eight handed
# off with an outcome), outcomes.sql (seniority decides the won deals, so the model passes the AUC floor and is served),
# bench/evidence-api/backfill.sql (trait revisions). Same preconditions as bench/backtest/run.sh. Results:
# bench/predict/results/predict.jsonl (training and bulk seconds, CPU of the app and of PostgreSQL for the whole run and for
# the bulk pass alone — counted from the poll that first sees the model served —, load average).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
export BENCH_OUT="${BENCH_OUT:-$HERE/results}"
source "$HERE/../scoring/lib.sh"
source "$HERE/../backtest/history.sh"
trap app_stop EXIT
SIZES="${BENCH_SIZES:-100000 1000000}"
: >"$BENCH_OUT/predict.jsonl"
log "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; load average $(loadavg)"
token >/dev/null || { echo "no token from Keycloak: start it with src/ops/keycloak.sh start" >&2; exit 2; }
MODEL='query($id: ID!) { predictiveModel(id: $id) { status reason predictedLeads evaluation { auc holdoutLeads } } }'

for n in $SIZES; do
  history_dataset "$n"
  psql -X -q -d "$BENCH_DB" -v ws="$BENCH_WS" -f "$HERE/outcomes.sql" | tee -a "$BENCH_OUT/generate-$n.log" >&2
  # earlier runs' models and predictions go: every run trains version 1 and predicts every lead anew
  psql -X -q -d "$BENCH_DB" -c "delete from lead_prediction where workspace_id = '$BENCH_WS'" \
    -c "delete from predictive_model where workspace_id = '$BENCH_WS'" >/dev/null
  psql -X -q -d "$BENCH_DB" -c "vacuum analyze lead" -c "vacuum analyze activity" -c "vacuum analyze handoff" \
    -c "vacuum analyze lead_trait_revision" -c "vacuum analyze lead_prediction" >/dev/null

  app_start "$BENCH_OUT/app-$n.log"
  tok="$(token)"
  log "training on $n leads, then predicting each: load average $(loadavg)"
  cpu0=$(cpu_seconds); app0=$(app_cpu_seconds)
  start=$(now)
  id=$(gql "$tok" 'mutation { predictiveModelTrain(input: {note: "bench"}) { model { id } userErrors { code message } } }' \
    | jq -r '.data.predictiveModelTrain.model.id')
  [ "$id" != null ] || { echo "the training was refused" >&2; exit 1; }
  trained=""
  while :; do
    out=$(gql "$(token)" "$MODEL" "$(jq -cn --arg id "$id" '{id: $id}')") # a fresh token: training and pass outlast one under load
    status=$(jq -r '.data.predictiveModel.status' <<<"$out")
    case "$status" in
      QUEUED|RUNNING) ;;
      SERVED)
        # the bulk pass starts as the model is served: CPU from here on is the pass's (within one poll)
        [ -n "$trained" ] || { trained=$(now); cpu_t=$(cpu_seconds); app_t=$(app_cpu_seconds); }
        pass=$(psql -X -Atc "select bulk_state from predictive_model where workspace_id = '$BENCH_WS' and status = 'SERVED'" -d "$BENCH_DB")
        [ "$pass" = DONE ] && break;;
      *) echo "the model was not served: $out" >&2; exit 1;;
    esac
    sleep 0.2
  done
  end=$(now)
  cpu1=$(cpu_seconds); app1=$(app_cpu_seconds)
  out=$(gql "$(token)" "$MODEL" "$(jq -cn --arg id "$id" '{id: $id}')")
  written=$(psql -X -Atc "select count(*) from lead_prediction where workspace_id = '$BENCH_WS'" -d "$BENCH_DB")
  # the job's own timestamps: the script's polling lags under load
  train_s=$(psql -X -Atc "select extract(epoch from finished_at - created_at) from predictive_model where id = '${id##*/}'" -d "$BENCH_DB")
  bulk_s=$(psql -X -Atc "select extract(epoch from bulk_finished_at - finished_at) from predictive_model where id = '${id##*/}'" -d "$BENCH_DB")
  app_cpu=$(echo "$app1 - $app0" | bc); pg_cpu=$(echo "$cpu1 - $cpu0 - ($app1 - $app0)" | bc)
  bulk_app=$(echo "$app1 - $app_t" | bc); bulk_pg=$(echo "$cpu1 - $cpu_t - ($app1 - $app_t)" | bc)
  per_k() { echo "scale=3; $1 * 1000 / $n" | bc; }
  log "$n leads: trained in $train_s s, $written predictions written in $bulk_s s; CPU app $app_cpu s + PostgreSQL $pg_cpu s," \
    "of which the bulk pass app $bulk_app s + PostgreSQL $bulk_pg s ($(per_k "$bulk_app") + $(per_k "$bulk_pg") s per 1,000 leads)" \
    "($(jq -c '.data.predictiveModel' <<<"$out")); load average $(loadavg)"
  jq -c --arg n "$n" --arg t "$train_s" --arg b "$bulk_s" --arg w "$written" --arg load "$(loadavg)" --arg app "$app_cpu" --arg pg "$pg_cpu" \
    --arg bapp "$bulk_app" --arg bpg "$bulk_pg" \
    '{leads: ($n | tonumber), training_seconds: ($t | tonumber), bulk_seconds: ($b | tonumber), predictions: ($w | tonumber),
      app_cpu_seconds: ($app | tonumber), pg_cpu_seconds: ($pg | tonumber), bulk_app_cpu_seconds: ($bapp | tonumber),
      bulk_pg_cpu_seconds: ($bpg | tonumber), load: $load, model: .data.predictiveModel}' \
    <<<"$out" >>"$BENCH_OUT/predict.jsonl"
  app_stop
done
