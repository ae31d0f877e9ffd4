#include "entities/ner_train.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <unordered_map>

#include "core/case_fold.h"
#include "core/tagset.h"
#include "entities/ner_features.h"

namespace sitrep::entities {

using detail::cls;
using detail::cls_pos;
using detail::cls_type;
using detail::kClasses;
using detail::kFeatures;
using tagger::HashIndex;

std::vector<NerTrainSentence> ner_train_sentences(const NerCorpus& nc, const tagger::Tagger* tagger) {
  const io::ConlluCorpus& c = nc.corpus;
  std::vector<NerTrainSentence> out(c.sentences.size());
  std::vector<std::string_view> forms;
  std::vector<tagger::WordTags> tags;
  for (size_t si = 0; si < c.sentences.size(); ++si) {
    const io::ConlluSentence& s = c.sentences[si];
    NerTrainSentence& t = out[si];
    t.partial = nc.partial;
    t.doc = std::hash<std::string>{}(s.doc_id);
    for (uint32_t w = s.first_word; w < s.first_word + s.word_count; ++w) t.forms.push_back(c.words[w].form);
    t.gold.assign(s.word_count, 0);
    if (tagger) {
      forms.assign(t.forms.begin(), t.forms.end());
      tags.resize(forms.size());
      tagger->tag_words(forms, tags);
      for (const auto& tg : tags) t.upos.push_back(tg.upos), t.xpos.push_back(tg.xpos);
    } else {
      for (uint32_t w = s.first_word; w < s.first_word + s.word_count; ++w)
        t.upos.push_back(upos_id(c.words[w].upos)), t.xpos.push_back(xpos_id(c.words[w].xpos));
    }
  }
  for (const NerSpan& sp : nc.spans) {
    NerTrainSentence& t = out[sp.sentence];
    uint32_t a = sp.first_word - c.sentences[sp.sentence].first_word;
    if (sp.word_count == 1) {
      t.gold[a] = static_cast<uint8_t>(cls(sp.type, detail::kU));
      continue;
    }
    for (uint32_t k = 0; k < sp.word_count; ++k)
      t.gold[a + k] = static_cast<uint8_t>(cls(sp.type, k == 0 ? detail::kB : k + 1 == sp.word_count ? detail::kL : detail::kI));
  }
  std::erase_if(out, [](const NerTrainSentence& t) { return t.forms.empty(); });
  return out;
}

void add_case_copies(std::vector<NerTrainSentence>& train, double lower, double upper, const tagger::Tagger& tagger) {
  if (lower <= 0 && upper <= 0) return;
  std::vector<NerTrainSentence> out;
  std::vector<std::string_view> forms;
  std::vector<tagger::WordTags> tags;
  for (size_t a = 0; a < train.size();) {
    size_t b = a + 1;
    while (b < train.size() && train[b].doc == train[a].doc) ++b;
    for (size_t k = a; k < b; ++k) out.push_back(std::move(train[k]));
    CaseFold fold = case_fold_for(out.back().doc, lower, upper);
    if (fold != CaseFold::kNone && !out.back().copy) {
      for (size_t k = out.size() - (b - a), e = out.size(); k < e; ++k) {
        NerTrainSentence t = out[k];
        for (auto& f : t.forms) f = fold_case(f, fold);
        forms.assign(t.forms.begin(), t.forms.end());
        tags.resize(forms.size());
        tagger.tag_words(forms, tags);
        for (size_t i = 0; i < tags.size(); ++i) t.upos[i] = tags[i].upos, t.xpos[i] = tags[i].xpos;
        t.doc = ~t.doc;
        t.copy = true;
        out.push_back(std::move(t));
      }
    }
    a = b;
  }
  train = std::move(out);
}

namespace {

// Spans of a well-formed class sequence; `partial`: GPE as LOC, types UNER lacks dropped.
void spans_of(const uint8_t* c, size_t n, bool partial, std::vector<std::tuple<uint32_t, uint32_t, int>>& out) {
  out.clear();
  for (size_t i = 0; i < n;) {
    if (c[i] == 0) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    if (cls_pos(c[i]) == detail::kB) {
      while (j < n && cls_pos(c[j]) != detail::kL) ++j;
      j = std::min(j + 1, n);
    }
    EntityType t = cls_type(c[i]);
    if (partial && t == EntityType::kGpe) t = EntityType::kLoc;
    bool keep = !partial || t == EntityType::kPerson || t == EntityType::kOrg || t == EntityType::kLoc;
    if (keep) out.emplace_back(static_cast<uint32_t>(i), static_cast<uint32_t>(j - i), static_cast<int>(t));
    i = j;
  }
}

}  // namespace

namespace {

// Runs `ner` over the documents of `sents` (runs of equal doc), first pass only
// unless the model uses hints; calls out(sentence index, classes) for each.
template <typename F>
void decode_documents(const Ner& ner, const std::vector<NerTrainSentence>& sents, F out) {
  std::vector<detail::NerWord> words;
  std::vector<uint32_t> begin;
  std::vector<uint8_t> classes;
  for (size_t a = 0; a < sents.size();) {
    size_t b = a + 1;
    while (b < sents.size() && sents[b].doc == sents[a].doc) ++b;
    words.clear();
    begin.assign(1, 0);
    for (size_t k = a; k < b; ++k) {
      const auto& s = sents[k];
      for (size_t i = 0; i < s.forms.size(); ++i) words.push_back({s.forms[i], s.upos[i], s.xpos[i], 0, 0});
      if (ner.uses_gazetteer())
        ner.gazetteer().annotate(std::span(words).subspan(begin.back(), s.forms.size()));
      begin.push_back(static_cast<uint32_t>(words.size()));
    }
    classes.resize(words.size());
    ner.decode_document(words, begin, classes);
    for (size_t k = a; k < b; ++k) out(k, &classes[begin[k - a]], &words[begin[k - a]]);
    a = b;
  }
}

}  // namespace

double ner_dev_f1(const Ner& ner, const std::vector<NerTrainSentence>& dev) {
  uint64_t tp = 0, np = 0, ng = 0;
  std::vector<std::tuple<uint32_t, uint32_t, int>> ps, gs;
  decode_documents(ner, dev, [&](size_t k, const uint8_t* pred, const detail::NerWord*) {
    const auto& s = dev[k];
    spans_of(pred, s.forms.size(), s.partial, ps);
    spans_of(s.gold.data(), s.gold.size(), s.partial, gs);
    np += ps.size(), ng += gs.size();
    for (const auto& p : ps) tp += std::find(gs.begin(), gs.end(), p) != gs.end();
  });
  return np + ng ? 200.0 * static_cast<double>(tp) / static_cast<double>(np + ng) : 0;
}

class NerTrainer {
 public:
  NerTrainer(const std::vector<NerTrainSentence>& train, const NerTrainOptions& opt) : train_(train), opt_(opt) {}
  Result<Ner> run(const std::vector<std::vector<NerTrainSentence>>& dev);

