#include "entities/ner_features.h"

#include <algorithm>

namespace sitrep::entities::detail {
namespace {

using tagger::detail::feature;
using tagger::HashIndex;

bool first_upper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

}  // namespace

void sentence_features(const NerWord* words, size_t n, const HashIndex& caps_table, const NerLexicon& lexicon,
                       const tagger::WordClusters& clusters,
                       FeatureScratch& s, uint64_t* out) {
  s.info.resize(n + 4);
  TokenInfo pad_before, pad_after;
  pad_before.w = tagger::detail::boundary_info(true);
  pad_after.w = tagger::detail::boundary_info(false);
  pad_before.upos = pad_before.xpos = 0xFFFE;
  pad_after.upos = pad_after.xpos = 0xFFFF;
  s.info[0] = s.info[1] = pad_before;
  s.info[n + 2] = s.info[n + 3] = pad_after;
  size_t letters = 0, caps = 0;
  for (size_t i = 0; i < n; ++i) {
    TokenInfo& t = s.info[i + 2];
    tagger::detail::word_info(words[i].form, caps_table, s.lower, t.w);
    if (!clusters.empty()) t.w.cluster = clusters.find(t.w.lower);
    t.upos = words[i].upos;
    t.xpos = words[i].xpos;
    t.gaz = words[i].gaz;
    t.hint = words[i].hint;
    char c = words[i].form.empty() ? ' ' : words[i].form[0];
    bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    letters += letter && words[i].form.size() > 3;
    caps += letter && words[i].form.size() > 3 && first_upper(words[i].form);
  }
  s.lower_hashes.resize(n);
  s.lex.resize(n);
  for (size_t i = 0; i < n; ++i) s.lower_hashes[i] = s.info[i + 2].w.lower;
  lexicon.annotate(s.lower_hashes.data(), n, s.lex.data());
  for (size_t i = 0; i < n; ++i) s.info[i + 2].lex = s.lex[i];
  // A headline capitalises most longer words: capitals say less there.
  const uint64_t headline = letters >= 3 && caps * 4 >= letters * 3 ? 1 : 0;
  for (size_t i = 0; i < n; ++i) {
    const TokenInfo* t = &s.info[i + 2];
    const auto& c = t[0].w;
    const uint64_t initial = i == 0;
    uint64_t* f = out + i * kFeatures;
    int k = 0;
    f[k++] = feature(101, 0);
    f[k++] = feature(102, c.form);
    f[k++] = feature(103, c.lower);
    for (int j = 1; j < 4; ++j) f[k++] = feature(104 + j, c.suf[j]);
    for (int j = 1; j < 4; ++j) f[k++] = feature(108 + j, c.pre[j]);
    f[k++] = feature(112, c.shape);
    f[k++] = feature(113, c.flags, initial * 2 + headline);
    f[k++] = feature(114, c.shape, initial * 2 + headline);
    f[k++] = feature(115, t[-1].w.lower);
    f[k++] = feature(116, t[-2].w.lower);
    f[k++] = feature(117, t[1].w.lower);
    f[k++] = feature(118, t[2].w.lower);
    f[k++] = feature(119, t[-1].w.shape, c.shape);
    f[k++] = feature(120, c.shape, t[1].w.shape);
    f[k++] = feature(121, t[-1].w.shape);
    f[k++] = feature(122, t[1].w.shape);
    f[k++] = feature(123, t[0].xpos);
    f[k++] = feature(124, t[-1].xpos);
    f[k++] = feature(125, t[1].xpos);
    f[k++] = feature(126, t[-2].xpos);
    f[k++] = feature(127, t[2].xpos);
    f[k++] = feature(128, t[-1].xpos, t[0].xpos);
    f[k++] = feature(129, t[0].xpos, t[1].xpos);
    f[k++] = feature(130, t[0].upos, c.shape);
    f[k++] = feature(131, t[-1].w.lower, c.lower);
    f[k++] = feature(132, c.lower, t[1].w.lower);
    f[k++] = feature(133, t[-1].w.suf[2]);
    f[k++] = feature(134, t[1].w.suf[2]);
    f[k++] = feature(135, t[-1].xpos, c.lower);
    f[k++] = feature(136, c.lower, t[1].xpos);
    f[k++] = feature(137, t[0].xpos, headline * 2 + initial);
    f[k++] = feature(138, t[-1].w.lower, t[1].w.lower);
    f[k++] = feature(139, t[0].gaz);
    f[k++] = feature(140, t[-1].gaz, t[0].gaz);
    f[k++] = feature(141, t[0].gaz, t[1].gaz);
    f[k++] = feature(142, t[0].gaz, c.shape);
    f[k++] = feature(143, t[-2].w.lower, t[-1].w.lower);
    f[k++] = feature(144, t[1].w.lower, t[2].w.lower);
    f[k++] = feature(145, uint64_t{t[0].upos} << 16 | t[1].upos, t[-1].upos);
    f[k++] = feature(146, c.suf[3], t[0].xpos);
    const uint64_t upper = (c.flags & 8) ? 1 : 0;  // first letter upper case (tagger's kFirstUpper)
    f[k++] = feature(147, c.caps, upper * 4 + initial * 2 + headline);
    f[k++] = feature(148, c.caps, t[0].xpos);
    f[k++] = feature(149, t[-1].w.caps * 8 + c.caps, t[1].w.caps);
    f[k++] = feature(150, t[0].lex);
    f[k++] = feature(151, t[0].lex, c.shape);
    f[k++] = feature(152, t[-1].lex * 256u + t[0].lex, t[1].lex);
    // Word clusters (kNoFeature, which no model has a row for, without them).
    using tagger::detail::cluster_at;
    const bool cl = !clusters.empty();
    constexpr uint64_t none = tagger::detail::kNoFeature;
    f[k++] = cl ? feature(160, cluster_at(c, 0)) : none;
    f[k++] = cl ? feature(161, cluster_at(c, 1)) : none;
    f[k++] = cl ? feature(162, cluster_at(c, 2), upper) : none;
    f[k++] = cl ? feature(163, cluster_at(t[-1].w, 1), cluster_at(c, 1)) : none;
    f[k++] = cl ? feature(164, cluster_at(c, 1), cluster_at(t[1].w, 1)) : none;
    f[k++] = cl ? feature(165, cluster_at(c, 2), t[0].xpos) : none;
    // The hint templates stay last (kHintFeatures).
    f[k++] = feature(153, t[0].hint);
    f[k++] = feature(154, t[0].hint, c.shape);
  }
}

void DocHints::add(uint64_t lower, uint32_t sent, int cls, bool capitalised) {
  if (cls == 0 && !capitalised) return;
  entries_.push_back({lower, sent, static_cast<uint8_t>(cls)});
}

void DocHints::finish() {
  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) { return a.key != b.key ? a.key < b.key : a.sent < b.sent; });
  groups_.clear();
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    if (groups_.empty() || groups_.back().key != entries_[i].key) groups_.push_back({entries_[i].key, i, i, {}});
    Group& g = groups_.back();
    g.end = i + 1;
    ++g.count[entries_[i].cls];
  }
}

