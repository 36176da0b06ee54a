#!/usr/bin/env bash
# Load benchmark of `dyad serve` (not a CI gate): a bounded run of `wrk`
# against POST /v1/code with a one-paragraph article, on loopback.
# Reports requests/s, p50 and p99 latency, errors, and the server's RSS
# (start, every 5 s, and peak VmHWM) to show whether memory stays flat.
#
#   benchmarks/load.sh                      # 30 s, 2 wrk threads, 32 connections
#   DURATION=10 CONNECTIONS=64 benchmarks/load.sh
#
# Needs Debian's `wrk` (apt-get install wrk). Builds the release `dyad`
# unless DYAD_BIN points at one. Targets: >= 2,000 req/s, p99 < 50 ms, no errors.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
DURATION="${DURATION:-30}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
LOG_LEVEL="${LOG_LEVEL:-info}"
target="${CARGO_TARGET_DIR:-$root/target}"
if [ -z "${DYAD_BIN:-}" ]; then
  (cd "$root" && cargo build -q --release -p dyad-cli --bin dyad)
  DYAD_BIN="$target/release/dyad"
fi
command -v wrk >/dev/null || { echo "load.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
out="$target/load"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

RUST_LOG="$LOG_LEVEL" "$DYAD_BIN" serve --db "$work/load.sqlite" --addr 127.0.0.1:0 --quiet \
  2> "$out/server.log" &
pid=$!
addr=""
for _ in $(seq 1 300); do
  addr="$(grep -o '"addr":"127.0.0.1:[0-9]*"' "$out/server.log" | head -1 | cut -d'"' -f4 || true)"
  [ -n "$addr" ] && break
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
# Warm up (lemma tables load on first use) and check the answer.
curl -sf -X POST -H 'content-type: text/plain' --data "$paragraph" \
  "http://$addr/v1/code?date=2024-03-11&lang=en" | head -c 300; echo
rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
rss_start="$(rss)"
( while kill -0 "$pid" 2>/dev/null; do echo "$(date +%s) $(rss)"; sleep 5; done ) > "$out/rss.txt" &
sampler=$!
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$work/post.lua" "http://$addr" \
  | tee "$out/wrk.txt"
kill "$sampler" 2>/dev/null || true
rss_end="$(rss)"
peak="$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")"
rps="$(awk '/^Requests\/sec/ {print $2}' "$out/wrk.txt")"
p50="$(awk '$1 == "50%" {print $2}' "$out/wrk.txt")"
p99="$(awk '$1 == "99%" {print $2}' "$out/wrk.txt")"
non2xx="$(awk '/Non-2xx/ {print $NF}' "$out/wrk.txt")"
sockerr="$(grep -o 'Socket errors.*' "$out/wrk.txt" || true)"
{
  echo "dyad serve load benchmark: POST /v1/code, one paragraph, ${DURATION}s, ${THREADS} wrk threads, ${CONNECTIONS} connections, log level ${LOG_LEVEL}, $(nproc) CPUs"
  echo "requests/s: $rps"
  echo "latency p50: $p50  p99: $p99"
  echo "errors: non-2xx ${non2xx:-0}; ${sockerr:-no socket errors}"
  echo "RSS: start $((rss_start / 1024)) MiB, end $((rss_end / 1024)) MiB, peak (VmHWM) $((peak / 1024)) MiB"
  echo "RSS samples (KiB, every 5 s): $(awk '{print $2}' "$out/rss.txt" | tr '\n' ' ')"
} | tee "$out/summary.txt"
