#include "tagger/tagger_train.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <random>
#include <unordered_map>

#include "core/case_fold.h"
#include "core/tagset.h"
#include "tagger/features.h"

namespace sitrep::tagger {

std::vector<TrainSentence> train_sentences(const io::ConlluCorpus& corpus, bool drop_restricted, size_t* dropped) {
  std::vector<TrainSentence> out;
  size_t skipped = 0;
  for (const io::ConlluSentence& s : corpus.sentences) {
    if (drop_restricted && io::excluded_training_document(s.doc_id)) {
      ++skipped;
      continue;
    }
    TrainSentence t;
    for (uint32_t i = 0; i < s.word_count; ++i) {
      const io::ConlluWord& w = corpus.words[s.first_word + i];
      t.forms.push_back(w.form);
      t.lemmas.push_back(w.lemma);
      t.feats.push_back(w.feats == "_" ? std::string() : w.feats);
      t.upos.push_back(upos_id(w.upos));
      t.xpos.push_back(xpos_id(w.xpos));
    }
    if (!t.forms.empty()) out.push_back(std::move(t));
  }
  if (dropped) *dropped = skipped;
  return out;
}

void add_case_copies(std::vector<TrainSentence>& train, double lower, double upper) {
  append_case_copies(train, lower, upper, [](TrainSentence& t, CaseFold fold) {
    for (auto& f : t.forms) f = fold_case(f, fold);
  });
}

namespace {
int fold_of(const TrainSentence& s, size_t i, int folds) {
  return static_cast<int>((s.group >= 0 ? static_cast<uint64_t>(s.group) : i) % static_cast<uint64_t>(folds));
}
}  // namespace

class TaggerTrainer {
 public:
  struct Setup {
    const std::vector<std::pair<uint16_t, uint16_t>>* classes = nullptr;  // a fixed class inventory
    const Tagger::Pass* first_pass = nullptr;  // train a second pass on top of this one...
    const std::vector<std::vector<uint16_t>>* first = nullptr;  // ...given its classes for `train`
  };
  TaggerTrainer(const std::vector<TrainSentence>& train, const TaggerTrainOptions& opt, Setup setup)
      : train_(train), opt_(opt), setup_(setup) {}
  // Trains one pass; with a dev set, keeps the best epoch (`best_epoch`).
  Result<Tagger> run(const std::vector<TrainSentence>& dev, int* best_epoch = nullptr);

 private:
  void log(const std::string& line) const {
    if (opt_.log) opt_.log(line);
  }
  void build_classes();
  void build_dictionary();
  void build_features();
  void train_epoch(std::mt19937_64& rng);
  void finalize(Tagger& t) const;  // averaged, quantised weights into t
  void build_lemmas_and_feats();
  double dev_accuracy(const Tagger& t, const std::vector<TrainSentence>& dev) const;

