// Gold named-entity spans for training and scoring the recognizer, from two
// kinds of corpora:
//  - IOB2 (Universal NER, PER/ORG/LOC): PERSON, ORG, LOC; such a corpus is
//    `partial`: its LOC covers our GPE and LOC, and NORP, EVENT, DATE, TIME are
//    not annotated in it (so its O says nothing about them).
//  - CoNLL-U with GUM's entity layer, mapped by gum_ner_spans() (rules below).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "io/conllu_reader.h"

namespace sitrep::entities {

struct NerSpan {
  uint32_t sentence = 0;    // corpus sentence index
  uint32_t first_word = 0;  // corpus word index
  uint32_t word_count = 0;
  EntityType type = EntityType::kNone;
};

struct NerCorpus {
  io::ConlluCorpus corpus;
  std::vector<NerSpan> spans;  // in text order, never overlapping
  bool partial = false;        // UNER: only PERSON, ORG and LOC (= GPE or LOC) are annotated
};

// Reads an IOB2 file (.iob2, or a file whose first word line has 3-5 columns)
// or a CoNLL-U file with GUM entities. With `drop_restricted`, documents that
// must not train a shipped model (io::excluded_training_document) are left out.
Result<NerCorpus> read_ner_corpus(const std::string& path, bool drop_restricted = false);

// GUM mentions as flat NER spans:
//  - person, organization, place and event mentions count when named: they carry
//    a Wikipedia identity or their syntactic head is a proper noun (NNP/NNPS).
//    The span is the run of proper nouns around the head inside the mention
//    (joined by "of", "the", "and", "&", "de", "-" between two of them), without
//    leading titles ("President", "Dr.") for persons: GUM's mention "the British
//    Prime Minister Theresa May" becomes "Theresa May".
//  - place: LOC when the name holds a geographic-feature or facility word
//    ("River", "Mountains", "Airport", "Street") or names a continent or region
//    ("Africa", "Middle East"); otherwise GPE (GUM does not tell them apart).
//  - time mentions: DATE, or TIME when a word names a part of the day or a clock
//    time ("morning", "night", "10:30", "p.m."); the whole mention span (<= 6 words).
//  - NORP: a capitalised adjective not first in its sentence ending like a
//    nationality ("-an", "-ese", "-ish", "-i", "-ch"), and one-word person mentions
//    that are plural proper nouns ("Americans").
//  Longer spans win where two overlap (GUM nests mentions; NER is flat).
std::vector<NerSpan> gum_ner_spans(const io::ConlluCorpus& corpus);

// Keeps the sentences of the documents whose `# newdoc id` passes `keep`.
void filter_documents(NerCorpus& corpus, const std::function<bool(std::string_view doc_id)>& keep);

// UNER tag types to ours: PER -> PERSON, ORG -> ORG, LOC -> LOC; others kNone.
EntityType uner_type(std::string_view type);

}  // namespace sitrep::entities
