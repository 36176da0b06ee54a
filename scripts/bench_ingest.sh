#!/usr/bin/env bash
# `dyad ingest` against `dyad code` on the same corpus (issue #5: ingest
# throughput within 30% of code). Each side runs RUNS times (default 3) and
# the best wall time counts; peak RSS and CPU time are those of the best run.
# A second pair of rows pins both commands to one core (`taskset -c 0`), so
# that the cost of storing shows even where the second core is busy.
#
# Usage: scripts/bench_ingest.sh [CORPUS.jsonl] [-- extra flags for both commands]
#   default corpus: <anchors>/bench/corpus.jsonl (DYAD_ANCHORS overrides the
#   anchors folder, default ../shared/anchors); default flags: --lang en.
#   DYAD_BIN=path skips the build and times that binary; RUNS=n sets the runs.
# Needs GNU time (/usr/bin/time) and bc.
set -euo pipefail
cd "$(dirname "$0")/.."
A="${DYAD_ANCHORS:-$(cd .. && pwd)/shared/anchors}"
CORPUS="$A/bench/corpus.jsonl"
if [ $# -gt 0 ] && [ "$1" != "--" ]; then CORPUS="$1"; shift; fi
[ "${1:-}" = "--" ] && shift
FLAGS=("$@")
[ ${#FLAGS[@]} -eq 0 ] && FLAGS=(--lang en)
[ -f "$CORPUS" ] || { echo "bench_ingest: $CORPUS not found (set DYAD_ANCHORS or pass a corpus)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench_ingest: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }
RUNS="${RUNS:-3}"
if [ -n "${DYAD_BIN:-}" ]; then
  BIN="$DYAD_BIN"
else
  cargo build --release -q --bin dyad
  BIN=target/release/dyad
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB="$TMP/bench.sqlite"

# best PIN CMD...: runs CMD RUNS times (pinned to cores PIN when not empty)
# and prints "wall user+sys peak_rss_kib" of the fastest run.
best() {
  local pin="$1"; shift
  local best_line=""
  for _ in $(seq "$RUNS"); do
    rm -f "$DB" "$DB-wal" "$DB-shm"
    local pre=()
    [ -n "$pin" ] && pre=(taskset -c "$pin")
    "${pre[@]}" /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" "$@" > /dev/null 2> "$TMP/err" || {
      echo "bench_ingest: $* failed:" >&2; cat "$TMP/err" >&2; exit 1; }
    local wall user sys rss
    read -r wall user sys rss < <(tail -1 "$TMP/time")
    local line; line="$wall $(echo "$user + $sys" | bc) $rss"
    if [ -z "$best_line" ] || [ "$(echo "$wall < ${best_line%% *}" | bc)" = 1 ]; then
      best_line="$line"
      cp "$TMP/err" "$TMP/best.err"
    fi
  done
  echo "$best_line"
}

events_of() { # the events count of the accounting line
  grep -o 'events=[0-9]*' "$TMP/best.err" | head -1 | cut -d= -f2
}

records=$(grep -c . "$CORPUS")
row() { # label pin
  local label="$1" pin="$2"
  local out ev i_ev c_wall c_cpu c_rss i_wall i_cpu i_rss
  out=$(best "$pin" "$BIN" code -q "${FLAGS[@]}" "$CORPUS")
  read -r c_wall c_cpu c_rss <<< "$out"
  ev=$(events_of)
  out=$(best "$pin" "$BIN" ingest -q --no-progress "${FLAGS[@]}" --db "$DB" "$CORPUS")
  read -r i_wall i_cpu i_rss <<< "$out"
  i_ev=$(events_of)
  printf '| %s | code | %.2f | %.2f | | %.0f | %.0f | %d |\n' "$label" "$c_wall" "$c_cpu" \
    "$(echo "$records / $c_wall" | bc -l)" "$(echo "$ev / $c_wall" | bc -l)" "$((c_rss / 1024))"
  printf '| %s | ingest | %.2f | %.2f | %.2f | %.0f | %.0f | %d |\n' "$label" "$i_wall" "$i_cpu" \
    "$(echo "$i_wall / $c_wall" | bc -l)" "$(echo "$records / $i_wall" | bc -l)" \
    "$(echo "$i_ev / $i_wall" | bc -l)" "$((i_rss / 1024))"
}

echo "corpus: $CORPUS ($records records), flags: ${FLAGS[*]}, best of $RUNS, $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo '| cores | command | wall s | cpu s | ingest/code wall | records/s | events/s | peak RSS MiB |'
echo '|---|---|---|---|---|---|---|---|'
row "all ($(nproc))" ""
row "1" "0"
