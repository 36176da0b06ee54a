#!/usr/bin/env bash
# Whole-program benchmark: codes ../shared/anchors/bench/corpus.jsonl with the
# full Phoenix dictionaries on one core and prints a table (sentences/s, MB/s,
# dictionary load, peak RSS), then the agreement with TABARI's events.
#
# Usage: scripts/bench.sh [--builtin]    (DYAD_ANCHORS overrides the anchors path;
#        RUNS=n sets the rounds, best wall time of each kept)
set -euo pipefail
cd "$(dirname "$0")/.."
A="${DYAD_ANCHORS:-$(cd .. && pwd)/shared/anchors}"
[ -f "$A/bench/corpus.jsonl" ] || { echo "bench: $A/bench/corpus.jsonl not found (set DYAD_ANCHORS)" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
cargo build --release -q --bin dyad
BIN=target/release/dyad
OUT=benchmarks/out; mkdir -p "$OUT"
P="$A/petrarch2"
DICTS=(--verbs "$P/CAMEO.2.0.txt" --actors "$P/Phoenix.Countries.actors.txt,$P/Phoenix.International.actors.txt,$P/Phoenix.MilNonState.actors.txt" --agents "$P/Phoenix.agents.txt")
[ "${1:-}" = "--builtin" ] && DICTS=(--lang en)
CORPUS="$A/bench/corpus.jsonl"

# One core, as the target is stated.
run() { taskset -c 0 /usr/bin/time -f "%e %M" "$@"; }
# RUNS rounds (default 3), interleaved so that a busy moment hits both sides;
# the table keeps each measure's best wall time and its highest peak RSS.
RUNS="${RUNS:-3}"
rm -f "$OUT"/load.*.err "$OUT"/sentence.*.err "$OUT"/code.*.err
for i in $(seq "$RUNS"); do
  # Dictionary load alone: no input.
  : | run "$BIN" code -q "${DICTS[@]}" > /dev/null 2> "$OUT/load.$i.err"
  # Whole corpus, sentence by sentence (no article context), then with it.
  run "$BIN" code -q --no-discourse "${DICTS[@]}" "$CORPUS" > /dev/null 2> "$OUT/sentence.$i.err"
  run "$BIN" code -q "${DICTS[@]}" "$CORPUS" > "$OUT/events.jsonl" 2> "$OUT/code.$i.err"
done

python3 - "$OUT" "$CORPUS" "$A/bench/tabari.events.tsv" <<'PY'
import json, sys, os, collections, glob
out, corpus, tabari = sys.argv[1:]
def timing(name):
    runs = []
    for path in sorted(glob.glob(f"{out}/{name}.*.err")):
        last = open(path).read().strip().splitlines()[-1].split()
        runs.append((float(last[0]), int(last[1]) / 1024))
    return min(w for w, _ in runs), max(r for _, r in runs)
load_s, load_rss = timing("load")
wall, rss = timing("code")
s_wall, s_rss = timing("sentence")
acct = [l for l in open(sorted(glob.glob(f"{out}/code.*.err"))[-1]) if l.startswith("dyad: articles")][-1].strip()
sentences = int(acct.split("sentences=")[1].split()[0])
events = int(acct.split("events=")[1].split()[0])
mb = os.path.getsize(corpus) / 1e6
print("| measure | value |\n|---|---|")
print(f"| sentences | {sentences} |\n| events | {events} |")
print(f"| wall, end to end (s) | {wall:.2f} |")
print(f"| sentences/s (whole process) | {sentences / wall:,.0f} |")
print(f"| MB/s | {mb / wall:.2f} |")
print(f"| dictionary load (s) | {load_s:.3f} |")
print(f"| peak RSS, load only (MB) | {load_rss:.1f} |")
print(f"| peak RSS, whole run (MB) | {rss:.1f} |")
print(f"| sentence-only coder (--no-discourse): wall (s) | {s_wall:.2f} |")
print(f"| sentence-only coder: peak RSS (MB) | {s_rss:.1f} |")
print(f"| slowdown of whole-article context | {(wall / s_wall - 1) * 100:+.0f}% |")
ours = collections.defaultdict(collections.Counter)
for line in open(f"{out}/events.jsonl"):
    e = json.loads(line)
    ours[e["article_id"]][(e["source"]["code"][:3], e["target"]["code"][:3], e["cameo"][:2])] += 1
theirs = collections.defaultdict(collections.Counter)
for line in open(tabari, encoding="latin-1"):
    f = line.rstrip("\n").split("\t")
    if len(f) < 6: continue
    theirs[f[5]][(f[1][:3], f[2][:3], f[3][:2])] += 1
both = sum(sum((ours[k] & theirs[k]).values()) for k in theirs)
n_t = sum(sum(c.values()) for c in theirs.values()); n_o = sum(sum(c.values()) for c in ours.values())
print(f"\n| agreement with TABARI (country+root) | value |\n|---|---|")
print(f"| TABARI events | {n_t} |\n| dyad events | {n_o} |\n| in both | {both} |")
print(f"| share of TABARI's events dyad also codes | {both / max(n_t,1):.1%} |")
print(f"| share of dyad's events TABARI also codes | {both / max(n_o,1):.1%} |")
PY
