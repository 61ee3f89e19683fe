#!/usr/bin/env bash
# Two pods, one database (issue 18 §1): two app instances side by side on one fresh database, each claim proved
# with PASS/FAIL. `make two-pods`; docs/operations.md.
#
#   1. both pods start at once on the empty database (Flyway's lock: one migrates, the other waits)
#   2. a handoff created through pod A reaches the rep's handoffAssigned subscription held on pod B
#   3. idempotent retries that land on the other pod replay the first result (handoffAccept, activitiesRecord)
#   4. the per-user cost budget is shared: requests alternating between the pods draw on one bucket
#   5. a rescoring job whose pod is SIGKILLed mid-publish is taken over and finished by the other pod, every lead
#      scored exactly once under the new version (checked in SQL)
#
# Real Keycloak tokens (src/ops/keycloak.sh token ...), the shared PostgreSQL on 5432 with a database of its own
# (dropped at the end unless OPS_KEEP_DB=1). Needs a built app (make build) and Keycloak (make keycloak).
# Environment: TWO_PODS_PORT_A/B (8080/8081), TWO_PODS_MANAGEMENT_PORT_A/B (9000/9001), TWO_PODS_DB
# (leadproof_ops_two_pods), TWO_PODS_LEADS (100000: enough for the job to run several seconds), TWO_PODS_LEASE (6s),
# TWO_PODS_BUDGET_RESTORE_RATE (10 points/s), PGPORT (5432), and those of lib.sh. Results: $OPS_OUT/two-pods.txt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PORT_A="${TWO_PODS_PORT_A:-8080}"
PORT_B="${TWO_PODS_PORT_B:-8081}"
MGMT_A="${TWO_PODS_MANAGEMENT_PORT_A:-9000}"
MGMT_B="${TWO_PODS_MANAGEMENT_PORT_B:-9001}"
PG="${PGPORT:-5432}"
DB="${TWO_PODS_DB:-leadproof_ops_two_pods}"
LEADS="${TWO_PODS_LEADS:-100000}"
LEASE="${TWO_PODS_LEASE:-6s}"
A="http://127.0.0.1:$PORT_A"
B="http://127.0.0.1:$PORT_B"
URL="jdbc:postgresql://127.0.0.1:$PG/$DB"
RESULTS="$OPS_OUT/two-pods.txt"
WS=acme
SUBSCRIBER=""

cleanup() {
  [ -z "$SUBSCRIBER" ] || kill "$SUBSCRIBER" 2>/dev/null || true
  stop_all_pods
  [ "${OPS_KEEP_DB:-0}" = 1 ] || psql -X -q -h 127.0.0.1 -p "$PG" -U postgres -d postgres -c "drop database if exists $DB with (force)" 2>/dev/null || true
}
trap cleanup EXIT

pods_start() {
  # Budget: the default capacity (1000 points) with a slow refill, so that draining it is quick and unambiguous.
  local env=(LEADPROOF_SCORING_LEASE="$LEASE" LEADPROOF_GRAPHQL_BUDGET_RESTORE_RATE="${TWO_PODS_BUDGET_RESTORE_RATE:-10}")
  pod_start a "$PORT_A" "$MGMT_A" "$URL" "${env[@]}"
  pod_start b "$PORT_B" "$MGMT_B" "$URL" "${env[@]}"
  pod_wait_ready a
  pod_wait_ready b
}

: >"$RESULTS"
echo "two pods, one database: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
ADMIN=$(token ada.admin) || die "no token from Keycloak on $KC_URL (make keycloak)"
fresh_database "$PG" "$DB"

# ---- 1. both pods migrate one empty database at once ----------------------------------------------------------------
pods_start
gql_ok "$A" "$ADMIN" '{ viewer { workspace { id } } }' >/dev/null   # provisions the workspace and its criteria model
check "two pods started at once on an empty database; Flyway migrated it once" \
  "$(sql "$PG" "$DB" "select count(*) from flyway_schema_history where success and type = 'SQL'") versioned migrations applied, none twice" \
  test "$(sql "$PG" "$DB" "select count(*) - count(distinct version) from flyway_schema_history where version is not null")" = 0

