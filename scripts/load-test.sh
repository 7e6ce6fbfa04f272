#!/usr/bin/env bash
# The full load test: a fresh PostgreSQL database with the demo council, gunicorn with production
# settings on 127.0.0.1, 50 simulated users for 60 seconds (tests/load/). Prints p50 and p95 per
# page and fails if any request failed or any submitted value is missing from the database.
#   LOAD_DATABASE  database name (default scorecard_load; dropped and created again)
#   LOAD_USERS, LOAD_SECONDS, LOAD_WORKERS  (default 50, 60, 4)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
DATABASE=${LOAD_DATABASE:-scorecard_load}
PGHOST=127.0.0.1
export DATABASE_URL="postgres://postgres@${PGHOST}:5432/${DATABASE}"

dropdb -h "$PGHOST" -U postgres --if-exists "$DATABASE"
createdb -h "$PGHOST" -U postgres "$DATABASE"
$BIN/scorecard migrate --no-input -v 0
$BIN/scorecard load-demo > /dev/null
exec $BIN/python -m tests.load.run \
  --users "${LOAD_USERS:-50}" --seconds "${LOAD_SECONDS:-60}" --workers "${LOAD_WORKERS:-4}"
