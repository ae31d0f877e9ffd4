// GUM's entity layer: the mentions bracketed in the MISC column (`Entity=`),
// CoNLL 2012 style: "(id-type-infstat-salience-centering-minspan-link[-identity]"
// opens a mention on its first word, "id)" closes it on its last word, and
// "(...)" is a one-word mention. Read over an already parsed ConlluCorpus.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/conllu_reader.h"

namespace sitrep::io {

struct GumMention {
  uint32_t first_word = 0, word_count = 0;  // corpus word indices
  uint32_t sentence = 0;                    // corpus sentence index
  int group = 0;                            // coreference group id within its document
  std::string type;                         // person, place, organization, time, event, abstract...
  std::string identity;                     // Wikipedia title ("United_Kingdom"), "" when none
  std::vector<uint32_t> min_words;          // minimal-span head words, corpus word indices
};

// Every mention of the corpus, ordered by first word, then longest first.
// Unclosed or unmatched brackets are ignored (the mention is dropped).
std::vector<GumMention> gum_mentions(const ConlluCorpus& corpus);

}  // namespace sitrep::io
