#!/usr/bin/env bash
# The test command (`npm test`): install, lint and format check, typecheck, then every vitest
# project (unit, infra, integration on the embedded local stack).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/pnpm.sh
command -v java >/dev/null || { echo "需要 Java 17 (DynamoDB Local): java not found on PATH" >&2; exit 1; }
pnpm install --frozen-lockfile --prefer-offline --reporter=silent
echo "== lint & format (biome)"
node_modules/.bin/biome ci .
echo "== typecheck (tsc)"
node_modules/.bin/tsc -p tsconfig.json --noEmit
echo "== dependency rules (dependency-cruiser)"
node_modules/.bin/depcruise --config .dependency-cruiser.cjs --output-type err-long functions/api/src 'packages/*/src'
echo "== tests (vitest: unit, infra, integration)"
report="$(mktemp)"
status=0
node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json="$report" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' "$report" || true
rm -f "$report"
exit "$status"
