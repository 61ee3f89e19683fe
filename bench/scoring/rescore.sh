#!/usr/bin/env bash
# Benchmark 2: rescoring every lead after a publish, and the set-based SQL bound.
#
#   bench/scoring/rescore.sh <new MQL threshold> [label]
#
# Through GraphQL: criteriaDraftCreate (copied from the active version of "Inbound B2B"),
# criteriaThresholdsSet, criteriaVersionPublish; then polls criteriaVersion.scoringJob until it
# ends. Then runs bound.sql (same scores in one SQL statement) and compares with lead_score.
# Expects the app to be running (run.sh starts it). Appends a JSON line to $BENCH_OUT/rescore.jsonl.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
THRESHOLD="${1:?new MQL threshold}"
LABEL="${2:-rescore}"
MAX_WAIT="${BENCH_RESCORE_MAX_WAIT:-1800}"

T=$(token); token_at=$(date +%s)
models=$(gql "$T" '{ criteriaModels { id name servedVersionId } }')
model=$(jq -r '.data.criteriaModels[] | select(.name == "Inbound B2B") | .id' <<<"$models")
active=$(jq -r '.data.criteriaModels[] | select(.name == "Inbound B2B") | .servedVersionId' <<<"$models")
draft=$(gql "$T" 'mutation($m: ID!, $v: ID) { criteriaDraftCreate(input: {modelId: $m, copyFromVersionId: $v}) { version { id number } userErrors { message } } }' \
  "$(jq -cn --arg m "$model" --arg v "$active" '{m: $m, v: $v}')" | jq -r '.data.criteriaDraftCreate.version.id')
gql "$T" 'mutation($v: ID!, $t: Int!) { criteriaThresholdsSet(input: {versionId: $v, mql: $t}) { version { mqlThreshold } userErrors { message } } }' \
  "$(jq -cn --arg v "$draft" --argjson t "$THRESHOLD" '{v: $v, t: $t}')" >/dev/null
log "$LABEL: publishing $draft (copied from $active) with MQL threshold $THRESHOLD"

settle
cpu0=$(cpu_seconds); app0=$(app_cpu_seconds); load0=$(loadavg)
t_publish=$(now)
pub=$(gql "$T" 'mutation($v: ID!) { criteriaVersionPublish(input: {versionId: $v}) { version { status publishedAt } userErrors { code message } } }' \
  "$(jq -cn --arg v "$draft" '{v: $v}')")
t_published=$(now)
[ "$(jq -r '.data.criteriaVersionPublish.version.status' <<<"$pub")" = ACTIVE ] || { echo "$pub" >&2; exit 1; }

state=QUEUED; deadline=$(( $(date +%s) + MAX_WAIT ))
while :; do
  if (( $(date +%s) - token_at > 240 )); then T=$(token); token_at=$(date +%s); fi
  job=$(gql "$T" 'query($v: ID!) { criteriaVersion(id: $v) { scoringJob { state processed total asOf startedAt finishedAt error } } }' \
    "$(jq -cn --arg v "$draft" '{v: $v}')" | jq -c '.data.criteriaVersion.scoringJob')
  state=$(jq -r .state <<<"$job")
  case "$state" in SUCCEEDED|FAILED|SUPERSEDED) break;; esac
  (( $(date +%s) < deadline )) || { log "$LABEL: gave up after $MAX_WAIT s: $job"; exit 1; }
  log "$LABEL: $(jq -r '"\(.state) \(.processed)/\(.total)"' <<<"$job")"
  sleep 1