  const std::vector<TrainSentence>& train_;
  const TaggerTrainOptions& opt_;
  Setup setup_;
  std::vector<std::vector<uint16_t>> first_;  // padded by 2 each side with the class count
  Tagger base_;  // classes, dictionary, lemmatizer, feats; weights filled by finalize
  std::map<std::pair<uint16_t, uint16_t>, uint16_t> class_of_;
  std::vector<std::vector<uint16_t>> gold_;
  std::vector<std::vector<detail::WordInfo>> info_;  // per sentence, with 2 padding words each side
  std::vector<uint64_t> keys_;                       // row order
  HashIndex rows_;
  uint32_t C_ = 0;
  std::vector<int32_t> w_;
  std::vector<int64_t> u_;  // sum of step * update, for averaging
  int64_t step_ = 1;
};

Result<Tagger> train_tagger(const std::vector<TrainSentence>& train_in, const std::vector<TrainSentence>& dev,
                            const TaggerTrainOptions& options) {
  if (train_in.empty()) return Status::Error("train tagger: no training sentences");
  std::vector<TrainSentence> augmented;
  if (options.case_lower > 0 || options.case_upper > 0) {
    augmented = train_in;
    add_case_copies(augmented, options.case_lower, options.case_upper);
  }
  const std::vector<TrainSentence>& train = augmented.empty() ? train_in : augmented;
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  int epochs = options.epochs;
  auto first = TaggerTrainer(train, options, {}).run(dev, &epochs);
  if (!first.ok() || options.folds < 2 || train.size() < static_cast<size_t>(options.folds)) return first;
  // Jackknifing: the first pass's classes for each training sentence come from a
  // model trained without it, so that the second pass learns how far to trust them.
  log(fmt::format("second pass: first-pass classes by {}-fold jackknifing ({} epochs)", options.folds, epochs));
  const Tagger& a = first.value();
  TaggerTrainOptions fold_options = options;
  fold_options.epochs = epochs;
  fold_options.log = nullptr;
  std::vector<std::vector<uint16_t>> classes(train.size());
  std::vector<std::string_view> forms;
  std::vector<WordTags> tags;
  for (int k = 0; k < options.folds; ++k) {
    std::vector<TrainSentence> part;
    for (size_t i = 0; i < train.size(); ++i)
      if (fold_of(train[i], i, options.folds) != k) part.push_back(train[i]);
    TaggerTrainer::Setup setup;
    setup.classes = &a.classes_;
    SITREP_ASSIGN_OR_RETURN(auto fold, TaggerTrainer(part, fold_options, setup).run({}));
    for (size_t i = 0; i < train.size(); ++i) {
      if (fold_of(train[i], i, options.folds) != k) continue;
      forms.assign(train[i].forms.begin(), train[i].forms.end());
      tags.resize(forms.size());
      fold.tag_words(forms, tags);
      for (const WordTags& t : tags) classes[i].push_back(t.cls);
    }
  }
  TaggerTrainer::Setup setup;
  setup.classes = &a.classes_;
  setup.first_pass = &a.passes_[0];
  setup.first = &classes;
  log("second pass:");
  return TaggerTrainer(train, options, setup).run(dev);
}

void TaggerTrainer::build_classes() {
  std::map<std::pair<uint16_t, uint16_t>, uint32_t> counts;
  for (const auto& s : train_)
    for (size_t i = 0; i < s.forms.size(); ++i) ++counts[{s.upos[i], s.xpos[i]}];
  std::vector<std::pair<uint32_t, std::pair<uint16_t, uint16_t>>> order;
  for (auto [p, n] : counts) order.emplace_back(n, p);
  std::sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  if (setup_.classes) {
    base_.classes_ = *setup_.classes;
    for (uint16_t c = 0; c < base_.classes_.size(); ++c) class_of_[base_.classes_[c]] = c;
  } else {
    for (auto [n, p] : order)
      if ((n >= opt_.min_class_count || base_.classes_.empty()) && base_.classes_.size() < 250) {
        class_of_[p] = static_cast<uint16_t>(base_.classes_.size());
        base_.classes_.push_back(p);
      }
  }
  // A rare pair goes to the most frequent class with its XPOS, else its UPOS, else class 0.
  for (auto [n, p] : order) {
    if (class_of_.count(p)) continue;
    uint16_t to = 0;
    bool found = false;
    for (int pass = 0; pass < 2 && !found; ++pass)
      for (uint16_t c = 0; c < base_.classes_.size() && !found; ++c)
        if (pass == 0 ? base_.classes_[c].second == p.second : base_.classes_[c].first == p.first) to = c, found = true;
    class_of_[p] = to;
  }
  C_ = static_cast<uint32_t>(base_.classes_.size());
  gold_.clear();
  for (const auto& s : train_) {
    std::vector<uint16_t> g;
    for (size_t i = 0; i < s.forms.size(); ++i) g.push_back(class_of_[{s.upos[i], s.xpos[i]}]);
    gold_.push_back(std::move(g));
  }
  log(fmt::format("classes: {} UPOS+XPOS pairs seen, {} kept (>= {} times)", counts.size(), C_, opt_.min_class_count));
}

void TaggerTrainer::build_dictionary() {
  std::unordered_map<std::string_view, std::vector<uint32_t>> counts;
  for (size_t s = 0; s < train_.size(); ++s)
    for (size_t i = 0; i < train_[s].forms.size(); ++i) {
      auto& v = counts[train_[s].forms[i]];
      if (v.empty()) v.assign(C_, 0);
      ++v[gold_[s][i]];
    }
  std::map<std::vector<bool>, uint32_t> ambiguity_ids;
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  size_t sure = 0;
  for (const auto& [form, v] : counts) {
    uint32_t total = 0, top = 0, top_n = 0;
    for (uint32_t c = 0; c < C_; ++c) {
      total += v[c];
      if (v[c] > top_n) top = c, top_n = v[c];
    }
    if (total < opt_.dict_min_count) continue;
    std::vector<bool> set(C_);
    for (uint32_t c = 0; c < C_; ++c) set[c] = v[c] * 10 >= total;
    uint32_t id = ambiguity_ids.emplace(set, static_cast<uint32_t>(ambiguity_ids.size() + 1)).first->second;
    bool is_sure = total >= opt_.sure_min_count && top_n >= opt_.sure_min_share * total;
    sure += is_sure;
    entries.emplace_back(detail::hash_bytes(form), (id << 8) | (is_sure ? top + 1 : 0));
  }
  // Capitalisation of lowercase forms mid-sentence, in five bins.
  std::unordered_map<std::string, std::pair<uint32_t, uint32_t>> caps;  // lowercase -> (mid-sentence, capitalised)
  std::string lower;
  for (const auto& s : train_)
    for (size_t i = 1; i < s.forms.size() && !s.folded; ++i) {
      detail::lower_into(s.forms[i], lower);
      auto& c = caps[lower];
      ++c.first;
      c.second += s.forms[i][0] >= 'A' && s.forms[i][0] <= 'Z';
    }
  for (const auto& [form, c] : caps) {
    if (c.first < opt_.dict_min_count) continue;
    double r = double(c.second) / c.first;
    uint32_t bin = c.second == 0 ? 1 : r < 0.2 ? 2 : r < 0.8 ? 3 : c.second < c.first ? 4 : 5;
    entries.emplace_back(detail::caps_key(detail::hash_bytes(form)), bin);
  }
  std::sort(entries.begin(), entries.end());
  for (auto [k, v] : entries) base_.dict_keys_.push_back(k), base_.dict_values_.push_back(v);
  base_.index();
  log(fmt::format("tag dictionary: {} words (>= {} times), {} ambiguity classes, {} unambiguous", entries.size(),
                  opt_.dict_min_count, ambiguity_ids.size(), sure));
}

void TaggerTrainer::build_features() {
  std::string lower;
  info_.resize(train_.size());
  for (size_t s = 0; s < train_.size(); ++s) {
    const auto& forms = train_[s].forms;
    auto& info = info_[s];
    info.resize(forms.size() + 4);
    info[0] = info[1] = detail::boundary_info(true);
    info[forms.size() + 2] = info[forms.size() + 3] = detail::boundary_info(false);
    for (size_t i = 0; i < forms.size(); ++i) {
      detail::word_info(forms[i], base_.dict_, lower, info[i + 2]);
      if (opt_.clusters) info[i + 2].cluster = opt_.clusters->find(info[i + 2].lower);
    }
  }
  // Count every feature with gold history; keep the frequent ones.
  if (setup_.first) {
    first_.resize(train_.size());
    for (size_t s = 0; s < train_.size(); ++s) {
      first_[s].assign(train_[s].forms.size() + 4, static_cast<uint16_t>(C_));
      std::copy((*setup_.first)[s].begin(), (*setup_.first)[s].end(), first_[s].begin() + 2);
    }
  }
  const int nf = setup_.first ? detail::kFeatures + detail::kStackFeatures : detail::kFeatures;
  HashIndex counts(1 << 16);
  uint64_t f[detail::kFeatures + detail::kStackFeatures];
  for (size_t s = 0; s < train_.size(); ++s) {
    uint32_t p1 = C_, p2 = C_;
    for (size_t i = 0; i < train_[s].forms.size(); ++i) {
      const detail::WordInfo* w = &info_[s][i + 2];
      detail::static_features(w, i == 0, opt_.clusters != nullptr, f);
      detail::dynamic_features(w, p1, p2, f + detail::kStaticFeatures);
      if (setup_.first) detail::stack_features(w, &first_[s][i + 2], p1, f + detail::kFeatures);
      for (int k = 0; k < nf; ++k)
        if (f[k] != detail::kNoFeature) ++counts.at(f[k], 0);
      p2 = p1;
      p1 = gold_[s][i];
    }
  }
  counts.for_each([&](uint64_t key, uint32_t n) {
    if (n >= opt_.min_feature_count) keys_.push_back(key);
  });
  std::sort(keys_.begin(), keys_.end());
  rows_ = HashIndex(keys_.size());
  for (uint32_t i = 0; i < keys_.size(); ++i) rows_.at(keys_[i], i);
  w_.assign(keys_.size() * C_, 0);
  u_.assign(keys_.size() * C_, 0);
  log(fmt::format("features: {} distinct, {} kept (>= {} times)", counts.size(), keys_.size(), opt_.min_feature_count));
}

void TaggerTrainer::train_epoch(std::mt19937_64& rng) {
  std::vector<uint32_t> order(train_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  uint64_t f[detail::kFeatures + detail::kStackFeatures];
  uint32_t rows[detail::kFeatures + detail::kStackFeatures];
  const int nf = setup_.first ? detail::kFeatures + detail::kStackFeatures : detail::kFeatures;
  std::vector<int32_t> acc(C_);
  for (uint32_t s : order) {
    uint32_t p1 = C_, p2 = C_;
    for (size_t i = 0; i < train_[s].forms.size(); ++i) {
      const detail::WordInfo* w = &info_[s][i + 2];
      uint32_t gold = gold_[s][i], pred;
      if (w->sure >= 0) {
        pred = static_cast<uint32_t>(w->sure);
      } else {
        detail::static_features(w, i == 0, opt_.clusters != nullptr, f);
        detail::dynamic_features(w, p1, p2, f + detail::kStaticFeatures);
        if (setup_.first) detail::stack_features(w, &first_[s][i + 2], p1, f + detail::kFeatures);
        int nrows = 0;
        std::fill(acc.begin(), acc.end(), 0);
        for (int k = 0; k < nf; ++k) {
          uint32_t r = rows_.find(f[k]);
          if (r == HashIndex::kNone) continue;
          rows[nrows++] = r;
          const int32_t* wr = &w_[static_cast<size_t>(r) * C_];
          for (uint32_t c = 0; c < C_; ++c) acc[c] += wr[c];
        }
        pred = 0;
        for (uint32_t c = 1; c < C_; ++c)
          if (acc[c] > acc[pred]) pred = c;
        if (pred != gold) {
          for (int k = 0; k < nrows; ++k) {
            size_t base = static_cast<size_t>(rows[k]) * C_;
            ++w_[base + gold];
            --w_[base + pred];
            u_[base + gold] += step_;
            u_[base + pred] -= step_;
          }
        }
        ++step_;
      }
      p2 = p1;
      p1 = pred;
    }
  }
}

void TaggerTrainer::finalize(Tagger& t) const {
  // Averaged weight = w - u / step. Quantised to int16 with one scale.
  const double inv = 1.0 / static_cast<double>(step_);
  std::vector<float> avg(w_.size());
  float maxabs = 0;
  for (size_t i = 0; i < w_.size(); ++i) {
    avg[i] = static_cast<float>(w_[i] - u_[i] * inv);
    maxabs = std::max(maxabs, std::abs(avg[i]));
  }
  if (maxabs == 0) maxabs = 1;
  Tagger::Pass pass;
  pass.scale = 32767.0f / maxabs;
  const float cut = static_cast<float>(opt_.prune) * maxabs;
  pass.row_begin.push_back(0);
  for (size_t r = 0; r < keys_.size(); ++r) {
    size_t before = pass.entry_class.size();
    for (uint32_t c = 0; c < C_; ++c) {
      float v = avg[r * C_ + c];
      if (std::abs(v) < cut) continue;
      auto q = static_cast<int16_t>(std::lround(v * pass.scale));
      if (q == 0) continue;
      pass.entry_class.push_back(static_cast<uint8_t>(c));
      pass.entry_weight.push_back(q);
    }
    if (pass.entry_class.size() == before) continue;
    pass.keys.push_back(keys_[r]);
    pass.row_begin.push_back(static_cast<uint32_t>(pass.entry_class.size()));
  }
  t.passes_.push_back(std::move(pass));
  t.index();
}

void TaggerTrainer::build_lemmas_and_feats() {
  std::vector<Lemmatizer::Example> examples;
  for (const auto& s : train_)
    for (size_t i = 0; i < s.forms.size() && !s.folded; ++i) examples.push_back({s.forms[i], s.lemmas[i], s.xpos[i]});
  base_.lemmatizer_ = Lemmatizer::train(examples);
  log(fmt::format("lemmatizer: {} suffix rules, {} exceptions, {} lemmas", base_.lemmatizer_.rule_count(),
                  base_.lemmatizer_.exception_count(), base_.lemmatizer_.lexicon_size()));

  // FEATS: the most frequent value per class, and per (lowercase form, class)
  // where a word seen at least twice mostly differs from it.
  std::vector<std::unordered_map<std::string, uint32_t>> per_class(C_);
  std::unordered_map<uint64_t, std::pair<uint16_t, std::unordered_map<std::string, uint32_t>>> per_word;
  std::string lower;
  for (size_t s = 0; s < train_.size(); ++s)
    for (size_t i = 0; i < train_[s].forms.size() && !train_[s].folded; ++i) {
      uint16_t c = gold_[s][i];
      ++per_class[c][train_[s].feats[i]];
      detail::lower_into(train_[s].forms[i], lower);
      auto& entry = per_word[HashIndex::nonzero_key(detail::combine(detail::hash_bytes(lower), c))];
      entry.first = c;
      ++entry.second[train_[s].feats[i]];
    }
  auto most = [](const std::unordered_map<std::string, uint32_t>& m, uint32_t* total) {
    const std::string* best = nullptr;
    uint32_t n_best = 0;
    *total = 0;
    for (const auto& [v, n] : m) {
      *total += n;
      if (n > n_best || (n == n_best && v < *best)) best = &v, n_best = n;
    }
    return best;
  };
  base_.class_feats_.assign(C_, "");
  for (uint32_t c = 0; c < C_; ++c) {
    uint32_t total;
    if (const std::string* b = most(per_class[c], &total)) base_.class_feats_[c] = *b;
  }
  std::vector<std::pair<uint64_t, std::string>> exceptions;
  for (const auto& [key, entry] : per_word) {
    uint32_t total;
    const std::string* b = most(entry.second, &total);
    if (total >= 2 && *b != base_.class_feats_[entry.first]) exceptions.emplace_back(key, *b);
  }
  std::sort(exceptions.begin(), exceptions.end());
  base_.feats_keys_.clear();
  base_.feats_values_.clear();
  for (auto& [k, v] : exceptions) {
    base_.feats_keys_.push_back(k);
    base_.feats_values_.push_back(std::move(v));
  }
}

double TaggerTrainer::dev_accuracy(const Tagger& t, const std::vector<TrainSentence>& dev) const {
  uint64_t n = 0, ok = 0;
  std::vector<std::string_view> forms;
  std::vector<WordTags> tags;
  for (const auto& s : dev) {
    forms.assign(s.forms.begin(), s.forms.end());
    tags.resize(forms.size());
    t.tag_words(forms, tags);
    for (size_t i = 0; i < forms.size(); ++i) ok += tags[i].upos == s.upos[i], ++n;
  }
  return n ? 100.0 * static_cast<double>(ok) / static_cast<double>(n) : 0;
}

Result<Tagger> TaggerTrainer::run(const std::vector<TrainSentence>& dev, int* best_epoch_out) {
  auto start = std::chrono::steady_clock::now();
  auto secs = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  size_t words = 0;
  for (const auto& s : train_) words += s.forms.size();
  log(fmt::format("training on {} sentences, {} words", train_.size(), words));
  build_classes();
  build_dictionary();
  build_features();
  build_lemmas_and_feats();
  if (opt_.clusters) base_.clusters_ = *opt_.clusters;
  if (setup_.first_pass) base_.passes_.push_back(*setup_.first_pass);
  std::mt19937_64 rng(opt_.seed);
  Tagger best;
  double best_acc = -1;
  int best_epoch = 0;
  for (int e = 1; e <= opt_.epochs; ++e) {
    train_epoch(rng);
    if (dev.empty() && e < opt_.epochs) continue;
    Tagger t = base_;
    finalize(t);
    double acc = dev.empty() ? 0 : dev_accuracy(t, dev);
    log(fmt::format("epoch {}: dev UPOS {:.2f}  ({} rows, {:.0f} s)", e, acc, t.feature_count(), secs()));
    if (acc > best_acc) best_acc = acc, best = std::move(t), best_epoch = e;
  }
  log(fmt::format("kept epoch {} (dev UPOS {:.2f})", best_epoch, best_acc));
  if (best_epoch_out) *best_epoch_out = best_epoch;
  return best;
}

}  // namespace sitrep::tagger
