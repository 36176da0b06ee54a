#!/usr/bin/env bash
# End-to-end test of the dyad dashboard in real headless Chromium
# (Debian `chromium`, driven by playwright-core). Builds `dyad`, installs the
# npm packages from package-lock.json, starts `dyad serve` on a loopback port
# and runs the test; screenshots go to target/e2e/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build -q -p dyad-cli --bin dyad
cd e2e
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund
target="${CARGO_TARGET_DIR:-$root/target}"
DYAD_BIN="${DYAD_BIN:-$target/debug/dyad}" CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" \
  E2E_OUT="$root/target/e2e" node --test dashboard.test.mjs
