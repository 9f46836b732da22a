#!/usr/bin/env bash
# Start the background worker and the web server; stop both on Ctrl-C.
# The worker (it prints the demo e-mails with the console backend), the periodic commands and
# the request log go to var/log/, so the terminal keeps the address and the demo logins.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VERBUND_BIN:-.venv/bin}
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
LOG_DIR=${VERBUND_VAR_DIR:-var}/log
mkdir -p "$LOG_DIR"
# Links in e-mails point at this server unless SITE_URL is set (environment or .env).
if [[ -z "${SITE_URL:-}" ]] && ! grep -qsE '^[[:space:]]*SITE_URL[[:space:]]*=[[:space:]]*[^[:space:]]' .env; then
    export SITE_URL="http://$HOST:$PORT"
fi

$BIN/verbund db_worker --queue-name default >> "$LOG_DIR/worker.log" 2>&1 &
WORKER=$!
# Reminders (contact requests unanswered for a week, overdue reviews) are idempotent, so an
# hourly loop is enough on one machine; larger installations run the same command from cron.
( while true; do $BIN/verbund send-reminders || true; sleep 3600; done ) >> "$LOG_DIR/reminders.log" 2>&1 &
REMINDERS=$!
# Partnership health changes with time alone (a partnership goes quiet without anything being
# recorded): score every partnership, write the day's snapshots and reconcile the early warnings
# once a day (from the start, then every 24 hours); recorded changes update their partnership
# at once.
( while true; do $BIN/verbund health-recompute || true; sleep 86400; done ) >> "$LOG_DIR/health.log" 2>&1 &
HEALTH=$!
trap 'kill $WORKER $REMINDERS $HEALTH 2>/dev/null || true' EXIT INT TERM

echo
$BIN/verbund demo-logins || true
echo
echo "Verbund runs on http://$HOST:$PORT/  (Ctrl-C stops the server and the worker)"
echo "Worker and e-mails: $LOG_DIR/worker.log   requests: $LOG_DIR/access.log"
echo
$BIN/gunicorn verbund.wsgi --bind "$HOST:$PORT" --workers 2 --threads 4 \
    --access-logfile "$LOG_DIR/access.log" --error-logfile - --log-level warning
