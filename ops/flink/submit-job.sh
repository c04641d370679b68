#!/bin/sh
# Submits balance-engine to the compose Flink cluster through REST, as an operator would, and
# exits. Resumes from the newest savepoint or retained checkpoint in /flink-data (the same rule
# as `bin/hipoc local`), so `docker compose up` after a crash or a `down` keeps every balance.
# Does nothing when a job already runs: two engines would decide every command twice.
set -eu

until curl -fsS "$FLINK_URL/overview" | grep -q '"slots-available":[1-9]'; do
  echo "waiting for a TaskManager slot at $FLINK_URL"
  sleep 2
done

if curl -fsS "$FLINK_URL/jobs" | grep -q '"status":"\(RUNNING\|CREATED\|RESTARTING\|INITIALIZING\)"'; then
  echo "a job is already running on $FLINK_URL; not submitting another"
  exit 0
fi

newest=$(ls -1t /flink-data/savepoints/*/_metadata /flink-data/checkpoints/*/chk-*/_metadata 2>/dev/null | head -n 1 || true)
restore=""
if [ -n "$newest" ]; then
  restore=",\"savepointPath\":\"file://$(dirname "$newest")\""
  echo "resuming from $(dirname "$newest")"
fi

jar_id=$(curl -fsS -X POST -F "jarfile=@$JOB_JAR" "$FLINK_URL/jars/upload" | sed -n 's|.*flink-web-upload/\([^"]*\)".*|\1|p')
curl -fsS -X POST -H 'Content-Type: application/json' \
  -d "{\"parallelism\":$PARALLELISM$restore}" "$FLINK_URL/jars/$jar_id/run"
echo
