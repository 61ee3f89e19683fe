#!/usr/bin/env bash
# The two reads of the mixed load (bench/ops/mixed.lua: the lead list with pageInfo, the lead detail with its
# activities) on one LeadProof instance, the general path (header LeadProof-Read-Path: general) and the compiled one
# alternately, so both see the same machine: requests/s, p50/p99, app and PostgreSQL CPU per request (load.sh), and how
# many answers the compiled path gave.
#
#   BENCH_DB=leadproof_bench_rpshapes bench/readpath/shapes.sh
#
# Preconditions: the bench database is generated (BENCH_DB=... GENERATE_ONLY=1 bench/readpath/run.sh) and LeadProof is
# packaged (target/quarkus-app). Environment: BENCH_DB (leadproof_bench_readpath), OUT (bench/readpath/results),
# ROUNDS (2), CONNS_LIST ("16 1"), DUR (15s), WARM (5s), LP_PORT / LP_MGMT (8094 / 9094), JAVA (java).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$(cd "$HERE/../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-leadproof_bench_readpath}"; OUT="${OUT:-$HERE/results}"; mkdir -p "$OUT/bodies"
LP_PORT="${LP_PORT:-8094}"; LP_MGMT="${LP_MGMT:-9094}"; URL="http://127.0.0.1:$LP_PORT/graphql"
case "$DB" in leadproof|leadproof_test*) echo "refusing to benchmark against $DB" >&2; exit 2;; esac
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || { echo "package LeadProof first (./mvnw package -DskipTests)" >&2; exit 2; }

LEADPROOF_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_HTTP_PORT=$LP_PORT LEADPROOF_MANAGEMENT_PORT=$LP_MGMT \
LEADPROOF_GRAPHQL_BUDGET_CAPACITY=100000000 LEADPROOF_GRAPHQL_BUDGET_RESTORE_RATE=10000000 LEADPROOF_GRAPHQL_MAX_CONCURRENT=64 \
LEADPROOF_SCORING_DECAY_DELAY=24h setsid nohup "${JAVA:-java}" -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >"$OUT/shapes.log" 2>&1 &
LP_PID=$!
trap 'kill "$LP_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf -o /dev/null "http://127.0.0.1:$LP_MGMT/q/health/ready" && break; sleep 1; done

# the generated set has no activities (the mixed load's ingest records them): 12 for every lead with a handoff
if [ "$(psql -X -Atq -d "$DB" -c "select count(*) from (select 1 from activity where workspace_id = 'acme' limit 1) a")" = 0 ]; then
  psql -X -q -d "$DB" -c "insert into activity (workspace_id, id, lead_id, client_event_id, type, funnel_stage, content_tag, occurred_at, recorded_at)
    select 'acme', gen_random_uuid(), l.id, 'bench-' || l.id || '-' || n,
           (array['EBOOK_DOWNLOAD','WEBINAR_ATTENDED','PAGE_VIEW','PRICING_PAGE_VIEW','EMAIL_OPENED','DEMO_REQUESTED'])[1 + n % 6],
           (array['TOFU','MOFU','BOFU'])[1 + n % 3], 'asset-' || n % 7, l.created_at + n * interval '1 hour', l.created_at + n * interval '1 hour'
    from lead l cross join generate_series(1, 12) n
    where l.workspace_id = 'acme' and exists (select from handoff h where h.workspace_id = l.workspace_id and h.lead_id = l.id)"
  psql -X -q -d "$DB" -c "analyze activity"
fi
# the detail of a lead with activities and handoffs (the busiest one), as the load's detail requests read
LEAD=$(psql -X -Atq -d "$DB" -c "select lead_id from handoff where workspace_id = 'acme' group by lead_id order by count(*) desc, lead_id limit 1")
python3 - "$OUT/bodies" "$LEAD" <<'PY'
import json, sys
out, lead = sys.argv[1], sys.argv[2]
json.dump({"query": "{ leads(first: 20, filter: {stages: [MQL, HANDED_OFF]}) { edges { node { id email jobTitle lifecycleStage createdAt } }"
           " pageInfo { hasNextPage endCursor } } }"}, open(out + "/mix_list.json", "w"))
json.dump({"query": "query($id: ID!) { lead(id: $id) { id email jobTitle companyName lifecycleStage score { total fit engagement qualified }"
           " activities(first: 10) { edges { node { type occurredAt } } } handoffs { id state owner } } }",
           "variables": {"id": "gid://leadproof/Lead/" + lead}}, open(out + "/mix_detail.json", "w"))
PY
token() { "$ROOT/src/ops/keycloak.sh" token leo.leader; }
for req in list detail; do # both paths answer the same bytes
  for path in general compiled; do
    curl -sf -H "Authorization: Bearer $(token)" -H 'Content-Type: application/json' -H "LeadProof-Read-Path: $path" \
      -d @"$OUT/bodies/mix_$req.json" "$URL" >"$OUT/shapes.$req.$path.json"
  done
  cmp -s "$OUT/shapes.$req.general.json" "$OUT/shapes.$req.compiled.json" || { echo "$req: the two paths answer differently" >&2; exit 1; }
done

for round in $(seq 1 "${ROUNDS:-2}"); do
  for conns in ${CONNS_LIST:-16 1}; do
    for req in list detail; do
      for path in general compiled; do
        T=$(token)
        READ_PATH=$path GQL_LUA="$HERE/shapes.lua" TOKEN="$T" CONNS=$conns DURATION="${WARM:-5s}" APP_PID=$LP_PID "$HERE/load.sh" "$URL" "$OUT/bodies/mix_$req.json" >/dev/null
        printf 'round=%s req=%s path=%s conns=%s ' "$round" "$req" "$path" "$conns"
        READ_PATH=$path GQL_LUA="$HERE/shapes.lua" TOKEN="$T" CONNS=$conns DURATION="${DUR:-15s}" APP_PID=$LP_PID "$HERE/load.sh" "$URL" "$OUT/bodies/mix_$req.json"
      done
    done
  done
done
