#!/usr/bin/env bash
# The runs behind BENCHMARKS.md, in one session against one running stack:
#   bin/hipoc local --data-dir /tmp/bench-stack --http-port <free> --flink-port <free> &   (wait for READY)
#   bench/benchmarks.sh /tmp/bench-stack [seconds]
# Each run seeds its accounts, loads for the given time, verifies and writes its report into
# <data-dir>/bench/. Hi-PoC and the baseline alternate so both see the same machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${1:?usage: bench/benchmarks.sh <data-dir> [seconds]}"
SECONDS_PER_RUN="${2:-30}"
bench() {
  echo "### bin/hipoc bench $*"
  "$ROOT/bin/hipoc" bench --data-dir "$DATA" --duration "$SECONDS_PER_RUN" "$@" | grep -v '^[a-z@0-9./-]* *[0-9]* s ' || true
}
uptime
bench --mode kafka --max --accounts 100000 --dist uniform
bench --target mysql-baseline --max --accounts 100000 --dist uniform
bench --mode kafka --max --accounts 100000 --dist zipf
bench --target mysql-baseline --max --accounts 100000 --dist zipf
bench --mode batch --max --accounts 100000 --batch-size 500 --concurrency 8
bench --mode http --rate 2000 --accounts 100000 --concurrency 256
bench --mode http --rate 10000 --accounts 100000 --concurrency 512
# Below saturation: the latency a client sees when the stack keeps up.
bench --mode http --rate 400 --accounts 100000 --concurrency 256
bench --mode kafka --rate 1000 --accounts 100000
bench --mode kafka --max --accounts 1000000 --dist uniform
uptime
