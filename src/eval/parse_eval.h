// Scoring tagging and parsing against a gold CoNLL-U file, as the CoNLL 2018
// shared task does for gold tokenization: UPOS, XPOS, lemma accuracy, UAS, and
// LAS on the universal part of the relation (before ':'), punctuation included.
#pragma once

#include <cstdint>
#include <string>

#include "core/document.h"
#include "core/status.h"

namespace sitrep::eval {

struct ParseScores {
  uint64_t words = 0;         // gold words
  uint64_t system_words = 0;  // words the system produced (= words with gold tokenization)
  uint64_t upos = 0, xpos = 0, lemmas = 0, uas = 0, las = 0;  // words right
  static double pct(uint64_t right, uint64_t total) { return total ? 100.0 * right / total : 0.0; }
  // The shared task's F1 over aligned words; with gold tokenization, the accuracy.
  double f1(uint64_t right) const { return words + system_words ? 200.0 * right / (words + system_words) : 0.0; }
  void add(const ParseScores& o);
};

// Compares two analyses of the same words (same sentences, same word count).
ParseScores score_parse(const Document& gold, const Document& pred);

// True when two relations share their universal part ("nsubj" and "nsubj:pass").
bool same_universal_relation(uint16_t a, uint16_t b);

struct ParseEvalOptions {
  std::string gold_path;
  std::string parser_model;   // empty: Parser::default_path()
  std::string tagger_model;   // empty: the default tagger model
  bool gold_tags = false;     // keep the gold UPOS/XPOS/lemmas instead of re-tagging
  std::string doc_prefix;     // keep only documents whose newdoc id starts with this
  // Tokenize and split the raw text of the gold file (rebuilt as `eval tokenize`
  // does) instead of keeping its tokenization; words are aligned by characters
  // as conll18_ud_eval.py aligns them, and each figure is an F1.
  bool raw = false;
  int beam = 0;               // > 0: parse with this beam width instead of the model's (experiments)
};

struct ParseEvalResult {
  ParseScores scores;
  double seconds = 0;           // tagging + parsing (+ tokenizing with raw): CPU time of the one thread
  double tag_seconds = 0;       // the tagging part of it
  double wall_seconds = 0;      // the same on the wall clock (depends on the machine's load)
  double words_per_second = 0;  // words / seconds
  bool retagged = false;        // false: gold tags were used (no tagger, or gold_tags)
  std::string warning;          // why the gold tags were used although not asked for
};

Result<ParseEvalResult> evaluate_parse(const ParseEvalOptions& options);

}  // namespace sitrep::eval
