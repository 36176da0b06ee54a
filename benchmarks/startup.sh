#!/usr/bin/env bash
# Start-up of the built-in dictionaries (issue #3: all five languages within
# 200 ms and 300 MB peak RSS in a release build). Codes one short sentence per
# language, each language alone and all five in one run, RUNS times (default 5),
# and prints the best wall time, its CPU time (user + system) and its peak RSS:
# the whole process, so loading, compiling the dictionaries, coding one
# sentence each and exiting. The five languages compile on separate threads,
# so on one core the wall time is about the CPU time.
#
# Usage: benchmarks/startup.sh        (DYAD_BIN=path times that binary; RUNS=n)
# Needs GNU time (/usr/bin/time) and bc.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${RUNS:-5}"
if [ -z "${DYAD_BIN:-}" ]; then
  (cd "$root" && cargo build -q --release -p dyad-cli --bin dyad)
  BIN="${CARGO_TARGET_DIR:-$root/target}/release/dyad"
else
  BIN="$DYAD_BIN"
fi
[ -x /usr/bin/time ] || { echo "startup: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cat > "$TMP/all.jsonl" <<'JSONL'
{"id":"it","lang":"it","text":"Il ministro degli Esteri italiano ha incontrato il suo omologo egiziano al Cairo."}
{"id":"en","lang":"en","text":"Egypt's foreign minister held a phone call with his Qatari counterpart on Monday."}
{"id":"es","lang":"es","text":"El gobierno de Chile condenó el ataque contra la embajada de Argentina."}
{"id":"fr","lang":"fr","text":"Le président français a rencontré le chancelier allemand à Berlin."}
{"id":"de","lang":"de","text":"Die Bundesregierung hat Russland scharf kritisiert."}
JSONL
for l in it en es fr de; do grep "\"id\":\"$l\"" "$TMP/all.jsonl" > "$TMP/$l.jsonl"; done

best() { # file: prints "wall rss_kib cpu" of the fastest of RUNS runs
  local best_line=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M %U %S" -o "$TMP/time" "$BIN" code -q "$1" > /dev/null 2> "$TMP/err" || {
      echo "startup: $BIN code $1 failed:" >&2; cat "$TMP/err" >&2; exit 1; }
    local line; line=$(tail -1 "$TMP/time")
    if [ -z "$best_line" ] || [ "$(echo "${line%% *} < ${best_line%% *}" | bc)" = 1 ]; then best_line="$line"; fi
  done
  echo "$best_line"
}

echo "binary: $BIN, best of $RUNS, $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo '| languages | wall ms | CPU ms | peak RSS MiB |'
echo '|---|---|---|---|'
for l in it en es fr de all; do
  read -r wall rss user sys <<< "$(best "$TMP/$l.jsonl")"
  label=$l; [ "$l" = all ] && label="all five"
  printf '| %s | %.0f | %.0f | %d |\n' "$label" "$(echo "$wall * 1000" | bc)" \
    "$(echo "($user + $sys) * 1000" | bc)" "$((rss / 1024))"
done
