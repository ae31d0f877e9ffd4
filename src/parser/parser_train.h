// Training the parser: averaged perceptrons; greedy with a dynamic oracle
// (Goldberg & Nivre 2013, arc-hybrid), or (beam > 1) beam search with
// max-violation updates (Huang et al. 2012); model selection on a dev set.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/model_file.h"
#include "core/status.h"
#include "parser/treebank.h"
#include "tagger/clusters.h"

namespace sitrep {

struct ParserTrainOptions {
  int epochs = 12;
  int parser_bits = 22;    // rows of the transition table: 2^bits
  int label_bits = 18;     // rows of the label table
  double explore = 0.9;    // from epoch 2: follow the model's own (wrong) choice this often
  uint64_t seed = 1;
  bool label_correct_heads_only = false;  // train the labeller only on arcs with the gold head
  int beam = 1;            // > 1: beam search with global (max-violation) training of the transitions
  bool label_on_beam_path = true;  // beam: from epoch 2 the labeller learns on the beam's best sequence
  int prune = 1;           // quantised weights with |w| <= prune are set to 0 (smaller files)
  std::string note;        // model file note: data, licence, command
  const tagger::WordClusters* clusters = nullptr;  // word-cluster features (feature set 3), stored in the model
};

struct ParserTrainResult {
  ModelFile model;         // the best epoch on dev (or the last, without dev)
  int best_epoch = 0;
  double dev_uas = 0, dev_las = 0;
  double seconds = 0;
};

// `log` gets one line per epoch.
Result<ParserTrainResult> train_parser(const std::vector<TreebankSentence>& train,
                                       const std::vector<TreebankSentence>& dev, const ParserTrainOptions& options,
                                       const std::function<void(const std::string&)>& log);

// Replaces the gold UPOS/XPOS of `sentences` by those of a tagger trained on the
// other folds (k-fold jackknifing), so that the parser learns from the kind of
// tags it will see. Tagger epochs: `tagger_epochs`.
Status jackknife_tags(std::vector<TreebankSentence>& sentences, int folds, int tagger_epochs,
                      const std::function<void(const std::string&)>& log,
                      const tagger::WordClusters* clusters = nullptr);

// Replaces the UPOS/XPOS of `sentences` by those of the tagger model at `path`.
Status retag(std::vector<TreebankSentence>& sentences, const std::string& tagger_path);

}  // namespace sitrep
