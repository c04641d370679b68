#!/bin/sh
# Submits Hi-PoC's jobs to the compose Flink cluster through REST, as an operator would, and
# exits. Each argument NAME=JAR is one job. Each resumes from its own newest savepoint or
# retained checkpoint in /flink-data (savepoints/NAME/, checkpoints/NAME/; for balance-engine also
# those a one-job version left directly in savepoints/ and checkpoints/: the same rule as
# `bin/hipoc local`), so `docker compose up` after a crash or a `down` keeps every balance and
# the read models' place in balance.events. A job already active is left alone: two engines
# would decide every command twice.
set -eu

until curl -fsS "$FLINK_URL/overview" | grep -q '"slots-available":[1-9]'; do
  echo "waiting for a TaskManager slot at $FLINK_URL"
  sleep 2
done

# Whether a job named $1 is running, restarting or being created.
active() {
  for id in $(curl -fsS "$FLINK_URL/jobs" \
      | grep -o '"id":"[0-9a-f]*","status":"\(RUNNING\|CREATED\|RESTARTING\|INITIALIZING\)"' | cut -d'"' -f4); do
    if curl -fsS "$FLINK_URL/jobs/$id" | grep -q "\"name\":\"$1\""; then
      return 0
    fi
  done
  return 1
}

for job in "$@"; do
  name=${job%%=*}
  jar=${job#*=}
  if active "$name"; then
    echo "$name is already running on $FLINK_URL; not submitting another"
    continue
  fi

  own="/flink-data/savepoints/$name/*/_metadata /flink-data/checkpoints/$name/*/chk-*/_metadata"
  if [ "$name" = balance-engine ]; then
    own="$own /flink-data/savepoints/savepoint-*/_metadata /flink-data/checkpoints/*/chk-*/_metadata"
  fi
  # $own unquoted on purpose: its globs expand here.
  newest=$(ls -1t $own 2>/dev/null | head -n 1 || true)
  restore=""
  if [ -n "$newest" ]; then
    restore=",\"savepointPath\":\"file://$(dirname "$newest")\""
    echo "$name resumes from $(dirname "$newest")"
  fi

  # Its own checkpoint directory: both jobs read CHECKPOINT_DIR from the JobManager's environment,
  # and a checkpoint must be found again by the job it belongs to.
  args="\"programArgsList\":[\"--CHECKPOINT_DIR=file:///flink-data/checkpoints/$name\"]"
  jar_id=$(curl -fsS -X POST -F "jarfile=@$jar" "$FLINK_URL/jars/upload" | sed -n 's|.*flink-web-upload/\([^"]*\)".*|\1|p')
  curl -fsS -X POST -H 'Content-Type: application/json' \
    -d "{\"parallelism\":$PARALLELISM,$args$restore}" "$FLINK_URL/jars/$jar_id/run"
  echo
done
