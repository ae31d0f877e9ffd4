// The recognizer's features (internal to src/entities): shared by training and
// tagging so that both compute the same 64-bit hashes. Word hashes come from the
// tagger's WordInfo (form, lowercase, prefixes, suffixes, shape, flags); the
// recognizer adds the predicted UPOS/XPOS of the words around, a headline
// (title-case sentence) flag and gazetteer bits. No string is built per word.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "entities/ner_lexicon.h"
#include "tagger/features.h"

namespace sitrep::entities::detail {

// Classes: 0 = O, then B, I, L, U of each entity type 1..8 (BILOU).
inline constexpr int kTypes = kEntityTypeCount - 1;
inline constexpr int kClasses = 1 + 4 * kTypes;
enum Pos : int { kB = 0, kI = 1, kL = 2, kU = 3 };
inline int cls(EntityType t, int pos) { return 1 + (static_cast<int>(t) - 1) * 4 + pos; }
inline EntityType cls_type(int c) { return c == 0 ? EntityType::kNone : static_cast<EntityType>(1 + (c - 1) / 4); }
inline int cls_pos(int c) { return (c - 1) % 4; }
// Whether class `cur` may follow `prev` (-1: sentence start).
inline bool transition_ok(int prev, int cur) {
  bool open = prev > 0 && (cls_pos(prev) == kB || cls_pos(prev) == kI);
  if (!open) return cur == 0 || cls_pos(cur) == kB || cls_pos(cur) == kU;
  return cur > 0 && cls_type(cur) == cls_type(prev) && (cls_pos(cur) == kI || cls_pos(cur) == kL);
}
inline bool end_ok(int last) { return last == 0 || cls_pos(last) == kL || cls_pos(last) == kU; }

// One word as the recognizer sees it.
struct NerWord {
  std::string_view form;
  uint16_t upos = 0, xpos = 0;
  uint32_t gaz = 0;  // gazetteer category bits of the longest match covering it, with its position
  uint8_t hint = 0;  // DocHints::hint: the first pass's labels of this word elsewhere in the document
};

struct TokenInfo {
  tagger::detail::WordInfo w;
  uint16_t upos = 0, xpos = 0;
  uint32_t gaz = 0;
  uint8_t lex = 0;  // NerLexicon bits of the longest list match covering it, with its position
  uint8_t hint = 0;
};

inline constexpr int kFeatures = 58;  // 52 + 6 word-cluster templates
inline constexpr int kHintFeatures = 2;  // the last templates: the document hint (Ner::decode_document)

// Document memory: what a first pass labelled the other occurrences of a word
// (lowercased) in the same document ("Winston" named a person three sentences ago).
class DocHints {
 public:
  void clear() { entries_.clear(), groups_.clear(); }
  // A word of sentence `sent` with its first-pass class; only capitalised words and names are kept.
  void add(uint64_t lower, uint32_t sent, int cls, bool capitalised);
  void finish();
  // 0: no other occurrence labelled a name; else the most frequent BILOU class
  // among the others (position matters: "Space" inside "Kennedy Space
  // Center" says little about "Space" alone), + 64 when some are O.
  uint8_t hint(uint64_t lower, uint32_t sent) const;

 private:
  struct Entry {
    uint64_t key;
    uint32_t sent;
    uint8_t cls;
  };
  struct Group {  // the entries of one word: entries_[begin, end), sorted by sentence
    uint64_t key;
    uint32_t begin, end;
    uint32_t count[kClasses];
  };
  std::vector<Entry> entries_;
  std::vector<Group> groups_;
};

// Sets words[i].hint for the words of one document (flat; sentence s is
// [begin[s], begin[s + 1])) from first-pass classes; returns whether any is set.
// `lower`: the words' lowercase hashes (WordInfo::lower), computed here unless it has one per word.
bool set_doc_hints(NerWord* words, const uint32_t* begin, size_t sentences, const uint8_t* classes, DocHints& hints,
                   std::vector<uint64_t>& lower, std::string& scratch);

// Scratch space reused across sentences.
struct FeatureScratch {
  std::vector<TokenInfo> info;
  std::string lower;
  std::vector<uint64_t> lower_hashes;
  std::vector<uint8_t> lex;
};

// Writes n x kFeatures hashes for the n words of a sentence into `out`.
// `caps` maps tagger::detail::caps_key(lowercase hash) to how often the form is
// capitalised mid-sentence (1 never .. 5 always), as the tagger's dictionary does.
// `lexicon` may be empty.
void sentence_features(const NerWord* words, size_t n, const tagger::HashIndex& caps, const NerLexicon& lexicon,
                       const tagger::WordClusters& clusters,
                       FeatureScratch& scratch, uint64_t* out);

// Best well-formed class path (ner.cc): `emit` is n x kClasses, `trans` (kClasses
// + 1) x kClasses with the sentence start last; `allowed` (n x kClasses, or
// null) restricts the classes of each word. Writes n classes to `out`.
void viterbi(const int32_t* emit, size_t n, const int32_t* trans, const uint8_t* allowed, std::vector<int32_t>& score,
             std::vector<uint8_t>& back, uint8_t* out);

}  // namespace sitrep::entities::detail
