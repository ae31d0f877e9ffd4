#!/usr/bin/env bash
# Quick start, command 1: installs what sitrep needs, builds it, and runs the
# main job on the embedded default: today `sitrep parse` over examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target sitrep
mkdir -p out
./build/sitrep parse examples --format conllu --output out/examples.conllu --stats
./build/sitrep parse examples --format jsonl --output out/examples.jsonl
echo "sitrep: sentences and tokens of examples/ are in out/examples.conllu and out/examples.jsonl"
