#!/usr/bin/env bash
# Benchmarks (not tests): each prints its figures beside the machine's floor measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/pnpm.sh
pnpm install --frozen-lockfile --prefer-offline --reporter=silent
echo "== scoring engine"
(cd packages/scoring && ../../node_modules/.bin/tsx bench/score-bench.ts)
echo
echo "== API: published results under load"
node_modules/.bin/tsx functions/api/bench/api-bench.ts
echo
echo "== sheets: hostile uploads"
node_modules/.bin/tsx functions/api/bench/sheet-bench.ts