log "generating $LEADS leads (bench/scoring/generate.sh; the pods stop meanwhile: it rebuilds indexes)"
stop_all_pods
BENCH_DB="$DB" BENCH_WS="$WS" BENCH_LEADS="$LEADS" BENCH_ACTIVITIES="$((LEADS * 3))" PGPORT="$PG" \
  "$REPO/bench/scoring/generate.sh" >"$RUN_DIR/generate.log" 2>&1 || { tail -20 "$RUN_DIR/generate.log" >&2; die "generation failed"; }
pods_start

# ---- 2. a handoff created through pod A reaches the subscription held on pod B ---------------------------------------
sql "$PG" "$DB" "update sales_rep set available = false where workspace_id = '$WS'" >/dev/null
gql_ok "$A" "$ADMIN" 'mutation { salesRepUpsert(input: {userName: "sam.sales", available: true}) { rep { userName } } }' >/dev/null
SAM=$(token sam.sales)
echo "$SAM" >"$RUN_DIR/sam.token"
rm -f "$RUN_DIR/events.jsonl" "$RUN_DIR/events.jsonl.ready"
$CLIENT subscribe --ws "ws://127.0.0.1:$PORT_B/graphql" --token-file "$RUN_DIR/sam.token" --out "$RUN_DIR/events.jsonl" --seconds 60 &
SUBSCRIBER=$!
for _ in $(seq 1 50); do [ -f "$RUN_DIR/events.jsonl.ready" ] && break; sleep 0.2; done
[ -f "$RUN_DIR/events.jsonl.ready" ] || die "the subscription on pod B did not start"
MIA=$(token mia.marketing)
EMAIL="grace-$(date +%s)@two-pods.example"
LEAD=$(gql_ok "$A" "$MIA" 'mutation($e: String!) { leadUpsert(input: {email: $e, jobTitle: "CTO", budgetStatus: APPROVED}) { lead { id } } }' \
  "$(jq -cn --arg e "$EMAIL" '{e: $e}')" | jq -r .data.leadUpsert.lead.id)
AT=$(date -u -d '-1 min' +%FT%TZ)
gql_ok "$A" "$MIA" 'mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }' "$(jq -cn --arg l "$LEAD" --arg t "$AT" \
  '{i: {activities: [{clientEventId: ($l + "-demo"), leadId: $l, type: "DEMO_REQUESTED", funnelStage: "BOFU", occurredAt: $t},
                     {clientEventId: ($l + "-ebook"), leadId: $l, type: "EBOOK_DOWNLOAD", funnelStage: "TOFU", occurredAt: $t}]}}')" >/dev/null
HANDOFF=$(gql_ok "$A" "$MIA" 'query($id: ID!) { lead(id: $id) { handoffs { id owner } } }' "$(jq -cn --arg l "$LEAD" '{id: $l}')" \
  | jq -r '.data.lead.handoffs[0].id // empty')
[ -n "$HANDOFF" ] || die "the qualifying lead was not handed off (automatic handoffs off in $WS?)"
got=""
for _ in $(seq 1 75); do
  got=$(jq -r --arg h "$HANDOFF" 'select(.type == "next") | .payload.data.handoffAssigned | select(.handoffId == $h) | .owner' \
    "$RUN_DIR/events.jsonl" 2>/dev/null | head -1)
  [ -n "$got" ] && break
  sleep 0.2
done
kill "$SUBSCRIBER" 2>/dev/null || true
SUBSCRIBER=""
check "a handoff created through pod A reaches sam.sales's subscription held on pod B" \
  "handoff $HANDOFF, pushed on pod B to ${got:-nobody}" test "$got" = sam.sales

