#!/usr/bin/env bash
# npm run test:pg: the tests that need PostgreSQL, against a throwaway cluster. Starts one on
# loopback (.ci/start-postgres.sh; needs Debian's postgresql package), runs test/server with
# RAK_TEST_PG_URL set, then stops and removes the cluster whatever the outcome. Extra arguments go
# to vitest, e.g. `npm run test:pg -- test/server/postgres-store.test.ts`.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(bash .ci/start-postgres.sh)"
trap 'bash .ci/start-postgres.sh stop' EXIT
if (($# == 0)); then set -- test/server; fi
npx vitest run --project unit "$@"
