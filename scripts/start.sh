#!/usr/bin/env bash
# The start command (`npm start`): installs what is missing, then runs the whole product locally.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/pnpm.sh
command -v java >/dev/null || { echo "需要 Java 17 (DynamoDB Local): java not found on PATH" >&2; exit 1; }
pnpm install --frozen-lockfile --prefer-offline --reporter=silent
exec node_modules/.bin/tsx functions/api/src/local/main.ts
