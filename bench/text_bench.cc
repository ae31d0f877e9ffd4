// Throughput of the text front end: read (plain-text reader: header, title,
// normalisation, block classification) + tokenize + split sentences, over real
// news text; and of the whole pipeline from the same raw text. Reports bytes/s (MB/s) and tokens/s; run with --benchmark_filter
// and compare threads:1 with threads:2 for the all-core figure.
#include <benchmark/benchmark.h>

#include <algorithm>

#include "bench/corpus.h"
#include "io/readers.h"
#include "pipeline/pipeline.h"

namespace {

const std::vector<std::string>& corpus() {
  static const std::vector<std::string> docs = sitrep::bench::load_corpus();
  return docs;
}

// The text front end only: read, normalise, classify blocks, tokenize, split.
const sitrep::Pipeline& pipeline() {
  static const sitrep::Pipeline p = sitrep::Pipeline::load_default(sitrep::Stage::kTokenize).value();
  return p;
}

// Everything sitrep runs today, from raw text.
const sitrep::Pipeline& full_pipeline() {
  static const sitrep::Pipeline p = sitrep::Pipeline::load_default().value();
  return p;
}

void run_from_raw_text(benchmark::State& state, const sitrep::Pipeline& p) {
  const auto& docs = corpus();
  uint64_t bytes = 0, tokens = 0, sentences = 0;
  for (auto _ : state) {
    for (const std::string& text : docs) {
      sitrep::io::read_bytes(
          "bench.txt", text, sitrep::io::InputFormat::kText,
          [&](sitrep::Document&& doc) {
            p.process(doc);
            tokens += doc.tokens.size();
            sentences += doc.sentences.size();
            benchmark::DoNotOptimize(doc.sentences.data());
          },
          [](const std::string&) {});
      bytes += text.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["peak_MB"] = static_cast<double>(sitrep::peak_memory_bytes()) / 1e6;
}

void BM_ReadTokenizeSplit(benchmark::State& state) { run_from_raw_text(state, pipeline()); }
BENCHMARK(BM_ReadTokenizeSplit)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2);

void BM_WholePipeline(benchmark::State& state) { run_from_raw_text(state, full_pipeline()); }
BENCHMARK(BM_WholePipeline)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2);

// The tokenizer alone, on documents already read.
void BM_TokenizeSplit(benchmark::State& state) {
  const auto& p = pipeline();
  std::vector<sitrep::Document> docs;
  for (const std::string& text : corpus())
    sitrep::io::read_bytes("bench.txt", text, sitrep::io::InputFormat::kText,
                           [&](sitrep::Document&& d) { docs.push_back(std::move(d)); }, [](const std::string&) {});
  uint64_t bytes = 0, tokens = 0;
  for (auto _ : state) {
    for (auto& doc : docs) {
      doc.tokens.clear();
      doc.words.clear();
      doc.sentences.clear();
      p.process(doc);
      bytes += doc.text.size();
      tokens += doc.tokens.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TokenizeSplit)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
