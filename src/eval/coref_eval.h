// Coreference scores: MUC, B³ and CEAFe (entity-based, φ4) as the CoNLL-2012
// reference scorer defines them, summed over documents; CoNLL F1 is their mean.
// And the `sitrep eval coref` run on GUM: our mentions (or GUM's) and sieve
// against GUM's coreference groups of person, organization and place entities.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace sitrep::eval {

using Clustering = std::vector<std::vector<uint64_t>>;  // clusters of mention ids

struct MetricCounts {
  double recall_num = 0, recall_den = 0, precision_num = 0, precision_den = 0;
  double recall() const { return recall_den > 0 ? recall_num / recall_den : 0; }
  double precision() const { return precision_den > 0 ? precision_num / precision_den : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct CorefScores {
  MetricCounts muc, b3, ceafe;
  // Adds one document: `key` the gold clusters, `response` the system's. A
  // mention id in only one of them is a twinless mention (counts against it).
  void add_document(const Clustering& key, const Clustering& response);
  double conll_f1() const { return (muc.f1() + b3.f1() + ceafe.f1()) / 3; }
};

struct CorefEvalOptions {
  std::string gold_path;
  std::string genre;           // keep only GUM_<genre>_ documents; empty: all but whow and fiction
  bool gold_mentions = false;  // link GUM's mentions instead of detecting ours
  bool explain = false;        // print every mention, its link, the pass and GUM's group to stderr
};

struct CorefEvalResult {
  CorefScores scores;
  uint64_t documents = 0, key_mentions = 0, response_mentions = 0, key_entities = 0, response_entities = 0;
  double parse_seconds = 0, mention_seconds = 0, coref_seconds = 0;
};

Result<CorefEvalResult> evaluate_coref(const CorefEvalOptions& opt);

}  // namespace sitrep::eval