# ---- 3. idempotent retries on the other pod replay the first result ------------------------------------------------
ACCEPT='mutation($h: ID!, $k: String) { handoffAccept(input: {handoffId: $h, idempotencyKey: $k}) { handoff { id state firstResponseAt } userErrors { code } } }'
KEY="accept-$(date +%s%N)"
first=$(gql_ok "$A" "$SAM" "$ACCEPT" "$(jq -cn --arg h "$HANDOFF" --arg k "$KEY" '{h: $h, k: $k}')" | jq -c .data)
again=$(gql_ok "$B" "$SAM" "$ACCEPT" "$(jq -cn --arg h "$HANDOFF" --arg k "$KEY" '{h: $h, k: $k}')" | jq -c .data)
fresh=$(gql_ok "$B" "$SAM" "$ACCEPT" "$(jq -cn --arg h "$HANDOFF" '{h: $h, k: null}')" | jq -r '.data.handoffAccept.userErrors[0].code')
accepted_events=$(sql "$PG" "$DB" "select count(*) from handoff_event where workspace_id = '$WS' and handoff_id = '${HANDOFF##*/}' and type = 'ACCEPTED'")
check "handoffAccept retried on pod B with the key used on pod A replays the first answer" \
  "first: $first; retry: $again; without the key: $fresh; ACCEPTED events: $accepted_events" \
  test "$first" = "$again" -a "$(jq -r .handoffAccept.handoff.state <<<"$first")" = ACCEPTED -a "$fresh" = INVALID_TRANSITION -a "$accepted_events" = 1
RECORD='mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount duplicateCount userErrors { code } } }'
BATCH=$(jq -cn --arg l "$LEAD" --arg t "$AT" --arg r "$RANDOM" '{i: {activities: [range(5) | {clientEventId: ("retry-" + $r + "-" + tostring), leadId: $l, type: "PAGE_VIEW", occurredAt: $t}]}}')
r1=$(gql_ok "$A" "$MIA" "$RECORD" "$BATCH" | jq -c '.data.activitiesRecord | [.recordedCount, .duplicateCount]')
r2=$(gql_ok "$B" "$MIA" "$RECORD" "$BATCH" | jq -c '.data.activitiesRecord | [.recordedCount, .duplicateCount]')
stored=$(sql "$PG" "$DB" "select count(*) from activity where workspace_id = '$WS' and client_event_id like 'retry-$(jq -r '.i.activities[0].clientEventId' <<<"$BATCH" | cut -d- -f2)-%'")
check "activitiesRecord retried on pod B stores nothing twice" "recorded/duplicates on A: $r1, on B: $r2; rows: $stored" \
  test "$r1" = "[5,0]" -a "$r2" = "[0,5]" -a "$stored" = 5

# ---- 4. the cost budget is one bucket for both pods -----------------------------------------------------------------
LEO=$(token leo.leader)
DRAIN='{"query":"{ leads(first: 99) { edges { node { id } } } }"}'
sequence=""
throttled_at=0
granted_a=0
granted_b=0
for i in $(seq 1 40); do
  pod=$([ $((i % 2)) = 1 ] && echo "$A" || echo "$B")
  headers=$(curl -sS -D - -o "$RUN_DIR/drain.json" -H "Authorization: Bearer $LEO" -H 'content-type: application/json' -d "$DRAIN" "$pod/graphql")
  remaining=$(tr -d '\r' <<<"$headers" | awk -F': ' 'tolower($1) == "x-leadproof-cost-remaining" {print $2}')
  if [ "$(jq -r '.errors[0].extensions.code // empty' "$RUN_DIR/drain.json")" = THROTTLED ]; then throttled_at=$i; break; fi
  [ "$pod" = "$A" ] && granted_a=$((granted_a + 1)) || granted_b=$((granted_b + 1))
  sequence="$sequence ${pod##*:}:$remaining"
done
monotonic=$(tr ' ' '\n' <<<"$sequence" | awk -F: 'NF == 2 { if (seen && $2 >= last) bad = 1; last = $2; seen = 1 } END { print bad ? "no" : "yes" }')
check "the cost budget is shared: alternating pods draw on one bucket of 1000 points" \
  "remaining after each 100-point request (port:points):$sequence; throttled at request $throttled_at; granted A $granted_a, B $granted_b" \
  test "$monotonic" = yes -a "$throttled_at" -ge 10 -a "$throttled_at" -le 13 -a "$granted_a" -gt 0 -a "$granted_b" -gt 0

