#!/usr/bin/env bash
# Where the CPU goes while the engine runs flat out, or at a set rate (BENCHMARKS.md, "Where the
# time goes"):
#   bench/profile.sh <data-dir> [accounts] [tag] [commands per second, default: as fast as it goes]
# Runs a 40 s engine-only load (`bin/hipoc bench --mode kafka --max` or `--rate N`) against the running stack
# and, over 15 s in its middle, samples CPU seconds per process from /proc, profiles the
# TaskManager with async-profiler (fetched from Maven Central on first use) and MariaDB with
# `perf record` when perf is there. Prints the bench row, CPU per process (seconds per second and
# microseconds per command), the TaskManager's CPU by thread (processor, compaction, producers,
# the read-models job's threads) and by hot method, and MariaDB's top functions; keeps the
# profiles in /tmp/profile-<tag>-*.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$(cd "${1:?usage: bench/profile.sh <data-dir> [accounts] [tag]}" && pwd)"
ACCOUNTS="${2:-100000}"
TAG="${3:-profile}"
PACE=(--max)
[[ -n "${4:-}" ]] && PACE=(--rate "$4")
SAMPLE_S=15
TM=$(pgrep -f "TaskManagerRunner.*$DATA" | head -1)
MARIADB=$(pgrep -f "mariadbd.*$DATA" | head -1 || true)
PROFILER_VERSION=4.1
PROFILER=/tmp/async-profiler-$PROFILER_VERSION/linux-x64/libasyncProfiler.so

if [[ ! -f "$PROFILER" ]]; then
  echo "fetching async-profiler $PROFILER_VERSION from Maven Central..."
  mvn -B -q dependency:get -Dartifact=tools.profiler:async-profiler:$PROFILER_VERSION > /dev/null
  mkdir -p "/tmp/async-profiler-$PROFILER_VERSION"
  (cd "/tmp/async-profiler-$PROFILER_VERSION" && unzip -q -o \
    "$HOME/.m2/repository/tools/profiler/async-profiler/$PROFILER_VERSION/async-profiler-$PROFILER_VERSION.jar")
fi

"$ROOT/bin/hipoc" bench --data-dir "$DATA" --mode kafka "${PACE[@]}" --accounts "$ACCOUNTS" --duration 40 > "/tmp/bench-$TAG.log" 2>&1 &
BENCH=$!
echo "load running (log /tmp/bench-$TAG.log); sampling $SAMPLE_S s once it is under way..."
# The seeding of accounts not opened yet runs first; sample the load itself.
until grep -q '^kafka ' "/tmp/bench-$TAG.log" 2>/dev/null; do sleep 1; done
sleep 10
"$ROOT/bench/cpu.sh" > "/tmp/profile-$TAG-cpu-before"
STARTED=$(date +%s.%N)
jcmd "$TM" JVMTI.agent_load "$PROFILER" "\"start,event=cpu,interval=2ms,threads\"" > /dev/null
if [[ -n "$MARIADB" ]] && command -v perf > /dev/null; then
  perf record -q -F 199 -g -p "$MARIADB" -o "/tmp/profile-$TAG-maria.data" -- sleep $SAMPLE_S > /dev/null 2>&1 || true
else
  sleep $SAMPLE_S
fi
jcmd "$TM" JVMTI.agent_load "$PROFILER" "\"stop,file=/tmp/profile-$TAG-tm.collapsed,collapsed\"" > /dev/null
"$ROOT/bench/cpu.sh" > "/tmp/profile-$TAG-cpu-after"
# Attaching and detaching the profiler take their time too: divide by the window as it was.
WINDOW_S=$(awk -v from="$STARTED" -v to="$(date +%s.%N)" 'BEGIN {printf "%.1f", to - from}')
# Commands per second over the sampled window, from the bench's per-second lines.
RATE=$(awk '/^kafka /{print $4}' "/tmp/bench-$TAG.log" | tail -n +11 | head -$SAMPLE_S | awk '{s+=$1} END {printf "%.0f", s/NR}')
wait "$BENCH" || true
grep -E '^\| kafka' "/tmp/bench-$TAG.log" || tail -5 "/tmp/bench-$TAG.log"
echo "at about $RATE commands/s (one request is one command here):"
"$ROOT/bench/cpu.sh" --between "/tmp/profile-$TAG-cpu-before" "/tmp/profile-$TAG-cpu-after" "$WINDOW_S" "$RATE"
echo "## TaskManager CPU by thread and by hot method (async-profiler)"
python3 "$ROOT/bench/profile_threads.py" "/tmp/profile-$TAG-tm.collapsed" "$WINDOW_S" "$RATE"
if [[ -f "/tmp/profile-$TAG-maria.data" ]]; then
  echo "## MariaDB samples by function"
  perf report -i "/tmp/profile-$TAG-maria.data" --no-children --sort sym -g none -q 2>/dev/null | head -15
fi
