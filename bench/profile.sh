#!/usr/bin/env bash
# Where the CPU goes while the engine runs flat out (BENCHMARKS.md, "Where the time goes"):
#   bench/profile.sh <data-dir> [accounts] [tag]
# Runs a 40 s engine-only load (`bin/hipoc bench --mode kafka --max`) against the running stack
# and, over 15 s in its middle, samples CPU seconds per process from /proc and records the
# TaskManager and MariaDB with `perf record -g` (needs perf and permission to attach). Prints
# the bench row, CPU per process, the TaskManager's CPU by thread and library, and MariaDB's
# top functions; keeps the recordings in /tmp/perf-<tag>-tm.data and -maria.data.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${1:?usage: bench/profile.sh <data-dir> [accounts] [tag]}"
ACCOUNTS="${2:-100000}"
TAG="${3:-profile}"
TM=$(pgrep -f TaskManagerRunner | head -1)
MARIADB=$(pgrep mariadbd | head -1)

cpu_by_process() {
  for pid in $(pgrep -f 'java|mariadbd|redis-server'); do
    cmd=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) || continue
    name=other
    for part in TaskManagerRunner StandaloneSessionClusterEntrypoint mariadbd redis-server BenchMain HipocCli IngressMain; do
      if [[ "$cmd" == *"$part"* ]]; then name=$part; break; fi
    done
    echo "$pid $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) $name"
  done | sort
}

"$ROOT/bin/hipoc" bench --data-dir "$DATA" --mode kafka --max --accounts "$ACCOUNTS" --duration 40 > "/tmp/bench-$TAG.log" 2>&1 &
BENCH=$!
echo "load running (log /tmp/bench-$TAG.log); sampling 15 s once it is under way..."
# The seeding of accounts not opened yet runs first; sample the load itself.
until grep -q '^kafka ' "/tmp/bench-$TAG.log" 2>/dev/null; do sleep 1; done
sleep 10
cpu_by_process > "/tmp/cpu-before-$TAG"
perf record -q -F 199 -g -p "$TM" -o "/tmp/perf-$TAG-tm.data" -- sleep 15 > /dev/null 2>&1 &
perf record -q -F 199 -g -p "$MARIADB" -o "/tmp/perf-$TAG-maria.data" -- sleep 15 > /dev/null 2>&1
wait %2 2>/dev/null || true
cpu_by_process > "/tmp/cpu-after-$TAG"
wait "$BENCH" || true
grep -E '^\| kafka' "/tmp/bench-$TAG.log" || tail -5 "/tmp/bench-$TAG.log"
echo "## CPU seconds per second, by process"
join "/tmp/cpu-before-$TAG" "/tmp/cpu-after-$TAG" | awk '{printf "%-8s %-36s %.2f\n", $1, $3, ($4 - $2) / 100 / 15}'
echo "## TaskManager samples by thread, then by library"
perf report -i "/tmp/perf-$TAG-tm.data" --no-children --sort comm -g none -q 2>/dev/null | head -16
perf report -i "/tmp/perf-$TAG-tm.data" --no-children --sort dso -g none -q 2>/dev/null | head -8
echo "## MariaDB samples by function"
perf report -i "/tmp/perf-$TAG-maria.data" --no-children --sort sym -g none -q 2>/dev/null | head -15
