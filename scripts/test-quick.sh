#!/usr/bin/env bash
# The inner loop's suite: unit and fixture-site tests, without a browser, WordPress, nginx or
# the npm package test (test/e2e/ and test/package/ are left to `npm test`). Builds Kiln first:
# the `kiln` bin the fixture tests run reads lib/.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run build
shopt -s globstar nullglob
files=()
for file in test/**/*.test.ts; do
  case "$file" in
    test/e2e/* | test/package/*) ;;
    *) files+=("$file") ;;
  esac
done
node --import tsx --test --test-reporter=spec --test-concurrency=2 "${files[@]}"
