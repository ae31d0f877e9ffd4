// Tagger throughput on UD English EWT test (gold tokenization): words/s on one
// core, for the tagger alone (tag_words) and with lemmas and features into a
// Document (tag). The treebank is read at run time from ../shared/data (never
// committed); the benchmark is skipped when it or models/tagger.bin is absent.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <optional>

#include "io/conllu_reader.h"
#include "tagger/tagger.h"

namespace {

namespace fs = std::filesystem;

std::optional<fs::path> ewt_test() {
  const fs::path src(SITREP_SOURCE_DIR);
  for (const fs::path& shared : {src / ".." / "shared", src / ".." / ".." / "shared"}) {
    fs::path p = shared / "data" / "ud-english-ewt" / "en_ewt-ud-test.conllu";
    if (fs::exists(p)) return p;
  }
  return std::nullopt;
}

struct Fixture {
  std::optional<sitrep::tagger::Tagger> tagger;
  std::vector<std::vector<std::string>> sentences;
  std::string skip;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture f;
    auto path = ewt_test();
    if (!path) {
      f.skip = "UD English EWT test not found under ../shared/data";
      return f;
    }
    auto t = sitrep::tagger::Tagger::load_default();
    if (!t.ok()) {
      f.skip = t.status().message();
      return f;
    }
    f.tagger.emplace(std::move(t).value());
    auto corpus = sitrep::io::read_conllu_file(path->string());
    if (!corpus.ok()) {
      f.skip = corpus.status().message();
      return f;
    }
    for (const auto& s : corpus.value().sentences) {
      std::vector<std::string> words;
      for (uint32_t i = 0; i < s.word_count; ++i) words.push_back(corpus.value().words[s.first_word + i].form);
      f.sentences.push_back(std::move(words));
    }
    return f;
  }();
  return f;
}

void BM_TagWords(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.skip.empty()) {
    state.SkipWithError(f.skip.c_str());
    return;
  }
  std::vector<std::vector<std::string_view>> views;
  for (const auto& s : f.sentences) views.emplace_back(s.begin(), s.end());
  std::vector<sitrep::tagger::WordTags> tags;
  uint64_t words = 0;
  for (auto _ : state) {
    for (const auto& s : views) {
      tags.resize(s.size());
      f.tagger->tag_words(s, tags);
      benchmark::DoNotOptimize(tags.data());
      words += s.size();
    }
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagWords)->Unit(benchmark::kMillisecond)->UseRealTime();

// The whole stage as the pipeline runs it: tags, lemmas and features into a Document.
void BM_TagDocument(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.skip.empty()) {
    state.SkipWithError(f.skip.c_str());
    return;
  }
  // One Document holding the whole test set, one sentence per line.
  sitrep::Document doc;
  for (const auto& s : f.sentences) {
    sitrep::Sentence sent;
    sent.first_token = sent.first_word = static_cast<uint32_t>(doc.words.size());
    for (const std::string& w : s) {
      uint32_t b = static_cast<uint32_t>(doc.text.size());
      doc.text += w;
      sitrep::Span span{b, static_cast<uint32_t>(doc.text.size())};
      doc.text += ' ';
      doc.tokens.push_back(sitrep::Token{span, static_cast<uint32_t>(doc.words.size()), 1, true});
      sitrep::Word word;
      word.span = span;
      word.token = static_cast<uint32_t>(doc.tokens.size() - 1);
      doc.words.push_back(word);
    }
    sent.token_count = sent.word_count = static_cast<uint32_t>(s.size());
    doc.sentences.push_back(sent);
  }
  uint64_t words = 0;
  for (auto _ : state) {
    doc.pool.clear();
    f.tagger->tag(doc);
    benchmark::DoNotOptimize(doc.pool.data());
    words += doc.words.size();
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagDocument)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
