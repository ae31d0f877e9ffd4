// Throughput of the named-entity recognizer alone (words/s), over real news
// text already tokenized, tagged and parsed by the pipeline (outside the timing).
// Compare with BM_WholePipeline (text_bench) for its share of the pipeline's time.
#include <benchmark/benchmark.h>

#include <algorithm>

#include "bench/corpus.h"
#include "entities/ner.h"
#include "io/readers.h"
#include "pipeline/pipeline.h"

namespace {

const std::vector<sitrep::Document>& analysed() {
  static const std::vector<sitrep::Document> docs = [] {
    auto pipeline = sitrep::Pipeline::load_default().value();
    std::vector<sitrep::Document> out;
    const auto texts = sitrep::bench::load_corpus();
    for (size_t i = 0; i < texts.size() && i < 400; ++i)
      sitrep::io::read_bytes(
          "bench.txt", texts[i], sitrep::io::InputFormat::kText,
          [&](sitrep::Document&& doc) {
            pipeline.process(doc);
            out.push_back(std::move(doc));
          },
          [](const std::string&) {});
    return out;
  }();
  return docs;
}

void BM_Ner(benchmark::State& state) {
  static const sitrep::entities::Ner ner = sitrep::entities::Ner::load_default().value();
  std::vector<sitrep::Document> docs = analysed();
  uint64_t words = 0, mentions = 0;
  for (auto _ : state) {
    for (sitrep::Document& doc : docs) {
      doc.mentions.clear();
      ner.tag(doc);
      words += doc.words.size();
      mentions += doc.mentions.size();
    }
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.counters["mentions/s"] = benchmark::Counter(static_cast<double>(mentions), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Ner)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
