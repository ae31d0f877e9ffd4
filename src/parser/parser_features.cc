// Feature templates of the parser and the labeller, hashed to 64 bits.
#include <xxhash.h>

#include "parser/parser_state.h"

namespace sitrep::parser_detail {
namespace {

inline uint64_t step(uint64_t h, uint64_t v) {
  h = (h ^ v) * 0xbf58476d1ce4e5b9ULL;
  return h ^ (h >> 31);
}
inline uint64_t finish(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 33);
}
template <typename... V>
inline uint64_t fh(uint64_t tmpl, V... vals) {
  uint64_t h = (tmpl + 1) * 0x9E3779B97F4A7C15ULL;
  ((h = step(h, static_cast<uint64_t>(vals))), ...);
  return finish(h);
}

inline int dist_bucket(int d) {
  if (d <= 0) return 0;
  if (d <= 4) return d;
  if (d <= 7) return 5;
  if (d <= 12) return 6;
  return 7;
}

// What the templates see of a position (-1 = nothing there).
struct View {
  const State& st;
  const Tok* toks;
  uint64_t w(int p) const { return p < 0 ? kNoForm : toks[p].form; }
  uint64_t t(int p) const { return p < 0 ? kNoTag : toks[p].xpos; }
  uint64_t u(int p) const { return p < 0 ? kNoTag : toks[p].upos; }
  uint64_t l(int p) const { return p <= 0 ? kNoLabel : static_cast<uint64_t>(st.label[p]); }
  int lc1(int p) const { return p < 0 ? -1 : st.lc1[p]; }
  int lc2(int p) const { return p < 0 ? -1 : st.lc2[p]; }
  int rc1(int p) const { return p < 0 ? -1 : st.rc1[p]; }
  int rc2(int p) const { return p < 0 ? -1 : st.rc2[p]; }
  uint64_t vl(int p) const { return p < 0 ? 99 : static_cast<uint64_t>(st.nl[p]); }
  uint64_t vr(int p) const { return p < 0 ? 99 : static_cast<uint64_t>(st.nr[p]); }
  uint64_t ls(int p) const { return p < 0 ? 1ULL << 63 : st.lset[p]; }
  uint64_t rs(int p) const { return p < 0 ? 1ULL << 63 : st.rset[p]; }
  uint64_t suf(int p) const { return p < 0 ? kNoForm : toks[p].suffix; }
  // Cluster level k of a word (0: unknown word; the root and nothing get their own values).
  uint64_t c(int p, int k) const {
    return p < 0 ? 0xFFF : p == 0 ? 0xFFE : tagger::WordClusters::level(toks[p].cluster, k);
  }
  // Punctuation and verbs strictly between a < b (0 when either is missing).
  uint64_t puncts_between(int a, int b) const {
    if (a < 0 || b < 0 || b - a < 2) return 0;
    int c = toks[b - 1].puncts - (a > 0 ? toks[a].puncts : 0);
    return c > 3 ? 3 : c;
  }
  uint64_t verbs_between(int a, int b) const {
    if (a < 0 || b < 0 || b - a < 2) return 0;
    int c = toks[b - 1].verbs - (a > 0 ? toks[a].verbs : 0);
    return c > 2 ? 2 : c;
  }
};

}  // namespace

