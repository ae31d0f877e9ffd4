#!/usr/bin/env bash
# Quick start, command 2 (and CI): installs what sitrep needs, builds, fuzzes the
# input readers and tokenizer for 60 s, runs the test suite under AddressSanitizer
# and UndefinedBehaviorSanitizer, then the whole test suite on the release build,
# then the web page in headless Chromium over the example and sample articles.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc)

echo "== release build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$jobs"

echo "== libFuzzer: readers + tokenizer, 60 s"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSITREP_FUZZ=ON -DSITREP_TESTS=OFF -DSITREP_BENCH=OFF >/dev/null
cmake --build build-fuzz -j "$jobs" --target input_fuzz tokenizer_fuzz analysis_fuzz
corpus=$(mktemp -d)
cp examples/* "$corpus"/ 2>/dev/null || true
cp fuzz/seeds/* "$corpus"/  # hostile shapes: deep and unclosed markup, one long line, many short lines
log=$(mktemp)
if ! ./build-fuzz/input_fuzz -max_total_time=60 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    "$corpus" >"$log" 2>&1; then
  cat "$log"
  echo "libFuzzer found a problem (reproducer: the crash-* file above)" >&2
  exit 1
fi
tail -n 8 "$log"
echo "== libFuzzer: tokenizer alone, 20 s"
if ! ./build-fuzz/tokenizer_fuzz -max_total_time=20 -timeout=10 -rss_limit_mb=4096 >"$log" 2>&1; then
  cat "$log"
  exit 1
fi
tail -n 2 "$log"
echo "== libFuzzer: tagger, lemmatizer and parser on arbitrary words, 20 s"
if ! ./build-fuzz/analysis_fuzz -max_total_time=20 -timeout=10 -rss_limit_mb=4096 "$corpus" >"$log" 2>&1; then
  cat "$log"
  exit 1
fi
tail -n 2 "$log"
rm -rf "$corpus" "$log"

echo "== tests under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSITREP_SANITIZE=ON -DSITREP_BENCH=OFF \
  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"

echo "== tests (release build)"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== server load test (loopback: 1,000 concurrent clients, 50 slow ones, hostile requests)"
loaddb=$(mktemp -d)/load.db
./build/sitrep ingest examples --db "$loaddb" --quiet
ulimit -n 4096 2>/dev/null || true
python3 scripts/server_load.py --sitrep build/sitrep --db "$loaddb"
rm -rf "$(dirname "$loaddb")"

echo "== browser test (headless Chromium, screenshots in build/artifacts)"
if [ -d ../shared/samples ]; then
  # The user's articles: the 2022-04-04 Wang Yi / Kuleba call must be on the timeline.
  EXPECT_EVENT="2022-04-04 04" bash scripts/browser_test.sh examples ../shared/samples
else
  bash scripts/browser_test.sh examples
fi