 private:
  void log(const std::string& line) const {
    if (opt_.log) opt_.log(line);
  }
  void words_of(const NerTrainSentence& s, std::vector<detail::NerWord>& w) const {
    w.resize(s.forms.size());
    for (size_t i = 0; i < w.size(); ++i) w[i] = {s.forms[i], s.upos[i], s.xpos[i], 0, s.hint.empty() ? uint8_t{0} : s.hint[i]};
    if (opt_.gazetteer && !opt_.gazetteer->empty()) opt_.gazetteer->annotate(w);
  }
  void build_caps();
  void build_features();
  void train_epoch(std::mt19937_64& rng);
  Ner finalize() const;
  void update_emission(const int32_t* rows, int cls, int delta);
  void update_transition(int prev, int cur, int delta);

  const std::vector<NerTrainSentence>& train_;
  const NerTrainOptions& opt_;
  std::vector<std::vector<int32_t>> rows_;  // per sentence, words x kFeatures (-1: no row)
  std::vector<std::vector<uint8_t>> masks_;  // per partial sentence, words x kClasses
  Ner base_;  // the capitalisation table; weights filled by finalize
  std::vector<uint64_t> keys_;
  std::vector<int32_t> w_, tw_;   // emission rows x kClasses; transitions (kClasses + 1) x kClasses
  std::vector<int64_t> u_, tu_;   // step-weighted sums of updates, for averaging
  int64_t step_ = 1;
};

void NerTrainer::build_caps() {
  // How often each lowercase form is capitalised mid-sentence, in five bins (as the tagger).
  std::unordered_map<std::string, std::pair<uint32_t, uint32_t>> caps;
  std::string lower;
  for (const auto& s : train_)
    for (size_t i = 1; i < s.forms.size() && !s.copy; ++i) {  // case-folded copies say nothing of capitals
      tagger::detail::lower_into(s.forms[i], lower);
      auto& c = caps[lower];
      ++c.first;
      c.second += s.forms[i][0] >= 'A' && s.forms[i][0] <= 'Z';
    }
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  for (const auto& [form, c] : caps) {
    if (c.first < 2) continue;
    double r = double(c.second) / c.first;
    uint32_t bin = c.second == 0 ? 1 : r < 0.2 ? 2 : r < 0.8 ? 3 : c.second < c.first ? 4 : 5;
    entries.emplace_back(tagger::detail::caps_key(tagger::detail::hash_bytes(form)), bin);
  }
  std::sort(entries.begin(), entries.end());
  if (opt_.lexicon) base_.lexicon_ = *opt_.lexicon;
  if (opt_.clusters) base_.clusters_ = *opt_.clusters;
  base_.caps_keys_.clear();
  base_.caps_values_.clear();
  for (auto [k, v] : entries) base_.caps_keys_.push_back(k), base_.caps_values_.push_back(v);
  base_.index();
}

void NerTrainer::build_features() {
  detail::FeatureScratch fs;
  std::vector<detail::NerWord> words;
  std::vector<std::vector<uint64_t>> hashes(train_.size());
  HashIndex counts(1 << 20);
  for (size_t s = 0; s < train_.size(); ++s) {
    words_of(train_[s], words);
    hashes[s].resize(words.size() * kFeatures);
    detail::sentence_features(words.data(), words.size(), base_.caps_, base_.lexicon_, base_.clusters_, fs,
                              hashes[s].data());
    for (uint64_t h : hashes[s])
      if (h != tagger::detail::kNoFeature) ++counts.at(h, 0);
  }
  counts.for_each([&](uint64_t key, uint32_t n) {
    if (n >= opt_.min_feature_count) keys_.push_back(key);
  });
  std::sort(keys_.begin(), keys_.end());
  HashIndex index(keys_.size());
  for (uint32_t i = 0; i < keys_.size(); ++i) index.at(keys_[i], i);
  rows_.resize(train_.size());
  masks_.resize(train_.size());
  for (size_t s = 0; s < train_.size(); ++s) {
    rows_[s].resize(hashes[s].size());
    for (size_t k = 0; k < hashes[s].size(); ++k) {
      uint32_t r = index.find(hashes[s][k]);
      rows_[s][k] = r == HashIndex::kNone ? -1 : static_cast<int32_t>(r);
    }
    std::vector<uint64_t>().swap(hashes[s]);
    if (!train_[s].partial) continue;
    // UNER: LOC may be GPE or LOC.
    auto& m = masks_[s];
    const auto& g = train_[s].gold;
    m.assign(g.size() * kClasses, 0);
    for (size_t i = 0; i < g.size(); ++i) {
      uint8_t* row = &m[i * kClasses];
      if (g[i] == 0) {
        row[0] = 1;
      } else if (cls_type(g[i]) == EntityType::kLoc) {
        row[cls(EntityType::kGpe, cls_pos(g[i]))] = row[g[i]] = 1;
      } else {
        row[g[i]] = 1;
      }
    }
  }
  w_.assign(keys_.size() * kClasses, 0);
  u_.assign(keys_.size() * kClasses, 0);
  tw_.assign((kClasses + 1) * kClasses, 0);
  tu_.assign(tw_.size(), 0);
  log(fmt::format("features: {} distinct, {} kept (>= {} times)", counts.size(), keys_.size(), opt_.min_feature_count));
}

void NerTrainer::update_emission(const int32_t* rows, int c, int delta) {
  for (int k = 0; k < kFeatures; ++k) {
    if (rows[k] < 0) continue;
    size_t i = static_cast<size_t>(rows[k]) * kClasses + c;
    w_[i] += delta;
    u_[i] += delta * step_;
  }
}

void NerTrainer::update_transition(int prev, int cur, int delta) {
  size_t i = static_cast<size_t>(prev < 0 ? kClasses : prev) * kClasses + cur;
  tw_[i] += delta;
  tu_[i] += delta * step_;
}

void NerTrainer::train_epoch(std::mt19937_64& rng) {
  std::vector<uint32_t> order(train_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<int32_t> emit, score;
  std::vector<uint8_t> back, pred, gold;
  for (uint32_t s : order) {
    const size_t n = train_[s].forms.size();
    const int32_t* rows = rows_[s].data();
    emit.assign(n * kClasses, 0);
    for (size_t i = 0; i < n; ++i)
      for (int k = 0; k < kFeatures; ++k) {
        int32_t r = rows[i * kFeatures + k];
        if (r < 0) continue;
        const int32_t* wr = &w_[static_cast<size_t>(r) * kClasses];
        for (int c = 0; c < kClasses; ++c) emit[i * kClasses + c] += wr[c];
      }
    pred.resize(n);
    detail::viterbi(emit.data(), n, tw_.data(), nullptr, score, back, pred.data());
    if (train_[s].partial) {
      gold.resize(n);
      detail::viterbi(emit.data(), n, tw_.data(), masks_[s].data(), score, back, gold.data());
    } else {
      gold = train_[s].gold;
    }
    if (pred != gold) {
      for (size_t i = 0; i < n; ++i) {
        int gp = i ? gold[i - 1] : -1, pp = i ? pred[i - 1] : -1;
        if (gold[i] != pred[i]) {
          update_emission(rows + i * kFeatures, gold[i], 1);
          update_emission(rows + i * kFeatures, pred[i], -1);
        }
        if (gold[i] != pred[i] || gp != pp) {
          update_transition(gp, gold[i], 1);
          update_transition(pp, pred[i], -1);
        }
      }
    }
    ++step_;
  }
}

Ner NerTrainer::finalize() const {
  const double inv = 1.0 / static_cast<double>(step_);
  auto avg = [&](int32_t w, int64_t u) { return static_cast<double>(w) - static_cast<double>(u) * inv; };
  double maxabs = 0;
  for (size_t i = 0; i < w_.size(); ++i) maxabs = std::max(maxabs, std::abs(avg(w_[i], u_[i])));
  if (maxabs == 0) maxabs = 1;
  Ner t = base_;
  t.scale_ = static_cast<float>(32767.0 / maxabs);
  t.uses_gazetteer_ = opt_.gazetteer && !opt_.gazetteer->empty();
  t.uses_doc_hints_ = opt_.doc_hints;
  if (t.uses_gazetteer_) t.gazetteer_ = *opt_.gazetteer;
  t.row_begin_.push_back(0);
  for (size_t r = 0; r < keys_.size(); ++r) {
    size_t before = t.entry_class_.size();
    for (int c = 0; c < kClasses; ++c) {
      auto q = static_cast<int16_t>(std::lround(avg(w_[r * kClasses + c], u_[r * kClasses + c]) * t.scale_));
      if (q == 0) continue;
      t.entry_class_.push_back(static_cast<uint8_t>(c));
      t.entry_weight_.push_back(q);
    }
    if (t.entry_class_.size() == before) continue;
    t.keys_.push_back(keys_[r]);
    t.row_begin_.push_back(static_cast<uint32_t>(t.entry_class_.size()));
  }
  t.transitions_.resize(tw_.size());
  for (size_t i = 0; i < tw_.size(); ++i)
    t.transitions_[i] = static_cast<int32_t>(std::lround(avg(tw_[i], tu_[i]) * t.scale_));
  t.index();
  return t;
}

Result<Ner> NerTrainer::run(const std::vector<std::vector<NerTrainSentence>>& dev) {
  auto start = std::chrono::steady_clock::now();
  auto secs = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  size_t words = 0, partial = 0;
  for (const auto& s : train_) words += s.forms.size(), partial += s.partial;
  log(fmt::format("training on {} sentences ({} partially labelled), {} words", train_.size(), partial, words));
  build_caps();
  build_features();
  std::mt19937_64 rng(opt_.seed);
  Ner best;
  double best_f1 = -1;
  int best_epoch = 0;
  for (int e = 1; e <= opt_.epochs; ++e) {
    train_epoch(rng);
    if (dev.empty() && e < opt_.epochs) continue;
    Ner t = finalize();
    std::string each;
    double sum = 0;
    for (const auto& d : dev) {
      double f = ner_dev_f1(t, d);
      sum += f;
      each += fmt::format(" {:.2f}", f);
    }
    double f1 = dev.empty() ? 0 : sum / static_cast<double>(dev.size());
    log(fmt::format("epoch {}: dev F1{} (mean {:.2f}; {} rows, {:.0f} s)", e, each, f1, t.feature_count(), secs()));
    if (f1 > best_f1) best_f1 = f1, best = std::move(t), best_epoch = e;
  }
  log(fmt::format("kept epoch {} (dev F1 {:.2f})", best_epoch, best_f1));
  return best;
}

namespace {

// Document hints for training: each half of the documents gets those of a
// first-pass model trained on the other half, so the hints are as wrong as at run time.
Status held_out_hints(std::vector<NerTrainSentence>& train, const NerTrainOptions& options) {
  std::vector<NerTrainSentence> fold[2];
  std::vector<size_t> where[2];
  int f = 0;
  for (size_t k = 0; k < train.size(); ++k) {
    if (k > 0 && train[k].doc != train[k - 1].doc && !train[k].copy) f ^= 1;
    train[k].hint.clear();
    fold[f].push_back(train[k]);
    where[f].push_back(k);
  }
  NerTrainOptions o = options;
  o.doc_hints = false;
  o.log = nullptr;
  o.epochs = std::min(options.epochs, 8);
  size_t set = 0;
  for (int h = 0; h < 2; ++h) {
    if (fold[h ^ 1].empty() || fold[h].empty()) continue;
    SITREP_ASSIGN_OR_RETURN(auto model, NerTrainer(fold[h ^ 1], o).run({}));
    Ner m = std::move(model);
    std::vector<uint8_t> pass1;
    std::vector<detail::NerWord> words;
    std::vector<uint32_t> begin;
    std::vector<uint64_t> lower;
    std::string scratch;
    detail::DocHints hints;
    for (size_t a = 0; a < fold[h].size();) {
      size_t b = a + 1;
      while (b < fold[h].size() && fold[h][b].doc == fold[h][a].doc) ++b;
      words.clear();
      begin.assign(1, 0);
      for (size_t k = a; k < b; ++k) {
        const auto& s = fold[h][k];
        for (size_t i = 0; i < s.forms.size(); ++i) words.push_back({s.forms[i], s.upos[i], s.xpos[i], 0, 0});
        begin.push_back(static_cast<uint32_t>(words.size()));
      }
      pass1.resize(words.size());
      for (size_t k = 0; k + 1 < begin.size(); ++k)
        m.decode(std::span(words).subspan(begin[k], begin[k + 1] - begin[k]),
                 std::span(pass1).subspan(begin[k], begin[k + 1] - begin[k]));
      lower.clear();
      detail::set_doc_hints(words.data(), begin.data(), begin.size() - 1, pass1.data(), hints, lower, scratch);
      for (size_t k = a; k < b; ++k) {
        auto& hint = train[where[h][k]].hint;
        hint.resize(train[where[h][k]].forms.size());
        for (size_t i = 0; i < hint.size(); ++i) set += (hint[i] = words[begin[k - a] + i].hint) != 0;
      }
      a = b;
    }
  }
  if (options.log) options.log(fmt::format("document hints: {} words (2-fold held-out first pass)", set));
  return Status::Ok();
}

}  // namespace

Result<Ner> train_ner(const std::vector<NerTrainSentence>& train, const std::vector<std::vector<NerTrainSentence>>& dev,
                      const NerTrainOptions& options) {
  if (train.empty()) return Status::Error("train ner: no training sentences");
  std::vector<NerTrainSentence> full, all = train;
  for (const auto& s : train)
    if (!s.partial) full.push_back(s);
  if (full.empty() || full.size() == train.size()) {
    if (options.doc_hints) SITREP_RETURN_IF_ERROR(held_out_hints(all, options));
    return NerTrainer(all, options).run(dev);
  }
  // The partial sentences lack NORP, EVENT, DATE and TIME: a model trained on the
  // fully labelled ones fills them in where it finds such a span on words the
  // partial corpus labels O. Their LOC stays open between GPE and LOC.
  NerTrainOptions fill_options = options;
  fill_options.epochs = std::min(options.epochs, 6);
  fill_options.log = nullptr;
  if (options.log) options.log(fmt::format("filling the partial sentences with a model of the {} full ones", full.size()));
  SITREP_ASSIGN_OR_RETURN(auto filler, NerTrainer(full, fill_options).run({}));
  std::vector<detail::NerWord> words;
  std::vector<uint8_t> pred;
  std::vector<std::tuple<uint32_t, uint32_t, int>> spans;
  size_t filled = 0;
  for (auto& s : all) {
    if (!s.partial) continue;
    words.resize(s.forms.size());
    for (size_t i = 0; i < words.size(); ++i) words[i] = {s.forms[i], s.upos[i], s.xpos[i], 0};
    if (options.gazetteer) options.gazetteer->annotate(words);
    pred.resize(words.size());
    filler.decode(words, pred);
    spans_of(pred.data(), pred.size(), false, spans);
    for (auto [a, n, t] : spans) {
      auto type = static_cast<EntityType>(t);
      if (type != EntityType::kNorp && type != EntityType::kEvent && type != EntityType::kDate && type != EntityType::kTime)
        continue;
      if (!std::all_of(s.gold.begin() + a, s.gold.begin() + a + n, [](uint8_t c) { return c == 0; })) continue;
      std::copy(pred.begin() + a, pred.begin() + a + n, s.gold.begin() + a);
      ++filled;
    }
  }
  if (options.log) options.log(fmt::format("filled {} NORP/EVENT/DATE/TIME spans", filled));
  if (options.doc_hints) SITREP_RETURN_IF_ERROR(held_out_hints(all, options));
  return NerTrainer(all, options).run(dev);
}

}  // namespace sitrep::entities
