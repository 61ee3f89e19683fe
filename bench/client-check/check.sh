#!/usr/bin/env bash
# Client check (issue 15): compiles a small Relay app (relay-compiler, strict ids: nonNodeIdFields) and a GraphQL Code
# Generator project (strictScalars, documented scalar mappings) against the committed SDL, then type-checks the result
# with tsc. Not part of `make test` (npm install is slow here): run `make client-check`. Tools install into
# .cache/client-check once (pinned versions); later runs are offline.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/client-check"
DIR="$ROOT/.cache/client-check"
BIN="$DIR/node_modules/.bin"
if [ ! -x "$BIN/relay-compiler" ] || [ ! -x "$BIN/graphql-codegen" ] || [ ! -x "$BIN/tsc" ]; then
  command -v npm >/dev/null || { echo "[client-check] npm is needed once" >&2; exit 2; }
  mkdir -p "$DIR"
  npm install --silent --no-audit --no-fund --prefix "$DIR" relay-compiler@21.0.1 @graphql-codegen/cli@5 \
    @graphql-codegen/typescript@4 @graphql-codegen/typescript-operations@4 graphql@16.9.0 typescript@5.6.3 >/dev/null
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp -r "$HERE/src" "$WORK/src"
cp "$ROOT/graphql-schema/schema.graphql" "$WORK/schema.graphql"
ln -s "$DIR/node_modules" "$WORK/node_modules"
# relay-compiler reads operations only from graphql`...` tags in JS/TS modules; a .graphql file under its src is taken
# for a schema extension (21.0.1 then panics: "Expected to have access to AST and docblock sources"). So the documents
# are wrapped, one tag per operation, into relay-src/<File>.ts (operation names start with the module name, as Relay
# requires); codegen reads the .graphql files themselves.
mkdir -p "$WORK/relay-src"
for doc in "$WORK"/src/*.graphql; do
  node -e '
    const fs = require("fs");
    const ops = fs.readFileSync(process.argv[1], "utf8").split(/^(?=(?:query|mutation|subscription|fragment)\b)/m)
      .map(s => s.trim()).filter(Boolean);
    fs.writeFileSync(process.argv[2], ops.map(o => "graphql`\n" + o + "\n`;\n").join("\n"));
  ' "$doc" "$WORK/relay-src/$(basename "$doc" .graphql).ts"
done
cat > "$WORK/relay.config.json" <<JSON
{ "src": "./relay-src", "schema": "./schema.graphql", "language": "typescript", "artifactDirectory": "./relay-src/__generated__",
  "schemaConfig": { "nodeInterfaceIdField": "id", "nonNodeIdFields": { "allowedIdTypes": {} } },
  "customScalarTypes": { "DateTime": "string", "Date": "string", "Decimal": "string", "BigInteger": "number", "BigDecimal": "string" } }
JSON
cat > "$WORK/codegen.yml" <<YML
schema: ./schema.graphql
documents: ./src/**/*.graphql
generates:
  ./src/types.ts:
    plugins: [typescript, typescript-operations]
    config:
      strictScalars: true
      scalars: { DateTime: string, Date: string, Decimal: string, BigInteger: number, BigDecimal: string }
YML
mkdir -p "$WORK/relay-src/__generated__"
cd "$WORK"
echo "[client-check] relay-compiler (strict ids)"
"$BIN/relay-compiler" 2>&1 | tee relay.log
echo "[client-check] graphql-codegen (strictScalars)"
"$BIN/graphql-codegen" --config codegen.yml 2>&1 | tee codegen.log
echo "[client-check] tsc --strict"
"$BIN/tsc" --strict --noEmit --skipLibCheck src/types.ts
if grep -qi "warn" relay.log codegen.log; then echo "[client-check] FAIL: warnings above" >&2; exit 1; fi
echo "[client-check] PASS"
