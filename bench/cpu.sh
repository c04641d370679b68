#!/usr/bin/env bash
# CPU of each process of a running stack and of its load, from /proc (BENCHMARKS.md):
#   bench/cpu.sh                            one line per process: pid, CPU ticks so far, name
#   bench/cpu.sh <seconds> [requests/s]     cores per process over the next <seconds> and, given
#                                           the rate the load runs at, microseconds per request
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

if [[ $# -eq 0 ]]; then
  snapshot
  exit
fi
WINDOW_S="$1"; RATE="${2:-0}"
before=$(mktemp); after=$(mktemp); trap 'rm -f "$before" "$after"' EXIT
snapshot > "$before"; sleep "$WINDOW_S"; snapshot > "$after"
echo "## CPU per process over $WINDOW_S s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
join "$before" "$after" | awk -v s="$WINDOW_S" -v r="$RATE" '{cpu = ($4 - $2) / 100 / s; all += cpu
  if (cpu > 0.003) printf "%-8s %-36s %5.2f cores %s\n", $1, $3, cpu, (r > 0 ? sprintf("%7.1f us/request", cpu * 1e6 / r) : "")}
  END {printf "%-45s %5.2f cores\n", "all", all}'
