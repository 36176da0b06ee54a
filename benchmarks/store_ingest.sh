#!/usr/bin/env bash
# Ingest throughput against `dyad code` on the same corpus with the built-in
# English dictionaries, one core, best of 3 runs each. The issue's target:
# ingest within 30% of code.
#
# Usage: benchmarks/store_ingest.sh [CORPUS.jsonl]
#   default corpus: ../shared/anchors/bench/corpus.jsonl (DYAD_ANCHORS overrides)
set -euo pipefail
cd "$(dirname "$0")/.."
A="${DYAD_ANCHORS:-$(cd .. && pwd)/shared/anchors}"
CORPUS="${1:-$A/bench/corpus.jsonl}"
[ -f "$CORPUS" ] || { echo "store_ingest: $CORPUS not found (set DYAD_ANCHORS or pass a corpus)" >&2; exit 1; }
cargo build --release -q --bin dyad
BIN=target/release/dyad
OUT=benchmarks/out; mkdir -p "$OUT"
DB="$OUT/bench-ingest.sqlite"
best() { # best wall time of 3 runs of "$@"
  local best=""
  for _ in 1 2 3; do
    rm -f "$DB" "$DB-wal" "$DB-shm"
    local t0 t1
    t0=$(date +%s.%N); "$@" > /dev/null 2> "$OUT/store_ingest.err"; t1=$(date +%s.%N)
    local t; t=$(echo "$t1 - $t0" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}
records=$(grep -c . "$CORPUS")
code_s=$(best taskset -c 0 "$BIN" code -q --lang en "$CORPUS")
ingest_s=$(best taskset -c 0 "$BIN" ingest -q --no-progress --lang en --db "$DB" "$CORPUS")
# Two cores (what CI and users have): the writer thread stores while the
# main thread codes.
ingest2_s=""
if [ "$(nproc)" -ge 2 ]; then
  ingest2_s=$(best taskset -c 0,1 "$BIN" ingest -q --no-progress --lang en --db "$DB" "$CORPUS")
fi
tail -2 "$OUT/store_ingest.err"
# Re-ingesting the same corpus: everything is already stored.
t0=$(date +%s.%N); taskset -c 0 "$BIN" ingest -q --no-progress --lang en --db "$DB" "$CORPUS" > /dev/null 2>&1; t1=$(date +%s.%N)
reingest_s=$(echo "$t1 - $t0" | bc)
size=$(du -k "$DB" | cut -f1)
printf '| measure | value |\n|---|---|\n'
printf '| records | %s |\n' "$records"
printf '| dyad code | %.2f s (%.0f records/s) |\n' "$code_s" "$(echo "$records / $code_s" | bc -l)"
printf '| dyad ingest | %.2f s (%.0f records/s) |\n' "$ingest_s" "$(echo "$records / $ingest_s" | bc -l)"
printf '| ingest / code time | %.2f |\n' "$(echo "$ingest_s / $code_s" | bc -l)"
if [ -n "$ingest2_s" ]; then
  printf '| dyad ingest, 2 cores | %.2f s (%.0f records/s) |\n' "$ingest2_s" "$(echo "$records / $ingest2_s" | bc -l)"
  printf '| ingest on 2 cores / code on 1 | %.2f |\n' "$(echo "$ingest2_s / $code_s" | bc -l)"
fi
printf '| re-ingest (all already stored) | %.2f s |\n' "$reingest_s"
printf '| store size | %s KiB |\n' "$size"