done
t_done=$(now)
cpu1=$(cpu_seconds); app1=$(app_cpu_seconds); load1=$(loadavg)
app_cpu=$(echo "$app1 - $app0" | bc); pg_cpu=$(echo "($cpu1 - $cpu0) - ($app1 - $app0)" | bc)
[ "$state" = SUCCEEDED ] || { log "$LABEL: job ended $state: $job"; exit 1; }
# exact figures from the database (the API shows the same instants)
version_uuid=${draft##*/}
job_exact=$(psql_bench -Atc "select extract(epoch from finished_at - started_at) from scoring_job where version_id = '$version_uuid' order by created_at desc limit 1")
as_of=$(psql_bench -Atc "select to_char(as_of at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from scoring_job where version_id = '$version_uuid' order by created_at desc limit 1")
processed=$(jq -r .processed <<<"$job")
publish_ms=$(echo "($t_published - $t_publish) * 1000" | bc)
wall=$(elapsed "$t_publish" "$t_done")
log "$LABEL: SUCCEEDED, $processed leads; job startedAt→finishedAt $(printf %.2f "$job_exact") s, publish→SUCCEEDED observed $(printf %.2f "$wall") s (poll 1 s)"

counts=$(psql_bench -Atc "select (select count(*) from lead_score where workspace_id = '$BENCH_WS' and version_id = '$version_uuid'),
  (select count(*) from score_event where workspace_id = '$BENCH_WS' and version_id = '$version_uuid'),
  (select count(*) from mql_crossing where workspace_id = '$BENCH_WS' and version_id = '$version_uuid'),
  (select count(*) from lead_score where workspace_id = '$BENCH_WS' and version_id = '$version_uuid' and qualified),
  (select count(*) from lead where workspace_id = '$BENCH_WS' and lifecycle_stage = 'MQL'),
  (select count(*) from lead where workspace_id = '$BENCH_WS' and lifecycle_stage = 'DISQUALIFIED')")
IFS='|' read -r scores events crossings qualified mqls disq <<<"$counts"
log "$LABEL: CPU used: app $app_cpu s, PostgreSQL backends $pg_cpu s; load average before [$load0] after [$load1]"
log "$LABEL: lead_score $scores rows, score_event $events, mql_crossing $crossings, qualified $qualified; leads MQL $mqls, DISQUALIFIED $disq"

log "$LABEL: bound (set-based SQL of the same criteria as of $as_of)"
bound_out=$(psql_bench -v ws="$BENCH_WS" -v as_of="$as_of" -v threshold="$THRESHOLD" -v version="$version_uuid" -f "$BENCH_DIR/bound.sql" 2>&1)
echo "$bound_out" >&2
bound_ms=$(grep -m1 -o 'Time: [0-9.]*' <<<"$bound_out" | cut -d' ' -f2)
read -r compared missing newer disagree < <(grep -A3 'bound vs lead_score' <<<"$bound_out" | tail -1 | tr -d ' ' | tr '|' ' ')

# autovacuum is off on the shared benchmark server; production runs it, and it would analyze the
# tables this publish wrote a million rows into. Emulated here, after the measurements.
t_an=$(now)
psql_bench -qc "analyze lead_score" -c "analyze score_event" -c "analyze mql_crossing" -c "analyze lead"
log "$LABEL: analyze (autovacuum's part) took $(printf %.1f "$(elapsed "$t_an" "$(now)")") s"

jq -cn --arg name "$LABEL" --arg version "$version_uuid" --argjson threshold "$THRESHOLD" --argjson processed "$processed" \
  --arg job_s "$job_exact" --arg wall_s "$wall" --arg publish_ms "$publish_ms" --arg bound_ms "$bound_ms" \
  --arg scores "$scores" --arg events "$events" --arg crossings "$crossings" --arg qualified "$qualified" --arg mqls "$mqls" \
  --arg app_cpu "$app_cpu" --arg pg_cpu "$pg_cpu" --arg load0 "$load0" --arg load1 "$load1" \
  --arg compared "$compared" --arg missing "$missing" --arg newer "$newer" --arg disagree "$disagree" --arg at "$(date -u +%FT%TZ)" \
  '{"at": $at, "label": $name, "version": $version, "threshold": $threshold, "leads": $processed, "job_seconds": ($job_s | tonumber),
    "publish_to_succeeded_seconds": ($wall_s | tonumber), "publish_call_ms": ($publish_ms | tonumber), "bound_seconds": (($bound_ms | tonumber) / 1000),
    "lead_score_rows": ($scores | tonumber), "score_events": ($events | tonumber), "mql_crossings": ($crossings | tonumber),
    "qualified": ($qualified | tonumber), "leads_mql": ($mqls | tonumber), "bound_compared": ($compared | tonumber), "bound_missing": ($missing | tonumber),
    "bound_newer": ($newer | tonumber), "bound_disagreeing": ($disagree | tonumber),
    "app_cpu_seconds": ($app_cpu | tonumber), "pg_cpu_seconds": ($pg_cpu | tonumber), "loadavg_before": $load0, "loadavg_after": $load1}' | tee -a "$BENCH_OUT/rescore.jsonl"
