#!/usr/bin/env bash
# Benchmark 3: incremental scoring while ingesting activities over HTTP.
#
#   bench/scoring/ingest.sh [clients...]        default: 1 2 4
#
# Each client posts activitiesRecord batches of 1000 activities (existing leads, named by
# leadExternalId or leadEmail, occurredAt within the last hour) one after another, for
# BENCH_INGEST_SECONDS (30) or until its share of the pre-generated batches is used up, after a warm-up of
# BENCH_INGEST_WARMUP seconds (10; 0: none) that is not measured. Every batch
# is a distinct set of clientEventIds, so each one records 1000 new activities and rescoring the
# ~1000 leads it touches under every current version. Loopback only; bounded loops.
# Expects the app to be running (run.sh starts it). Appends a JSON line per client count to
# $BENCH_OUT/ingest.jsonl.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
if [ $# -gt 0 ]; then CLIENTS=("$@"); else CLIENTS=(1 2 4); fi
SECONDS_PER_RUN="${BENCH_INGEST_SECONDS:-30}"
BATCH=1000
BATCHES_PER_RUN="${BENCH_INGEST_BATCHES:-400}"
WORK="$BENCH_OUT/ingest"
rm -rf "$WORK"; mkdir -p "$WORK"
RUN_ID="$(date +%s)"
MUTATION='mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount duplicateCount userErrors { code message } } }'

# --- payloads: generated in SQL, one request body per line ------------------------------------
WARMUP_SECONDS="${BENCH_INGEST_WARMUP:-10}"
total_batches=$(( BATCHES_PER_RUN * (${#CLIENTS[@]} + 1) ))   # the last share is the warm-up's
log "generating $total_batches batches of $BATCH activities"
t0=$(now)
psql_bench -At -v ws="$BENCH_WS" -v run="$RUN_ID" -v batches="$total_batches" -v batch="$BATCH" -v mutation="$MUTATION" \
  -v leads="$(psql_bench -Atc "select count(*) from lead where workspace_id = '$BENCH_WS'")" >"$WORK/bodies.ndjson" <<'SQL'
select setseed(0.77) \g /dev/null
with picks as (
    select s, (s - 1) / :batch as b, 1 + floor(random() * :leads)::int as n, random() as r1, random() as r2, random() as r3
      from generate_series(1, :batches * :batch) s
), rows as (
    select p.b, p.s,
           jsonb_strip_nulls(jsonb_build_object(
               'clientEventId', 'ingest-' || :'run' || '-' || p.s,
               'leadExternalId', case when p.r1 < 0.5 then l.external_id end,
               'leadEmail', case when p.r1 >= 0.5 then upper(left(l.email, 1)) || substr(l.email, 2) end,
               'type', t.type,
               'funnelStage', case when t.type in ('DEMO_REQUESTED', 'TRIAL_STARTED', 'CONTACT_REQUESTED') then 'BOFU'
                                   when t.type = 'PRICING_PAGE_VIEW' and p.r3 < 0.5 then 'BOFU'
                                   when t.type in ('WEBINAR_REGISTERED', 'WEBINAR_ATTENDED') then 'MOFU'
                                   when t.type = 'EBOOK_DOWNLOAD' then 'TOFU' end,
               'contentTag', case when t.type = 'EBOOK_DOWNLOAD' then 'ebook-state-of-revops' end,
               'occurredAt', to_char((now() - interval '1 hour' * p.r3) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) as activity
      from picks p
      join lead l on l.workspace_id = :'ws' and l.external_id = 'crm-' || p.n
      cross join lateral (select case
            when p.r2 < 0.34 then 'PAGE_VIEW' when p.r2 < 0.54 then 'EMAIL_OPENED' when p.r2 < 0.64 then 'EMAIL_CLICKED'
            when p.r2 < 0.72 then 'EBOOK_DOWNLOAD' when p.r2 < 0.77 then 'WEBINAR_REGISTERED' when p.r2 < 0.80 then 'WEBINAR_ATTENDED'
            when p.r2 < 0.85 then 'FORM_SUBMITTED' when p.r2 < 0.91 then 'PRICING_PAGE_VIEW' when p.r2 < 0.93 then 'DEMO_REQUESTED'
            when p.r2 < 0.945 then 'TRIAL_STARTED' when p.r2 < 0.96 then 'EVENT_ATTENDED' when p.r2 < 0.97 then 'CONTACT_REQUESTED'
            else 'UNSUBSCRIBED' end as type) t
)
select jsonb_build_object('query', :'mutation', 'variables', jsonb_build_object('i', jsonb_build_object('activities', jsonb_agg(activity order by s))))
  from rows group by b order by b;
SQL
log "generated $(wc -l <"$WORK/bodies.ndjson") request bodies ($(du -h "$WORK/bodies.ndjson" | cut -f1)) in $(printf %.1f "$(elapsed "$t0" "$(now)")") s"
split -l 1 -a 5 -d "$WORK/bodies.ndjson" "$WORK/body-"
rm "$WORK/bodies.ndjson"

# --- one client: posts its batches until the time is up ----------------------------------------
client() { # <token> <first batch> <step> <last batch> <deadline epoch> <out prefix>
  local tok=$1 i=$2 step=$3 last=$4 deadline=$5 out=$6 f
  while (( i <= last )) && (( $(date +%s%N) < deadline )); do
    f=$(printf '%s/body-%05d' "$WORK" "$i")
    curl -sS -o "$out.resp.$i" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $tok" \
      -H 'content-type: application/json' --data-binary @"$f" "$GRAPHQL" >>"$out.lat"
    i=$(( i + step ))
  done
}

mode=$(psql_bench -Atc "select handoff_mode from workspace where workspace_id = '$BENCH_WS'" 2>/dev/null || echo unknown)
log "workspace $BENCH_WS hands off ${mode:-?}"
# A freshly started JVM compiles the hot paths during its first seconds of load (the first measurement ran at half the
# rate of the later ones); production pods serve warm. Warm-up batches are recorded like any others, not measured.
if (( WARMUP_SECONDS > 0 )); then
  warm=$(( BATCHES_PER_RUN * ${#CLIENTS[@]} ))
  log "warm-up: 2 clients for $WARMUP_SECONDS s (not measured)"
  deadline=$(( $(date +%s%N) + WARMUP_SECONDS * 1000000000 ))
  T=$(token)
  client "$T" "$warm" 2 $(( warm + BATCHES_PER_RUN - 1 )) "$deadline" "$WORK/warmup-0" &
  client "$T" $(( warm + 1 )) 2 $(( warm + BATCHES_PER_RUN - 1 )) "$deadline" "$WORK/warmup-1" &
  wait
  log "warm-up: $(cat "$WORK"/warmup-*.lat | wc -l) batches"
fi
offset=0
for c in "${CLIENTS[@]}"; do
  # autovacuum is off on the shared benchmark server; production runs it, and its analyze of the tables the last run
  # grew (handoff, metrics_handoff, ...) re-plans the statements the app's connections cached while those tables were
  # small. Without it, plans made for an empty handoff table cost up to 4x the database time per handoff. Emulated here.
  t_an=$(now)
  psql_bench -qc analyze
  log "analyze (autovacuum's part): $(printf %.1f "$(elapsed "$t_an" "$(now)")") s"
  settle
  T=$(token)
  handoffs0=$(psql_bench -Atc "select coalesce((select count(*) from handoff where workspace_id = '$BENCH_WS'), 0)" 2>/dev/null || echo 0)
  acts0=$(psql_bench -Atc "select count(*) from activity where workspace_id = '$BENCH_WS'")
  events0=$(psql_bench -Atc "select count(*) from score_event where workspace_id = '$BENCH_WS'")
  cpu0=$(cpu_seconds); app0=$(app_cpu_seconds); load0=$(loadavg)
  log "ingest: $c client(s) for $SECONDS_PER_RUN s (batches $offset..$(( offset + BATCHES_PER_RUN - 1 )))"
  t_start=$(now)
  deadline=$(( $(date +%s%N) + SECONDS_PER_RUN * 1000000000 ))
  pids=()
  for k in $(seq 0 $(( c - 1 ))); do
    client "$T" $(( offset + k )) "$c" $(( offset + BATCHES_PER_RUN - 1 )) "$deadline" "$WORK/c$c-$k" &
    pids+=($!)
  done
  wait "${pids[@]}"
  t_end=$(now)
  cpu1=$(cpu_seconds); app1=$(app_cpu_seconds); load1=$(loadavg)
  wall=$(elapsed "$t_start" "$t_end")
  cat "$WORK"/c$c-*.lat >"$WORK/c$c.lat"
  batches=$(wc -l <"$WORK/c$c.lat")
  ok=$(awk '$1 == 200' "$WORK/c$c.lat" | wc -l)
  recorded=$(cat "$WORK"/c$c-*.resp.* | jq -s '[.[].data.activitiesRecord.recordedCount // 0] | add // 0')
  errors=$(cat "$WORK"/c$c-*.resp.* | jq -s '[.[] | ((.errors // []) | length) + ((.data.activitiesRecord.userErrors // []) | length)] | add // 0')
  read -r p50 p90 p99 max < <(awk '{print $2}' "$WORK/c$c.lat" | sort -n | awk '{a[NR]=$1} END {
      n = NR;
      i50 = int(0.50 * n + 0.999999); i90 = int(0.90 * n + 0.999999); i99 = int(0.99 * n + 0.999999);
      if (i50 < 1) i50 = 1; if (i90 < 1) i90 = 1; if (i99 < 1) i99 = 1;
      printf "%.3f %.3f %.3f %.3f\n", a[i50], a[i90], a[i99], a[n] }')
  rate=$(echo "scale=1; $recorded / $wall" | bc)
  handoffs1=$(psql_bench -Atc "select coalesce((select count(*) from handoff where workspace_id = '$BENCH_WS'), 0)" 2>/dev/null || echo 0)
  acts1=$(psql_bench -Atc "select count(*) from activity where workspace_id = '$BENCH_WS'")
  events1=$(psql_bench -Atc "select count(*) from score_event where workspace_id = '$BENCH_WS'")
  app_cpu=$(echo "$app1 - $app0" | bc); pg_cpu=$(echo "($cpu1 - $cpu0) - ($app1 - $app0)" | bc)
  log "ingest: $c client(s): $batches batches ($ok HTTP 200), $recorded activities recorded in $(printf %.1f "$wall") s = $rate activities/s;" \
      "per batch p50 ${p50}s p90 ${p90}s p99 ${p99}s max ${max}s; errors $errors; new activity rows $(( acts1 - acts0 )), score events $(( events1 - events0 )), handoffs $(( handoffs1 - handoffs0 ));" \
      "CPU app ${app_cpu}s PostgreSQL ${pg_cpu}s; load [$load0] → [$load1]"
  jq -cn --argjson clients "$c" --argjson batches "$batches" --argjson ok "$ok" --argjson recorded "$recorded" --argjson errors "$errors" \
    --arg wall "$wall" --arg rate "$rate" --arg p50 "$p50" --arg p90 "$p90" --arg p99 "$p99" --arg max "$max" \
    --argjson rows "$(( acts1 - acts0 ))" --argjson events "$(( events1 - events0 ))" --argjson handoffs "$(( handoffs1 - handoffs0 ))" \
    --arg app_cpu "$app_cpu" --arg pg_cpu "$pg_cpu" --arg load0 "$load0" --arg load1 "$load1" --arg at "$(date -u +%FT%TZ)" \
    --arg mode "$mode" \
    '{"at": $at, "handoff_mode": $mode, "clients": $clients, "batches": $batches, "http_200": $ok, "recorded": $recorded, "errors": $errors,
      "seconds": ($wall | tonumber), "activities_per_second": ($rate | tonumber), "p50_s": ($p50 | tonumber), "p90_s": ($p90 | tonumber),
      "p99_s": ($p99 | tonumber), "max_s": ($max | tonumber), "activity_rows": $rows, "score_events": $events, "handoffs": $handoffs,
      "app_cpu_seconds": ($app_cpu | tonumber), "pg_cpu_seconds": ($pg_cpu | tonumber), "loadavg_before": $load0, "loadavg_after": $load1}' \
    | tee -a "$BENCH_OUT/ingest.jsonl"
  offset=$(( offset + BATCHES_PER_RUN ))
done
rm -f "$WORK"/body-*
