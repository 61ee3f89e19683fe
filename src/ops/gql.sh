#!/usr/bin/env bash
# Runs one GraphQL document against the local app as a demo user, with a fresh token (demo tokens live 5 minutes).
#
#   src/ops/gql.sh <login> '<document>' ['<variables as JSON>']      e.g.
#   src/ops/gql.sh mia.marketing '{ leads(first: 3) { edges { node { id email } } } }'
#   src/ops/gql.sh leo.leader 'query($w: MetricsWindowInput!) { metrics(window: $w) { leads } }' '{"w": {"from": "2026-01-01", "to": "2026-02-01"}}'
#
# LEADPROOF_URL (default http://127.0.0.1:8080/graphql) and LEADPROOF_WORKSPACE (for a user of several workspaces, e.g.
# max.multi) are read from the environment. Prints the JSON answer.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[ $# -ge 2 ] || { sed -n '2,9p' "$0" >&2; exit 2; }
token="$("$ROOT/src/ops/keycloak.sh" token "$1" ${LEADPROOF_WORKSPACE:-})"
body="$(python3 -c 'import json, sys; print(json.dumps({"query": sys.argv[1], "variables": json.loads(sys.argv[2])}))' "$2" "${3:-{\}}")"
curl -sS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body" "${LEADPROOF_URL:-http://127.0.0.1:8080/graphql}"
echo
