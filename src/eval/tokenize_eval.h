// Tokenization scoring as the CoNLL 2018 shared task defines it
// (conll18_ud_eval.py): system and gold are aligned by character offsets with
// white space removed; tokens and sentences are scored as spans, syntactic words
// by span outside multi-word tokens and by the longest common subsequence of
// their lowercased forms inside them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "io/conllu_reader.h"

namespace sitrep::text {
class Tokenizer;
}

namespace sitrep::eval {

struct Score {
  uint64_t gold = 0, system = 0, correct = 0;
  double precision() const { return system ? 100.0 * correct / system : 0.0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0.0; }
  double f1() const { return gold + system ? 200.0 * correct / (gold + system) : 0.0; }
};

struct TokenizeScores {
  Score tokens;
  Score words;
  Score multiwords;  // multi-word tokens: same span and the same word forms
  Score sentences;
};

// The raw text of a gold file as one Document: the `# text` of the sentences of a
// paragraph joined by one space, paragraphs and documents separated by "\n\n",
// each paragraph a kNews block (a file without # newpar: one paragraph per document).
// A sentence without # text is rebuilt from its token forms and SpaceAfter=No.
// `sentence_spans`, when given, receives the byte span of each gold sentence's text.
Document gold_document(const io::ConlluCorpus& gold, std::vector<Span>* sentence_spans = nullptr);

// Scores the tokens, words and sentences of `system` (whose text must hold the
// same non-white-space characters as the gold tokens) against `gold`.
Result<TokenizeScores> score_tokenization(const io::ConlluCorpus& gold, const Document& system);

// gold_document + Tokenizer::process + score_tokenization.
Result<TokenizeScores> evaluate_tokenizer(const io::ConlluCorpus& gold, const text::Tokenizer& tokenizer);

std::string scores_json(const TokenizeScores& s);   // one line
std::string scores_table(const TokenizeScores& s);  // readable, several lines

}  // namespace sitrep::eval
