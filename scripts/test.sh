#!/usr/bin/env bash
# Runs every test: the Rust workspace, then the dashboard end to end in
# headless Chromium. Tests that need ../shared/anchors skip with a notice when
# it is absent (DYAD_ANCHORS points elsewhere). The end-to-end test needs
# Debian's `chromium` and Node.js; without them it is skipped with a notice,
# unless DYAD_E2E=required (as in CI), when it fails instead.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --workspace

if command -v chromium >/dev/null && command -v npm >/dev/null; then
    (cd e2e && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --silent; })
    e2e/run.sh
elif [ "${DYAD_E2E:-}" = required ]; then
    echo "test: the end-to-end test needs chromium and npm" >&2
    exit 1
else
    echo "test: skipping the dashboard end-to-end test (install chromium and Node.js to run it)" >&2
fi
