// Training of the sentence model (text/sentence_splitter.h): an averaged
// perceptron over the candidate boundaries of the rule tokenizer's tokens,
// labelled by the gold sentence ends of CoNLL-U files.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/status.h"

namespace sitrep::text {

struct SentenceTrainOptions {
  std::vector<std::string> train;  // CoNLL-U files
  std::string dev;                 // CoNLL-U file: picks the epoch and the threshold
  std::string out;                 // model path
  int epochs = 20;
  uint32_t seed = 1;
};

// Trains, reports progress to `log`, writes the model to options.out.
Status train_sentence_model(const SentenceTrainOptions& options, std::ostream& log);

}  // namespace sitrep::text
