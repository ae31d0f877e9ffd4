#!/usr/bin/env bash
# Browser tests of the web page in headless Chromium (web/tests/browser.mjs).
#   bash scripts/browser_test.sh [CORPUS_PATH...]   (default: examples/)
# Env: SEARCH_WORD (default Council: a word of examples/ and of the samples),
# EXPECT_EVENT="DATE CODE" (an event the timeline must show, clicked to open its
# article), SITREP_BROWSER_DB (use this store instead of ingesting the corpus).
# Screenshots: build/artifacts/.
# Skips (exit 0) with a message when chromium or the built page is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then echo "browser_test: SKIPPED: /usr/bin/chromium is not installed (apt-get install chromium)"; exit 0; fi
if [ ! -f web/dist/index.html ] || [ ! -d web/node_modules/playwright-core ]; then
  echo "browser_test: SKIPPED: web/ is not built (scripts/setup.sh runs npm ci and npm run build)"; exit 0
fi
bin=build/sitrep
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
db=${SITREP_BROWSER_DB:-}
if [ -z "$db" ]; then
  db=$work/browser.db
  (($#)) || set -- examples
  "$bin" ingest "$@" --db "$db" --quiet
fi
"$bin" serve --db "$db" --port 0 >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 50); do grep -q "serving" "$work/serve.log" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$work/serve.log" | head -1)
[ -n "$url" ] || { cat "$work/serve.log"; exit 1; }
mkdir -p build/artifacts
(cd web && ARTIFACTS="$PWD/../build/artifacts" node tests/browser.mjs "$url" "${SEARCH_WORD:-Council}" ${EXPECT_EVENT:-})
