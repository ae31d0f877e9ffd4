#!/usr/bin/env bash
# The store on both backends (README "Store", docs/store.md "Figures"): for each corpus size,
# `build/ingest_bench` ingests the generated articles (bench/ingest_corpus.h, from our own
# examples/) into a fresh SQLite file and into a fresh PostgreSQL store on a throwaway
# server (scripts/postgres.sh), on all cores, and times the queries on each.
#
#   bash bench/store_bench.sh [DOCS...]      # default: 10000; the issue's second size is 100000
#
# Build first (cmake ... && ninja -C build); the corpus is written once under /tmp/sitrep_store_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000}")
dir=/tmp/sitrep_store_bench
mkdir -p "$dir"
pg=$(mktemp -u /tmp/sitrep-pg-bench.XXXXXX)
url=$(bash scripts/postgres.sh start "$pg")
trap 'bash scripts/postgres.sh stop "$pg"' EXIT
for n in "${sizes[@]}"; do
  echo "== $n articles, SQLite"
  ./build/ingest_bench --docs "$n" --threads 0 --dir "$dir"
  echo "== $n articles, PostgreSQL ($(/usr/lib/postgresql/*/bin/postgres --version | tail -1))"
  ./build/ingest_bench --docs "$n" --threads 0 --dir "$dir" --postgres "$url"
done
