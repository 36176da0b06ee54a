#!/usr/bin/env bash
# Load benchmark of `dyad serve` (not a CI gate): bounded runs of `wrk`
# against POST /v1/code with a one-paragraph article, on loopback.
# Reports requests/s, p50 and p99 latency and errors of each run, and the
# server's resident memory: at start, after a warm-up run, after each
# measured run, its peak (VmHWM), a sample every second, and the growth after
# warm-up per request, so that "flat memory" is shown by numbers.
#
#   benchmarks/load.sh                           # 5 s warm-up, then 30 s, 2 wrk threads, 32 connections
#   RUNS=3 benchmarks/load.sh                    # three 30 s runs back to back on the same server
#   DURATION=10 CONNECTIONS=64 WARMUP=3 benchmarks/load.sh
#   SERVE_ARGS="--coder-threads 4" benchmarks/load.sh
#
# Needs Debian's `wrk` (apt-get install wrk). Builds the release `dyad`
# unless DYAD_BIN points at one. Targets: >= 2,000 req/s, p99 < 50 ms, no
# errors, flat memory (after warm-up RSS grows by at most FLAT_KIB, 1 MiB).
# Output goes to target/load/ (summary.txt, rss.txt, wrk-*.txt, server.log).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-5}"
RUNS="${RUNS:-1}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
LOG_LEVEL="${LOG_LEVEL:-info}"
FLAT_KIB="${FLAT_KIB:-1024}"
SERVE_ARGS="${SERVE_ARGS:-}"
target="${CARGO_TARGET_DIR:-$root/target}"
if [ -z "${DYAD_BIN:-}" ]; then
  (cd "$root" && cargo build -q --release -p dyad-cli --bin dyad)
  DYAD_BIN="$target/release/dyad"
fi
command -v wrk >/dev/null || { echo "load.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
out="$target/load"
mkdir -p "$out"
rm -f "$out"/wrk-*.txt
work="$(mktemp -d)"
pid=""
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086 # SERVE_ARGS is a list of flags
RUST_LOG="$LOG_LEVEL" "$DYAD_BIN" serve --db "$work/load.sqlite" --addr 127.0.0.1:0 --quiet $SERVE_ARGS \
  2> "$out/server.log" &
pid=$!
addr=""
for _ in $(seq 1 300); do
  addr="$(grep -o '"addr":"127.0.0.1:[0-9]*"' "$out/server.log" | head -1 | cut -d'"' -f4 || true)"
  [ -n "$addr" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$addr" ] || { echo "load.sh: the server did not start:"; cat "$out/server.log"; exit 1; }

paragraph="Egypt's foreign minister held a phone call with his Qatari counterpart on Monday to discuss the situation in Gaza, and the two ministers agreed to coordinate efforts to secure a ceasefire, while Egypt urged Israel to allow humanitarian aid into the Gaza Strip."
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = "$paragraph"
wrk.headers["Content-Type"] = "text/plain"
wrk.path = "/v1/code?date=2024-03-11&lang=en"
LUA
# The first request loads the lemma tables; check the answer.
curl -sf -X POST -H 'content-type: text/plain' --data "$paragraph" \
  "http://$addr/v1/code?date=2024-03-11&lang=en" | head -c 300; echo

status_kib() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$pid/status"; }
rss() { status_kib VmRSS; }
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
# seconds since start, RSS KiB, threads
t0="$(date +%s)"
( while kill -0 "$pid" 2>/dev/null; do
    echo "$(($(date +%s) - t0)) $(rss) $(status_kib Threads)"
    sleep 1
  done ) > "$out/rss.txt" &
sampler=$!

run_wrk() { # seconds, output file
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" --timeout 10s --latency -s "$work/post.lua" "http://$addr" > "$2"
}
requests() { awk '/requests in/ {print $1}' "$1"; }

rss_start="$(rss)"
threads_start="$(status_kib Threads)"
if [ "$WARMUP" -gt 0 ]; then
  run_wrk "$WARMUP" "$work/warmup.txt"
fi
rss_warm="$(rss)"
threads_warm="$(status_kib Threads)"

total_req=0
errors=0
declare -a run_rss run_lines
for r in $(seq 1 "$RUNS"); do
  f="$out/wrk-$r.txt"
  run_wrk "$DURATION" "$f"
  run_rss[r]="$(rss)"
  n="$(requests "$f")"
  total_req=$((total_req + n))
  non2xx="$(awk '/Non-2xx/ {print $NF}' "$f")"
  sock="$(grep -o 'Socket errors.*' "$f" || true)"
  sockn="$(echo "$sock" | awk '{for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) s += $i} END {print s + 0}')"
  errors=$((errors + ${non2xx:-0} + ${sockn:-0}))
  run_lines[r]="run $r: $(awk '/^Requests\/sec/ {print $2}' "$f") req/s, p50 $(awk '$1 == "50%" {print $2}' "$f"), p99 $(awk '$1 == "99%" {print $2}' "$f"), max $(awk '$1 == "Latency" {print $4}' "$f"), $n requests, non-2xx ${non2xx:-0}, ${sock:-no socket errors}; RSS after $(mib "${run_rss[r]}") MiB"
done
kill "$sampler" 2>/dev/null || true
sampler=""
rss_end="$(rss)"
threads_end="$(status_kib Threads)"
peak="$(status_kib VmHWM)"
growth=$((rss_end - rss_warm))
per_req="$(awk -v g="$growth" -v n="$total_req" 'BEGIN {printf "%.2f", (n > 0 ? g * 1024 / n : 0)}')"
if [ "$growth" -le "$FLAT_KIB" ]; then flat="yes"; else flat="NO"; fi
{
  echo "dyad serve load benchmark: POST /v1/code, one paragraph, warm-up ${WARMUP}s, then ${RUNS} x ${DURATION}s, ${THREADS} wrk threads, ${CONNECTIONS} connections, log level ${LOG_LEVEL}, $(nproc) CPUs${SERVE_ARGS:+, serve $SERVE_ARGS}"
  for r in $(seq 1 "$RUNS"); do echo "${run_lines[r]}"; done
  echo "errors: $errors in $total_req requests"
  echo "RSS: start $(mib "$rss_start") MiB, after warm-up $(mib "$rss_warm") MiB, end $(mib "$rss_end") MiB, peak (VmHWM) $(mib "$peak") MiB"
  echo "threads: start $threads_start, after warm-up $threads_warm, end $threads_end"
  echo "RSS growth after warm-up: ${growth} KiB over $total_req requests = ${per_req} bytes/request; flat (<= ${FLAT_KIB} KiB): $flat"
  echo "RSS every second (MiB): $(awk '{printf "%.1f ", $2 / 1024}' "$out/rss.txt")"
} | tee "$out/summary.txt"
