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

// Reads a whole file into `out`; an error names the path.
Status read_file_bytes(const std::string& path, std::string* out);

}  // namespace sitrep::io
