// The library's ingest (src/pipeline/ingest.h), as the CLI, a server or a
// binding drive it: every document stored once, resume without analysis,
// commits in batches, errors reported.
#include "pipeline/ingest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace sitrep {
namespace {

namespace fs = std::filesystem;

Document article(int i, const std::string& extra = "") {
  Document d;
  d.id = fmt::format("a{}", i);
  d.path = fmt::format("/corpus/a{}.txt", i);
  d.text = fmt::format("Officials in Kela met on day {}. The talks went on.{}", i, extra);
  d.blocks.push_back({Span{0, static_cast<uint32_t>(d.text.size())}, BlockKind::kNews});
  d.date = {2022, 4, 4};
  return d;
}

const Pipeline& tokenizer_only() {
  static const Pipeline p = Pipeline::load_default(Stage::kTokenize).value();
  return p;
}

TEST(Ingester, StoresEachDocumentOnceAndResumesWithoutAnalysis) {
  fs::path db = fs::temp_directory_path() / ("sitrep_ingester." + std::to_string(::getpid()) + ".db");
  for (const char* s : {"", "-wal", "-shm"}) fs::remove(db.string() + s);
  auto opened = store::Store::open(db.string());
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  store::Store store = std::move(opened).value();
  IngestRunOptions options;
  options.threads = 2;
  options.commit_every = 7;  // several transactions
  std::vector<std::string> errors;
  uint64_t stored_calls = 0;
  auto run = [&](int changed) {
    auto ingester = Ingester::start(
        tokenizer_only(), store, options, [&](const IngestTally&, const Document&) { ++stored_calls; },
        [&](const std::string& e) { errors.push_back(e); });
    EXPECT_TRUE(ingester.ok());
    for (int i = 0; i < 30; ++i) ingester.value()->add(article(i, i == changed ? " A correction." : ""));
    return ingester.value()->finish();
  };
  IngestTally first = run(-1);
  EXPECT_EQ(first.read, 30u);
  EXPECT_EQ(first.added, 30u);
  EXPECT_EQ(first.analysed, 30u);
  IngestTally again = run(-1);
  EXPECT_EQ(again.unchanged, 30u);
  EXPECT_EQ(again.analysed, 0u);  // resume: nothing analysed again
  IngestTally one_changed = run(12);
  EXPECT_EQ(one_changed.replaced, 1u);
  EXPECT_EQ(one_changed.unchanged, 29u);
  EXPECT_EQ(one_changed.analysed, 1u);
  EXPECT_EQ(stored_calls, 90u);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(store.counts().value().documents, 30);
  for (const char* s : {"", "-wal", "-shm"}) fs::remove(db.string() + s);
}

}  // namespace
}  // namespace sitrep
