// Case-folded copies of training text (case robustness): real news arrives
// lower-cased (scraped pages) or upper-cased (headlines, wires), so the tagger,
// parser and recognizer are trained on folded copies of part of their sentences.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

enum class CaseFold : uint8_t { kNone = 0, kLower = 1, kUpper = 2 };

// `s` with ASCII and Latin-1 letters (U+00C0-U+00FE, not U+00D7/U+00F7) folded;
// every other byte as it is. kNone returns `s`.
std::string fold_case(std::string_view s, CaseFold fold);

// The fold of the item numbered `key` when a share `lower` of the items is
// lower-cased and a share `upper` upper-cased: a fixed hash of the key, so the
// choice is deterministic and independent of the other items.
CaseFold case_fold_for(uint64_t key, double lower, double upper);

// Appends a folded copy of each item chosen by case_fold_for(its group, lower, upper).
// T has `int64_t group` (-1: its own index, which it then takes) and `bool folded`;
// fold_words(T&, CaseFold) folds a copy's words. Copies join their original's group.
template <typename T, typename FoldWords>
void append_case_copies(std::vector<T>& items, double lower, double upper, FoldWords fold_words) {
  if (lower <= 0 && upper <= 0) return;
  const size_t n = items.size();
  for (size_t i = 0; i < n; ++i) {
    if (items[i].group < 0) items[i].group = static_cast<int64_t>(i);
    CaseFold fold = case_fold_for(static_cast<uint64_t>(items[i].group), lower, upper);
    if (fold == CaseFold::kNone || items[i].folded) continue;
    T t = items[i];
    fold_words(t, fold);
    t.folded = true;
    items.push_back(std::move(t));
  }
}

}  // namespace sitrep
