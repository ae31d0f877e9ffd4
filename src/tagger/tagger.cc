#include "tagger/tagger.h"
#include "core/locate.h"

#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <filesystem>

#include "core/tagset.h"
#include "tagger/features.h"
#include "text/text_util.h"

namespace sitrep::tagger {
namespace detail {

uint64_t hash_bytes(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

namespace {

enum : uint32_t {
  kHasDigit = 1, kHasHyphen = 2, kHasUpper = 4, kFirstUpper = 8, kAllUpper = 16,
  kHasPeriod = 32, kNoLetter = 64, kNonAscii = 128,
};

char shape_char(char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (static_cast<unsigned char>(c) >= 0x80) return 'u';
  return c;
}

}  // namespace

void word_info(std::string_view form, const HashIndex& dict, std::string& lower, WordInfo& w) {
  lower_into(form, lower);
  std::string_view lw = lower;
  w.form = hash_bytes(form);
  w.lower = lw == form ? w.form : hash_bytes(lw);
  const size_t n = lw.size();
  for (size_t k = 1; k <= 4; ++k) {
    size_t m = std::min(k, n);
    w.pre[k - 1] = hash_bytes(lw.substr(0, m));
    w.suf[k - 1] = hash_bytes(lw.substr(n - m));
  }
  // Shape: character classes, runs longer than two collapsed, at most 12.
  char shape[12];
  size_t len = 0, run = 0;
  uint32_t flags = 0;
  bool letters = false, all_upper = true;
  for (size_t i = 0; i < form.size(); ++i) {
    char c = form[i];
    char s = shape_char(c);
    if (s == 'd') flags |= kHasDigit;
    else if (s == 'X') flags |= kHasUpper | (i == 0 ? kFirstUpper : 0u), letters = true;
    else if (s == 'x') letters = true, all_upper = false;
    else if (s == 'u') flags |= kNonAscii;
    else if (c == '-') flags |= kHasHyphen;
    else if (c == '.') flags |= kHasPeriod;
    if (len > 0 && shape[len - 1] == s) {
      if (++run >= 2) continue;
    } else {
      run = 0;
    }
    if (len < sizeof shape) shape[len++] = s;
  }
  if (!letters) flags |= kNoLetter;
  if (letters && all_upper && form.size() > 1) flags |= kAllUpper;
  uint32_t len_bucket = n <= 4 ? static_cast<uint32_t>(n) : n <= 7 ? 5 : 6;
  w.flags = flags | (len_bucket << 8);
  w.shape = hash_bytes(std::string_view(shape, len));
  uint32_t d = dict.find(w.form);
  if (d == HashIndex::kNone) {
    w.dict = 0;
    w.sure = -1;
  } else {
    w.dict = d >> 8;
    w.sure = static_cast<int32_t>(d & 0xFF) - 1;
  }
  if (w.lower == w.form) {
    w.lower_dict = w.dict;
  } else {
    uint32_t ld = dict.find(w.lower);
    w.lower_dict = ld == HashIndex::kNone ? 0 : ld >> 8;
  }
  uint32_t caps = dict.find(caps_key(w.lower));
  w.caps = caps == HashIndex::kNone ? 0 : caps;
}

WordInfo boundary_info(bool before) {
  WordInfo w;
  uint64_t h = before ? 0x5B05ULL : 0xE05ULL;  // distinct values no word hashes to in practice
  w.form = w.lower = w.shape = h;
  for (int k = 0; k < 4; ++k) w.pre[k] = w.suf[k] = h;
  w.flags = before ? 0x10000 : 0x20000;
  w.dict = before ? 0xFFFFFE : 0xFFFFFF;
  w.cluster = before ? 1u << 30 : 1u << 31;
  return w;
}

void static_features(const WordInfo* w, bool initial, bool clusters, uint64_t* f) {
  const WordInfo& c = w[0];
  int k = 0;
  f[k++] = feature(1, 0);
  f[k++] = feature(2, c.form);
  f[k++] = feature(3, c.lower);
  for (int j = 0; j < 4; ++j) f[k++] = feature(4 + j, c.suf[j]);
  for (int j = 0; j < 4; ++j) f[k++] = feature(8 + j, c.pre[j]);
  f[k++] = feature(12, c.shape);
  f[k++] = feature(13, c.flags);
  f[k++] = feature(14, c.shape, initial);
  f[k++] = feature(15, w[-1].lower);
  f[k++] = feature(16, w[-2].lower);
  f[k++] = feature(17, w[1].lower);
  f[k++] = feature(18, w[2].lower);
  f[k++] = feature(19, w[-1].suf[2]);
  f[k++] = feature(20, w[1].suf[2]);
  f[k++] = feature(21, w[2].suf[2]);
  f[k++] = feature(22, w[1].shape);
  f[k++] = feature(23, w[-1].shape);
  f[k++] = feature(24, c.dict);
  f[k++] = feature(25, w[1].dict);
  f[k++] = feature(26, w[2].dict);
  f[k++] = feature(27, c.lower, w[1].lower);
  f[k++] = feature(28, w[-1].lower, c.lower);
  f[k++] = feature(29, c.dict, w[1].dict);
  f[k++] = feature(30, c.lower_dict);
  f[k++] = feature(31, c.caps, (c.flags & kFirstUpper) * 2 + initial);
  f[k++] = feature(32, c.caps * 4 + (w[-1].flags & kFirstUpper ? 2 : 0) + (w[1].flags & kFirstUpper ? 1 : 0));
  // Word clusters.
  if (!clusters) {
    std::fill(f + k, f + kStaticFeatures, kNoFeature);
    return;
  }
  f[k++] = feature(60, cluster_at(c, 0));
  f[k++] = feature(61, cluster_at(c, 1));
  f[k++] = feature(62, cluster_at(c, 2));
  f[k++] = feature(63, cluster_at(w[-1], 1));
  f[k++] = feature(64, cluster_at(w[1], 1));
  f[k++] = feature(65, cluster_at(w[1], 0), cluster_at(w[2], 0));
  f[k++] = feature(66, cluster_at(w[-1], 1), cluster_at(c, 1));
  f[k++] = feature(67, cluster_at(c, 1), cluster_at(w[1], 1));
}

void dynamic_features(const WordInfo* w, uint32_t p1, uint32_t p2, uint64_t* f) {
  f[0] = feature(40, p1);
  f[1] = feature(41, p2);
  f[2] = feature(42, p1, p2);
  f[3] = feature(43, p1, w[0].lower);
  f[4] = feature(44, p1, w[0].dict);
}

void stack_features(const WordInfo* w, const uint16_t* a, uint32_t p1, uint64_t* f) {
  f[0] = feature(50, a[0]);
  f[1] = feature(51, a[1]);
  f[2] = feature(52, a[2]);
  f[3] = feature(53, a[1], a[2]);
  f[4] = feature(54, p1, a[1]);
  f[5] = feature(55, a[0], a[1]);
  f[6] = feature(56, a[1], w[0].lower);
  f[7] = feature(57, a[-1], a[1]);
}

}  // namespace detail

namespace {

using detail::WordInfo;

struct Scratch {
  std::vector<WordInfo> info;
  std::vector<std::string_view> forms;
  std::vector<WordTags> tags, first_tags;
  std::vector<uint16_t> first;
  std::vector<int32_t> acc;
  std::vector<uint64_t> hashes;  // static feature hashes, words x kStaticFeatures
  std::vector<uint32_t> rows[2];  // their rows in each pass
  std::string lower, lemma;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

uint64_t feats_key(std::string_view form, uint16_t cls, std::string& lower) {
  detail::lower_into(form, lower);
  return HashIndex::nonzero_key(detail::combine(detail::hash_bytes(lower), cls));
}

// A headline: short (16 words at most) and with no final stop ("Police arrest 40 protesters in
// Minsk"); the sentence rules for headlines read only these.
bool headline(const WordTags* out, size_t n) {
  static const uint16_t kStops[] = {xpos_id("."), xpos_id("''"), xpos_id(":")};
  return n > 0 && n <= 16 && std::find(std::begin(kStops), std::end(kStops), out[n - 1].xpos) == std::end(kStops);
}

// Forms of "be" that a passive participle follows ("was shot", "had been shot").
const uint64_t kBeForms[] = {detail::hash_bytes("was"),   detail::hash_bytes("were"), detail::hash_bytes("been"),
                             detail::hash_bytes("being"), detail::hash_bytes("be"),   detail::hash_bytes("is"),
                             detail::hash_bytes("are")};
bool be_form(uint64_t lower) { return std::find(std::begin(kBeForms), std::end(kBeForms), lower) != std::end(kBeForms); }

constexpr int kMaxClasses = 255;
constexpr size_t kGroup = 4;          // weight entries per group (see Tagger::index)
constexpr uint32_t kDenseMin = 12;     // rows with more weights are stored dense
constexpr uint32_t kDenseMark = 0xFF;  // the group count that marks a dense row

}  // namespace

void Tagger::index() {
  const uint32_t C = static_cast<uint32_t>(classes_.size());
  past_class_ = participle_class_ = plural_class_ = adjective_class_ = present_s_class_ = present_class_ = -1;
  base_class_ = to_class_ = noun_class_ = proper_class_ = -1;
  for (uint32_t c = 0; c < C; ++c) {
    if (classes_[c] == std::pair{upos_id("VERB"), xpos_id("VBZ")}) present_s_class_ = static_cast<int>(c);
    if (classes_[c] == std::pair{upos_id("VERB"), xpos_id("VBP")}) present_class_ = static_cast<int>(c);
    if (classes_[c] == std::pair{upos_id("ADJ"), xpos_id("JJ")}) adjective_class_ = static_cast<int>(c);
    if (classes_[c] == std::pair{upos_id("NOUN"), xpos_id("NNS")}) plural_class_ = static_cast<int>(c);
    if (classes_[c] == std::pair{upos_id("VERB"), xpos_id("VBD")}) past_class_ = static_cast<int>(c);
    if (classes_[c] == std::pair{upos_id("VERB"), xpos_id("VBN")}) participle_class_ = static_cast<int>(c);
    if (classes_[c] == std::pair{upos_id("VERB"), xpos_id("VB")}) base_class_ = static_cast<int>(c);
    if (classes_[c] == std::pair{upos_id("PART"), xpos_id("TO")}) to_class_ = static_cast<int>(c);
    if (classes_[c] == std::pair{upos_id("NOUN"), xpos_id("NN")}) noun_class_ = static_cast<int>(c);
    if (classes_[c] == std::pair{upos_id("PROPN"), xpos_id("NNP")}) proper_class_ = static_cast<int>(c);
  }
  std::vector<uint64_t> keys[2];
  std::vector<uint32_t> values[2];
  for (size_t k = 0; k < passes_.size() && k < 2; ++k) {
    Pass& p = passes_[k];
    keys[k] = p.keys;
    // Rows with few weights (most of them: rare words) are kept sparse, padded
    // to whole groups of four entries (padding adds 0 to class 0) so that the
    // inner loop runs once or twice. Rows with many (the frequent features,
    // which every word hits) become dense int16 rows, added by vector code.
    p.packed.clear();
    p.dense.clear();
    p.dense_stride = (C + 15) / 16 * 16;
    for (uint32_t i = 0; i < p.keys.size(); ++i) {
      uint32_t n = p.row_begin[i + 1] - p.row_begin[i];
      if (n > kDenseMin) {
        uint32_t d = static_cast<uint32_t>(p.dense.size() / p.dense_stride);
        p.dense.resize(p.dense.size() + p.dense_stride, 0);
        int16_t* row = &p.dense[static_cast<size_t>(d) * p.dense_stride];
        for (uint32_t e = p.row_begin[i]; e < p.row_begin[i + 1]; ++e) row[p.entry_class[e]] = p.entry_weight[e];
        values[k].push_back((d << 8) | kDenseMark);
        continue;
      }
      uint32_t begin = static_cast<uint32_t>(p.packed.size());
      for (uint32_t e = p.row_begin[i]; e < p.row_begin[i + 1]; ++e)
        p.packed.push_back(p.entry_weight[e] * 256 + p.entry_class[e]);
      while (p.packed.size() % kGroup) p.packed.push_back(0);
      values[k].push_back((begin << 8) | static_cast<uint32_t>((p.packed.size() - begin) / kGroup));
    }
  }
  rows_.build(keys, values, static_cast<int>(std::min<size_t>(passes_.size(), 2)));
  dict_ = HashIndex(dict_keys_.size());
  for (uint32_t i = 0; i < dict_keys_.size(); ++i) dict_.at(dict_keys_[i], dict_values_[i]);
  feats_index_ = HashIndex(feats_keys_.size());
  for (uint32_t i = 0; i < feats_keys_.size(); ++i) feats_index_.at(feats_keys_[i], i);
}

void Tagger::run_pass(int pass_no, const WordInfo* info, size_t n, const uint64_t* static_hashes,
                      const uint16_t* first, WordTags* out) const {
  Scratch& s = scratch();
  const uint32_t C = static_cast<uint32_t>(classes_.size());
  // Two accumulators, rows alternating between them: consecutive rows mostly
  // vote for the same classes, and one array would chain their additions.
  const uint32_t A = passes_[pass_no].dense_stride;  // accumulator size (>= C)
  s.acc.resize(2 * A);
  int32_t* acc = s.acc.data();
  int32_t* acc2 = acc + A;
  const int32_t* entries = passes_[pass_no].packed.data();
  constexpr int K = detail::kStaticFeatures;
  uint32_t* rows = s.rows[pass_no].data();
  if (pass_no == 0) {
    // The static features of every word do not depend on the predictions: look
    // them all up first (for both passes), in sweeps, so that their cache
    // misses overlap. Frequent unambiguous words are not scored.
    s.rows[0].resize(n * K);
    s.rows[1].resize(n * K);
    rows = s.rows[0].data();
    for (size_t i = 0; i < n; ++i)
      if (info[i + 2].sure < 0)
        for (int k = 0; k < K; ++k) rows_.prefetch(static_hashes[i * K + k]);
    for (size_t i = 0; i < n; ++i) {
      if (info[i + 2].sure >= 0) continue;
      for (size_t k = i * K; k < (i + 1) * K; ++k) {
        const CompactIndex::Slot* slot = rows_.find(static_hashes[k]);
        s.rows[0][k] = slot ? slot->value[0] : CompactIndex::kNone;
        s.rows[1][k] = slot ? slot->value[1] : CompactIndex::kNone;
      }
    }
  }
  const Pass& pass = passes_[pass_no];
  const uint32_t stride = pass.dense_stride;
  const int16_t* dense = pass.dense.data();
  auto prefetch_row = [&](uint32_t row) {
    if (row == CompactIndex::kNone) return;
    if ((row & 0xFF) == kDenseMark) {
      const int16_t* d = dense + static_cast<size_t>(row >> 8) * stride;
      for (uint32_t c = 0; c < stride; c += 32) __builtin_prefetch(d + c);
    } else {
      __builtin_prefetch(entries + (row >> 8));
    }
  };
  auto add_row = [&](uint32_t row, int32_t* a) {
    if (row == CompactIndex::kNone) return;
    if ((row & 0xFF) == kDenseMark) {
      const int16_t* d = dense + static_cast<size_t>(row >> 8) * stride;
      for (uint32_t c = 0; c < stride; ++c) a[c] += d[c];
      return;
    }
    const int32_t* e = entries + (row >> 8);
    for (uint32_t j = 0, m = row & 0xFF; j < m; ++j, e += kGroup) {
      a[e[0] & 0xFF] += e[0] >> 8;
      a[e[1] & 0xFF] += e[1] >> 8;
      a[e[2] & 0xFF] += e[2] >> 8;
      a[e[3] & 0xFF] += e[3] >> 8;
    }
  };
  uint64_t f[detail::kDynamicFeatures + detail::kStackFeatures];
  const int nf = first ? detail::kDynamicFeatures + detail::kStackFeatures : detail::kDynamicFeatures;
  // The weights of a word's static features are fetched two words ahead.
  constexpr size_t kAhead = 2;
  auto prefetch_word = [&](size_t i) {
    if (i >= n || info[i + 2].sure >= 0) return;
    for (size_t k = i * K; k < (i + 1) * K; ++k)
      prefetch_row(rows[k]);
  };
  for (size_t i = 0; i < kAhead; ++i) prefetch_word(i);
  uint32_t p1 = C, p2 = C;  // class count = before the sentence
  for (size_t i = 0; i < n; ++i) {
    const WordInfo* w = &info[i + 2];
    uint32_t best = 0;
    prefetch_word(i + kAhead);
    if (w->sure >= 0) {
      best = static_cast<uint32_t>(w->sure);
    } else {
      detail::dynamic_features(w, p1, p2, f);
      if (first) detail::stack_features(w, first + i + 2, p1, f + detail::kDynamicFeatures);
      // Order matters: the rows of these features are found (and their weights
      // requested) before the static rows are added, so that the misses overlap.
      for (int k = 0; k < nf; ++k) rows_.prefetch(f[k]);
      uint32_t dyn[detail::kDynamicFeatures + detail::kStackFeatures];
      for (int k = 0; k < nf; ++k) {
        dyn[k] = rows_.find(f[k], pass_no);
        prefetch_row(dyn[k]);
      }
      std::fill(acc, acc + 2 * A, 0);
      for (int k = 0; k < K; ++k) add_row(rows[i * K + k], k & 1 ? acc2 : acc);
      for (int k = 0; k < nf; ++k) add_row(dyn[k], k & 1 ? acc : acc2);
      for (uint32_t c = 0; c < C; ++c) acc[c] += acc2[c];
      int32_t best_score = acc[0];
      for (uint32_t c = 1; c < C; ++c)
        if (acc[c] > best_score) best_score = acc[c], best = c;
    }
    retag(out[i], static_cast<int>(best));
    p2 = p1;
    p1 = best;
  }
}

void Tagger::tag_words(std::span<const std::string_view> forms, std::span<WordTags> out) const {
  Scratch& s = scratch();
  const size_t n = forms.size();
  s.info.resize(n + 4);
  s.info[0] = s.info[1] = detail::boundary_info(true);
  s.info[n + 2] = s.info[n + 3] = detail::boundary_info(false);
  for (size_t i = 0; i < n; ++i) detail::word_info(forms[i], dict_, s.lower, s.info[i + 2]);
  if (!clusters_.empty())
    for (size_t i = 0; i < n; ++i) s.info[i + 2].cluster = clusters_.find(s.info[i + 2].lower);
  s.hashes.resize(n * detail::kStaticFeatures);
  for (size_t i = 0; i < n; ++i)
    if (s.info[i + 2].sure < 0) detail::static_features(&s.info[i + 2], i == 0, !clusters_.empty(),
                                                          &s.hashes[i * detail::kStaticFeatures]);
  if (passes_.size() < 2) {
    run_pass(0, s.info.data(), n, s.hashes.data(), nullptr, out.data());
  } else {
    s.first_tags.resize(n);
    run_pass(0, s.info.data(), n, s.hashes.data(), nullptr, s.first_tags.data());
    const uint16_t none = static_cast<uint16_t>(classes_.size());
    s.first.assign(n + 4, none);
    for (size_t i = 0; i < n; ++i) s.first[i + 2] = s.first_tags[i].cls;
    run_pass(1, s.info.data(), n, s.hashes.data(), s.first.data(), out.data());
  }
  opening_plural_noun(forms, s.info.data(), out.data());
  opening_plural_subject(forms, out.data());
  plural_before_past(forms, s.info.data(), out.data());
  headline_verb(forms, s.info.data(), out.data());
  title_participle(forms, s.info.data(), out.data());
  participle_after_number(forms, s.info.data(), out.data());
  ensure_finite_verb(forms, s.info.data(), out.data());
  reduced_relative_subject(forms, out.data());
  killed_dead(forms, s.info.data(), out.data());
  past_before_coordinated_past(forms, s.info.data(), out.data());
  participle_before_joined_past(forms, s.info.data(), out.data());
  plural_in_men(forms, out.data());
  infinitive_after_control_verb(forms, s.info.data(), out.data());
  plural_modifier_after_article(s.info.data(), n, out.data());
  participle_after_be(forms, s.info.data(), out.data());
  headline_subject_read_as_verb(forms, s.info.data(), out.data());
  opening_acronym(forms, out.data());
}

// "Police fire tear gas at protesters", "Clashes erupt in Tripoli", "Egypt court sentences 75
// to death": a headline's subject noun the tagger read as its verb, and the verb after it as a
// noun. In a headline (no final stop, at most 16 words), a present verb that opens it or
// follows only names and adjectives (not a noun: "Army shells rebel positions"), itself a
// word of the treebanks, right before a noun that is the present of a known verb agreeing
// with it (the "-s" form after a singular, the base form after a plural or "police"), is the
// subject, and that noun the verb.
void Tagger::headline_subject_read_as_verb(std::span<const std::string_view> forms, const detail::WordInfo* info,
                                           WordTags* out) const {
  const size_t n = forms.size();
  if (present_s_class_ < 0 || present_class_ < 0 || noun_class_ < 0 || plural_class_ < 0 || n < 3 ||
      !headline(out, n))
    return;
  static const uint16_t kVb = xpos_id("VB"), kVbp = xpos_id("VBP"), kVbz = xpos_id("VBZ"), kNn = xpos_id("NN"),
                        kNns = xpos_id("NNS"), kNnp = xpos_id("NNP"), kJj = xpos_id("JJ");
  static const uint64_t kPolice = detail::hash_bytes("police");
  std::string& buf = scratch().lower;
  std::string lower;  // (headlines only, a few words each)
  for (size_t i = 0; i + 1 < n; ++i) {
    const uint16_t x = out[i].xpos;
    detail::lower_into(forms[i], lower);
    if (x == kVb || x == kVbp || x == kVbz) {
      if (out[i + 1].xpos != kNn && out[i + 1].xpos != kNns) return;
      std::string_view subject = forms[i], verb = forms[i + 1];
      if (!lemmatizer_.dictionary_word(lower, buf)) return;
      const bool plural = info[i + 2].lower == kPolice || (subject.size() > 3 && subject.back() == 's');
      const bool s_form = verb.size() > 3 && verb.back() == 's';
      if (plural == s_form || verb.empty() || verb[0] < 'a' || verb[0] > 'z') return;
      if (!lemmatizer_.known_verb(lemmatizer_.lemmatize(verb, s_form ? kVbz : kVbp, buf))) return;
      retag(out[i], plural && info[i + 2].lower != kPolice ? plural_class_ : noun_class_);
      retag(out[i + 1], s_form ? present_s_class_ : present_class_);
      return;
    }
    // (A noun before, capitalised or not, is the verb's subject: "Army shells rebel positions".)
    if (x != kJj && (x != kNnp || lemmatizer_.dictionary_word(lower, buf))) return;
  }
}

// "The victims had all been shot at close range": after a form of "be" (adverbs aside), a
// past form of a verb the tagger read as a singular noun ("shot") is the passive
// participle: a form the lemmatizer lists with another lemma ("been head of", "is love"
// keep their nouns), with no determiner between ("was a shot").
void Tagger::participle_after_be(std::span<const std::string_view> forms, const detail::WordInfo* info,
                                 WordTags* out) const {
  const size_t n = forms.size();
  if (participle_class_ < 0 || n < 2) return;
  static const uint16_t kNn = xpos_id("NN"), kAdverb = xpos_id("RB");
  std::string& buf = scratch().lower;
  for (size_t i = 1; i < n; ++i) {
    if (out[i].xpos != kNn) continue;
    size_t b = i - 1;
    while (b > 0 && out[b].xpos == kAdverb) --b;
    if (!be_form(info[b + 2].lower)) continue;
    if (!lemmatizer_.listed_past(forms[i], buf)) continue;
    retag(out[i], participle_class_);
  }
}

// "imposed an arms embargo on South Sudan", "a weapons deal": after "a" or "an", a plural noun
// is the modifier of the noun that follows, which the tagger read as a present verb (the
// plural as its subject). An article opens one singular noun phrase.
void Tagger::plural_modifier_after_article(const detail::WordInfo* info, size_t n, WordTags* out) const {
  if (noun_class_ < 0 || n < 3) return;
  static const uint64_t kA = detail::hash_bytes("a"), kAn = detail::hash_bytes("an");
  static const uint16_t kNns = xpos_id("NNS"), kVerbs[] = {xpos_id("VBP"), xpos_id("VBZ"), xpos_id("VB")};
  for (size_t i = 0; i + 2 < n; ++i)
    if ((info[i + 2].lower == kA || info[i + 2].lower == kAn) && out[i + 1].xpos == kNns &&
        std::find(std::begin(kVerbs), std::end(kVerbs), out[i + 2].xpos) != std::end(kVerbs))
      retag(out[i + 2], noun_class_);
}

// "Greece agreed to resume talks with Turkey": after a verb that takes an infinitive ("agreed
// to", "decided to", "vowed to", "refused to"), "to" and a known verb the tagger read as a
// noun ("resume", the CV), before its object, are the infinitive.
void Tagger::infinitive_after_control_verb(std::span<const std::string_view> forms, const detail::WordInfo* info,
                                           WordTags* out) const {
  const size_t n = forms.size();
  if (base_class_ < 0 || to_class_ < 0 || n < 4) return;
  static const uint64_t kTo = detail::hash_bytes("to");
  static const std::string_view kControl[] = {"agree",  "decide", "plan",    "vow",     "pledge",  "promise",
                                              "refuse", "threaten", "seek",  "try",     "offer",   "hope",
                                              "fail",   "expect", "aim",     "want",    "intend",  "prepare",
                                              "attempt", "resolve", "choose", "continue", "begin", "undertake"};
  static const uint16_t kNn = xpos_id("NN");
  static const uint16_t kObject[] = {xpos_id("DT"), xpos_id("NNS"), xpos_id("NN"),  xpos_id("JJ"),
                                     xpos_id("PRP$"), xpos_id("CD"), xpos_id("NNP"), xpos_id("NNPS")};
  std::string& buf = scratch().lower;
  for (size_t i = 1; i + 2 < n; ++i) {
    if (info[i + 2].lower != kTo || out[i + 1].xpos != kNn || info[i + 3].sure >= 0 ||
        std::find(std::begin(kObject), std::end(kObject), out[i + 2].xpos) == std::end(kObject) ||
        out[i - 1].xpos >= kXposCount || !std::string_view(kXpos[out[i - 1].xpos]).starts_with("VB"))
      continue;
    std::string_view control = lemmatizer_.lemmatize(forms[i - 1], out[i - 1].xpos, buf);
    if (std::find(std::begin(kControl), std::end(kControl), control) == std::end(kControl)) continue;
    if (!lemmatizer_.known_verb(lemmatizer_.lemmatize(forms[i + 1], xpos_id("VB"), buf))) continue;
    retag(out[i], to_class_);
    retag(out[i + 1], base_class_);
  }
}

// "met with visiting Kenyan President Mwai Kibaki", "acting President X": a participle that
// news puts before a title or a nationality to say who is where ("visiting", "outgoing",
// "incoming", "acting") is an adjective there, not a verb taking the name as its object.
void Tagger::title_participle(std::span<const std::string_view> forms, const detail::WordInfo* info, WordTags* out) const {
  const size_t n = forms.size();
  if (adjective_class_ < 0 || n < 3) return;
  static const uint64_t kWords[] = {detail::hash_bytes("visiting"), detail::hash_bytes("outgoing"),
                                    detail::hash_bytes("incoming"), detail::hash_bytes("acting")};
  static const uint16_t kVbg = xpos_id("VBG"), kNnp = xpos_id("NNP"), kNnps = xpos_id("NNPS"), kJj = xpos_id("JJ");
  for (size_t i = 0; i + 1 < n; ++i) {
    if (out[i].xpos != kVbg || std::find(std::begin(kWords), std::end(kWords), info[i + 2].lower) == std::end(kWords))
      continue;
    // A title or a nationality next, capitalised ("visiting Romanian Foreign Minister").
    std::string_view next = forms[i + 1];
    if (next.empty() || next[0] < 'A' || next[0] > 'Z' ||
        (out[i + 1].xpos != kNnp && out[i + 1].xpos != kNnps && out[i + 1].xpos != kJj))
      continue;
    retag(out[i], adjective_class_);
  }
}

// "ISIS said on Monday": a word in capitals, of three letters or more, opening a sentence
// whose next word is in lower case, that the tagger read as an auxiliary or a verb ("ISIS" as
// a form of "is"), is a name.
void Tagger::opening_acronym(std::span<const std::string_view> forms, WordTags* out) const {
  static const uint16_t kAux = upos_id("AUX"), kVerb = upos_id("VERB");
  if (proper_class_ < 0 || forms.size() < 3 || (out[0].upos != kAux && out[0].upos != kVerb)) return;
  std::string_view w = forms[0];
  if (w.size() < 3 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return;
  // (The next word in lower case: not a phrase in capitals, "HAS MOVED TO ...".)
  if (std::any_of(forms[1].begin(), forms[1].end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    retag(out[0], proper_class_);
}

// "Clashes between police and protesters erupted": a sentence that opens on a present verb
// with no subject before it and a preposition after it ("Clashes between", "Talks on") opens
// on a plural noun, as news sentences do; the verb comes later (ensure_finite_verb finds it).
void Tagger::opening_plural_noun(std::span<const std::string_view> forms, const detail::WordInfo* info,
                                 WordTags* out) const {
  const size_t n = forms.size();
  static const uint16_t kVbz = xpos_id("VBZ"), kIn = xpos_id("IN"), kVbg = xpos_id("VBG");
  // (So is a gerund before "between": "Fighting between government troops and rebels has
  // killed 30 people" is a noun, the sentence's subject, when a finite verb follows.)
  // (And a gerund of fighting right before a finite verb: "Fighting broke out between the army
  // and rebels", "Shelling continued overnight".)
  static const uint64_t kBetween = detail::hash_bytes("between");
  // (A later verb may be a participle, VBN; the verb right after the gerund may not.)
  static const uint16_t kVbn = xpos_id("VBN");
  static const uint16_t kFinite[] = {xpos_id("VBD"), xpos_id("VBZ"), xpos_id("VBP"), xpos_id("MD"), kVbn};
  auto finite = [](uint16_t x) { return std::find(std::begin(kFinite), std::end(kFinite), x) != std::end(kFinite); };
  static const uint64_t kFighting[] = {detail::hash_bytes("fighting"), detail::hash_bytes("shelling"),
                                       detail::hash_bytes("shooting"), detail::hash_bytes("rioting"),
                                       detail::hash_bytes("looting"), detail::hash_bytes("bombing")};
  if (noun_class_ >= 0 && n >= 3 && out[0].xpos == kVbg && forms[0][0] >= 'A' && forms[0][0] <= 'Z' &&
      std::find(std::begin(kFighting), std::end(kFighting), info[2].lower) != std::end(kFighting) &&
      finite(out[1].xpos) && out[1].xpos != kVbn) {
    retag(out[0], noun_class_);
    return;
  }
  if (noun_class_ >= 0 && n >= 4 && out[0].xpos == kVbg && info[3].lower == kBetween && forms[0][0] >= 'A' &&
      forms[0][0] <= 'Z') {
    bool later = false;
    for (size_t i = 2; i < n && !later; ++i) later = finite(out[i].xpos);
    if (later) retag(out[0], noun_class_);
    return;
  }
  if (plural_class_ < 0 || n < 4 || out[0].xpos != kVbz || out[1].xpos != kIn) return;
  std::string_view w = forms[0];
  if (w.size() < 4 || w.back() != 's' || w[0] < 'A' || w[0] > 'Z') return;
  // (Prepositions that follow an event noun, not a verb's "on", "like", "for": "Depends on
  // it", "Sounds like a plan"; and a past form later that can be the verb.)
  static const uint64_t kAfterNoun[] = {detail::hash_bytes("between"), detail::hash_bytes("against"),
                                        detail::hash_bytes("among"), detail::hash_bytes("across"),
                                        detail::hash_bytes("along"), detail::hash_bytes("near")};
  if (std::find(std::begin(kAfterNoun), std::end(kAfterNoun), info[3].lower) == std::end(kAfterNoun)) return;
  static const uint16_t kVbd = xpos_id("VBD");
  bool later = false;
  for (size_t i = 2; i < n && !later; ++i) later = out[i].xpos == kVbd || out[i].xpos == kVbn;
  if (!later) return;
  retag(out[0], plural_class_);
}

// "Demonstrators set fire to the parliament", "Youths threw stones at police": a capitalised
// first word in -s the tagger read as a present verb or a name, that is an English plural
// noun whose singular is no verb ("demonstrator", "youth"; not "Protests", "Attacks"),
// followed by a past form of a known verb, is the plural subject of that verb.
void Tagger::opening_plural_subject(std::span<const std::string_view> forms, WordTags* out) const {
  const size_t n = forms.size();
  static const uint16_t kVbz = xpos_id("VBZ"), kNnp = xpos_id("NNP"), kNnps = xpos_id("NNPS"), kNns = xpos_id("NNS");
  if (plural_class_ < 0 || n < 3 || (out[0].xpos != kVbz && out[0].xpos != kNnp && out[0].xpos != kNnps)) return;
  std::string_view w = forms[0];
  if (w.size() < 5 || w.back() != 's' || w[0] < 'A' || w[0] > 'Z') return;
  std::string& buf = scratch().lower;
  std::string lower, next;
  detail::lower_into(w, lower);
  // (An English word, or, for a word read as a verb, a plural of a doer in -or, -er, -ist,
  // -ant, -ent: "demonstrators"; a name keeps its tag unless English: "Sanders said".)
  auto agentive = [&] {
    if (out[0].xpos != kVbz) return false;
    for (std::string_view x : {"ors", "ers", "ists", "ants", "ents"})
      if (lower.size() > x.size() + 2 && std::string_view(lower).ends_with(x)) return true;
    return false;
  };
  if (!lemmatizer_.dictionary_word(lower, buf) && !agentive()) return;
  if (lemmatizer_.known_verb(lemmatizer_.lemmatize(lower, kNns, buf))) return;
  detail::lower_into(forms[1], next);
  const bool past = lemmatizer_.listed_past(next, buf);
  // (Or a verb whose past is its base, read as an adjective: "Demonstrators set fire".)
  static const uint16_t kJj = xpos_id("JJ");
  if (!past && !(out[1].xpos == kJj && lemmatizer_.known_verb(next))) return;
  retag(out[0], plural_class_);
  if (past_class_ >= 0 && out[1].upos != classes_[static_cast<size_t>(past_class_)].first) retag(out[1], past_class_);
}

// "Somali pirates hijacked a Greek cargo ship": a present verb in -s right after a noun or an
// adjective, followed by a past form that takes an object, is the subject's plural noun (the
// tagger read "pirates" as the verb and "hijacked" as its participle). Not a verb that
// takes a participle ("has", "gets", "feels betrayed by").
void Tagger::plural_before_past(std::span<const std::string_view> forms, const detail::WordInfo* info,
                                WordTags* out) const {
  const size_t n = forms.size();
  if (plural_class_ < 0 || past_class_ < 0 || n < 4) return;
  static const uint16_t kVbz = xpos_id("VBZ"), kVbd = xpos_id("VBD"), kVbn = xpos_id("VBN");
  static const uint16_t kBefore[] = {xpos_id("NNP"), xpos_id("NNPS"), xpos_id("JJ"), xpos_id("NN")};
  static const uint16_t kObject[] = {xpos_id("DT"), xpos_id("CD"), xpos_id("PRP$"), xpos_id("NNP"), xpos_id("NNS"),
                                     xpos_id("JJ")};
  static const uint64_t kTakesParticiple[] = {detail::hash_bytes("has"),   detail::hash_bytes("is"),
                                              detail::hash_bytes("was"),   detail::hash_bytes("does"),
                                              detail::hash_bytes("gets"),  detail::hash_bytes("seems"),
                                              detail::hash_bytes("looks"), detail::hash_bytes("feels"),
                                              detail::hash_bytes("remains"), detail::hash_bytes("becomes"),
                                              detail::hash_bytes("appears"), detail::hash_bytes("sounds")};
  for (size_t i = 1; i + 2 < n; ++i) {
    if (out[i].xpos != kVbz || (out[i + 1].xpos != kVbd && out[i + 1].xpos != kVbn) ||
        std::find(std::begin(kBefore), std::end(kBefore), out[i - 1].xpos) == std::end(kBefore) ||
        std::find(std::begin(kObject), std::end(kObject), out[i + 2].xpos) == std::end(kObject))
      continue;
    if (forms[i].size() < 4 || forms[i].back() != 's' ||
        std::find(std::begin(kTakesParticiple), std::end(kTakesParticiple), info[i + 2].lower) !=
            std::end(kTakesParticiple))
      continue;
    retag(out[i], plural_class_);
    retag(out[i + 1], past_class_);
  }
}

// A headline ("Israel strikes Gaza after rocket fire", "Police arrest 40 protesters in
// Minsk"): no final stop and no finite verb, the tagger having read the verb as a noun, as
// headlines look like noun phrases. The first noun right after the subject's words that is
// the present tense of a known verb, with an object or a "to" after it, is that verb.
void Tagger::headline_verb(std::span<const std::string_view> forms, const detail::WordInfo* info,
                           WordTags* out) const {
  const size_t n = forms.size();
  // (Short, with no verb at all: "Key Delhi blast suspect arrested" has its participle.)
  if (present_s_class_ < 0 || present_class_ < 0 || n < 3 || !headline(out, n)) return;
  static const uint16_t kVerbs[] = {xpos_id("VBD"), xpos_id("VBZ"), xpos_id("VBP"), xpos_id("MD"), xpos_id("VBN")};
  static const uint16_t kHyph = xpos_id("HYPH");
  for (size_t i = 0; i < n; ++i)  // (a participle after a hyphen is an adjective's part: "Saudi-led")
    if (std::find(std::begin(kVerbs), std::end(kVerbs), out[i].xpos) != std::end(kVerbs) &&
        !(i > 0 && out[i].xpos == kVerbs[4] && out[i - 1].xpos == kHyph))
      return;
  static const uint16_t kNn = xpos_id("NN"), kNns = xpos_id("NNS"), kNnp = xpos_id("NNP"), kNnps = xpos_id("NNPS");
  static const uint16_t kSubject[] = {xpos_id("NN"), xpos_id("NNS"), xpos_id("NNP"), xpos_id("NNPS"),
                                      xpos_id("JJ"), xpos_id("DT"),  xpos_id("CD"),  xpos_id(",")};
  static const uint16_t kAfter[] = {xpos_id("DT"),  xpos_id("CD"),   xpos_id("NNP"), xpos_id("NNPS"), xpos_id("NNS"),
                                    xpos_id("NN"),  xpos_id("JJ"),   xpos_id("PRP$"), xpos_id("PRP"), xpos_id("TO"),
                                    xpos_id("RB")};
  std::string& buf = scratch().lower;
  for (size_t i = 1; i + 1 < n; ++i) {
    const bool compound_part = out[i - 1].xpos == kHyph || (i > 1 && out[i - 2].xpos == kHyph);  // "Saudi-led"
    if (std::find(std::begin(kSubject), std::end(kSubject), out[i - 1].xpos) == std::end(kSubject) && !compound_part)
      return;
    // (Lower case, as headlines write in sentence case, and a word the tag dictionary is not
    // sure is a noun: "Margin Call", "Delhi blast suspect arrested" stay nouns.)
    if ((out[i].xpos != kNn && out[i].xpos != kNns) || info[i + 2].sure >= 0 || forms[i].empty() ||
        forms[i][0] < 'a' || forms[i][0] > 'z')
      continue;
    // (Right after the subject's noun: "Good clean store" has none.)
    const uint16_t before = out[i - 1].xpos;
    if (before != kNn && before != kNns && before != kNnp && before != kNnps) continue;
    if (std::find(std::begin(kAfter), std::end(kAfter), out[i + 1].xpos) == std::end(kAfter)) continue;
    const bool s_form = forms[i].size() > 3 && forms[i].back() == 's';
    if (!lemmatizer_.known_verb(lemmatizer_.lemmatize(forms[i], s_form ? xpos_id("VBZ") : xpos_id("VBP"), buf)))
      continue;
    retag(out[i], s_form ? present_s_class_ : present_class_);
    return;
  }
}

// "Israeli troops shot dead a Palestinian gunman", "its troops shot dead two": a past form of
// a known verb right before "dead" is that verb, though the tagger read "shot" as an adverb
// or a noun ("shot" is mostly a noun in the treebanks). After a noun or pronoun it is the
// past tense; after "be", "get" or "have" ("was shot dead", "had shot dead") the participle.
void Tagger::killed_dead(std::span<const std::string_view> forms, const detail::WordInfo* info, WordTags* out) const {
  const size_t n = forms.size();
  if (past_class_ < 0 || participle_class_ < 0 || n < 3) return;
  static const uint16_t kVbd = xpos_id("VBD"), kVbn = xpos_id("VBN"), kAdverb = xpos_id("RB");
  static const uint16_t kNouns[] = {xpos_id("NN"), xpos_id("NNS"), xpos_id("NNP"), xpos_id("NNPS"), xpos_id("PRP")};
  static const uint64_t kDead = detail::hash_bytes("dead");
  static const uint64_t kGetHave[] = {detail::hash_bytes("got"), detail::hash_bytes("get"), detail::hash_bytes("had"),
                                      detail::hash_bytes("have"), detail::hash_bytes("has")};
  for (size_t i = 1; i + 1 < n; ++i) {
    if (info[i + 3].lower != kDead || out[i].xpos == kVbd || out[i].xpos == kVbn) continue;
    if (!lemmatizer_.irregular_past(forms[i], scratch().lower) && !lemmatizer_.past_form(forms[i], scratch().lower))
      continue;
    size_t b = i - 1;
    while (b > 0 && out[b].xpos == kAdverb) --b;
    int cls = -1;
    const uint64_t aux = info[b + 2].lower;
    if (be_form(aux) || std::find(std::begin(kGetHave), std::end(kGetHave), aux) != std::end(kGetHave))
      cls = participle_class_;
    else if (std::find(std::begin(kNouns), std::end(kNouns), out[b].xpos) != std::end(kNouns)) cls = past_class_;
    if (cls < 0) continue;
    retag(out[i], cls);
  }
}

// "Israeli troops arrested 14 wanted Palestinians", "freed 20 kidnapped workers": a participle
// of the words news puts between a count and its noun, read as the verb after the number, is
// the noun's adjective (not a year: "in 1981 took power").
void Tagger::participle_after_number(std::span<const std::string_view> forms, const detail::WordInfo* info,
                                     WordTags* out) const {
  const size_t n = forms.size();
  if (adjective_class_ < 0 || n < 3) return;
  static const uint16_t kVbd = xpos_id("VBD"), kVbn = xpos_id("VBN"), kCd = xpos_id("CD");
  static const uint16_t kNouns[] = {xpos_id("NN"), xpos_id("NNS"), xpos_id("NNP"), xpos_id("NNPS")};
  static const uint64_t kModifiers[] = {
      detail::hash_bytes("wanted"),   detail::hash_bytes("suspected"), detail::hash_bytes("alleged"),
      detail::hash_bytes("armed"),    detail::hash_bytes("detained"),  detail::hash_bytes("jailed"),
      detail::hash_bytes("wounded"),  detail::hash_bytes("injured"),   detail::hash_bytes("masked"),
      detail::hash_bytes("accused"),  detail::hash_bytes("captured"),  detail::hash_bytes("kidnapped"),
      detail::hash_bytes("abducted"), detail::hash_bytes("displaced"), detail::hash_bytes("stranded"),
      detail::hash_bytes("trapped"),  detail::hash_bytes("unarmed"),   detail::hash_bytes("imprisoned")};
  for (size_t i = 1; i + 1 < n; ++i) {
    if ((out[i].xpos != kVbd && out[i].xpos != kVbn) || out[i - 1].xpos != kCd ||
        std::find(std::begin(kNouns), std::end(kNouns), out[i + 1].xpos) == std::end(kNouns) ||
        std::find(std::begin(kModifiers), std::end(kModifiers), info[i + 2].lower) == std::end(kModifiers))
      continue;
    std::string_view count = forms[i - 1];
    if (count.size() == 4 && (count.starts_with("19") || count.starts_with("20"))) continue;
    retag(out[i], adjective_class_);
  }
}

// "gunmen", "tribesmen", "policemen": a plural in "-men" the tagger read as a singular noun, a
// foreign word (so it agreed with no "them" and took no plural lemma), a verb or an adjective
// is a plural noun when its singular in "-man" is a noun the treebanks show.
void Tagger::plural_in_men(std::span<const std::string_view> forms, WordTags* out) const {
  if (plural_class_ < 0) return;
  // (Or as a verb or adjective: "when gunmen stormed his house", "gunmen" a participle.)
  static const uint16_t kRead[] = {xpos_id("NN"), xpos_id("FW"), xpos_id("VBN"), xpos_id("VBD"), xpos_id("JJ")};
  std::string singular;
  for (size_t i = 0; i < forms.size(); ++i) {
    std::string_view w = forms[i];
    // (Capitalised only where the sentence opens: "Gunmen on a motorbike killed ...".)
    const bool lower = w.size() >= 6 && w[0] >= 'a' && w[0] <= 'z';
    const bool opening = i == 0 && w.size() >= 6 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'a' && w[1] <= 'z';
    // (Opening a sentence, also as a name: "Gunmen shot into a market".)
    static const uint16_t kNnp = xpos_id("NNP");
    const bool read = std::find(std::begin(kRead), std::end(kRead), out[i].xpos) != std::end(kRead) ||
                      (opening && out[i].xpos == kNnp);
    if (!read || !w.ends_with("men") || !(lower || opening)) continue;
    singular.assign(w.substr(0, w.size() - 3));
    singular += "man";
    singular[0] = static_cast<char>(singular[0] | 0x20);
    if (lemmatizer_.dictionary_word(singular, scratch().lower)) retag(out[i], plural_class_);
  }
}

// "Israeli troops shot and killed a gunman": a past form the tagger read as a noun or an
// adjective after the subject's noun ("troops shot" as a compound), joined by "and" or "or" to
// a past tense, is a past tense too.
void Tagger::past_before_coordinated_past(std::span<const std::string_view> forms, const detail::WordInfo* info,
                                          WordTags* out) const {
  const size_t n = forms.size();
  if (past_class_ < 0 || n < 4) return;
  static const uint16_t kVbd = xpos_id("VBD"), kVbn = xpos_id("VBN"), kCc = xpos_id("CC");
  static const uint16_t kNouns[] = {xpos_id("NNS"), xpos_id("NNPS"), xpos_id("NNP"), xpos_id("NN")};
  static const uint16_t kRead[] = {xpos_id("NN"), xpos_id("NNS"), xpos_id("JJ")};
  static const uint64_t kAnd = detail::hash_bytes("and"), kOr = detail::hash_bytes("or");
  for (size_t i = 1; i + 2 < n; ++i) {
    if (std::find(std::begin(kRead), std::end(kRead), out[i].xpos) == std::end(kRead) || out[i + 1].xpos != kCc ||
        (info[i + 3].lower != kAnd && info[i + 3].lower != kOr) || out[i + 2].xpos != kVbd ||
        std::find(std::begin(kNouns), std::end(kNouns), out[i - 1].xpos) == std::end(kNouns))
      continue;
    if (!lemmatizer_.irregular_past(forms[i], scratch().lower) && !lemmatizer_.past_form(forms[i], scratch().lower))
      continue;
    if (out[i].xpos != kVbn) retag(out[i], past_class_);
  }
}

// "Militants crossed the border and attacked a checkpost": the tagger reads the first verb after
// the opening noun phrase as a reduced relative's participle (no finite verb seen yet) and the
// parser makes the subject the root. When the sentence opens on noun-phrase words, its first
// verb is a participle the model scored, right after a noun, not followed by "by", and the
// first finite verb of the sentence is a past tense joined to it by "and" or "or" (any later
// finite verb after a comma: "..., police said"), that participle is a past tense too.
void Tagger::participle_before_joined_past(std::span<const std::string_view> forms, const detail::WordInfo* info,
                                           WordTags* out) const {
  const size_t n = forms.size();
  if (past_class_ < 0 || participle_class_ < 0 || n < 5) return;
  static const uint16_t kVbd = xpos_id("VBD"), kVbn = xpos_id("VBN"), kCc = xpos_id("CC"), kComma = xpos_id(",");
  static const uint16_t kFinite[] = {xpos_id("VBD"), xpos_id("VBZ"), xpos_id("VBP"), xpos_id("MD")};
  static const uint16_t kNouns[] = {xpos_id("NN"), xpos_id("NNS"), xpos_id("NNP"), xpos_id("NNPS")};
  static const uint16_t kPhrase[] = {xpos_id("DT"),  xpos_id("JJ"),  xpos_id("CD"),   xpos_id("RB"),
                                     xpos_id("NN"),  xpos_id("NNS"), xpos_id("NNP"),  xpos_id("NNPS"),
                                     xpos_id("HYPH"), xpos_id("CC"), xpos_id("PRP$"), xpos_id("POS")};
  static const uint16_t kHyph = xpos_id("HYPH");
  static const uint64_t kAnd = detail::hash_bytes("and"), kOr = detail::hash_bytes("or"),
                        kBy = detail::hash_bytes("by");
  auto among_tags = [](const auto& tags, uint16_t x) { return std::find(std::begin(tags), std::end(tags), x) != std::end(tags); };
  // (A participle hyphened to a name is part of the phrase: "the U.S.-led coalition forces".)
  size_t i = 0;
  while (i < n && (among_tags(kPhrase, out[i].xpos) || (i > 0 && out[i - 1].xpos == kHyph && out[i].xpos == kVbn))) ++i;
  if (i == 0 || i + 3 >= n || out[i].xpos != kVbn || out[i].cls != participle_class_ || info[i + 2].sure >= 0 ||
      !among_tags(kNouns, out[i - 1].xpos) || info[i + 3].lower == kBy)
    return;
  size_t j = i + 1;
  while (j < n && !among_tags(kFinite, out[j].xpos)) ++j;
  if (j >= n || out[j].xpos != kVbd || j < i + 3 || out[j - 1].xpos != kCc ||
      (info[j + 1].lower != kAnd && info[j + 1].lower != kOr))
    return;
  bool comma = false;
  for (size_t k = j + 1; k < n; ++k) {
    comma = comma || out[k].xpos == kComma;
    if (among_tags(kFinite, out[k].xpos) && !comma) return;
  }
  retag(out[i], past_class_);
}

// A sentence whose only verb the tagger read as a bare past participle ("A huge car bomb
// exploded in central Beirut, killing ...", "A firefight ... erupted in the Golan Heights",
// "Police clashed with youths"): a left-to-right tagger sees no finite verb coming, and the
// reduced-relative reading wins; the parser then makes the subject the root. When no word
// is a finite verb or a modal and the sentence opens on noun-phrase words, its first
// participle, right after a noun or pronoun (not followed by "by": "Three soldiers killed by
// a bomb" is a headline's passive) and one the model scored (not a word the tag dictionary
// is sure of), is the past tense. With no such participle, the first singular noun right
// after a noun that is an irregular past tense of a known verb ("Indonesian police shot dead
// two suspects": "shot" read as a noun) is.
// (A constraint on the whole sentence, which the greedy decoder cannot see.)
void Tagger::ensure_finite_verb(std::span<const std::string_view> forms, const WordInfo* info, WordTags* out) const {
  const size_t n = forms.size();
  if (past_class_ < 0 || participle_class_ < 0) return;
  static const uint16_t kFinite[] = {xpos_id("VBD"), xpos_id("VBZ"), xpos_id("VBP"), xpos_id("MD")};
  static const uint16_t kNouns[] = {xpos_id("NN"), xpos_id("NNS"), xpos_id("NNP"), xpos_id("NNPS"), xpos_id("PRP")};
  static const uint16_t kAdverb = xpos_id("RB");
  for (size_t i = 0; i < n; ++i)
    if (std::find(std::begin(kFinite), std::end(kFinite), out[i].xpos) != std::end(kFinite)) return;
  // A sentence, not a headline ("Document found on street"): it ends on a full stop.
  static const uint16_t kStop = xpos_id("."), kClose = xpos_id("''");
  size_t last = n;
  while (last > 0 && out[last - 1].xpos == kClose) --last;
  if (last == 0 || out[last - 1].xpos != kStop) return;
  // Only noun-phrase words before the participle: it is the first verb of the sentence.
  static const uint16_t kPhrase[] = {xpos_id("DT"),  xpos_id("PDT"), xpos_id("JJ"),   xpos_id("JJR"), xpos_id("JJS"),
                                     xpos_id("NN"),  xpos_id("NNS"), xpos_id("NNP"),  xpos_id("NNPS"), xpos_id("CD"),
                                     xpos_id("POS"), xpos_id("PRP$"), xpos_id("PRP"), xpos_id("IN"),  xpos_id("CC"),
                                     xpos_id("HYPH"), xpos_id("``"), xpos_id(",")};
  if (n < 2 || std::find(std::begin(kPhrase), std::end(kPhrase), out[0].xpos) == std::end(kPhrase)) return;
  size_t pick = n;
  for (size_t i = 1; i < n; ++i) {
    if (out[i].cls == participle_class_ && info[i + 2].sure < 0) {
      size_t b = i - 1;
      while (b > 0 && out[b].xpos == kAdverb) --b;
      static const uint64_t kBy = detail::hash_bytes("by");
      if (std::find(std::begin(kNouns), std::end(kNouns), out[b].xpos) != std::end(kNouns) &&
          !(i + 1 < n && info[i + 3].lower == kBy))
        pick = i;
      break;
    }
    if (std::find(std::begin(kPhrase), std::end(kPhrase), out[i].xpos) == std::end(kPhrase) &&
        out[i].xpos != kAdverb)
      break;
  }
  if (pick == n) {
    static const uint16_t kNn = xpos_id("NN");
    // (A time between the subject and its verb is no verb: "Zambian police Monday morning
    // shot dead four suspects".)
    auto time_word = [](std::string_view w) { return text::weekday_number(w) >= 0 || text::is_part_of_day(w); };
    for (size_t i = 1; i + 1 < n && pick == n; ++i) {
      // (Or an adjective in -ed after the subject's plural noun, a past form of a verb the
      // treebanks saw or a word they never saw: "Ugandan rebels abducted dozens of children",
      // the whole read as one noun phrase.)
      static const uint16_t kJj = xpos_id("JJ"), kNns = xpos_id("NNS"), kDt = xpos_id("DT"), kCd = xpos_id("CD");
      if (out[i].xpos == kJj && out[i - 1].xpos == kNns && info[i + 2].sure < 0 &&
          (out[i + 1].xpos == kDt || out[i + 1].xpos == kCd || out[i + 1].xpos == kNns) &&
          forms[i].size() > 5 && forms[i].ends_with("ed") &&
          (lemmatizer_.past_form(forms[i], scratch().lower) || !lemmatizer_.dictionary_word(forms[i], scratch().lower))) {
        pick = i;
        break;
      }
      if (out[i].xpos != kNn || info[i + 2].sure >= 0 || time_word(forms[i])) continue;
      size_t b = i - 1;
      while (b > 0 && out[b].xpos == kAdverb) --b;
      if (std::find(std::begin(kNouns), std::end(kNouns), out[b].xpos) == std::end(kNouns)) continue;
      // Followed by what an object or "dead" starts with ("shot dead two", "shot the man"),
      // or by where a shot goes after a plural, a name or a pronoun ("Gunmen shot into a
      // crowded market"; not a singular noun's compound: "A warning shot into the air.").
      static const uint16_t kStarts[] = {xpos_id("DT"), xpos_id("CD"), xpos_id("PRP"), xpos_id("PRP$"), xpos_id("JJ")};
      static const uint16_t kIn = xpos_id("IN"), kNnsAim = xpos_id("NNS"), kNnpsAim = xpos_id("NNPS"),
                            kNnpAim = xpos_id("NNP"), kPrpAim = xpos_id("PRP");
      static const uint64_t kAim[] = {detail::hash_bytes("into"), detail::hash_bytes("at"), detail::hash_bytes("on"),
                                      detail::hash_bytes("through")};
      const uint16_t before = out[b].xpos;
      const bool aim = out[i + 1].xpos == kIn &&
                       std::find(std::begin(kAim), std::end(kAim), info[i + 3].lower) != std::end(kAim) &&
                       (before == kNnsAim || before == kNnpsAim || before == kNnpAim || before == kPrpAim);
      if (!aim && std::find(std::begin(kStarts), std::end(kStarts), out[i + 1].xpos) == std::end(kStarts)) break;
      if (lemmatizer_.irregular_past(forms[i], scratch().lower)) pick = i;
      break;  // only the first noun after the subject's
    }
  }
  if (pick == n) return;
  retag(out[pick], past_class_);
}

// "A grenade lobbed from a moving car at a police post injured two police officers": the
// tagger reads the participle that describes the subject as the sentence's verb, and the
// verb that follows as an adjective. When the sentence's only finite verb follows the noun
// phrase that opens it and a preposition follows that verb, and a later past form of a
// known verb read as an adjective or participle comes right after a noun and before what
// an object starts with, the first is the participle and the later the past tense.
// (A constraint on the whole sentence, which the greedy decoder cannot see.)
void Tagger::reduced_relative_subject(std::span<const std::string_view> forms, WordTags* out) const {
  const size_t n = forms.size();
  if (past_class_ < 0 || participle_class_ < 0 || n < 6) return;
  static const uint16_t kVbd = xpos_id("VBD"), kIn = xpos_id("IN"), kJj = xpos_id("JJ"), kVbn = xpos_id("VBN");
  static const uint16_t kFinite[] = {kVbd, xpos_id("VBZ"), xpos_id("VBP"), xpos_id("MD")};
  static const uint16_t kNouns[] = {xpos_id("NN"), xpos_id("NNS"), xpos_id("NNP"), xpos_id("NNPS")};
  static const uint16_t kOpening[] = {xpos_id("DT"), xpos_id("JJ"), xpos_id("NN"), xpos_id("NNS"), xpos_id("NNP"),
                                      xpos_id("NNPS"), xpos_id("CD"), xpos_id("HYPH"), xpos_id("PRP$")};
  static const uint16_t kObjectStart[] = {xpos_id("DT"), xpos_id("CD"), xpos_id("PRP$"), xpos_id("NNS"),
                                          xpos_id("NNP"), xpos_id("JJ")};
  auto in = [](const auto& set, uint16_t x) { return std::find(std::begin(set), std::end(set), x) != std::end(set); };
  size_t f = 0;
  while (f < n && in(kOpening, out[f].xpos)) ++f;
  if (f == 0 || f + 1 >= n || out[f].xpos != kVbd || !in(kNouns, out[f - 1].xpos) || out[f + 1].xpos != kIn) return;
  for (size_t i = f + 1; i < n; ++i)
    if (in(kFinite, out[i].xpos)) return;
  for (size_t w = f + 2; w + 1 < n; ++w) {
    if ((out[w].xpos != kJj && out[w].xpos != kVbn) || !in(kNouns, out[w - 1].xpos) ||
        !in(kObjectStart, out[w + 1].xpos) || !lemmatizer_.past_form(forms[w], scratch().lower))
      continue;
    retag(out[f], participle_class_);
    retag(out[w], past_class_);
    return;
  }
}

std::string_view Tagger::feats(std::string_view form, const WordTags& tags) const {
  if (!feats_keys_.empty()) {
    std::string& lower = scratch().lower;
    uint32_t i = feats_index_.find(feats_key(form, tags.cls, lower));
    if (i != HashIndex::kNone) return feats_values_[i];
  }
  return tags.cls < class_feats_.size() ? std::string_view(class_feats_[tags.cls]) : std::string_view();
}

uint8_t Tagger::capitalisation(std::string_view lower) const {
  uint32_t c = dict_.find(detail::caps_key(detail::hash_bytes(lower)));
  if (c != HashIndex::kNone) return static_cast<uint8_t>(c);
  // Too rare for the counts: a verb or noun of the lexicon, or its inflection, is a word.
  std::string scratch;
  return lemmatizer_.dictionary_word(lower, scratch) ? 1 : 0;
}

void Tagger::tag(Document& doc) const {
  Scratch& s = scratch();
  for (const Sentence& sent : doc.sentences) {
    const uint32_t n = sent.word_count;
    s.forms.resize(n);
    s.tags.resize(n);
    for (uint32_t i = 0; i < n; ++i) s.forms[i] = doc.word_text(sent.first_word + i);
    tag_words(s.forms, s.tags);
    for (uint32_t i = 0; i < n; ++i) {
      Word& w = doc.words[sent.first_word + i];
      const WordTags& t = s.tags[i];
      w.upos = t.upos;
      w.xpos = t.xpos;
      w.lemma = doc.add_to_pool(lemma(s.forms[i], t, s.lemma));
      std::string_view fe = feats(s.forms[i], t);
      w.feats = fe == "_" ? Span{} : doc.add_to_pool(fe);
      // The pool may have grown: forms point into doc.text, which did not move.
    }
  }
}

// ---- Model file ----

ModelFile Tagger::to_model_file(std::string note) const {
  ModelFile m;
  m.kind = std::string(kTaggerKind);
  m.kind_version = kTaggerVersion;
  m.note = std::move(note);
  {
    ByteWriter w;
    w.u32(static_cast<uint32_t>(classes_.size()));
    for (auto [u, x] : classes_) w.u32(u), w.u32(x);
    m.add("classes", w.take());
  }
  for (size_t i = 0; i < passes_.size(); ++i) {
    ByteWriter w;
    w.f32(passes_[i].scale);
    w.array(passes_[i].keys);
    w.array(passes_[i].row_begin);
    w.array(passes_[i].entry_class);
    w.array(passes_[i].entry_weight);
    m.add(i == 0 ? "weights" : "weights2", w.take());
  }
  {
    ByteWriter w;
    w.array(dict_keys_);
    w.array(dict_values_);
    m.add("tagdict", w.take());
  }
  {
    ByteWriter w;
    lemmatizer_.save(w);
    m.add("lemmas", w.take());
  }
  {
    ByteWriter w;
    w.u32(static_cast<uint32_t>(class_feats_.size()));
    for (const auto& s : class_feats_) w.str(s);
    w.array(feats_keys_);
    for (const auto& s : feats_values_) w.str(s);
    m.add("feats", w.take());
  }
  if (!clusters_.empty()) m.add("clusters", clusters_.encode());
  return m;
}

Result<Tagger> Tagger::from_model_file(const ModelFile& m, std::string_view name) {
  auto bad = [&](std::string_view what) {
    return Status::Error(std::string(name) + ": tagger model: " + std::string(what));
  };
  if (m.kind != kTaggerKind) return bad("not a tagger model (kind \"" + m.kind + "\")");
  if (m.kind_version != kTaggerVersion && m.kind_version != 1)  // version 1: no clusters
    return bad("version " + std::to_string(m.kind_version) + " is not supported (this build reads version " +
               std::to_string(kTaggerVersion) + "); retrain it with `sitrep train tagger`");
  Tagger t;
  const std::string* sec = m.section("classes");
  if (!sec) return bad("missing section \"classes\"");
  {
    ByteReader r(*sec);
    uint32_t n;
    if (!r.u32(&n) || n == 0 || n > kMaxClasses) return bad("bad class count");
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t u, x;
      if (!r.u32(&u) || !r.u32(&x) || u >= kUposCount || x >= kXposCount) return bad("bad class");
      t.classes_.emplace_back(static_cast<uint16_t>(u), static_cast<uint16_t>(x));
    }
  }
  if (!m.section("weights")) return bad("missing section \"weights\"");
  for (std::string_view name : {"weights", "weights2"}) {
    if (!(sec = m.section(name))) break;
    ByteReader r(*sec);
    Pass p;
    bool ok = r.f32(&p.scale) && r.array(&p.keys) && r.array(&p.row_begin) && r.array(&p.entry_class) &&
              r.array(&p.entry_weight) && p.row_begin.size() == p.keys.size() + 1 && p.row_begin[0] == 0 &&
              p.row_begin.back() == p.entry_class.size() && p.entry_class.size() == p.entry_weight.size() &&
              p.entry_class.size() < (1u << 24);
    for (size_t i = 0; ok && i < p.keys.size(); ++i)
      ok = p.row_begin[i + 1] >= p.row_begin[i] && p.row_begin[i + 1] - p.row_begin[i] <= 0xFF;
    for (size_t e = 0; ok && e < p.entry_class.size(); ++e) ok = p.entry_class[e] < t.classes_.size();
    if (!ok) return bad("corrupt section \"" + std::string(name) + "\"");
    t.passes_.push_back(std::move(p));
  }
  if (!(sec = m.section("tagdict"))) return bad("missing section \"tagdict\"");
  {
    ByteReader r(*sec);
    if (!r.array(&t.dict_keys_) || !r.array(&t.dict_values_) || t.dict_keys_.size() != t.dict_values_.size())
      return bad("corrupt section \"tagdict\"");
    for (uint32_t v : t.dict_values_)
      if ((v & 0xFF) > t.classes_.size()) return bad("corrupt section \"tagdict\"");
  }
  if (!(sec = m.section("lemmas"))) return bad("missing section \"lemmas\"");
  {
    auto lem = Lemmatizer::load(*sec);
    if (!lem.ok()) return bad(lem.status().message());
    t.lemmatizer_ = std::move(lem).value();
  }
  if (!(sec = m.section("feats"))) return bad("missing section \"feats\"");
  {
    ByteReader r(*sec);
    uint32_t n;
    if (!r.u32(&n) || n != t.classes_.size()) return bad("corrupt section \"feats\"");
    t.class_feats_.resize(n);
    for (auto& s : t.class_feats_)
      if (!r.str(&s)) return bad("corrupt section \"feats\"");
    if (!r.array(&t.feats_keys_)) return bad("corrupt section \"feats\"");
    t.feats_values_.resize(t.feats_keys_.size());
    for (auto& s : t.feats_values_)
      if (!r.str(&s)) return bad("corrupt section \"feats\"");
  }
  if ((sec = m.section("clusters"))) {
    auto c = WordClusters::decode(*sec);
    if (!c.ok()) return bad(c.status().message());
    t.clusters_ = std::move(c).value();
  }
  t.index();
  return t;
}

Result<Tagger> Tagger::load(const std::string& path) {
  SITREP_ASSIGN_OR_RETURN(auto m, read_model_file(path));
  return from_model_file(m, path);
}

Status Tagger::save(const std::string& path, std::string note) const {
  return write_model_file(path, to_model_file(std::move(note)));
}

Result<Tagger> Tagger::load_default() {
  auto path = locate(Shipped::kModels, "tagger.bin");
  if (!path.ok()) return path.status().prefixed("tagger model: ");  // `sitrep train tagger` makes it
  SITREP_ASSIGN_OR_RETURN(Tagger t, load(path.value()));
  // The shipped table of irregular verbs, for the forms the treebanks never showed
  // (data/lexicon/irregular-verbs.tsv; a data folder without it leaves the lemmatizer as trained).
  if (auto table = locate(Shipped::kData, "lexicon/irregular-verbs.tsv"); table.ok()) {
    SITREP_ASSIGN_OR_RETURN(auto forms, Lemmatizer::read_irregular_verbs(table.value()));
    t.lemmatizer_.add_irregular(forms);
  }
  return t;
}

}  // namespace sitrep::tagger
