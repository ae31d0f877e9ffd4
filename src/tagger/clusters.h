// Word clusters learned from unlabelled text (denser evidence for the tagger,
// parser and recognizer than the word itself: a rare or unseen word shares the
// weights of its cluster).
//
// Exchange clustering (Kneser & Ney 1993; Martin, Liermann & Ney 1998;
// Uszkoreit & Brants 2008), two-sided: words of a class should predict, and be
// predicted by, the same neighbours. The objective is the likelihood of the
// class bigram model on both sides,
//   sum_{v,c} f(N(v,c)) + sum_{c,u} f(N(c,u)) - 2 sum_c f(N(c)),  f(x) = x log x,
// where N(v,c) counts word v before a word of class c. Each iteration moves every
// word (by frequency) to the class that gains most. Several granularities (levels,
// e.g. 32, 128 and 512 classes) are trained separately and used together.
//
// Words are ASCII-lowercased (folded text keeps its clusters: case robustness)
// and looked up by tagger::detail::hash_bytes of that lowercase form. A word's
// value packs its 1-based class at each level in 10 bits (level 0 lowest); 0:
// unknown word. Stored as a model file of kind "clusters" (`sitrep train
// clusters`), and copied into each model trained with it (section "clusters").
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model_file.h"
#include "core/status.h"
#include "tagger/hash_index.h"

namespace sitrep::tagger {

inline constexpr std::string_view kClustersKind = "clusters";
inline constexpr uint32_t kClustersVersion = 1;

class WordClusters {
 public:
  static constexpr int kMaxLevels = 3;
  static constexpr uint32_t kMaxClasses = 1023;

  bool empty() const { return keys_.empty(); }
  size_t size() const { return keys_.size(); }
  const std::vector<uint32_t>& levels() const { return levels_; }

  // Packed classes of the word whose lowercase form hashes to `lower_hash`; 0: unknown.
  uint32_t find(uint64_t lower_hash) const {
    uint32_t v = index_.find(HashIndex::nonzero_key(lower_hash));
    return v == HashIndex::kNone ? 0 : v;
  }
  static uint32_t level(uint32_t packed, int k) { return (packed >> (10 * k)) & 0x3FF; }

  // The "clusters" section: u32 levels, u32 classes per level, u64[] keys, u32[] values.
  std::string encode() const;
  static Result<WordClusters> decode(std::string_view bytes);
  // Stand-alone file (kind "clusters").
  Status save(const std::string& path, std::string note) const;
  static Result<WordClusters> load(const std::string& path);
  // load(path), or no clusters when `path` is empty (a trainer's optional --clusters).
  static Result<WordClusters> load_optional(const std::string& path) {
    return path.empty() ? Result<WordClusters>(WordClusters()) : load(path);
  }

  // Built by train_clusters or decode.
  void set(std::vector<uint32_t> levels, std::vector<uint64_t> keys, std::vector<uint32_t> values);

 private:
  std::vector<uint32_t> levels_;  // classes per level
  std::vector<uint64_t> keys_;    // hash_bytes(lowercase form), sorted
  std::vector<uint32_t> values_;  // packed classes
  HashIndex index_;
};

struct ClusterTrainOptions {
  std::vector<uint32_t> levels = {32, 128, 512};
  uint32_t min_count = 3;  // rarer words get no cluster
  int iterations = 10;
  std::function<void(const std::string&)> log;
};

// `sentences`: tokenized text, one vector of forms per sentence.
Result<WordClusters> train_clusters(const std::vector<std::vector<std::string>>& sentences,
                                    const ClusterTrainOptions& options);

}  // namespace sitrep::tagger
