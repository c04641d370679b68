#!/usr/bin/env bash
# CPU of each process of a running stack and of its load, from /proc (BENCHMARKS.md):
#   bench/cpu.sh                            one line per process: pid, CPU ticks so far, name
#   bench/cpu.sh <seconds> [per second]     cores per process over the next <seconds> and, given
#                                           the rate the load runs at, microseconds per request
#   bench/cpu.sh --between <before> <after> <seconds> [per second]
#                                           the same from two snapshots taken <seconds> apart
# Start the load first (e.g. `bin/hipoc bench --mode http --rate 1000 ...`), then this.
set -euo pipefail

# pid, CPU ticks (user + system) and a one-word name (a field of the join below).
snapshot() {
  for pid in $(pgrep -f "java|mariadbd|redis-server"); do
    cmd=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) || continue
    name=other
    for part in TaskManagerRunner StandaloneSessionClusterEntrypoint mariadbd redis-server; do
      if [[ "$cmd" == *"$part"* ]]; then name=$part; break; fi
    done
    [[ "$cmd" == *"hipoc-ingress.jar"* ]] && name=ingress
    [[ "$cmd" == *"HipocCli bench"* ]] && name=load-generator
    [[ "$cmd" == *"HipocCli local"* ]] && name="launcher+Kafka"
    echo "$pid $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) $name"
  done | sort
}

# Cores per process between two snapshots, and microseconds per request at a given rate.
between() {
  local before="$1" after="$2" seconds="$3" rate="${4:-0}"
  echo "## CPU per process over $seconds s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  join "$before" "$after" | awk -v s="$seconds" -v r="$rate" '{cpu = ($4 - $2) / 100 / s; all += cpu
    if (cpu > 0.003) printf "%-8s %-36s %5.2f cores %s\n", $1, $3, cpu, (r > 0 ? sprintf("%7.1f us/request", cpu * 1e6 / r) : "")}
    END {printf "%-45s %5.2f cores\n", "all", all}'
}

if [[ $# -eq 0 ]]; then
  snapshot
elif [[ "$1" == --between ]]; then
  shift
  between "$@"
else
  before=$(mktemp); after=$(mktemp); trap 'rm -f "$before" "$after"' EXIT
  snapshot > "$before"; sleep "$1"; snapshot > "$after"
  between "$before" "$after" "$1" "${2:-0}"
fi
