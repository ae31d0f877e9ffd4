// Scoring the tagger against gold CoNLL-U with gold tokenization: UPOS, XPOS,
// UFeats (the whole FEATS column), AllTags (UPOS+XPOS+FEATS) and lemma accuracy,
// as the CoNLL 2018 shared task scorer counts them when the words are given.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "io/conllu_reader.h"
#include "tagger/tagger.h"

namespace sitrep::tagger {

struct TaggerScores {
  uint64_t words = 0, upos = 0, xpos = 0, feats = 0, all_tags = 0, lemma = 0;
  double seconds = 0;  // time spent tagging (not reading)
  static double percent(uint64_t n, uint64_t of) { return of ? 100.0 * double(n) / double(of) : 0; }
};

// Tags the words of `gold` (sentence by sentence, gold tokenization) and counts
// agreements. Only documents whose `# newdoc id` starts with `doc_prefix` count
// (empty: all).
TaggerScores score_tagger(const Tagger& tagger, const io::ConlluCorpus& gold, std::string_view doc_prefix = "");

// Reads `gold_path` and scores it; for `sitrep eval`.
Status tagger_accuracy(const Tagger& tagger, const std::string& gold_path, std::string_view doc_prefix,
                       TaggerScores* scores);

// "UPOS 95.61  XPOS 95.10  UFeats 95.20  AllTags 93.80  Lemmas 97.50  (25096 words)"
std::string format_tagger_scores(const TaggerScores& s);

}  // namespace sitrep::tagger
