#!/usr/bin/env bash
# Start the background worker and the web server; stop both on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}

$BIN/verbund db_worker --queue-name default &
WORKER=$!
# Reminders (contact requests unanswered for a week, overdue reviews) are idempotent, so an
# hourly loop is enough on one machine; larger installations run the same command from cron.
( while true; do $BIN/verbund send-reminders > /dev/null 2>&1 || true; sleep 3600; done ) &
REMINDERS=$!
# Partnership health changes with time alone (a partnership goes quiet without anything being
# recorded): score every partnership, write the day's snapshots and reconcile the early warnings
# once a day; recorded changes update their partnership at once.
( while true; do $BIN/verbund health-recompute > /dev/null 2>&1 || true; sleep 86400; done ) &
HEALTH=$!
trap 'kill $WORKER $REMINDERS $HEALTH 2>/dev/null || true' EXIT INT TERM

$BIN/verbund demo-logins || true
echo
echo "Verbund runs on http://$HOST:$PORT/  (Ctrl-C stops the server and the worker)"
echo
$BIN/gunicorn verbund.wsgi --bind "$HOST:$PORT" --workers 2 --threads 4 \
    --access-logfile - --error-logfile - --log-level warning