# ---- 5. a rescoring job's pod is SIGKILLed mid-publish; the other pod finishes it -----------------------------------
MODEL=$(gql_ok "$A" "$ADMIN" '{ criteriaModels { id servedVersionId } }')
DRAFT=$(gql_ok "$A" "$ADMIN" 'mutation($m: ID!, $v: ID) { criteriaDraftCreate(input: {modelId: $m, copyFromVersionId: $v}) { version { id } } }' \
  "$(jq -c '{m: .data.criteriaModels[0].id, v: .data.criteriaModels[0].servedVersionId}' <<<"$MODEL")" | jq -r .data.criteriaDraftCreate.version.id)
VERSION="${DRAFT##*/}"
gql_ok "$A" "$ADMIN" 'mutation($v: ID!) { criteriaVersionPublish(input: {versionId: $v}) { version { status } } }' "$(jq -cn --arg v "$DRAFT" '{v: $v}')" >/dev/null
JOB_SQL="from scoring_job where workspace_id = '$WS' and version_id = '$VERSION'"
victim=""
for _ in $(seq 1 600); do
  IFS='|' read -r state processed total owner <<<"$(sql "$PG" "$DB" "select state, processed, total, coalesce(lease_owner, '') $JOB_SQL")"
  if [ "$state" = RUNNING ] && [ "${processed:-0}" -gt 0 ] && [ "$processed" -lt "$total" ]; then
    victim=$(cut -d/ -f1 <<<"$owner" | sed 's/^pod-//')
    break
  fi
  [ "$state" = SUCCEEDED ] && break
  sleep 0.1
done
if [ -z "$victim" ]; then
  fail "a rescoring job whose pod is SIGKILLed mid-publish is finished by the other pod" \
    "the job was never caught mid-way (state $state, $processed of $total): raise TWO_PODS_LEADS"
else
  survivor=$([ "$victim" = a ] && echo b || echo a)
  log "SIGKILL pod $victim (pid $(pod_pid "$victim")) at $processed of $total leads"
  pod_stop "$victim" KILL
  killed_at=$SECONDS
  for _ in $(seq 1 1800); do
    state=$(sql "$PG" "$DB" "select state $JOB_SQL")
    [ "$state" = SUCCEEDED ] || [ "$state" = FAILED ] && break
    sleep 0.2
  done
  IFS='|' read -r state processed total <<<"$(sql "$PG" "$DB" "select state, processed, total $JOB_SQL")"
  scorable=$(sql "$PG" "$DB" "select count(*) from lead where workspace_id = '$WS' and erased_at is null")
  IFS='|' read -r scores rescored ledger ledger_leads <<<"$(sql "$PG" "$DB" "select
      (select count(*) from lead_score where workspace_id = '$WS' and version_id = '$VERSION'),
      (select count(*) from lead_score where workspace_id = '$WS' and version_id = '$VERSION' and previous_total is not null),
      (select count(*) from score_event where workspace_id = '$WS' and version_id = '$VERSION' and cause = 'VERSION_PUBLISHED'),
      (select count(distinct lead_id) from score_event where workspace_id = '$WS' and version_id = '$VERSION' and cause = 'VERSION_PUBLISHED')")"
  served=$(sql "$PG" "$DB" "select served_version_id from criteria_model where workspace_id = '$WS' and served_version_id = '$VERSION'")
  took_over=$(grep -c "Took over rescoring job" "$RUN_DIR/$survivor.log" || true)
  check "the rescoring job of SIGKILLed pod $victim was taken over and finished by pod $survivor" \
    "state $state after $((SECONDS - killed_at)) s, processed $processed of $total, takeover logged by $survivor: $took_over" \
    test "$state" = SUCCEEDED -a "$processed" = "$total" -a "$took_over" -ge 1 -a "$served" = "$VERSION"
  check "every lead scored exactly once under the new version (SQL)" \
    "$scorable scorable leads; score rows $scores (overwritten: $rescored); ledger entries $ledger for $ledger_leads leads" \
    test "$scores" = "$scorable" -a "$rescored" = 0 -a "$ledger" = "$scorable" -a "$ledger_leads" = "$scorable" -a "$total" = "$scorable"
fi

summary
