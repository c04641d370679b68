#!/usr/bin/env bash
# The latency rows of BENCHMARKS.md (issue 15), on a stack this script starts fresh:
#   bench/latency.sh <new data-dir> [seconds per warm row]
# Starts `bin/hipoc local` on <data-dir> (which must not exist yet), loads it with 200 single
# deposits/s from the moment READY is printed (20 s), then, warm, single deposits over HTTP open
# loop at 100, 1,000 and 5,000/s and batches of 1,000 at 50 and 100 requests/s; prints each
# row and where its time went (the reports in <data-dir>/bench/ have the full stage tables);
# stops the stack at the end (or on Ctrl-C).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${1:?usage: bench/latency.sh <new data-dir> [seconds per warm row]}"
SECONDS_PER_RUN="${2:-30}"
[[ -e "$DATA" ]] && { echo "$DATA exists; give a new directory: the first row needs a fresh stack" >&2; exit 2; }
trap '"$ROOT/bin/hipoc" stop --data-dir "$DATA" > /dev/null 2>&1 || true' EXIT
"$ROOT/bin/hipoc" local --data-dir "$DATA" > "$DATA.log" 2>&1 &
echo "starting a stack on $DATA (log $DATA.log)..."
until grep -q '^READY' "$DATA.log" 2>/dev/null; do
  kill -0 $! 2> /dev/null || { echo "the stack did not start; see $DATA.log" >&2; exit 1; }
  sleep 0.2
done
grep '^warm-up' "$DATA.log" || true
row() {
  local log
  log=$("$ROOT/bin/hipoc" bench --data-dir "$DATA" "$@" 2>&1) || true
  local report
  report=$(sed -n 's/^report: \([^ ]*\).*/\1/p' <<< "$log")
  echo "### bin/hipoc bench $*   (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  [[ -n "$report" ]] || { echo "$log" | tail -5; return; }
  grep -E '^\| (phase|---|http|batch)' "$report" | head -3
  sed -n '/^| stage/,/^$/p' "$report"
}
# The first requests a client sends: straight after READY, accounts opened on the way.
row --mode http --mix deposits --rate 200 --duration 20 --accounts 1000 --warmup 0
row --mode http --mix deposits --rate 100 --duration "$SECONDS_PER_RUN" --accounts 100000
row --mode http --mix deposits --rate 1000 --duration "$SECONDS_PER_RUN" --accounts 100000
row --mode http --mix deposits --rate 5000 --duration "$SECONDS_PER_RUN" --accounts 100000 --concurrency 512
row --mode batch --mix deposits --batch-size 1000 --rate 50 --duration "$SECONDS_PER_RUN" --accounts 100000 --concurrency 64
row --mode batch --mix deposits --batch-size 1000 --rate 100 --duration "$SECONDS_PER_RUN" --accounts 100000 --concurrency 64
