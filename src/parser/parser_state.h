// Internals shared by the parser and its trainer: the arc-hybrid state, the
// hashed feature templates and the weight tables. Not a public API.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "core/tagset.h"
#include "tagger/clusters.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sitrep::parser_detail {

// Transitions of the arc-hybrid system (Kuhlmann et al. 2011).
enum Action : int { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr int kParserClasses = 4;  // 3 used, padded for aligned rows
inline constexpr int kLabelClasses = 64;  // deprel ids (kDeprelCount <= 64)
static_assert(kDeprelCount <= kLabelClasses);
inline constexpr uint16_t kRootLabel = 5;  // "root" in kDeprel
static_assert(kDeprel[kRootLabel] == "root");

inline constexpr int kMaxParserFeatures = 160;
inline constexpr int kMaxLabelFeatures = 64;
inline constexpr uint32_t kFeatureSetVersion = 2;

// One word as the features see it; index 0 is the artificial root.
struct Tok {
  uint64_t form = 0;    // hash of the normalised form
  uint16_t upos = 0, xpos = 0;
  uint64_t suffix = 0;  // hash of its last three bytes
  uint16_t puncts = 0;  // punctuation words among 1..this one
  uint16_t verbs = 0;   // verbs among 1..this one
  uint32_t cluster = 0; // tagger::WordClusters value of the lowercase form (0: unknown); on the root
                        // (index 0): kClustersOn when the model uses cluster features
};
inline constexpr uint32_t kClustersOn = 1u << 31;

// Hash of a form: ASCII lower case, digits folded to '0'.
uint64_t form_hash(std::string_view form);
Tok make_tok(std::string_view form, uint16_t upos, uint16_t xpos, const tagger::WordClusters* clusters = nullptr);
Tok root_tok(bool clusters = false);
// Fills the running counts (puncts, verbs) of toks[1..].
void count_toks(std::vector<Tok>& toks);
inline constexpr uint64_t kRootForm = 0x5ee7ULL, kNoForm = 0x1ULL;
inline constexpr uint16_t kRootTag = 100, kNoTag = 101;
inline constexpr uint16_t kNoLabel = 70;

// Parser state over words 1..n (0 = root). The stack always holds the root at
// the bottom; RIGHT from the root is allowed only once the buffer is empty, so
// exactly one word attaches to the root and every word gets a head.
struct State {
  int n = 0;
  int buf = 1;  // first word of the buffer; > n when empty
  std::vector<int> stack;
  std::vector<int> head, label, lc1, lc2, rc1, rc2, nl, nr;
  std::vector<uint64_t> lset, rset;  // bit sets of child labels

  void init(int words) {
    n = words;
    buf = 1;
    stack.clear();
    stack.push_back(0);
    auto reset = [&](std::vector<int>& v, int x) { v.assign(static_cast<size_t>(n) + 1, x); };
    reset(head, -1);
    reset(label, 0);
    reset(lc1, -1);
    reset(lc2, -1);
    reset(rc1, -1);
    reset(rc2, -1);
    reset(nl, 0);
    reset(nr, 0);
    lset.assign(static_cast<size_t>(n) + 1, 0);
    rset.assign(static_cast<size_t>(n) + 1, 0);
  }
  bool terminal() const { return buf > n && stack.size() == 1; }
  bool can_shift() const { return buf <= n; }
  bool can_left() const { return stack.size() >= 2 && buf <= n; }
  bool can_right() const { return stack.size() >= 2 && (stack.size() > 2 || buf > n); }
  bool legal(int a) const { return a == kShift ? can_shift() : a == kLeft ? can_left() : can_right(); }
  int s(int i) const { return static_cast<int>(stack.size()) > i ? stack[stack.size() - 1 - i] : -1; }
  int b(int i) const { return buf + i <= n ? buf + i : -1; }

  // The arc the action would build: head and dependent (or -1 for SHIFT).
  void arc_of(int a, int* h, int* d) const {
    if (a == kLeft) { *h = buf; *d = stack.back(); }
    else if (a == kRight) { *h = stack[stack.size() - 2]; *d = stack.back(); }
    else { *h = -1; *d = -1; }
  }
  void apply(int a, int lab) {
    if (a == kShift) {
      stack.push_back(buf++);
      return;
    }
    int h, d;
    arc_of(a, &h, &d);
    stack.pop_back();
    head[d] = h;
    label[d] = lab;
    if (d < h) {
      ++nl[h];
      lset[h] |= 1ULL << (lab & 63);
      if (lc1[h] < 0 || d < lc1[h]) { lc2[h] = lc1[h]; lc1[h] = d; }
      else if (lc2[h] < 0 || d < lc2[h]) lc2[h] = d;
    } else {
      ++nr[h];
      rset[h] |= 1ULL << (lab & 63);
      if (rc1[h] < 0 || d > rc1[h]) { rc2[h] = rc1[h]; rc1[h] = d; }
      else if (rc2[h] < 0 || d > rc2[h]) rc2[h] = d;
    }
  }
};

// Feature hashes of the state (for the transition classifier); returns how many.
int parser_features(const State& st, const Tok* toks, uint64_t* out);
// Feature hashes of the arc h -> d about to be built (for the labeller).
int label_features(const State& st, const Tok* toks, int h, int d, uint64_t* out);

inline uint32_t bucket_of(uint64_t hash, int bits) { return static_cast<uint32_t>(hash >> (64 - bits)); }

// Labels the labeller may give: seen in training, and "root" only under the root.
inline bool label_allowed(uint64_t seen_mask, int lab, int h) {
  if (h == 0) return lab == kRootLabel;
  return lab != kRootLabel && lab > 0 && (seen_mask >> lab & 1);
}

// Sums the rows of `table` (K columns) named by `rows` into acc[0..K).
template <int K, typename W, typename A>
inline void sum_rows(const W* table, const uint32_t* rows, int count, A* acc) {
  for (int k = 0; k < K; ++k) acc[k] = 0;
  for (int i = 0; i < count; ++i) {
    const W* r = table + static_cast<size_t>(rows[i]) * K;
    for (int k = 0; k < K; ++k) acc[k] += r[k];
  }
}

// The same for the int16 tables of a loaded model, with SSE2 (x86-64 baseline):
// each row is widened to int32 and added, 8 columns at a time.
template <int K>
inline void sum_rows_i16(const int16_t* table, const uint32_t* rows, int count, int32_t* acc) {
#if defined(__SSE2__)
  static_assert(K % 4 == 0);
  constexpr int V = K / 4;  // int32 lanes of 4
  __m128i sum[V];
  for (int v = 0; v < V; ++v) sum[v] = _mm_setzero_si128();
  for (int i = 0; i < count; ++i) {
    const int16_t* r = table + static_cast<size_t>(rows[i]) * K;
    if constexpr (K == 4) {
      __m128i x = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(r));
      sum[0] = _mm_add_epi32(sum[0], _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16));
    } else {
      for (int v = 0; v < V; v += 2) {
        __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(r + 4 * v));
        sum[v] = _mm_add_epi32(sum[v], _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16));
        sum[v + 1] = _mm_add_epi32(sum[v + 1], _mm_srai_epi32(_mm_unpackhi_epi16(x, x), 16));
      }
    }
  }
  for (int v = 0; v < V; ++v) _mm_storeu_si128(reinterpret_cast<__m128i*>(acc + 4 * v), sum[v]);
