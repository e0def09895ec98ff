#!/usr/bin/env bash
# The whole test suite from a clean clone: installs what the tests need, builds Kiln,
# runs type checks, lint and format checks, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run build
npm run check
shopt -s globstar nullglob
node --import tsx --test --test-reporter=spec --test-concurrency=2 test/**/*.test.ts
