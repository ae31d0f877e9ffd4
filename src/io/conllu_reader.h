// CoNLL-U reader: gold treebank files (Universal Dependencies) into flat arrays.
//
// Keeps what evaluation and re-tagging need: the sentence comments (# newdoc,
// # newpar, # sent_id, # text), the surface tokens (a multi-word range line
// "3-4" is one token whose words are the following rows) and the ten columns of
// every syntactic word. Empty nodes ("5.1") are skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace sitrep::io {

struct ConlluWord {
  std::string form, lemma, upos, xpos, feats, deprel, deps, misc;
  int head = 0;
};

struct ConlluToken {
  std::string form;
  uint32_t first_word = 0;  // index into ConlluCorpus::words
  uint32_t word_count = 1;  // > 1 for a multi-word token
  bool space_after = true;  // false when MISC has SpaceAfter=No
};

struct ConlluSentence {
  std::string id;      // # sent_id
  std::string text;    // # text
  std::string doc_id;  // # newdoc id (inherited by the following sentences)
  bool new_doc = false;
  bool new_par = false;
  uint32_t first_token = 0, token_count = 0;
  uint32_t first_word = 0, word_count = 0;
};

struct ConlluCorpus {
  std::vector<ConlluSentence> sentences;
  std::vector<ConlluToken> tokens;
  std::vector<ConlluWord> words;
  bool has_newpar = false;  // whether any sentence carried # newpar
};

// `name` is used in error messages ("file.conllu:17: ...").
Result<ConlluCorpus> parse_conllu(std::string_view bytes, std::string_view name);
Result<ConlluCorpus> read_conllu_file(const std::string& path);

// Treebank documents no shipped model may be trained on: GUM's how-to guides
// and fiction (ids with _whow_ or _fiction_) are CC BY-NC-SA. One rule for
// every trainer.
inline bool excluded_training_document(std::string_view doc_id) {
  return doc_id.find("_whow_") != std::string_view::npos || doc_id.find("_fiction_") != std::string_view::npos;
}

// The corpus as Documents that keep its tokenization, one per `# newdoc` (the
// whole corpus when there is none; `default_id` names it). The text is rebuilt
// from the tokens and SpaceAfter=No, sentences of a paragraph joined by a space,
// paragraphs by a blank line; each paragraph is one kNews block. Words of a
// multi-word token get the span of their form inside the token when it is a
// substring there, else the rest of the token. Gold columns are not copied: the
// pipeline re-tags and re-parses (as `udpipe --tag --parse` does).
std::vector<Document> conllu_documents(const ConlluCorpus& corpus, std::string_view default_id);


}  // namespace sitrep::io
