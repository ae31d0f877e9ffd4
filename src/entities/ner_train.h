// Training the recognizer: a structured (first-order, Viterbi) averaged
// perceptron. Sentences of a `partial` corpus (UNER: PER/ORG/LOC only) get
// the NORP, EVENT, DATE and TIME spans UNER does not annotate from a first
// model trained on the fully labelled sentences (only on words UNER labels O),
// and are trained against the best path among the labels they allow: their LOC
// may be GPE or LOC (latent-label perceptron).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "entities/gazetteer.h"
#include "entities/ner.h"
#include "entities/ner_gold.h"
#include "tagger/tagger.h"

namespace sitrep::entities {

struct NerTrainSentence {
  std::vector<std::string> forms;
  std::vector<uint16_t> upos, xpos;
  std::vector<uint8_t> gold;  // BILOU classes (ner_features.h)
  std::vector<uint8_t> hint;  // document hints from a held-out first pass (empty: none)
  uint64_t doc = 0;           // hash of the document id: consecutive sentences with one value form a document
  bool partial = false;
  bool copy = false;          // a case-folded copy of the document before it (held-out hints keep them together)
};

// Appends after each document chosen (a share `lower` lower-cased, `upper`
// upper-cased, by a fixed hash of its id) a case-folded copy of it, tagged again by
// `tagger` on the folded words; gold classes stay.
void add_case_copies(std::vector<NerTrainSentence>& train, double lower, double upper, const tagger::Tagger& tagger);

// The sentences of a corpus with their gold classes; UPOS/XPOS predicted by
// `tagger` (as at run time), or the corpus's own when it is null.
std::vector<NerTrainSentence> ner_train_sentences(const NerCorpus& corpus, const tagger::Tagger* tagger);

struct NerTrainOptions {
  int epochs = 12;
  uint32_t min_feature_count = 2;  // rarer features get no weights
  uint64_t seed = 1;
  const Gazetteer* gazetteer = nullptr;  // non-empty: train with gazetteer features
  const NerLexicon* lexicon = nullptr;   // non-empty: name-list features, stored in the model
  const tagger::WordClusters* clusters = nullptr;  // non-empty: word-cluster features, stored in the model
  bool doc_hints = false;  // document hints: train on those of a 2-fold held-out first pass
  std::function<void(const std::string&)> log;
};

// Span F1 of `ner` on sentences (for a partial set: PERSON, ORG, LOC with GPE as LOC).
double ner_dev_f1(const Ner& ner, const std::vector<NerTrainSentence>& dev);

// Trains; after each epoch scores every dev set (mean F1) and keeps the best epoch.
Result<Ner> train_ner(const std::vector<NerTrainSentence>& train, const std::vector<std::vector<NerTrainSentence>>& dev,
                      const NerTrainOptions& options);

}  // namespace sitrep::entities
