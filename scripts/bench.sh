#!/usr/bin/env bash
# Measures the figures the README reports: the Google Benchmark programs and
# `sitrep parse --stats` on one thread and on all cores, over real news text
# (../shared/data/news-te3-silver, tags stripped, written to a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
src=../shared/data/news-te3-silver
if [ -d "$src" ]; then
  for f in "$src"/*.tml; do
    sed -n '/<TITLE>/,/<\/TEXT>/p' "$f" | sed -e 's/<[^>]*>//g' >"$corpus/$(basename "$f" .tml).txt"
  done
else
  cp examples/*.txt "$corpus"/
fi
echo "== corpus: $(ls "$corpus" | wc -l) files, $(du -sh "$corpus" | cut -f1)"
for b in build/*_bench; do
  echo "== $b"
  "$b" --benchmark_min_time=2
done
for until in tokenize parse; do
  for t in 1 "$(nproc)"; do
    echo "== sitrep parse --until $until --threads $t --stats"
    ./build/sitrep parse "$corpus" --until "$until" --threads "$t" --stats --output /dev/null
  done
done
