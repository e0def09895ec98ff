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
log=$(mktemp)
node --import tsx --test --test-reporter=spec --test-concurrency=2 test/**/*.test.ts 2>&1 | tee "$log"
# Anything a user or their machine causes is a coded error: Kiln's "this is a bug" message
# must not appear anywhere in the suite's output, not even in a test that passed.
if grep -n "internal error: Kiln failed unexpectedly" "$log"; then
  echo "The suite printed Kiln's internal error (above): give that failure a catalog entry." >&2
  exit 1
fi
