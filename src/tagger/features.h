// The tagger's features (internal to src/tagger): shared by training and tagging
// so that both compute exactly the same 64-bit feature hashes.
//
// Per word, once per sentence, a WordInfo holds hashes of the form, its ASCII
// lowercase, prefixes and suffixes (1-4 bytes), a collapsed shape, some flags
// and the tag-dictionary entry. The features of a position combine a template
// number with those hashes (and with the classes predicted for the previous two
// words): no string is ever built.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "tagger/clusters.h"
#include "tagger/hash_index.h"

namespace sitrep::tagger::detail {

inline uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}
inline uint64_t combine(uint64_t a, uint64_t b) { return mix64(a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E019ULL); }
inline uint64_t feature(uint64_t templ, uint64_t v) { return HashIndex::nonzero_key(combine(templ, v)); }
inline uint64_t feature(uint64_t templ, uint64_t v, uint64_t w) {
  return HashIndex::nonzero_key(combine(combine(templ, v), w));
}

uint64_t hash_bytes(std::string_view s);

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline void lower_into(std::string_view s, std::string& out) {
  out.resize(s.size());
  for (size_t i = 0; i < s.size(); ++i) out[i] = ascii_lower(s[i]);
}

struct WordInfo {
  uint64_t form = 0, lower = 0, shape = 0;
  uint64_t pre[4] = {}, suf[4] = {};
  uint32_t flags = 0;
  uint32_t dict = 0;  // ambiguity class id from the tag dictionary (0: not in it)
  int32_t sure = -1;  // the class of a frequent unambiguous word, else -1
  uint32_t lower_dict = 0;  // ambiguity id of the lowercase form (0: not in the dictionary)
  uint32_t caps = 0;        // how often the lowercase form is capitalised mid-sentence (0: unknown, 1-5)
  uint32_t cluster = 0;     // WordClusters::find of the lowercase form (0: unknown); padding: bit 30 or 31
};

// The word's class at cluster level k (0: unknown word; the padding words before
// and after a sentence get 0x400 / 0x800).
inline uint32_t cluster_at(const WordInfo& w, int k) {
  return WordClusters::level(w.cluster, k) | ((w.cluster >> 20) & 0xC00);
}

// Dictionary key of the capitalisation statistic of a lowercase form.
inline uint64_t caps_key(uint64_t lower_hash) { return HashIndex::nonzero_key(combine(lower_hash, 0xCA95)); }

// Fills `w` for one word; `lower` is scratch space. `dict` maps hash_bytes(form)
// to (ambiguity id << 8) | (sure class + 1); it may be empty.
void word_info(std::string_view form, const HashIndex& dict, std::string& lower, WordInfo& w);
// The padding words before and after a sentence.
WordInfo boundary_info(bool before);

inline constexpr int kStaticFeatures = 40;  // 32 + 8 cluster templates
inline constexpr int kDynamicFeatures = 5;
inline constexpr int kFeatures = kStaticFeatures + kDynamicFeatures;
inline constexpr int kStackFeatures = 8;  // second pass only

// The second pass also sees the first pass's classes around the word: `a` points
// at the word's first-pass class; a[-2..2] must be valid (class count = none).
void stack_features(const WordInfo* w, const uint16_t* a, uint32_t p1, uint64_t* out);

// A feature hash no template makes and no model has a row for: the cluster templates
// of a model without clusters (training skips it; lookups miss).
inline constexpr uint64_t kNoFeature = 0x9E3779B97F4A7C15ULL;

// Features that do not depend on predicted tags. `w` points at the word; w[-2]
// and w[2] must be valid (padding). Writes kStaticFeatures hashes; without
// `clusters` the cluster templates are kNoFeature.
void static_features(const WordInfo* w, bool initial, bool clusters, uint64_t* out);
// Features of the previous two predicted classes (class count = "none").
void dynamic_features(const WordInfo* w, uint32_t p1, uint32_t p2, uint64_t* out);

}  // namespace sitrep::tagger::detail
