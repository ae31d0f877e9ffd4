// A generated corpus for the ingest tests and benchmark: articles assembled
// from the sentences of our own example articles (examples/), with a header
// (date, outlet) and a title, so that every article is different and none is
// a near-duplicate of another. Deterministic: article i is always the same.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "io/readers.h"

namespace sitrep::corpus {

// The sentences of the news paragraphs of examples/ (split at ". ").
inline std::vector<std::string> example_sentences(const std::string& examples_dir) {
  std::vector<std::string> out;
  io::read_inputs({examples_dir}, {}, [&](Document&& doc) {
    for (const Block& b : doc.blocks) {
      if (b.kind != BlockKind::kNews) continue;
      std::string_view text = doc.str(b.span);
      size_t begin = 0;
      while (begin < text.size()) {
        size_t end = text.find(". ", begin);
        end = end == std::string_view::npos ? text.size() : end + 1;
        std::string s(text.substr(begin, end - begin));
        if (s.size() > 20) out.push_back(std::move(s));
        begin = end + 1;
      }
    }
  }, [](const std::string&) {});
  return out;
}

inline uint64_t next_random(uint64_t& state) {  // splitmix64
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

// Article `i`: 8 to 15 sentences drawn from `pool` in paragraphs of three.
inline std::string generated_article(const std::vector<std::string>& pool, uint64_t i) {
  static const char* kOutlets[] = {"Example Wire Service", "Morning Ledger", "Harbour Times", "Valley Courier", ""};
  uint64_t state = i * 7919 + 17;
  std::string text = fmt::format("Date: 2022-{:02}-{:02}\n", 3 + i % 3, 1 + i % 28);
  if (const char* outlet = kOutlets[i % 5]; *outlet) text += fmt::format("Source: {}\n", outlet);
  text += fmt::format("\nBulletin {}: {}\n\n", i, pool[next_random(state) % pool.size()].substr(0, 60));
  size_t n = 8 + next_random(state) % 8;
  for (size_t k = 0; k < n; ++k) {
    text += pool[next_random(state) % pool.size()];
    text += (k % 3 == 2 || k + 1 == n) ? "\n\n" : " ";
  }
  return text;
}

// Writes articles [0, count) as DIR/gen-NNNNNN.txt.
inline void write_corpus(const std::vector<std::string>& pool, const std::filesystem::path& dir, uint64_t count) {
  std::filesystem::create_directories(dir);
  for (uint64_t i = 0; i < count; ++i)
    std::ofstream(dir / fmt::format("gen-{:06}.txt", i)) << generated_article(pool, i);
}

}  // namespace sitrep::corpus
