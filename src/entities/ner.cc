#include "entities/ner.h"
#include "core/locate.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <limits>

#include "core/tagset.h"
#include "entities/ner_features.h"

namespace sitrep::entities {
namespace {

using detail::kClasses;
using detail::kFeatures;
using tagger::HashIndex;

constexpr int32_t kNeg = std::numeric_limits<int32_t>::min() / 4;

struct Scratch {
  detail::FeatureScratch features;
  std::vector<uint64_t> hashes;
  std::vector<int32_t> emit, score;
  std::vector<uint8_t> back;
  std::vector<detail::NerWord> words;
  std::vector<uint8_t> classes;
  std::vector<uint32_t> begin;
  detail::DocHints hints;
  std::vector<uint64_t> lower;
  std::string lower_form;
  std::vector<int32_t> base;  // decode_document: first-pass emissions without the hint templates
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

}  // namespace

// Viterbi over emission + transition scores; `emit` is n x kClasses. Shared with the trainer.
namespace detail {
namespace {
// For each class, the classes that may precede it (BILOU): a short list instead
// of kClasses checks in the inner loop.
struct Predecessors {
  uint8_t list[kClasses][kClasses];
  uint8_t count[kClasses] = {};
  Predecessors() {
    for (int c = 0; c < kClasses; ++c)
      for (int p = 0; p < kClasses; ++p)
        if (transition_ok(p, c)) list[c][count[c]++] = static_cast<uint8_t>(p);
  }
};
const Predecessors& predecessors() {
  static const Predecessors p;
  return p;
}
}  // namespace

void viterbi(const int32_t* emit, size_t n, const int32_t* trans, const uint8_t* allowed_mask, std::vector<int32_t>& score,
             std::vector<uint8_t>& back, uint8_t* out) {
  if (n == 0) return;
  const Predecessors& pred = predecessors();
  score.assign(n * kClasses, kNeg);
  back.assign(n * kClasses, 0);
  const int32_t* start = trans + kClasses * kClasses;
  for (int c = 0; c < kClasses; ++c)
    if (transition_ok(-1, c) && (!allowed_mask || allowed_mask[c])) score[c] = emit[c] + start[c];
  for (size_t i = 1; i < n; ++i) {
    const int32_t* prev = &score[(i - 1) * kClasses];
    int32_t* cur = &score[i * kClasses];
    const uint8_t* mask = allowed_mask ? allowed_mask + i * kClasses : nullptr;
    for (int c = 0; c < kClasses; ++c) {
      if (mask && !mask[c]) continue;
      int32_t best = kNeg;
      int arg = 0;
      for (int k = 0; k < pred.count[c]; ++k) {
        const int p = pred.list[c][k];
        if (prev[p] <= kNeg) continue;
        int32_t v = prev[p] + trans[p * kClasses + c];
        if (v > best) best = v, arg = p;
      }
      if (best > kNeg) cur[c] = best + emit[i * kClasses + c], back[i * kClasses + c] = static_cast<uint8_t>(arg);
    }
  }
  int last = 0;
  int32_t best = std::numeric_limits<int32_t>::min();
  for (int c = 0; c < kClasses; ++c)
    if (end_ok(c) && score[(n - 1) * kClasses + c] > best) best = score[(n - 1) * kClasses + c], last = c;
  for (size_t i = n; i-- > 0;) {
    out[i] = static_cast<uint8_t>(last);
    last = back[i * kClasses + last];
  }
}
}  // namespace detail

void Ner::index() {
  caps_ = HashIndex(caps_keys_.size());
  for (size_t i = 0; i < caps_keys_.size(); ++i) caps_.at(caps_keys_[i], caps_values_[i]);
  rows_ = HashIndex(keys_.size());
  packed_.clear();
  for (uint32_t r = 0; r < keys_.size(); ++r) {
    uint32_t begin = static_cast<uint32_t>(packed_.size());
    for (uint32_t e = row_begin_[r]; e < row_begin_[r + 1]; ++e)
      packed_.push_back(entry_weight_[e] * 256 + entry_class_[e]);
    rows_.at(keys_[r], (begin << 8) | (row_begin_[r + 1] - row_begin_[r]));
  }
}

void Ner::add_rows(const uint64_t* hashes, size_t n, int k0, int k1, int32_t* emit) const {
  for (size_t i = 0; i < n; ++i) {
    int32_t* acc = &emit[i * kClasses];
    for (int k = k0; k < k1; ++k) {
      uint32_t row = rows_.find(hashes[i * kFeatures + k]);
      if (row == HashIndex::kNone) continue;
      const int32_t* e = &packed_[row >> 8];
      for (uint32_t j = 0, m = row & 0xFF; j < m; ++j) acc[e[j] & 0xFF] += e[j] >> 8;
    }
  }
}

void Ner::decode(std::span<const detail::NerWord> words, std::span<uint8_t> classes) const {
  Scratch& s = scratch();
  const size_t n = words.size();
  if (n == 0) return;
  s.hashes.resize(n * kFeatures);
  detail::sentence_features(words.data(), n, caps_, lexicon_, clusters_, s.features, s.hashes.data());
  for (uint64_t h : s.hashes) rows_.prefetch(h);
  s.emit.assign(n * kClasses, 0);
  add_rows(s.hashes.data(), n, 0, kFeatures, s.emit.data());
  detail::viterbi(s.emit.data(), n, transitions_.data(), nullptr, s.score, s.back, classes.data());
}

void Ner::decode_document(std::span<detail::NerWord> words, std::span<const uint32_t> begin,
                          std::span<uint8_t> classes) const {
  const size_t sentences = begin.size() - 1;
  for (auto& w : words) w.hint = 0;
  if (!uses_doc_hints_ || sentences < 2) {
    for (size_t si = 0; si < sentences; ++si)
      decode(words.subspan(begin[si], begin[si + 1] - begin[si]), classes.subspan(begin[si], begin[si + 1] - begin[si]));
    return;
  }
  // The hint templates are the last ones: keep each word's sum of the others
  // (`base`) from the first pass, so that the second adds only the hint rows.
  Scratch& s = scratch();
  s.base.resize(words.size() * kClasses);
  s.lower.resize(words.size());
  auto pass = [&](size_t si, bool first) {
    const size_t b = begin[si], n = begin[si + 1] - b;
    if (n == 0) return;
    s.hashes.resize(n * kFeatures);
    detail::sentence_features(&words[b], n, caps_, lexicon_, clusters_, s.features, s.hashes.data());
    int32_t* base = &s.base[b * kClasses];
    if (first) {
      for (size_t i = 0; i < n; ++i) s.lower[b + i] = s.features.info[i + 2].w.lower;
      std::fill(base, base + n * kClasses, 0);
      add_rows(s.hashes.data(), n, 0, kFeatures - detail::kHintFeatures, base);
    }
    s.emit.assign(base, base + n * kClasses);
    add_rows(s.hashes.data(), n, kFeatures - detail::kHintFeatures, kFeatures, s.emit.data());
    detail::viterbi(s.emit.data(), n, transitions_.data(), nullptr, s.score, s.back, &classes[b]);
  };
  for (size_t si = 0; si < sentences; ++si) pass(si, true);
  if (!detail::set_doc_hints(words.data(), begin.data(), sentences, classes.data(), s.hints, s.lower, s.lower_form)) return;
  for (size_t si = 0; si < sentences; ++si) {
    auto w = words.subspan(begin[si], begin[si + 1] - begin[si]);
    if (std::any_of(w.begin(), w.end(), [](const detail::NerWord& x) { return x.hint != 0; })) pass(si, false);
  }
}

void Ner::tag(Document& doc) const {
  Scratch& s = scratch();
  const size_t before = doc.mentions.size();
  s.words.resize(doc.words.size());
  s.begin.assign(1, 0);
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& sent = doc.sentences[si];
    for (uint32_t i = 0; i < sent.word_count; ++i) {
      const Word& w = doc.words[sent.first_word + i];
      detail::NerWord& nw = s.words[s.begin.back() + i];
      nw.form = doc.word_text(sent.first_word + i);
      nw.upos = w.upos;
      nw.xpos = w.xpos;
    }
    if (uses_gazetteer_) gazetteer_.annotate(std::span(s.words).subspan(s.begin.back(), sent.word_count));
    s.begin.push_back(s.begin.back() + sent.word_count);
  }
  s.classes.resize(s.begin.back());
  decode_document(std::span(s.words).first(s.begin.back()), s.begin, s.classes);
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& sent = doc.sentences[si];
    const uint32_t n = sent.word_count;
    if (n == 0) continue;
    const uint8_t* classes = &s.classes[s.begin[si]];
    for (uint32_t i = 0; i < n;) {
      int c = classes[i];
      if (c == 0) {
        ++i;
        continue;
      }
      uint32_t j = i + 1;  // Viterbi keeps BILOU well formed: U, or B I* L
      if (detail::cls_pos(c) == detail::kB) {
        while (j < n && detail::cls_pos(classes[j]) != detail::kL) ++j;
        j = std::min(j + 1, n);
      }
      Mention m;
      m.sentence = si;
      m.first_word = sent.first_word + i;
      m.word_count = j - i;
      m.type = detail::cls_type(c);
      m.kind = MentionKind::kName;
      m.span = Span{doc.words[m.first_word].span.begin, doc.words[m.first_word + m.word_count - 1].span.end};
      // The head: the word whose head lies outside the span (last word if unparsed).
      m.head_word = m.first_word + m.word_count - 1;
      for (uint32_t w = m.first_word; w < m.first_word + m.word_count; ++w) {
        const Word& word = doc.words[w];
        if (word.deprel == 0) break;  // not parsed
        uint32_t h = word.head == 0 ? UINT32_MAX : sent.first_word + word.head - 1;
        if (h < m.first_word || h >= m.first_word + m.word_count) {
          m.head_word = w;
          break;
        }
      }
      doc.mentions.push_back(m);
      i = j;
    }
  }
  if (before > 0)
    std::stable_sort(doc.mentions.begin(), doc.mentions.end(),
                     [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
}

ModelFile Ner::to_model_file(std::string note) const {
  ModelFile m;
  m.kind = std::string(kNerKind);
  m.kind_version = kNerVersion;
  m.note = std::move(note);
  ByteWriter w;
  w.u32(kClasses);
  w.u8(uses_gazetteer_ ? 1 : 0);
  w.f32(scale_);
  w.array(keys_);
  w.array(row_begin_);
  w.array(entry_class_);
  w.array(entry_weight_);
  w.array(transitions_);
  m.add("weights", w.take());
  ByteWriter c;
  c.array(caps_keys_);
  c.array(caps_values_);
  m.add("caps", c.take());
  if (!lexicon_.empty()) m.add("lexicon", lexicon_.serialize());
  if (uses_gazetteer_) m.add("gazetteer", gazetteer_.serialize());
  if (uses_doc_hints_) m.add("doc_hints", std::string(1, '\1'));
  if (!clusters_.empty()) m.add("clusters", clusters_.encode());
  return m;
}

Result<Ner> Ner::from_model_file(const ModelFile& m, std::string_view name) {
  auto bad = [&](std::string_view what) {
    return Status::Error(std::string(name) + ": ner model: " + std::string(what));
  };
  if (m.kind != kNerKind) return bad("not a ner model (kind \"" + m.kind + "\")");
  if (m.kind_version != kNerVersion && m.kind_version != 2)  // 2: no clusters
    return bad("version " + std::to_string(m.kind_version) + " is not supported (this build reads version " +
               std::to_string(kNerVersion) + "); retrain it with `sitrep train ner`");
  const std::string* sec = m.section("weights");
  if (!sec) return bad("missing section \"weights\"");
  Ner t;
  ByteReader r(*sec);
  uint32_t classes;
  uint8_t gaz;
  bool ok = r.u32(&classes) && classes == kClasses && r.u8(&gaz) && r.f32(&t.scale_) && r.array(&t.keys_) &&
            r.array(&t.row_begin_) && r.array(&t.entry_class_) && r.array(&t.entry_weight_) &&
            r.array(&t.transitions_) && t.row_begin_.size() == t.keys_.size() + 1 && t.row_begin_[0] == 0 &&
            t.row_begin_.back() == t.entry_class_.size() && t.entry_class_.size() == t.entry_weight_.size() &&
            t.transitions_.size() == static_cast<size_t>((kClasses + 1) * kClasses) && t.entry_class_.size() < (1u << 24);
  for (size_t i = 0; ok && i < t.keys_.size(); ++i)
    ok = t.row_begin_[i + 1] >= t.row_begin_[i] && t.row_begin_[i + 1] - t.row_begin_[i] <= kClasses;
  for (size_t e = 0; ok && e < t.entry_class_.size(); ++e) ok = t.entry_class_[e] < kClasses;
  if (!ok) return bad("corrupt section \"weights\"");
  if (!(sec = m.section("caps"))) return bad("missing section \"caps\"");
  ByteReader c(*sec);
  if (!c.array(&t.caps_keys_) || !c.array(&t.caps_values_) || t.caps_keys_.size() != t.caps_values_.size())
    return bad("corrupt section \"caps\"");
  if ((sec = m.section("lexicon")) && !t.lexicon_.deserialize(*sec)) return bad("corrupt section \"lexicon\"");
  t.uses_doc_hints_ = m.section("doc_hints") != nullptr;
  if ((sec = m.section("clusters"))) {
    auto cl = tagger::WordClusters::decode(*sec);
    if (!cl.ok()) return bad(cl.status().message());
    t.clusters_ = std::move(cl).value();
  }
  t.uses_gazetteer_ = gaz != 0;
  // The gazetteer the model was trained with travels inside it: the recognizer reads no data files.
  if (t.uses_gazetteer_) {
    if (!(sec = m.section("gazetteer")))
      return bad("missing section \"gazetteer\" (models from before it was stored; retrain with `sitrep train ner`)");
    if (!t.gazetteer_.deserialize(*sec)) return bad("corrupt section \"gazetteer\"");
  }
  t.index();
  return t;
}

Result<Ner> Ner::load(const std::string& path) {
  SITREP_ASSIGN_OR_RETURN(auto m, read_model_file(path));
  return from_model_file(m, path);
}

Status Ner::save(const std::string& path, std::string note) const {
  return write_model_file(path, to_model_file(std::move(note)));
}

Result<Ner> Ner::load_default() {
  auto path = locate(Shipped::kModels, "ner.bin");
  if (!path.ok()) return path.status().prefixed("ner model: ");  // `sitrep train ner` makes it
  return load(path.value());
}

}  // namespace sitrep::entities