#else
  sum_rows<K>(table, rows, count, acc);
#endif
}

// The best legal transition (the state is never terminal here).
template <typename A>
inline int best_action(const State& st, const A* scores) {
  int best = -1;
  for (int a = 0; a < 3; ++a)
    if (st.legal(a) && (best < 0 || scores[a] > scores[best])) best = a;
  return best;
}

// The best allowed label for an arc from h.
template <typename A>
inline int best_label(uint64_t seen_mask, int h, const A* scores) {
  if (h == 0) return kRootLabel;
  int best = -1;
  for (int l = 1; l < kLabelClasses; ++l)
    if (label_allowed(seen_mask, l, h) && (best < 0 || scores[l] > scores[best])) best = l;
  return best < 0 ? 38 /* dep */ : best;
}

// A read-only weight table in 2 MB aligned memory, with transparent huge pages
// asked for: the look-ups are random over tens of MB, and 4 KB pages would
// cost a TLB miss on most of them.
void* huge_alloc(size_t bytes);  // throws std::bad_alloc
template <typename T>
class HugeTable {
 public:
  void assign(const T* v, size_t n) {
    auto* p = static_cast<T*>(huge_alloc(n * sizeof(T)));
    std::memcpy(p, v, n * sizeof(T));
    data_.reset(p);
    size_ = n;
  }
  const T* data() const { return static_cast<const T*>(data_.get()); }
  size_t size() const { return size_; }

 private:
  struct Free {
    void operator()(void* p) const { std::free(p); }
  };
  std::unique_ptr<void, Free> data_;
  size_t size_ = 0;
};

// Sums int8 rows of K columns (K a multiple of 16) into int16 sums: exact as
// long as count * 127 < 32768, which kMaxLabelFeatures guarantees.
template <int K>
inline void sum_rows_i8(const int8_t* table, const uint32_t* rows, int count, int32_t* acc) {
  static_assert(K % 16 == 0 && kMaxLabelFeatures * 127 < 32768);
#if defined(__SSE2__)
  constexpr int V = K / 8;  // int16 lanes of 8
  __m128i sum[V];
  for (int v = 0; v < V; ++v) sum[v] = _mm_setzero_si128();
  for (int i = 0; i < count; ++i) {
    const int8_t* r = table + static_cast<size_t>(rows[i]) * K;
    for (int v = 0; v < V; v += 2) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(r + 8 * v));
      sum[v] = _mm_add_epi16(sum[v], _mm_srai_epi16(_mm_unpacklo_epi8(x, x), 8));
      sum[v + 1] = _mm_add_epi16(sum[v + 1], _mm_srai_epi16(_mm_unpackhi_epi8(x, x), 8));
    }
  }
  alignas(16) int16_t out[K];
  for (int v = 0; v < V; ++v) _mm_store_si128(reinterpret_cast<__m128i*>(out + 8 * v), sum[v]);
  for (int k = 0; k < K; ++k) acc[k] = out[k];
#else
  sum_rows<K>(table, rows, count, acc);
#endif
}

// Makes heads[1..n] / labels[1..n] a well-formed tree whatever they hold: heads
// out of range or on a cycle, extra roots, missing labels are re-attached to the
// root word. The transition system never needs it; it is the guarantee.
// Returns the number of words changed.
int repair_tree(int n, int* heads, int* labels, std::vector<uint8_t>& scratch);

// The quantised weights of a trained model.
struct ParserWeights {
  int parser_bits = 0, label_bits = 0;
  int beam = 1;  // 1: greedy; else the beam width (the model was trained for it)
  uint64_t seen_labels = 0;
  HugeTable<int16_t> parser;  // (1 << parser_bits) rows of kParserClasses
  HugeTable<int8_t> labels;    // (1 << label_bits) rows of kLabelClasses, int16 file weights / 256
  tagger::WordClusters clusters;  // empty: no cluster features (feature set 2); else feature set 3
};

}  // namespace sitrep::parser_detail
static_assert(sitrep::parser_detail::kMaxLabelFeatures <= sitrep::parser_detail::kMaxParserFeatures);