// The counts of the word's group less those of its own sentence: a word that
// occurs N times costs O(log N), not O(N), so a document of repeated words stays linear.
uint8_t DocHints::hint(uint64_t lower, uint32_t sent) const {
  auto g = std::lower_bound(groups_.begin(), groups_.end(), lower, [](const Group& x, uint64_t k) { return x.key < k; });
  if (g == groups_.end() || g->key != lower) return 0;
  uint32_t count[kClasses];
  std::copy(std::begin(g->count), std::end(g->count), count);
  auto first = entries_.begin() + g->begin, last = entries_.begin() + g->end;
  auto own = std::lower_bound(first, last, sent, [](const Entry& e, uint32_t s) { return e.sent < s; });
  for (; own != last && own->sent == sent; ++own) --count[own->cls];
  bool any = false;
  for (int c = 0; c < kClasses; ++c) any = any || count[c] > 0;
  if (!any) return 0;
  int best = 0;
  for (int c = 1; c < kClasses; ++c)
    if (count[c] > 0 && (best == 0 || count[c] > count[best])) best = c;
  if (best == 0) return 0;  // only O elsewhere: no hint, and no second pass for it
  return static_cast<uint8_t>(best + (count[0] ? 64 : 0));
}

bool set_doc_hints(NerWord* words, const uint32_t* begin, size_t sentences, const uint8_t* classes, DocHints& hints,
                   std::vector<uint64_t>& lower, std::string& scratch) {
  const uint32_t n = begin[sentences];
  const bool ready = lower.size() == n;
  lower.resize(n);
  hints.clear();
  for (size_t s = 0; s < sentences; ++s)
    for (uint32_t i = begin[s]; i < begin[s + 1]; ++i) {
      if (!ready) {
        tagger::detail::lower_into(words[i].form, scratch);
        lower[i] = tagger::detail::hash_bytes(scratch);
      }
      hints.add(lower[i], static_cast<uint32_t>(s), classes[i], first_upper(words[i].form));
    }
  hints.finish();
  bool any = false;
  for (size_t s = 0; s < sentences; ++s)
    for (uint32_t i = begin[s]; i < begin[s + 1]; ++i) {
      words[i].hint = hints.hint(lower[i], static_cast<uint32_t>(s));
      any |= words[i].hint != 0;
    }
  return any;
}

}  // namespace sitrep::entities::detail
