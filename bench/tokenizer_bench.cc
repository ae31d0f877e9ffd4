// Tokenizer + sentence splitter throughput on the raw text of the UD English
// EWT and GUM files (rebuilt from their # text comments) repeated to ~50 MB.
//   ./build-bench/tokenizer_bench --benchmark_min_time=4 --benchmark_repetitions=3
// bytes_per_second is in MiB/s (1 MiB = 1.048576 MB).
// SITREP_BENCH_DATA overrides the data folder (/work/shared/data).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "eval/tokenize_eval.h"
#include "io/conllu_reader.h"
#include "text/tokenizer.h"

namespace {

sitrep::Document& corpus() {
  static sitrep::Document doc = [] {
    const char* env = std::getenv("SITREP_BENCH_DATA");
    std::string dir = env ? env : "/work/shared/data";
    std::string text;
    for (const char* f : {"/ud-english-ewt/en_ewt-ud-train.conllu", "/ud-english-ewt/en_ewt-ud-dev.conllu",
                          "/ud-english-gum/en_gum-ud-train.conllu", "/ud-english-gum/en_gum-ud-dev.conllu"}) {
      auto c = sitrep::io::read_conllu_file(dir + f);
      if (!c.ok()) continue;
      text += sitrep::eval::gold_document(c.value()).text + "\n\n";
    }
    sitrep::Document d;
    if (text.empty()) text = "Nothing to read. ";
    while (d.text.size() < 50u * 1000 * 1000) d.text += text;
    // Paragraphs as kNews blocks.
    uint32_t begin = 0;
    for (uint32_t i = 0; i + 1 < d.text.size(); ++i) {
      if (d.text[i] == '\n' && d.text[i + 1] == '\n') {
        if (i > begin) d.blocks.push_back({{begin, i}, sitrep::BlockKind::kNews});
        begin = i + 2;
        ++i;
      }
    }
    if (begin < d.text.size()) d.blocks.push_back({{begin, static_cast<uint32_t>(d.text.size())}, sitrep::BlockKind::kNews});
    return d;
  }();
  return doc;
}

void BM_TokenizeAndSplit(benchmark::State& state) {
  auto tok = sitrep::text::Tokenizer::load_default();
  if (!tok.ok()) {
    state.SkipWithError(tok.status().message().c_str());
    return;
  }
  sitrep::Document& doc = corpus();
  for (auto _ : state) {
    doc.tokens.clear();
    doc.words.clear();
    doc.sentences.clear();
    tok.value().process(doc);
    benchmark::DoNotOptimize(doc.sentences.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.text.size()));
  state.counters["tokens"] = static_cast<double>(doc.tokens.size());
  state.counters["text_MB"] = static_cast<double>(doc.text.size()) / 1e6;
}
// Throughput per CPU second (the machine this was written on is shared; on an idle
// core CPU time and wall-clock time agree).
BENCHMARK(BM_TokenizeAndSplit)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
