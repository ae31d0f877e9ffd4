// Training the tagger (averaged perceptron) from gold treebank sentences.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "io/conllu_reader.h"
#include "tagger/tagger.h"

namespace sitrep::tagger {

struct TrainSentence {
  std::vector<std::string> forms, lemmas, feats;  // feats "" for "_"
  std::vector<uint16_t> upos, xpos;               // core/tagset.h ids
  int64_t group = -1;   // jackknife folds keep a group together (a sentence and its folded copies); -1: own index
  bool folded = false;  // a case-folded copy (add_case_copies): not used for lemmas, feats, capitalisation
};

// Appends lower-cased copies of a share `lower` of the sentences and upper-cased
// copies of a share `upper` (chosen by a fixed hash of the index: deterministic);
// lemmas and tags stay. Each copy joins its original's group.
void add_case_copies(std::vector<TrainSentence>& train, double lower, double upper);

// The sentences of a CoNLL-U corpus. With `drop_restricted`, GUM documents whose
// `# newdoc id` contains "_whow_" or "_fiction_" are left out (their licence
// forbids shipping models trained on them); `dropped` counts their sentences.
std::vector<TrainSentence> train_sentences(const io::ConlluCorpus& corpus, bool drop_restricted,
                                           size_t* dropped = nullptr);

struct TaggerTrainOptions {
  int epochs = 10;
  uint32_t min_feature_count = 2;  // features seen fewer times get no weights
  uint32_t min_class_count = 20;   // rarer UPOS+XPOS pairs are merged into a frequent one
  uint32_t dict_min_count = 3;     // words seen this often get a tag-dictionary entry
  uint32_t sure_min_count = 20;    // ... and skip scoring when this frequent and
  double sure_min_share = 0.99;    // ... this unambiguous
  double prune = 0.0;              // drop weights below this fraction of the largest
  int folds = 5;                   // jackknife folds for the second pass (< 2: one pass only)
  double case_lower = 0;           // train on lower-cased copies of this share of the sentences
  double case_upper = 0;           // ... and upper-cased copies of this share
  const WordClusters* clusters = nullptr;  // word-cluster features, stored in the model
  uint64_t seed = 1;
  std::function<void(const std::string&)> log;  // progress lines; may be empty
};

// Trains on `train`; after each epoch scores `dev` (if not empty) and keeps the
// best epoch's averaged weights.
Result<Tagger> train_tagger(const std::vector<TrainSentence>& train, const std::vector<TrainSentence>& dev,
                            const TaggerTrainOptions& options);

}  // namespace sitrep::tagger
