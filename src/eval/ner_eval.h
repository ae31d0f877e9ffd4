// Scoring the named-entity recognizer against gold spans (exact span and type
// match), on the gold tokenization: the words of the gold file are tagged,
// parsed and recognised by our pipeline, as NER benchmarks usually do (no
// tokenization errors counted).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "entities/ner_gold.h"

namespace sitrep::eval {

struct NerCounts {
  uint64_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? 100.0 * tp / (tp + fp) : 0; }
  double recall() const { return tp + fn ? 100.0 * tp / (tp + fn) : 0; }
  double f1() const { return 2 * tp + fp + fn ? 200.0 * tp / (2 * tp + fp + fn) : 0; }
  void add(const NerCounts& o) { tp += o.tp, fp += o.fp, fn += o.fn; }
};

struct NerScores {
  // PERSON, ORG, LOC as UNER has them: GPE counts as LOC, other types are ignored.
  std::array<NerCounts, kEntityTypeCount> mapped{};
  NerCounts mapped_total;
  // Every type (meaningless for a partial gold corpus such as UNER).
  std::array<NerCounts, kEntityTypeCount> all{};
  NerCounts all_total;
  bool partial = false;
};

// Scores `pred` against `gold`: both in corpus sentence/word indices.
NerScores score_ner(const entities::NerCorpus& gold, const std::vector<entities::NerSpan>& pred);

struct NerEvalOptions {
  std::string gold_path;
  std::string model;   // empty: models/ner.bin
  std::string genre;   // GUM: keep only documents whose id contains "_<genre>_"
  std::string dump;    // write each word with its gold and predicted BIO tag here (for error analysis)
};

struct NerEvalResult {
  NerScores scores;
  uint64_t words = 0;
  double ner_seconds = 0;  // CPU time of the recognizer alone
};

Result<NerEvalResult> evaluate_ner(const NerEvalOptions& options);

}  // namespace sitrep::eval
