#include "parser/parser_train.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

#include <fmt/format.h>

#include "eval/parse_eval.h"
#include "parser/parser.h"
#include "parser/parser_state.h"
#include "tagger/tagger.h"
#include "tagger/tagger_train.h"

namespace sitrep {

using namespace parser_detail;

namespace {

// An averaged perceptron over a hashed table of K-class rows. Averaging is
// lazy: acc collects t * delta, and the average is w - acc / t.
template <int K>
struct Perceptron {
  int bits;
  std::vector<float> w, acc;
  double t = 1;
  explicit Perceptron(int b) : bits(b), w((size_t{1} << b) * K, 0.f), acc((size_t{1} << b) * K, 0.f) {}
  void update(const uint32_t* rows, int count, int cls, float delta) {
    const float ad = static_cast<float>(t) * delta;
    for (int i = 0; i < count; ++i) {
      size_t at = static_cast<size_t>(rows[i]) * K + cls;
      w[at] += delta;
      acc[at] += ad;
    }
  }
  // Averaged weights quantised to int16 (one scale for the table: the
  // decisions only compare sums of one table, so the scale drops out).
  std::vector<int16_t> quantised(int prune) const {
    std::vector<float> avg(w.size());
    float maxabs = 0;
    for (size_t i = 0; i < w.size(); ++i) {
      avg[i] = w[i] - static_cast<float>(acc[i] / t);
      maxabs = std::max(maxabs, std::fabs(avg[i]));
    }
    // Clip the rare huge weights so that the rest keeps its precision.
    std::vector<float> mags;
    mags.reserve(w.size() / 8);
    for (float a : avg)
      if (a != 0) mags.push_back(std::fabs(a));
    float clip = maxabs;
    if (mags.size() > 1000) {
      size_t k = mags.size() - mags.size() / 10000 - 1;
      std::nth_element(mags.begin(), mags.begin() + static_cast<long>(k), mags.end());
      clip = std::max(mags[k], 1e-6f);
    }
    const float scale = clip > 0 ? 32000.f / clip : 1.f;
    std::vector<int16_t> q(w.size());
    for (size_t i = 0; i < w.size(); ++i) {
      float v = std::clamp(avg[i] * scale, -32767.f, 32767.f);
      long r = std::lround(v);
      q[i] = static_cast<int16_t>(std::labs(r) <= prune ? 0 : r);
    }
    return q;
  }
};

// Losses of gold arcs an action causes (arc-hybrid dynamic oracle).
int action_cost(const State& st, int a, const std::vector<int>& gh) {
  const int b = st.buf, n = st.n;
  const int s0 = st.stack.back();
  int c = 0;
  if (a == kShift) {
    for (size_t i = 0; i < st.stack.size(); ++i) {
      int k = st.stack[i];
      if (k != 0 && gh[k] == b) ++c;
      if (k != s0 && gh[b] == k) ++c;
    }
    return c;
  }
  for (int k = b; k <= n; ++k) c += gh[k] == s0;
  const int s1 = st.stack[st.stack.size() - 2];
  if (a == kLeft) {
    if (gh[s0] != b && (gh[s0] == s1 || gh[s0] > b)) ++c;
  } else {
    if (gh[s0] != s1 && b <= n && gh[s0] >= b) ++c;
  }
  return c;
}

struct Encoded {
  std::vector<Tok> toks;  // with the root at 0
  std::vector<int> heads, labels;
};

Encoded encode(const TreebankSentence& s, const tagger::WordClusters* clusters) {
  Encoded e;
  const size_t n = s.words.size();
  e.toks.resize(n + 1);
  e.heads.assign(n + 1, 0);
  e.labels.assign(n + 1, 0);
  e.toks[0] = root_tok(clusters != nullptr);
  for (size_t i = 0; i < n; ++i) {
    const auto& w = s.words[i];
    e.toks[i + 1] = make_tok(w.form, w.upos, w.xpos, clusters);
    e.heads[i + 1] = static_cast<int>(w.head);
    e.labels[i + 1] = w.deprel;
  }
  count_toks(e.toks);
  return e;
}

ModelFile make_model(const Perceptron<kParserClasses>& p, const Perceptron<kLabelClasses>& l, uint64_t seen,
                     const ParserTrainOptions& opt) {
  ModelFile m;
  m.kind = Parser::kModelKind;
  m.kind_version = Parser::kModelVersion;
  m.note = opt.note;
  ByteWriter meta;
  meta.u32(opt.clusters ? kFeatureSetVersion + 1 : kFeatureSetVersion);
  meta.u32(static_cast<uint32_t>(p.bits));
  meta.u32(static_cast<uint32_t>(l.bits));
  meta.u64(seen);
  meta.u32(static_cast<uint32_t>(std::max(1, opt.beam)));
  m.add("meta", meta.take());
  ByteWriter pw, lw;
  pw.array(p.quantised(opt.prune));
  lw.array(l.quantised(opt.prune));
  m.add("parser", pw.take());
  m.add("labels", lw.take());
  if (opt.clusters) m.add("clusters", opt.clusters->encode());
  return m;
}


// The labeller's label for the arc h -> d the state is about to build; with
// `gold`, also a perceptron update against the dependent's gold label.
int label_arc(Perceptron<kLabelClasses>& lp, uint64_t seen, bool correct_only, const State& st, const Tok* toks,
              int h, int d, const Encoded* gold, uint64_t* arcs, uint64_t* errors) {
  if (h == 0) return kRootLabel;
  uint64_t feats[kMaxLabelFeatures];
  uint32_t rows[kMaxLabelFeatures];
  alignas(64) float lscores[kLabelClasses];
  int nf = label_features(st, toks, h, d, feats);
  for (int i = 0; i < nf; ++i) rows[i] = bucket_of(feats[i], lp.bits);
  sum_rows<kLabelClasses>(lp.w.data(), rows, nf, lscores);
  int lab = best_label(seen, h, lscores);
  if (gold) {
    int g = gold->labels[d];
    if (label_allowed(seen, g, h) && (!correct_only || gold->heads[d] == h)) {
      ++*arcs;
      if (g != lab) {
        ++*errors;
        lp.update(rows, nf, g, 1.f);
        lp.update(rows, nf, lab, -1.f);
      }
      lp.t += 1;
    }
  }
  return lab;
}

// The canonical gold action of a state: a zero-cost one, reductions first.
int gold_action(const State& st, const std::vector<int>& gh) {
  int best = -1, best_cost = 1 << 30;
  for (int a : {kLeft, kRight, kShift}) {
    if (!st.legal(a)) continue;
    int c = action_cost(st, a, gh);
    if (c < best_cost) { best_cost = c; best = a; }
  }
  return best;
}

// One step of a transition sequence: the action and the feature rows of the
// state it was taken from (nf = 0 for forced actions).
struct BeamNode {
  int parent;
  int action;
  size_t off;
  int nf;
};

struct BeamItem {
  State st;
  double score = 0;
  int node = -1;
  bool gold = true;
};

struct BeamCand {
  double score;
  int item, action;
};

// Beam search with max-violation updates (Huang et al. 2012) for the
// transitions; the labeller is trained greedily on the canonical gold path.
class BeamTrainer {
 public:
  BeamTrainer(Perceptron<kParserClasses>& pp, Perceptron<kLabelClasses>& lp, uint64_t seen, int beam,
              bool correct_heads_only)
      : pp_(pp), lp_(lp), seen_(seen), beam_(beam), correct_only_(correct_heads_only) {
    cur_.resize(static_cast<size_t>(beam));
    next_.resize(static_cast<size_t>(beam));
  }
  uint64_t updates = 0, sentences = 0, arcs = 0, label_errors = 0;

