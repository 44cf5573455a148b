#!/usr/bin/env bash
# The start command (`npm start`): installs what is missing, then runs the whole product locally.
#
# Signals: npm forwards SIGINT and SIGTERM to its child only. The `start` script is
# `exec bash scripts/start.sh`, so that child is this bash (no `sh -c` in between: dash dies on TERM
# and sits out INT without passing either on), and this bash becomes node by `exec`, with tsx loaded
# as a hook (`--import tsx`) rather than as a parent process. So the signal reaches the process that
# stops DynamoDB Local and s3rver (functions/api/src/local/main.ts). During the install a signal
# ends the script once the install step returns, before anything is started.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/pnpm.sh
trap 'exit 130' INT
trap 'exit 143' TERM
command -v java >/dev/null || { echo "需要 Java 17 (DynamoDB Local): java not found on PATH" >&2; exit 1; }
pnpm install --frozen-lockfile --prefer-offline --reporter=silent
trap - INT TERM
exec node --import tsx functions/api/src/local/main.ts
