#!/usr/bin/env bash
# Query latency on a synthetic one-million-event store (criterion).
# The store is generated on the first run through dyad-store's public API and
# kept at target/dyad-bench-1m.sqlite (DYAD_BENCH_STORE overrides); delete it
# to regenerate. Targets: one dyad over one year < 100 ms, weekly aggregate
# over all dyads < 2 s.
#
# Usage: benchmarks/store_query.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench -p dyad-store --bench store_query -- --noplot 2>&1 | grep -E "generated|store:|time:|^store_1m" 