  // label_on_gold: the labeller learns on the arcs of the gold sequence; else
  // on those of the beam's best final sequence (the states the parser will see).
  void train(const Encoded& e, bool label_on_gold) {
    const Tok* toks = e.toks.data();
    const int n = static_cast<int>(e.toks.size()) - 1;
    ++sentences;
    // 1. The canonical gold sequence; the labeller learns on its arcs.
    gold_.clear();
    gst_.init(n);
    while (!gst_.terminal()) {
      int a = gold_action(gst_, e.heads);
      gold_.push_back(a);
      int lab = 0;
      if (a != kShift) {
        int h, d;
        gst_.arc_of(a, &h, &d);
        lab = label(gst_, toks, h, d, label_on_gold ? &e : nullptr);
      }
      gst_.apply(a, lab);
    }
    // 2. Beam search beside the gold sequence, labels from the (now fixed) labeller.
    nodes_.clear();
    rows_.clear();
    gnodes_.clear();
    gst_.init(n);
    double gscore = 0;
    int live = 1;
    cur_[0].st.init(n);
    cur_[0].score = 0;
    cur_[0].node = -1;
    cur_[0].gold = true;
    double max_viol = -1;
    int viol_best_node = -1;
    size_t viol_step = 0;
    for (size_t t = 0; t < gold_.size(); ++t) {
      cands_.clear();
      for (int i = 0; i < live; ++i) {
        BeamItem& it = cur_[static_cast<size_t>(i)];
        const size_t off = rows_.size();
        int nf = 0;
        float sc[kParserClasses] = {0, 0, 0, 0};
        if (it.st.can_shift() + it.st.can_left() + it.st.can_right() > 1) {
          nf = features(it.st, toks, sc);
        }
        item_off_[i] = off;
        item_nf_[i] = nf;
        for (int a = 0; a < 3; ++a)
          if (it.st.legal(a)) cands_.push_back({it.score + sc[a], i, a});
      }
      const size_t keep = std::min(cands_.size(), static_cast<size_t>(beam_));
      std::partial_sort(cands_.begin(), cands_.begin() + static_cast<long>(keep), cands_.end(),
                        [](const BeamCand& x, const BeamCand& y) {
                          if (x.score != y.score) return x.score > y.score;
                          if (x.item != y.item) return x.item < y.item;
                          return x.action < y.action;
                        });
      for (size_t k = 0; k < keep; ++k) {
        const BeamCand& c = cands_[k];
        const BeamItem& par = cur_[static_cast<size_t>(c.item)];
        BeamItem& it = next_[k];
        it.st = par.st;
        it.score = c.score;
        it.gold = par.gold && c.action == gold_[t];
        nodes_.push_back({par.node, c.action, item_off_[c.item], item_nf_[c.item]});
        it.node = static_cast<int>(nodes_.size()) - 1;
        int lab = 0;
        if (c.action != kShift) {
          int h, d;
          it.st.arc_of(c.action, &h, &d);
          lab = label(it.st, toks, h, d, nullptr);
        }
        it.st.apply(c.action, lab);
      }
      live = static_cast<int>(keep);
      std::swap(cur_, next_);
      // The gold sequence.
      {
        const size_t off = rows_.size();
        int nf = 0;
        float sc[kParserClasses] = {0, 0, 0, 0};
        if (gst_.can_shift() + gst_.can_left() + gst_.can_right() > 1) nf = features(gst_, toks, sc);
        const int a = gold_[t];
        gscore += sc[a];
        gnodes_.push_back({-1, a, off, nf});
        int lab = 0;
        if (a != kShift) {
          int h, d;
          gst_.arc_of(a, &h, &d);
          lab = label(gst_, toks, h, d, nullptr);
        }
        gst_.apply(a, lab);
      }
      if (!cur_[0].gold) {
        double v = cur_[0].score - gscore;
        if (v >= 0 && v > max_viol) {
          max_viol = v;
          viol_best_node = cur_[0].node;
          viol_step = t;
        }
      }
    }
    if (!label_on_gold) {
      path_.clear();
      for (int x = cur_[0].node; x >= 0; x = nodes_[static_cast<size_t>(x)].parent)
        path_.push_back(nodes_[static_cast<size_t>(x)].action);
      gst_.init(n);
      for (size_t k = path_.size(); k-- > 0;) {
        const int a = path_[k];
        int lab = 0;
        if (a != kShift) {
          int h, d;
          gst_.arc_of(a, &h, &d);
          lab = label(gst_, toks, h, d, &e);
        }
        gst_.apply(a, lab);
      }
    }
    if (viol_best_node >= 0) {
      ++updates;
      for (size_t t = 0; t <= viol_step; ++t) {
        const BeamNode& g = gnodes_[t];
        if (g.nf) pp_.update(rows_.data() + g.off, g.nf, g.action, 1.f);
      }
      for (int x = viol_best_node; x >= 0; x = nodes_[static_cast<size_t>(x)].parent) {
        const BeamNode& b = nodes_[static_cast<size_t>(x)];
        if (b.nf) pp_.update(rows_.data() + b.off, b.nf, b.action, -1.f);
      }
    }
    pp_.t += 1;
  }

