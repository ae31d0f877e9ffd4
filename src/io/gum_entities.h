// GUM's entity and coreference layer: the `Entity=` brackets of the MISC column
// (CoNLL 2012 style, fields GRP-etype-infstat-salience-centering-minspan-link-identity;
// see ../shared/data/ud-english-gum/README.md, "Entity").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/conllu_reader.h"

namespace sitrep::io {

struct GumMention {
  uint32_t first_word = 0, word_count = 0;  // corpus word indices
  uint32_t sentence = 0;                    // corpus sentence index
  int group = 0;                            // coref group id within its document
  std::string type, identity;               // "person", "organization", "place"...; Wikipedia title or ""
  std::vector<uint32_t> min_words;          // minspan heads, corpus word indices
};

// Every mention of the corpus, in the order their opening brackets appear
// (nested mentions: outer first). Unclosed or unmatched brackets are dropped.
std::vector<GumMention> gum_mentions(const ConlluCorpus& corpus);

}  // namespace sitrep::io
