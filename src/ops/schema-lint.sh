#!/usr/bin/env bash
# Lints the committed SDL (graphql-schema/schema.graphql) with graphql-schema-linter and its default rules. The linter
# is installed with npm into .cache/schema-linter the first time (pinned versions); later runs need no network.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$ROOT/.cache/schema-linter"
LINTER="$DIR/node_modules/.bin/graphql-schema-linter"
if [ ! -x "$LINTER" ]; then
  command -v npm >/dev/null || { echo "[schema-lint] npm is needed once to install graphql-schema-linter (apt-get install npm)" >&2; exit 2; }
  echo "[schema-lint] installing graphql-schema-linter into $DIR"
  mkdir -p "$DIR"
  npm install --silent --no-audit --no-fund --prefix "$DIR" graphql-schema-linter@3.0.1 graphql@16.9.0 >/dev/null
fi
"$LINTER" "$ROOT/graphql-schema/schema.graphql"
echo "[schema-lint] graphql-schema/schema.graphql: clean"
