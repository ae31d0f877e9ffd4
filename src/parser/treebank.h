// Treebank sentences for training and scoring the parser: the syntactic words
// of a CoNLL-U file (read by io/conllu_reader.h) with tag and relation ids, and
// their conversion to a Document with one token per word (gold tokenization).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace sitrep {

struct TreebankWord {
  std::string form, lemma;
  uint16_t upos = 0, xpos = 0, deprel = 0;  // ids into core/tagset.h
  uint32_t head = 0;
};

struct TreebankSentence {
  std::string doc_id;  // the last `# newdoc id` seen
  std::vector<TreebankWord> words;
  int64_t group = -1;   // jackknife folds keep a group together (a sentence and its case-folded copies); -1: own index
  bool folded = false;  // a case-folded copy (add_case_copies)
};

// Appends lower-cased copies of a share `lower` of the sentences and upper-cased
// copies of a share `upper` (core/case_fold.h; a fixed hash of the index chooses);
// lemmas, tags and trees stay. Each copy joins its original's group.
void add_case_copies(std::vector<TreebankSentence>& sentences, double lower, double upper);

Result<std::vector<TreebankSentence>> read_treebank(const std::string& path);

// Gold tokenization as a Document: one block, one token per word, words
// separated by spaces. With `gold_analysis` the tags, lemmas, heads and labels
// of the treebank are copied in; without, they are left empty.
Document treebank_document(const std::vector<TreebankSentence>& sentences, bool gold_analysis);

}  // namespace sitrep
