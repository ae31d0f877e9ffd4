#include "text/sentence_train.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

#include "eval/tokenize_eval.h"
#include "io/conllu_reader.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace sitrep::text {
namespace {

struct Examples {
  std::vector<uint32_t> features;  // kFeatures per example
  std::vector<int8_t> labels;      // +1 boundary, -1 not
  int width = 0;
};

// The candidates of one gold file, labelled by the gold sentence ends.
Status add_examples(const io::ConlluCorpus& corpus, Examples* ex, size_t* sentences) {
  std::vector<Span> gold_spans;
  Document doc = eval::gold_document(corpus, &gold_spans);
  *sentences += gold_spans.size();
  std::vector<uint32_t> ends;
  ends.reserve(gold_spans.size());
  for (const Span& s : gold_spans) {
    uint32_t e = s.end;
    while (e > s.begin && (doc.text[e - 1] == ' ' || doc.text[e - 1] == '\t')) --e;
    ends.push_back(e);
  }
  std::sort(ends.begin(), ends.end());
  std::vector<TokenFacts> facts;
  uint32_t feats[kMaxBoundaryFeatures];
  for (uint32_t b = 0; b < doc.blocks.size(); ++b) {
    uint32_t first = static_cast<uint32_t>(doc.tokens.size());
    Tokenizer::tokenize_span(doc, doc.blocks[b].span);
    uint32_t last = static_cast<uint32_t>(doc.tokens.size());
    if (last == first) continue;
    token_facts(doc, first, last, doc.blocks[b].span.end, &facts);
    uint32_t n = last - first;
    for (uint32_t i = 0; i + 1 < n; ++i) {
      if (boundary_excluded(facts.data(), n, i)) continue;
      int k = boundary_features(facts.data(), n, i, feats);
      ex->width = k;
      ex->features.insert(ex->features.end(), feats, feats + k);
      uint32_t end = doc.tokens[first + i].span.end;
      ex->labels.push_back(std::binary_search(ends.begin(), ends.end(), end) ? 1 : -1);
    }
  }
  return Status::Ok();
}

Result<io::ConlluCorpus> read_filtered(const std::string& path, size_t* dropped) {
  SITREP_ASSIGN_OR_RETURN(auto corpus, io::read_conllu_file(path));
  io::ConlluCorpus c = std::move(corpus);
  size_t before = c.sentences.size();
  std::erase_if(c.sentences, [](const io::ConlluSentence& s) { return io::excluded_training_document(s.doc_id); });
  *dropped += before - c.sentences.size();
  return c;
}

std::shared_ptr<SentenceModel> quantise(const std::vector<float>& w, float threshold_fraction, float* scale_out) {
  float maxw = 0;
  for (float v : w) maxw = std::max(maxw, std::fabs(v));
  // Leave head room: the sum of ~25 weights must fit easily in int32, each in int16.
  float scale = maxw > 0 ? 32000.0f / maxw : 1.0f;
  auto m = std::make_shared<SentenceModel>();
  m->weights.resize(w.size());
  for (size_t i = 0; i < w.size(); ++i) m->weights[i] = static_cast<int16_t>(std::lround(w[i] * scale));
  m->threshold = static_cast<int32_t>(std::lround(threshold_fraction * 32000.0f));
  *scale_out = scale;
  return m;
}

}  // namespace

Status train_sentence_model(const SentenceTrainOptions& o, std::ostream& log) {
  auto t0 = std::chrono::steady_clock::now();
  Examples ex;
  size_t dropped = 0, sentences = 0;
  for (const auto& path : o.train) {
    SITREP_ASSIGN_OR_RETURN(auto c, read_filtered(path, &dropped));
    SITREP_RETURN_IF_ERROR(add_examples(c, &ex, &sentences));
  }
  SITREP_ASSIGN_OR_RETURN(auto dev, io::read_conllu_file(o.dev));
  size_t n = ex.labels.size();
  if (n == 0) return Status::Error("no training examples");
  size_t positives = std::count(ex.labels.begin(), ex.labels.end(), 1);
  log << fmt::format("training: {} sentences ({} left out by licence), {} candidates, {} boundaries\n", sentences,
                     dropped, n, positives);

  const size_t size = size_t{1} << kSentenceHashBits;
  std::vector<float> w(size, 0.0f), u(size, 0.0f), avg(size);
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(o.seed);
  float c = 1;
  double best_f1 = -1;
  std::vector<float> best;
  int best_epoch = 0;
  for (int epoch = 1; epoch <= o.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t errors = 0;
    for (uint32_t e : order) {
      const uint32_t* f = &ex.features[size_t{e} * ex.width];
      float s = 0;
      for (int k = 0; k < ex.width; ++k) s += w[f[k]];
      int y = ex.labels[e];
      if (y * s <= 0) {
        ++errors;
        for (int k = 0; k < ex.width; ++k) {
          w[f[k]] += y;
          u[f[k]] += y * c;
        }
      }
      c += 1;
    }
    for (size_t i = 0; i < size; ++i) avg[i] = w[i] - u[i] / c;
    float scale;
    auto model = quantise(avg, 0.0f, &scale);
    auto scores = eval::evaluate_tokenizer(dev, Tokenizer(model));
    if (!scores.ok()) return scores.status();
    double f1 = scores.value().sentences.f1();
    log << fmt::format("epoch {:2d}: {} training errors, dev sentences F1 {:.2f}\n", epoch, errors, f1);
    if (f1 > best_f1) {
      best_f1 = f1;
      best = avg;
      best_epoch = epoch;
    }
  }
  // The threshold, on dev.
  float best_threshold = 0;
  for (float th : {-0.08f, -0.04f, -0.02f, 0.02f, 0.04f, 0.08f}) {
    float scale;
    auto model = quantise(best, th, &scale);
    SITREP_ASSIGN_OR_RETURN(auto scores, eval::evaluate_tokenizer(dev, Tokenizer(model)));
    double f1 = scores.sentences.f1();
    log << fmt::format("threshold {:+.2f}: dev sentences F1 {:.2f}\n", th, f1);
    if (f1 > best_f1) {
      best_f1 = f1;
      best_threshold = th;
    }
  }
  float scale;
  auto model = quantise(best, best_threshold, &scale);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::string files, licences;
  for (const auto& p : o.train) {
    files += " " + p;
    if (p.find("ewt") != std::string::npos && licences.find("EWT") == std::string::npos)
      licences += " UD English EWT v2.15: CC BY-SA 4.0.";
    if (p.find("gum") != std::string::npos && licences.find("GUM") == std::string::npos)
      licences += " UD English GUM: CC BY (documents with _whow_ or _fiction_ in their id left out).";
  }
  std::string note = fmt::format(
      "Sentence boundary classifier (averaged perceptron, hashed features, int16 weights). Training data:{}."
      "{} Epoch and threshold chosen on {}. Command: sitrep train sentences --train{} --dev {} --out {} "
      "--epochs {}",
      files, licences, o.dev, files, o.dev, o.out, o.epochs);
  SITREP_RETURN_IF_ERROR(write_model_file(o.out, model->to_model_file(note)));
  log << fmt::format("best epoch {}, threshold {:+.2f}, dev sentences F1 {:.2f}; {:.1f} s; wrote {}\n", best_epoch,
                     best_threshold, best_f1, secs, o.out);
  return Status::Ok();
}

}  // namespace sitrep::text
