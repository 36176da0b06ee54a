#!/usr/bin/env bash
# Rebuilds the dashboard assets embedded in dyad-server (crates/server/assets)
# from crates/server/web with npm packages pinned in its package-lock.json.
# The built assets are committed, so that `cargo build` needs no npm.
set -euo pipefail
cd "$(dirname "$0")/../../crates/server/web"
npm ci --no-audit --no-fund
node build.mjs
