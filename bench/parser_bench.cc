// Parser speed on UD English EWT test with the gold tags, one thread.
// Skips (with a message) when the treebank or models/parser.bin is absent.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "parser/parser.h"
#include "parser/treebank.h"

namespace {

// ../shared/data next to the checkout (or two levels up, from a worktree).
std::string ewt_test_path() {
  namespace fs = std::filesystem;
  const fs::path rel = fs::path("shared") / "data" / "ud-english-ewt" / "en_ewt-ud-test.conllu";
  for (const fs::path& up : {fs::path(".."), fs::path("..") / "..", fs::path("..") / ".." / ".."}) {
    fs::path p = fs::path(SITREP_SOURCE_DIR) / up / rel;
    if (fs::exists(p)) return p.string();
  }
  return (fs::path(SITREP_SOURCE_DIR) / ".." / rel).string();
}

void BM_ParseEwtTestGoldTags(benchmark::State& state) {
  const std::string path = ewt_test_path();
  if (!std::filesystem::exists(path)) {
    state.SkipWithError(("no treebank at " + path).c_str());
    return;
  }
  auto parser = sitrep::Parser::load_default();
  if (!parser.ok()) {
    state.SkipWithError(parser.status().message().c_str());
    return;
  }
  auto bank = sitrep::read_treebank(path);
  if (!bank.ok()) {
    state.SkipWithError(bank.status().message().c_str());
    return;
  }
  sitrep::Document doc = sitrep::treebank_document(bank.value(), true);
  for (auto _ : state) {
    parser.value().parse(doc);
    benchmark::DoNotOptimize(doc.words.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.words.size()));
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(state.iterations()) * doc.words.size(),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseEwtTestGoldTags)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
