// Name lists the recognizer's features look up (cities and regions, given
// names, person names, companies): a word that is a known name is evidence the model cannot
// get from 350 k labelled words alone. Matching is case-insensitive on word
// sequences (up to 4 words, longest match); entries are 32-bit hashes of the
// lowercased words, stored inside the model file, so the model reads nothing
// else at run time. Lists are built by scripts/ner_lexicons.sh (docs/ner.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sitrep::entities {

class NerLexicon {
 public:
  enum Category : uint8_t { kPlace = 1, kGivenName = 2, kCompany = 4, kPersonName = 8 };
  static constexpr int kMaxWords = 4;

  void add(std::string_view name, uint8_t categories);
  // One name per line; `#` lines are comments.
  Status add_file(const std::string& path, uint8_t categories);
  // From "PLACE=FILE", "GIVEN=FILE", "COMPANY=FILE" or "NAME=FILE" (given or family names).
  Status add_spec(std::string_view spec);
  void index();  // after the adds, or after reading

  bool empty() const { return keys_.empty(); }
  size_t size() const { return keys_.size(); }
  // `lower[i]`: hash_bytes of the lowercased word i. Writes per word
  // (categories << 2) | position (1 first, 2 inside, 3 whole match), else 0.
  void annotate(const uint64_t* lower, size_t n, uint8_t* out) const;

  std::string serialize() const;
  bool deserialize(std::string_view bytes);

 private:
  // Categories of `key`, or -1. Open addressing over 32-bit keys (0: empty slot), a
  // quarter of a HashIndex's memory: the lookups then stay closer to the cache.
  int find(uint32_t key) const {
    if (slot_keys_.empty()) return -1;
    key = key ? key : 1;
    for (uint32_t i = key & mask_;; i = (i + 1) & mask_) {
      if (slot_keys_[i] == key) return slot_cats_[i];
      if (slot_keys_[i] == 0) return -1;
    }
  }

  std::vector<uint32_t> keys_;  // sorted
  std::vector<uint8_t> cats_;
  std::vector<uint32_t> slot_keys_;  // built by index()
  std::vector<uint8_t> slot_cats_;
  uint32_t mask_ = 0;
};

}  // namespace sitrep::entities
