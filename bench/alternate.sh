#!/usr/bin/env bash
# One side of an A/B measurement on one running stack (BENCHMARKS.md, "What changed"):
#   [PARALLELISM=N] [RATE=commands/s] [MODE=http] [KEEP_STATE=1] \
#     bench/alternate.sh <data-dir> <engine jar> <tag> [program arguments, e.g. --CACHED_ACCOUNTS=0]
# Cancels the running balance-engine, starts <engine jar> with fresh state (KEEP_STATE=1: stops it
# with a savepoint and starts the jar from it in CLAIM mode), warms it with 20 s of load, then runs
# 30 s of engine-only load (RATE=N: at N commands/s instead of flat out; MODE=http: single deposits over
# HTTP at RATE, the whole path) and prints commands/s, p50/p95/p99 and the TaskManager's and
# Kafka's CPU microseconds per command during it. Alternate two jars several times on one stack.
# Without KEEP_STATE the engine starts empty while the read models keep the bench's accounts: from
# the second run on most commands are refused ACCOUNT_NOT_FOUND and verify fails. Use KEEP_STATE=1
# for A/B pairs (both jars must then read each other's state layouts).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$(cd "${1:?usage: bench/alternate.sh <data-dir> <jar> <tag> [args...]}" && pwd)"
JAR="${2:?jar}"; TAG="${3:?tag}"; shift 3
FLINK=$(sed -n 's/^flink.url=//p' "$DATA/endpoints.properties" | tr -d '\\')
LOG=/tmp/alternate-$TAG.log
MODE="${MODE:-kafka}"
PACE="--max"; [[ -n "${RATE:-}" ]] && PACE="--rate $RATE"
[[ "$MODE" == http ]] && PACE="--mix deposits --rate ${RATE:?MODE=http needs RATE}"
engine_jobs() { # ids of balance-engine jobs in the given states
  curl -s "$FLINK/jobs/overview" | python3 -c 'import sys,json; s=sys.argv[1].split(","); [print(j["jid"]) for j in json.load(sys.stdin)["jobs"] if j["name"]=="balance-engine" and j["state"] in s]' "$1"; }
# Compaction's cost grows with the state, which a fresh start hides.
RESTORE=""
for id in $(engine_jobs RUNNING); do
  if [[ -n "${KEEP_STATE:-}" ]]; then
    REQUEST=$(curl -s -XPOST -H 'Content-Type: application/json' -d "{\"targetDirectory\":\"file://$DATA/savepoints-ab\",\"drain\":false}" \
      "$FLINK/jobs/$id/stop" | python3 -c 'import sys,json; print(json.load(sys.stdin)["request-id"])')
    until SAVEPOINT=$(curl -s "$FLINK/jobs/$id/savepoints/$REQUEST" | python3 -c 'import sys,json; r=json.load(sys.stdin); print(r["operation"]["location"]) if r["status"]["id"] == "COMPLETED" else sys.exit(1)'); do sleep 1; done
    RESTORE=",\"savepointPath\":\"$SAVEPOINT\",\"claimMode\":\"CLAIM\""
  else
    curl -s -XPATCH "$FLINK/jobs/$id?mode=cancel" > /dev/null
  fi
done
until [[ -z "$(engine_jobs RUNNING,CANCELLING,CREATED,RESTARTING,FAILING)" ]]; do sleep 1; done
JAR_ID=$(curl -s -XPOST -F "jarfile=@$JAR" "$FLINK/jars/upload" | python3 -c 'import sys,json; print(json.load(sys.stdin)["filename"].split("/")[-1])')
ARGS=$(python3 -c 'import sys,json; print(json.dumps(sys.argv[1:]))' "$@")
curl -s -XPOST -H 'Content-Type: application/json' -d "{\"programArgsList\":$ARGS,\"parallelism\":${PARALLELISM:-2}$RESTORE}" "$FLINK/jars/$JAR_ID/run" > /dev/null
until curl -s "$FLINK/jobs/overview" | python3 -c 'import sys,json; sys.exit(0 if any(j["name"]=="balance-engine" and j["state"]=="RUNNING" and j["tasks"]["running"]==j["tasks"]["total"] for j in json.load(sys.stdin)["jobs"]) else 1)'; do sleep 1; done
echo "$TAG: $JAR running $*; 20 s of load to warm the new job's code, then 30 s measured (log $LOG)"
TM=$(pgrep -f "TaskManagerRunner.*$DATA" | head -1); KAFKA=$(pgrep -f "HipocCli local.*$DATA" | head -1)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# A restarted job's classes are new to the JIT: the first seconds measure the compiler.
"$ROOT/bin/hipoc" bench --data-dir "$DATA" --mode "$MODE" $PACE --accounts 100000 --duration 20 > "$LOG" 2>&1
"$ROOT/bin/hipoc" bench --data-dir "$DATA" --mode "$MODE" $PACE --accounts 100000 --duration 30 > "$LOG" 2>&1 &
BENCH=$!
until grep -q "^$MODE " "$LOG" 2>/dev/null; do sleep 0.5; done
t0=$(date +%s.%N); tm0=$(ticks "$TM"); k0=$(ticks "$KAFKA")
until grep -q '^verify' "$LOG" 2>/dev/null; do sleep 0.5; done
t1=$(date +%s.%N); tm1=$(ticks "$TM"); k1=$(ticks "$KAFKA")
wait "$BENCH" || true
grep "^| $MODE " "$LOG" | awk -F'|' -v tag="$TAG" -v t0="$t0" -v t1="$t1" -v tm="$((tm1 - tm0))" -v k="$((k1 - k0))" \
  -v load="$(cut -d' ' -f1 /proc/loadavg)" '{n = $8 * (t1 - t0);
  printf "%-12s %6d cmd/s p50 %s p95 %s p99 %s ms  TaskManager %.1f us/command  Kafka %.1f us/command  load %s\n", tag, $8, $9, $10, $11, tm * 1e4 / n, k * 1e4 / n, load}'
