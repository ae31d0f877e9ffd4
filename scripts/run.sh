#!/usr/bin/env bash
# Quick start, command 1: installs what sitrep needs, builds it, runs the main
# job on the embedded default (the bundled models, examples/ and, when present,
# the user's articles in ../shared/samples) into out/sitrep.db (SQLite), writes
# the events as JSONL, and serves the web page, printing its URL.
#   SITREP_PORT (default 8080); SITREP_NO_SERVE=1 stops after the ingest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target sitrep python_module  # python_module: the Python package's extension (docs/python.md)
mkdir -p out
inputs=(examples)
[ -d ../shared/samples ] && inputs+=(../shared/samples)
./build/sitrep ingest "${inputs[@]}" --db out/sitrep.db
./build/sitrep events --db out/sitrep.db --format jsonl >out/events.jsonl
echo "sitrep: $(wc -l <out/events.jsonl) merged events in out/events.jsonl (store: out/sitrep.db)"
[ "${SITREP_NO_SERVE:-}" = 1 ] && exit 0
exec ./build/sitrep serve --db out/sitrep.db --port "${SITREP_PORT:-8080}"