 private:
  // Computes the rows of the state's features into rows_ and the scores.
  int features(const State& st, const Tok* toks, float* sc) {
    uint64_t feats[kMaxParserFeatures];
    int nf = parser_features(st, toks, feats);
    const size_t off = rows_.size();
    rows_.resize(off + static_cast<size_t>(nf));
    uint32_t* rows = rows_.data() + off;
    for (int i = 0; i < nf; ++i) rows[i] = bucket_of(feats[i], pp_.bits);
    sum_rows<kParserClasses>(pp_.w.data(), rows, nf, sc);
    return nf;
  }
  // The labeller's label for h -> d; trains it when `gold` is given.
  int label(const State& st, const Tok* toks, int h, int d, const Encoded* gold) {
    return label_arc(lp_, seen_, correct_only_, st, toks, h, d, gold, &arcs, &label_errors);
  }

  Perceptron<kParserClasses>& pp_;
  Perceptron<kLabelClasses>& lp_;
  uint64_t seen_;
  int beam_;
  bool correct_only_;
  std::vector<BeamItem> cur_, next_;
  std::vector<BeamCand> cands_;
  std::vector<BeamNode> nodes_, gnodes_;
  std::vector<uint32_t> rows_;
  std::vector<int> gold_, path_;
  State gst_;
  size_t item_off_[256] = {};
  int item_nf_[256] = {};
};

}  // namespace

Result<ParserTrainResult> train_parser(const std::vector<TreebankSentence>& train,
                                       const std::vector<TreebankSentence>& dev, const ParserTrainOptions& opt,
                                       const std::function<void(const std::string&)>& log) {
  if (train.empty()) return Status::Error("train parser: no training sentences");
  if (opt.beam < 1 || opt.beam > 64) return Status::Error("train parser: beam out of range (1..64)");
  if (opt.parser_bits < 8 || opt.parser_bits > 26 || opt.label_bits < 8 || opt.label_bits > 22)
    return Status::Error("train parser: table sizes out of range");
  const auto start = std::chrono::steady_clock::now();
  std::vector<Encoded> data;
  data.reserve(train.size());
  uint64_t seen = 0;
  for (const auto& s : train) {
    data.push_back(encode(s, opt.clusters));
    for (const auto& w : s.words)
      if (w.deprel > 0 && w.deprel < kLabelClasses) seen |= 1ULL << w.deprel;
  }
  const Document dev_gold = treebank_document(dev, true);

  Perceptron<kParserClasses> pp(opt.parser_bits);
  Perceptron<kLabelClasses> lp(opt.label_bits);
  std::mt19937_64 rng(opt.seed);
  std::uniform_real_distribution<double> coin(0, 1);
  std::vector<size_t> order(data.size());
  std::iota(order.begin(), order.end(), 0);

  ParserTrainResult result;
  double best = -1;
  State st;
  uint64_t feats[kMaxParserFeatures];
  uint32_t rows[kMaxParserFeatures];
  float scores[kParserClasses];
  for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    uint64_t decisions = 0, errors = 0, arcs = 0, label_errors = 0;
    if (opt.beam > 1) {
      BeamTrainer bt(pp, lp, seen, opt.beam, opt.label_correct_heads_only);
      const bool label_on_gold = epoch == 1 || !opt.label_on_beam_path;
      for (size_t idx : order) bt.train(data[idx], label_on_gold);
      decisions = bt.sentences;
      errors = bt.updates;
      arcs = bt.arcs;
      label_errors = bt.label_errors;
    }
    for (size_t idx : order) {
      if (opt.beam > 1) break;
      const Encoded& e = data[idx];
      const int n = static_cast<int>(e.toks.size()) - 1;
      st.init(n);
      while (!st.terminal()) {
        int legal = st.can_shift() + st.can_left() + st.can_right();
        int a;
        if (legal == 1) {
          a = st.can_shift() ? kShift : st.can_left() ? kLeft : kRight;
        } else {
          int nf = parser_features(st, e.toks.data(), feats);
          for (int i = 0; i < nf; ++i) rows[i] = bucket_of(feats[i], pp.bits);
          sum_rows<kParserClasses>(pp.w.data(), rows, nf, scores);
          int cost[3], min_cost = 1 << 30;
          for (int x = 0; x < 3; ++x) {
            cost[x] = st.legal(x) ? action_cost(st, x, e.heads) : 1 << 30;
            min_cost = std::min(min_cost, cost[x]);
          }
          int pred = best_action(st, scores);
          int gold = -1;
          for (int x = 0; x < 3; ++x)
            if (cost[x] == min_cost && (gold < 0 || scores[x] > scores[gold])) gold = x;
          ++decisions;
          if (cost[pred] > min_cost) {
            ++errors;
            pp.update(rows, nf, gold, 1.f);
            pp.update(rows, nf, pred, -1.f);
          }
          pp.t += 1;
          a = (epoch > 1 && coin(rng) < opt.explore) ? pred : gold;
        }
        int lab = 0;
        if (a != kShift) {
          int h, d;
          st.arc_of(a, &h, &d);
          lab = label_arc(lp, seen, opt.label_correct_heads_only, st, e.toks.data(), h, d, &e, &arcs, &label_errors);
        }
        st.apply(a, lab);
      }
    }
    ModelFile model = make_model(pp, lp, seen, opt);
    double uas = 0, las = 0;
    if (!dev.empty()) {
      SITREP_ASSIGN_OR_RETURN(auto parser, Parser::from_model(model, "dev model"));
      Document pred = dev_gold;
      parser.parse(pred);
      eval::ParseScores sc = eval::score_parse(dev_gold, pred);
      uas = eval::ParseScores::pct(sc.uas, sc.words);
      las = eval::ParseScores::pct(sc.las, sc.words);
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    log(fmt::format("epoch {:2d}  transition errors (beam: updated sentences) {:.2f}%  label errors {:.2f}%  dev UAS {:.2f} LAS {:.2f}  {:.0f}s",
                    epoch, 100.0 * errors / std::max<uint64_t>(decisions, 1),
                    100.0 * label_errors / std::max<uint64_t>(arcs, 1), uas, las, secs));
    if (dev.empty() || las > best) {
      best = las;
      result.model = std::move(model);
      result.best_epoch = epoch;
      result.dev_uas = uas;
      result.dev_las = las;
    }
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

namespace {
void apply_tagger(const tagger::Tagger& tg, TreebankSentence& s, uint64_t* words, uint64_t* changed) {
  thread_local std::vector<std::string_view> forms;
  thread_local std::vector<tagger::WordTags> tags;
  forms.clear();
  for (const auto& w : s.words) forms.push_back(w.form);
  tags.assign(forms.size(), {});
  tg.tag_words(forms, tags);
  for (size_t k = 0; k < s.words.size(); ++k) {
    ++*words;
    *changed += s.words[k].xpos != tags[k].xpos;
    s.words[k].upos = tags[k].upos;
    s.words[k].xpos = tags[k].xpos;
  }
}
}  // namespace

Status retag(std::vector<TreebankSentence>& sentences, const std::string& tagger_path) {
  SITREP_ASSIGN_OR_RETURN(auto tg, tagger::Tagger::load(tagger_path));
  uint64_t words = 0, changed = 0;
  for (auto& s : sentences) apply_tagger(tg, s, &words, &changed);
  return Status::Ok();
}

Status jackknife_tags(std::vector<TreebankSentence>& sentences, int folds, int tagger_epochs,
                      const std::function<void(const std::string&)>& log, const tagger::WordClusters* clusters) {
  if (folds < 2) return Status::Error("jackknife: need at least 2 folds");
  auto to_tagger = [](const TreebankSentence& s) {
    tagger::TrainSentence t;
    for (const auto& w : s.words) {
      t.forms.push_back(w.form);
      t.lemmas.push_back(w.lemma);
      t.feats.emplace_back();
      t.upos.push_back(w.upos);
      t.xpos.push_back(w.xpos);
    }
    t.group = s.group;
    t.folded = s.folded;
    return t;
  };
  auto fold_of = [&](size_t i) {
    const auto& s = sentences[i];
    return static_cast<int>((s.group >= 0 ? static_cast<uint64_t>(s.group) : i) % static_cast<uint64_t>(folds));
  };
  uint64_t words = 0, changed = 0;
  for (int f = 0; f < folds; ++f) {
    std::vector<tagger::TrainSentence> train;
    for (size_t i = 0; i < sentences.size(); ++i)
      if (fold_of(i) != f) train.push_back(to_tagger(sentences[i]));
    tagger::TaggerTrainOptions opt;
    opt.epochs = tagger_epochs;
    opt.clusters = clusters;
    SITREP_ASSIGN_OR_RETURN(auto tg, tagger::train_tagger(train, {}, opt));
    for (size_t i = 0; i < sentences.size(); ++i)
      if (fold_of(i) == f) apply_tagger(tg, sentences[i], &words, &changed);
    log(fmt::format("jackknife fold {}/{}: cumulative XPOS changed {:.2f}%", f + 1, folds,
                    100.0 * changed / std::max<uint64_t>(words, 1)));
  }
  return Status::Ok();
}

}  // namespace sitrep