uint64_t form_hash(std::string_view form) {
  char buf[64] = {};
  size_t n = form.size() < sizeof buf ? form.size() : sizeof buf;
  for (size_t i = 0; i < n; ++i) {
    char c = form[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
    buf[i] = c;
  }
  return XXH3_64bits(buf, n) ^ (form.size() > sizeof buf ? 0x77 : 0);
}

Tok make_tok(std::string_view form, uint16_t upos, uint16_t xpos, const tagger::WordClusters* clusters) {
  Tok t;
  t.form = form_hash(form);
  if (clusters && form.size() <= 64) {  // key: XXH3 of the ASCII lowercase form (tagger::detail::hash_bytes)
    char buf[64];
    for (size_t i = 0; i < form.size(); ++i) {
      char c = form[i];
      buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    t.cluster = clusters->find(XXH3_64bits(buf, form.size()));
  }
  t.upos = upos;
  t.xpos = xpos;
  t.suffix = form_hash(form.size() > 3 ? form.substr(form.size() - 3) : form) ^ 0x5f;
  return t;
}

Tok root_tok(bool clusters) {
  Tok t;
  t.cluster = clusters ? kClustersOn : 0;
  t.form = t.suffix = kRootForm;
  t.upos = t.xpos = kRootTag;
  return t;
}

void count_toks(std::vector<Tok>& toks) {
  uint16_t p = 0, v = 0;
  for (size_t i = 1; i < toks.size(); ++i) {
    p = static_cast<uint16_t>(p + (toks[i].upos == 13));  // PUNCT
    v = static_cast<uint16_t>(v + (toks[i].upos == 16));  // VERB
    toks[i].puncts = p;
    toks[i].verbs = v;
  }
}

int repair_tree(int n, int* heads, int* labels, std::vector<uint8_t>& mark) {
  if (n <= 0) return 0;
  int changed = 0;
  int root = -1;
  for (int i = 1; i <= n; ++i) {
    if (heads[i] < 0 || heads[i] > n || heads[i] == i) heads[i] = -1;
    if (heads[i] == 0 && root < 0) root = i;
  }
  if (root < 0) {  // no root word: the first word without a head, else word 1
    root = 1;
    for (int i = 1; i <= n; ++i)
      if (heads[i] < 0) { root = i; break; }
  }
  if (heads[root] != 0 || labels[root] != kRootLabel) ++changed;
  heads[root] = 0;
  labels[root] = kRootLabel;
  for (int i = 1; i <= n; ++i) {
    if (i == root) continue;
    if (heads[i] <= 0) {  // missing, out of range, or a second root
      heads[i] = root;
      if (labels[i] == kRootLabel || labels[i] <= 0) labels[i] = 38;  // dep
      ++changed;
    } else if (labels[i] == kRootLabel || labels[i] <= 0) {
      labels[i] = 38;
      ++changed;
    }
  }
  // Cycles: walk up from each word; 1 = on the current path, 2 = reaches the root.
  mark.assign(static_cast<size_t>(n) + 1, 0);
  mark[0] = 2;
  mark[root] = 2;
  for (int i = 1; i <= n; ++i) {
    int at = i;
    while (mark[at] == 0) {
      mark[at] = 1;
      at = heads[at];
    }
    if (mark[at] == 1) {  // back on this path: a cycle through `at`; cut it there
      heads[at] = root;
      if (labels[at] == kRootLabel) labels[at] = 38;
      ++changed;
    }
    for (at = i; mark[at] == 1; at = heads[at]) mark[at] = 2;
  }
  return changed;
}

int parser_features(const State& st, const Tok* toks, uint64_t* out) {
  const View v{st, toks};
  const int s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  const int b0 = st.b(0), b1 = st.b(1), b2 = st.b(2);
  const uint64_t s0w = v.w(s0), s0t = v.t(s0), s1w = v.w(s1), s1t = v.t(s1);
  const uint64_t b0w = v.w(b0), b0t = v.t(b0), b1w = v.w(b1), b1t = v.t(b1);
  const uint64_t b2t = v.t(b2), s2t = v.t(s2);
  const int s0L = v.lc1(s0), s0L2 = v.lc2(s0), s0R = v.rc1(s0), s0R2 = v.rc2(s0);
  const int s1L = v.lc1(s1), s1R = v.rc1(s1), s1R2 = v.rc2(s1);
  const int b0L = v.lc1(b0), b0L2 = v.lc2(b0);
  const uint64_t d0 = (s0 >= 0 && b0 >= 0) ? dist_bucket(b0 - s0) : 0;
  const uint64_t d1 = (s1 >= 0 && s0 >= 0) ? dist_bucket(s0 - s1) : 0;
  int k = 0;
  // Single words.
  out[k++] = fh(1, s0w);
  out[k++] = fh(2, s0t);
  out[k++] = fh(3, s0w, s0t);
  out[k++] = fh(4, s1w);
  out[k++] = fh(5, s1t);
  out[k++] = fh(6, s1w, s1t);
  out[k++] = fh(7, b0w);
  out[k++] = fh(8, b0t);
  out[k++] = fh(9, b0w, b0t);
  out[k++] = fh(10, b1w);
  out[k++] = fh(11, b1t);
  out[k++] = fh(12, b1w, b1t);
  out[k++] = fh(13, v.w(b2));
  out[k++] = fh(14, b2t);
  out[k++] = fh(15, s2t);
  out[k++] = fh(16, v.w(s2));
  // Pairs s0-b0 (LEFT builds b0 -> s0).
  out[k++] = fh(20, s0w, s0t, b0w, b0t);
  out[k++] = fh(21, s0w, s0t, b0w);
  out[k++] = fh(22, s0w, b0w, b0t);
  out[k++] = fh(23, s0w, s0t, b0t);
  out[k++] = fh(24, s0t, b0w, b0t);
  out[k++] = fh(25, s0w, b0w);
  out[k++] = fh(26, s0t, b0t);
  out[k++] = fh(27, b0t, b1t);
  // Pairs s1-s0 (RIGHT builds s1 -> s0).
  out[k++] = fh(30, s1w, s1t, s0w, s0t);
  out[k++] = fh(31, s1w, s1t, s0w);
  out[k++] = fh(32, s1w, s0w, s0t);
  out[k++] = fh(33, s1w, s1t, s0t);
  out[k++] = fh(34, s1t, s0w, s0t);
  out[k++] = fh(35, s1w, s0w);
  out[k++] = fh(36, s1t, s0t);
  // Tag triples.
  out[k++] = fh(40, b0t, b1t, b2t);
  out[k++] = fh(41, s0t, b0t, b1t);
  out[k++] = fh(42, s1t, s0t, b0t);
  out[k++] = fh(43, s2t, s1t, s0t);
  out[k++] = fh(44, s0t, v.t(s0L), b0t);
  out[k++] = fh(45, s0t, v.t(s0R), b0t);
  out[k++] = fh(46, s1t, v.t(s1R), s0t);
  out[k++] = fh(47, s1t, v.t(s1L), s0t);
  out[k++] = fh(48, s0t, b0t, v.t(b0L));
  out[k++] = fh(49, s1t, s0t, v.t(s0L));
  out[k++] = fh(50, s1t, s0t, v.t(s0R));
  out[k++] = fh(51, s0w, b0t, b1t);
  out[k++] = fh(52, s1t, s0w, b0t);
  out[k++] = fh(53, s1t, s0t, b0w);
  out[k++] = fh(54, s1t, s0t, b0t, b1t);
  out[k++] = fh(55, s2t, s1t, s0t, b0t);
  // Distance.
  out[k++] = fh(60, s0w, d0);
  out[k++] = fh(61, s0t, d0);
  out[k++] = fh(62, b0w, d0);
  out[k++] = fh(63, b0t, d0);
  out[k++] = fh(64, s0t, b0t, d0);
  out[k++] = fh(65, s0w, b0w, d0);
  out[k++] = fh(66, s1w, d1);
  out[k++] = fh(67, s1t, s0t, d1);
  out[k++] = fh(68, s1w, s0w, d1);
  out[k++] = fh(69, s0w, d1);
  // Valency.
  out[k++] = fh(70, s0w, v.vl(s0));
  out[k++] = fh(71, s0t, v.vl(s0));
  out[k++] = fh(72, s0w, v.vr(s0));
  out[k++] = fh(73, s0t, v.vr(s0));
  out[k++] = fh(74, s1w, v.vl(s1));
  out[k++] = fh(75, s1t, v.vl(s1));
  out[k++] = fh(76, s1w, v.vr(s1));
  out[k++] = fh(77, s1t, v.vr(s1));
  out[k++] = fh(78, b0w, v.vl(b0));
  out[k++] = fh(79, b0t, v.vl(b0));
  // Children.
  out[k++] = fh(80, v.w(s0L));
  out[k++] = fh(81, v.t(s0L));
  out[k++] = fh(82, v.l(s0L));
  out[k++] = fh(83, v.w(s0R));
  out[k++] = fh(84, v.t(s0R));
  out[k++] = fh(85, v.l(s0R));
  out[k++] = fh(86, v.w(s1L));
  out[k++] = fh(87, v.t(s1L));
  out[k++] = fh(88, v.l(s1L));
  out[k++] = fh(89, v.w(s1R));
  out[k++] = fh(90, v.t(s1R));
  out[k++] = fh(91, v.l(s1R));
  out[k++] = fh(92, v.w(b0L));
  out[k++] = fh(93, v.t(b0L));
  out[k++] = fh(94, v.l(b0L));
  // Second children.
  out[k++] = fh(95, v.t(s0L2));
  out[k++] = fh(96, v.l(s0L2));
  out[k++] = fh(97, v.t(s0R2));
  out[k++] = fh(98, v.l(s0R2));
  out[k++] = fh(99, v.t(b0L2));
  out[k++] = fh(100, v.l(b0L2));
  out[k++] = fh(101, s0t, v.l(s0L), v.l(s0L2));
  out[k++] = fh(102, s0t, v.l(s0R), v.l(s0R2));
  out[k++] = fh(103, b0t, v.l(b0L), v.l(b0L2));
  out[k++] = fh(104, s1t, v.l(s1R), v.l(s1R2));
  out[k++] = fh(105, s0t, s0w, v.l(s0L), b0t);
  out[k++] = fh(106, s1t, v.l(s1L), s0t);
  // Label sets.
  out[k++] = fh(110, s0t, v.ls(s0));
  out[k++] = fh(111, s0w, v.ls(s0));
  out[k++] = fh(112, s0t, v.rs(s0));
  out[k++] = fh(113, s1t, v.rs(s1));
  out[k++] = fh(114, b0t, v.ls(b0));
  out[k++] = fh(115, s1t, v.ls(s1));
  out[k++] = fh(116, s0w, v.rs(s0));
  out[k++] = fh(117, b0w, v.ls(b0));
  out[k++] = fh(118, s1w, v.rs(s1));
  // Universal tags.
  out[k++] = fh(120, v.u(s0), v.u(b0));
  out[k++] = fh(121, v.u(s1), v.u(s0));
  out[k++] = fh(122, v.u(s1), v.u(s0), v.u(b0));
  out[k++] = fh(123, v.u(s0), v.u(b0), v.u(b1));
  out[k++] = fh(124, b1w, b0t, s0t);
  out[k++] = fh(125, s0t, b0t, b1w);
  // In between, and suffixes (robust to tagging errors).
  const uint64_t p0 = v.puncts_between(s0, b0), p1 = v.puncts_between(s1, s0);
  out[k++] = fh(130, s0t, b0t, p0);
  out[k++] = fh(131, s1t, s0t, p1);
  out[k++] = fh(132, s0t, b0t, v.verbs_between(s0, b0));
  out[k++] = fh(133, s1t, s0t, v.verbs_between(s1, s0));
  out[k++] = fh(134, s0t, b0t, d0, p0);
  out[k++] = fh(135, s1t, s0t, d1, p1);
  out[k++] = fh(136, v.suf(s0));
  out[k++] = fh(137, v.suf(b0));
  out[k++] = fh(138, v.suf(s0), v.suf(b0));
  out[k++] = fh(139, v.suf(s1), v.suf(s0));
  out[k++] = fh(140, v.suf(b0), s0t);
  out[k++] = fh(141, v.suf(s0), b0t);
  if (toks[0].cluster) {  // word clusters (feature set 3)
    out[k++] = fh(150, v.c(s0, 2));
    out[k++] = fh(151, v.c(b0, 2));
    out[k++] = fh(152, v.c(s1, 1));
    out[k++] = fh(153, v.c(b1, 1));
    out[k++] = fh(154, v.c(s0, 1), v.c(b0, 1));
    out[k++] = fh(155, v.c(s1, 1), v.c(s0, 1));
    out[k++] = fh(156, v.c(s0, 1), b0t);
    out[k++] = fh(157, s0t, v.c(b0, 1));
  }
  return k;
}

int label_features(const State& st, const Tok* toks, int h, int d, uint64_t* out) {
  const View v{st, toks};
  const uint64_t dir = d < h ? 1 : 2;
  const uint64_t dw = v.w(d), dt = v.t(d), du = v.u(d);
  const uint64_t hw = v.w(h), ht = v.t(h), hu = v.u(h);
  const uint64_t dist = dist_bucket(d < h ? h - d : d - h);
  const int dl = st.lc1[d], dr = st.rc1[d];
  const int hl = st.lc1[h], hr = st.rc1[h];
  const int dm1 = d - 1 >= 1 ? d - 1 : -1, dp1 = d + 1 <= st.n ? d + 1 : -1;
  const int hm1 = h - 1 >= 1 ? h - 1 : -1, hp1 = (h > 0 && h + 1 <= st.n) ? h + 1 : -1;
  int k = 0;
  out[k++] = fh(1, dir, dw);
  out[k++] = fh(2, dir, dt);
  out[k++] = fh(3, dir, du);
  out[k++] = fh(4, dir, hw);
  out[k++] = fh(5, dir, ht);
  out[k++] = fh(6, dir, hu);
  out[k++] = fh(7, dir, dw, dt);
  out[k++] = fh(8, dir, hw, ht);
  out[k++] = fh(9, dir, ht, dt);
  out[k++] = fh(10, dir, hw, dt);
  out[k++] = fh(11, dir, ht, dw);
  out[k++] = fh(12, dir, hw, dw);
  out[k++] = fh(13, dir, hu, du);
  out[k++] = fh(14, dir, ht, dt, dist);
  out[k++] = fh(15, dir, dt, v.l(dl));
  out[k++] = fh(16, dir, v.w(dl));
  out[k++] = fh(17, dir, dt, v.t(dl));
  out[k++] = fh(18, dir, dt, v.l(dr));
  out[k++] = fh(19, dir, v.w(dr));
  out[k++] = fh(20, dir, dt, v.t(dr));
  out[k++] = fh(21, dir, dt, v.ls(d));
  out[k++] = fh(22, dir, dt, v.rs(d));
  out[k++] = fh(23, dir, ht, dt, v.ls(h));
  out[k++] = fh(24, dir, ht, dt, v.rs(h));
  out[k++] = fh(25, dir, v.t(dm1), dt);
  out[k++] = fh(26, dir, dt, v.t(dp1));
  out[k++] = fh(27, dir, v.t(hm1), ht, dt);
  out[k++] = fh(28, dir, ht, v.t(hp1), dt);
  out[k++] = fh(29, dir, ht, dt, v.w(dl));
  out[k++] = fh(30, dir, hw, v.w(dl));
  out[k++] = fh(31, dir, hw, dt, v.ls(h));
  out[k++] = fh(32, dir, ht, v.w(dl), dw);
  out[k++] = fh(33, dir, dt, v.l(hl));
  out[k++] = fh(34, dir, dt, v.l(hr));
  out[k++] = fh(35, dir, dt, v.vl(h), v.vr(h));
  out[k++] = fh(36, dir, dt, v.vl(d), v.vr(d));
  out[k++] = fh(37, dir, hw, dt, v.l(dl));
  out[k++] = fh(38, dir, dw, ht, hu);
  out[k++] = fh(39, dir, dt, d == 1 ? 1 : d == st.n ? 2 : 0);
  out[k++] = fh(40, dir, hu, du, v.l(hl));
  out[k++] = fh(41, dir, v.w(dm1), dt);
  out[k++] = fh(42, dir, dw, ht, dist);
  out[k++] = fh(43, dir, hw, dw, v.w(dl));
  out[k++] = fh(44, dir, v.t(st.lc2[d]), v.t(dl), dt);
  const int lo = d < h ? d : h, hi = d < h ? h : d;
  out[k++] = fh(45, dir, ht, dt, v.puncts_between(lo, hi));
  out[k++] = fh(46, dir, ht, dt, v.verbs_between(lo, hi));
  out[k++] = fh(47, dir, v.suf(d), ht);
  out[k++] = fh(48, dir, v.suf(d), v.suf(h));
  if (toks[0].cluster) {
    out[k++] = fh(50, dir, v.c(d, 1));
    out[k++] = fh(51, dir, v.c(h, 1));
    out[k++] = fh(52, dir, v.c(h, 1), v.c(d, 1));
  }
  return k;
}

}  // namespace sitrep::parser_detail
