#include "parser/parser.h"
#include "core/locate.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <filesystem>

#include <fmt/format.h>

#include "parser/parser_state.h"

namespace sitrep {

using namespace parser_detail;

namespace parser_detail {

void* huge_alloc(size_t bytes) {
  constexpr size_t kHuge = size_t{2} << 20;
  bytes = std::max(kHuge, (bytes + kHuge - 1) / kHuge * kHuge);
  void* p = std::aligned_alloc(kHuge, bytes);
  if (!p) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  madvise(p, bytes, MADV_HUGEPAGE);  // a hint: without it the table still works
#endif
  return p;
}

}  // namespace parser_detail

Parser::Parser() : w_(std::make_unique<ParserWeights>()) {}
Parser::Parser(Parser&&) noexcept = default;
Parser& Parser::operator=(Parser&&) noexcept = default;
Parser::~Parser() = default;

std::string Parser::default_path() {
  auto found = locate(Shipped::kModels, "parser.bin");
  return found.ok() ? found.value() : (std::filesystem::path(shipped_roots(Shipped::kModels).front()) / "parser.bin").string();
}

Result<Parser> Parser::load(const std::string& path) {
  SITREP_ASSIGN_OR_RETURN(auto file, read_model_file(path, kModelKind, kModelVersion));
  return from_model(file, path);
}

Result<Parser> Parser::load_default() { return load(default_path()); }

Result<Parser> Parser::from_model(const ModelFile& model, std::string_view name) {
  if (model.kind != kModelKind || model.kind_version != kModelVersion)
    return Status::Error(fmt::format("{}: not a parser model of version {} (kind '{}', version {})", name,
                                     kModelVersion, model.kind, model.kind_version));
  const std::string* meta = model.section("meta");
  const std::string* ptab = model.section("parser");
  const std::string* ltab = model.section("labels");
  if (!meta || !ptab || !ltab) return Status::Error(fmt::format("{}: parser model lacks a section", name));
  Parser p;
  ByteReader r(*meta);
  uint32_t features = 0, pbits = 0, lbits = 0;
  uint64_t seen = 0;
  uint32_t beam = 1;
  if (!r.u32(&features) || !r.u32(&pbits) || !r.u32(&lbits) || !r.u64(&seen) || !r.u32(&beam))
    return Status::Error(fmt::format("{}: parser model: truncated meta section", name));
  if (features != kFeatureSetVersion && features != kFeatureSetVersion + 1)
    return Status::Error(fmt::format("{}: parser model has feature set {}, this build reads {} and {} (with clusters)",
                                     name, features, kFeatureSetVersion, kFeatureSetVersion + 1));
  if (beam < 1 || beam > 64) return Status::Error(fmt::format("{}: parser model: bad beam width {}", name, beam));
  if (pbits < 4 || pbits > 28 || lbits < 4 || lbits > 24)
    return Status::Error(fmt::format("{}: parser model: bad table sizes", name));
  ParserWeights& w = *p.w_;
  if (features == kFeatureSetVersion + 1) {  // word clusters
    const std::string* cl = model.section("clusters");
    if (!cl) return Status::Error(fmt::format("{}: parser model lacks its clusters", name));
    auto c = tagger::WordClusters::decode(*cl);
    if (!c.ok()) return c.status().prefixed(std::string(name) + ": parser model: ");
    w.clusters = std::move(c).value();
  }
  w.parser_bits = static_cast<int>(pbits);
  w.label_bits = static_cast<int>(lbits);
  w.seen_labels = seen;
  w.beam = static_cast<int>(beam);
  ByteReader pr(*ptab), lr(*ltab);
  std::vector<int16_t> ptable, ltable;
  if (!pr.array(&ptable) || !lr.array(&ltable) || ptable.size() != (size_t{1} << pbits) * kParserClasses ||
      ltable.size() != (size_t{1} << lbits) * kLabelClasses)
    return Status::Error(fmt::format("{}: parser model: weight tables of the wrong size", name));
  w.parser.assign(ptable.data(), ptable.size());
  // The labeller runs on int8: one 64-byte cache line per row instead of two.
  std::vector<int8_t> l8(ltable.size());
  for (size_t i = 0; i < ltable.size(); ++i) l8[i] = static_cast<int8_t>(std::clamp((ltable[i] + 128) >> 8, -127, 127));
  w.labels.assign(l8.data(), l8.size());
  return p;
}

void Parser::parse(Document& doc) const {
  for (const Sentence& s : doc.sentences) parse_sentence(doc, s.first_word, s.word_count);
}

int Parser::beam() const { return w_->beam; }
void Parser::set_beam(int beam) { w_->beam = std::clamp(beam, 1, 64); }

namespace {
struct BeamItem {
  State st;
  int64_t score = 0;
};
struct BeamCand {
  int64_t score;
  int item, action;
};
struct Scratch {
  std::vector<Tok> toks;
  State st;
  std::vector<uint8_t> marks;
  std::vector<BeamItem> cur, next;
  std::vector<BeamCand> cands;
  std::vector<uint32_t> rows;
};

// The label of the arc h -> d the state is about to build.
inline int arc_label(const ParserWeights& w, const State& st, const Tok* toks, int h, int d) {
  if (h == 0) return kRootLabel;
  uint64_t feats[kMaxLabelFeatures];
  uint32_t rows[kMaxLabelFeatures];
  alignas(64) int32_t lscores[kLabelClasses];
  int nf = label_features(st, toks, h, d, feats);
  for (int i = 0; i < nf; ++i) {
    rows[i] = bucket_of(feats[i], w.label_bits);
    __builtin_prefetch(w.labels.data() + static_cast<size_t>(rows[i]) * kLabelClasses);
  }
  sum_rows_i8<kLabelClasses>(w.labels.data(), rows, nf, lscores);
  return best_label(w.seen_labels, h, lscores);
}

// Beam search over the transitions (labels chosen greedily on each item's
// arcs, as in training); leaves the best final state in scratch.st.
void beam_parse(const ParserWeights& w, Scratch& sc, int n) {
  const Tok* toks = sc.toks.data();
  const size_t B = static_cast<size_t>(w.beam);
  if (sc.cur.size() < B) sc.cur.resize(B);
  if (sc.next.size() < B) sc.next.resize(B);
  sc.cur[0].st.init(n);
  sc.cur[0].score = 0;
  size_t live = 1;
  uint64_t feats[kMaxParserFeatures];
  if (sc.rows.size() < B * kMaxParserFeatures) sc.rows.resize(B * kMaxParserFeatures);
  int nfs[64];
  while (!sc.cur[0].st.terminal()) {
    sc.cands.clear();
    // All items' rows first, prefetched, then the sums: the look-ups of the
    // items overlap instead of stalling one after the other.
    for (size_t i = 0; i < live; ++i) {
      const BeamItem& it = sc.cur[i];
      nfs[i] = 0;
      if (it.st.can_shift() + it.st.can_left() + it.st.can_right() > 1) {
        int nf = parser_features(it.st, toks, feats);
        uint32_t* rows = sc.rows.data() + i * kMaxParserFeatures;
        for (int k = 0; k < nf; ++k) {
          rows[k] = bucket_of(feats[k], w.parser_bits);
          __builtin_prefetch(w.parser.data() + static_cast<size_t>(rows[k]) * kParserClasses);
        }
        nfs[i] = nf;
      }
    }
    for (size_t i = 0; i < live; ++i) {
      const BeamItem& it = sc.cur[i];
      int32_t scores[kParserClasses] = {0, 0, 0, 0};
      if (nfs[i] > 0)
        sum_rows_i16<kParserClasses>(w.parser.data(), sc.rows.data() + i * kMaxParserFeatures, nfs[i], scores);
      for (int a = 0; a < 3; ++a)
        if (it.st.legal(a)) sc.cands.push_back({it.score + scores[a], static_cast<int>(i), a});
    }
    const size_t keep = std::min(sc.cands.size(), B);
    std::partial_sort(sc.cands.begin(), sc.cands.begin() + static_cast<long>(keep), sc.cands.end(),
                      [](const BeamCand& x, const BeamCand& y) {
                        if (x.score != y.score) return x.score > y.score;
                        if (x.item != y.item) return x.item < y.item;
                        return x.action < y.action;
                      });
    for (size_t k = 0; k < keep; ++k) {
      const BeamCand& c = sc.cands[k];
      BeamItem& it = sc.next[k];
      it.st = sc.cur[static_cast<size_t>(c.item)].st;
      it.score = c.score;
      int lab = 0;
      if (c.action != kShift) {
        int h, d;
        it.st.arc_of(c.action, &h, &d);
        lab = arc_label(w, it.st, toks, h, d);
      }
      it.st.apply(c.action, lab);
    }
    live = keep;
    std::swap(sc.cur, sc.next);
  }
  sc.st = sc.cur[0].st;
}
}  // namespace

void Parser::parse_sentence(Document& doc, uint32_t first, uint32_t count) const {
  if (first >= doc.words.size()) return;
  count = std::min<uint32_t>(count, static_cast<uint32_t>(doc.words.size()) - first);
  if (count == 0) return;
  thread_local Scratch scratch;
  const ParserWeights& w = *w_;
  auto& toks = scratch.toks;
  State& st = scratch.st;
  const int n = static_cast<int>(count);
  toks.resize(static_cast<size_t>(n) + 1);
  const tagger::WordClusters* clusters = w.clusters.empty() ? nullptr : &w.clusters;
  toks[0] = root_tok(clusters != nullptr);
  for (int i = 1; i <= n; ++i) {
    const Word& word = doc.words[first + i - 1];
    const bool in_text = word.span.begin <= word.span.end && word.span.end <= doc.text.size();
    toks[i] = make_tok(in_text ? doc.word_text(first + i - 1) : std::string_view(), word.upos, word.xpos, clusters);
  }
  count_toks(toks);
  if (w.beam > 1) {
    beam_parse(w, scratch, n);
  } else {
  st.init(n);
  uint64_t feats[kMaxParserFeatures];
  uint32_t rows[kMaxParserFeatures];
  int32_t scores[kParserClasses];
  alignas(64) int32_t lscores[kLabelClasses];
  while (!st.terminal()) {
    int a;
    if (st.can_shift() + st.can_left() + st.can_right() == 1) {
      a = st.can_shift() ? kShift : st.can_left() ? kLeft : kRight;
    } else {
      int nf = parser_features(st, toks.data(), feats);
      for (int i = 0; i < nf; ++i) {
        rows[i] = bucket_of(feats[i], w.parser_bits);
        __builtin_prefetch(w.parser.data() + static_cast<size_t>(rows[i]) * kParserClasses);
      }
      sum_rows_i16<kParserClasses>(w.parser.data(), rows, nf, scores);
      a = best_action(st, scores);
    }
    int lab = 0;
    if (a != kShift) {
      int h, d;
      st.arc_of(a, &h, &d);
      if (h == 0) {
        lab = kRootLabel;
      } else {
        int nf = label_features(st, toks.data(), h, d, feats);
        for (int i = 0; i < nf; ++i) {
          rows[i] = bucket_of(feats[i], w.label_bits);
          __builtin_prefetch(w.labels.data() + static_cast<size_t>(rows[i]) * kLabelClasses);
        }
        sum_rows_i8<kLabelClasses>(w.labels.data(), rows, nf, lscores);
        lab = best_label(w.seen_labels, h, lscores);
      }
    }
    st.apply(a, lab);
  }
  }
  repair_tree(n, st.head.data(), st.label.data(), scratch.marks);  // a no-op on a finished state
  for (int i = 1; i <= n; ++i) {
    Word& word = doc.words[first + i - 1];
    word.head = static_cast<uint32_t>(st.head[i]);
    word.deprel = static_cast<uint16_t>(st.label[i]);
  }
}

}  // namespace sitrep
