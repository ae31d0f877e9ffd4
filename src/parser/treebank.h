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
};

Result<std::vector<TreebankSentence>> read_treebank(const std::string& path);

// Gold tokenization as a Document: one block, one token per word, words
// separated by spaces. With `gold_analysis` the tags, lemmas, heads and labels
// of the treebank are copied in; without, they are left empty.
Document treebank_document(const std::vector<TreebankSentence>& sentences, bool gold_analysis);

}  // namespace sitrep
