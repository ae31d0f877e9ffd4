// Sentence splitting: decides, between two tokens of one block, whether a
// sentence ends there.
//
// A candidate boundary is described by hashed integer features of the tokens
// around it (lowercased form, kind, shape, the white space after, quote and
// bracket state) and scored by an averaged perceptron whose weights are stored
// as int16 in models/sentences.bin (core/model_file.h, kind "sentence-splitter").
// Without a model, punctuation rules decide.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/model_file.h"
#include "core/status.h"

namespace sitrep::text {

inline constexpr const char* kSentenceModelKind = "sentence-splitter";
inline constexpr uint32_t kSentenceModelVersion = 1;
inline constexpr uint32_t kSentenceHashBits = 18;
inline constexpr int kMaxBoundaryFeatures = 32;

// What a token is, for the boundary features.
enum TokenKind : uint8_t {
  kKindLower = 0,   // a word starting with a lowercase letter
  kKindCapital,     // a word starting with an uppercase letter
  kKindUpper,       // an all-caps word of 2+ letters
  kKindNumber,      // starts with a digit
  kKindAbbrev,      // a word ending with '.' (Mr. U.S. etc.)
  kKindPeriod,      // .
  kKindBang,        // ! ? and runs of them
  kKindEllipsis,    // .. ... …
  kKindOpenQuote,   // “ ‘ «
  kKindCloseQuote,  // ” ’ »
  kKindQuote,       // " ' (direction unknown)
  kKindOpenBracket,
  kKindCloseBracket,
  kKindColon,  // : ;
  kKindComma,
  kKindDash,  // - -- – —
  kKindSymbol,
  kKindOther,  // words starting with something else
  kKindCount
};

// Per-token facts, computed once per block.
struct TokenFacts {
  uint32_t lower_hash = 0;  // hash of the lowercased bytes
  uint32_t shape_hash = 0;  // hash of the collapsed shape (Xx, dd.d, ...)
  uint8_t kind = 0;         // TokenKind
  uint8_t gap = 0;          // after the token: 0 nothing, 1 spaces, 2 a newline, 3 a blank line
  uint8_t quote = 0;        // 1 when inside a quotation (after the token)
  uint8_t bracket = 0;      // 1 when inside brackets (after the token)
  uint8_t title_abbrev = 0; // 1 for Mr. Dr. Jan. ...: never the end of a sentence
  uint8_t length = 0;       // byte length, capped at 255
  uint8_t hashed = 0;       // 1 once lower_hash and shape_hash are set
};

// Whether `word` (without its final '.') is an abbreviation that keeps its
// period (Mr, Inc, Jan, etc, vs ...). `title` is set for those that never end
// a sentence in news text (Mr, Dr, Gen, Jan ...).
bool is_abbreviation(std::string_view word, bool* title);

// Facts of tokens [first, last) of `doc` (their block ending at `block_end`);
// the hashes only when `hashes` (else hash_facts sets them when needed).
void token_facts(const Document& doc, uint32_t first, uint32_t last, uint32_t block_end,
                 std::vector<TokenFacts>* out, bool hashes = true);
// Sets the hashes of facts[i] (token first + i) unless they are set.
void hash_facts(const Document& doc, uint32_t first, TokenFacts* facts, uint32_t i);

// Features of a boundary after facts[i] (i + 1 < n) into out; returns their count.
int boundary_features(const TokenFacts* facts, uint32_t n, uint32_t i, uint32_t* out);

// Whether the boundary after facts[i] is obviously not one (a lowercase word
// followed by a lowercase word on the same line; a title abbreviation). Such
// candidates are neither scored nor trained on.
bool boundary_excluded(const TokenFacts* facts, uint32_t n, uint32_t i);

// Punctuation rules used when there is no model.
bool boundary_by_rules(const TokenFacts* facts, uint32_t n, uint32_t i);

class SentenceModel {
 public:
  std::vector<int16_t> weights;  // 1 << kSentenceHashBits
  int32_t threshold = 0;         // a boundary when the score is above it

  int32_t score(const uint32_t* features, int n) const {
    int32_t s = 0;
    for (int k = 0; k < n; ++k) s += weights[features[k]];
    return s;
  }

  static Result<std::shared_ptr<const SentenceModel>> load(const std::string& path);
  static Result<std::shared_ptr<const SentenceModel>> from_model_file(const ModelFile& file, std::string_view name);
  ModelFile to_model_file(std::string note) const;
};

// The longest sentence the later stages see. A longer run of tokens (a page
// without punctuation, a list flattened into one line) is cut, at a line break
// when its second half has one, else at ; or :, else at a comma or dash, else at
// the cap; so parsing and coding stay linear in the length of any input.
inline constexpr uint32_t kMaxSentenceTokens = 200;

// Reused across calls of split_sentences.
struct SentenceScratch {
  std::vector<TokenFacts> facts;
  std::vector<uint32_t> ends;
  uint32_t cut = 0;  // sentences cut at kMaxSentenceTokens so far
};

// Splits tokens [first, last) of block `block` (the last tokens and words of
// `doc`) into sentences appended to doc.sentences. `model` may be null (rules).
// An abbreviation that ends a sentence gives its period to a token of its own,
// as in EWT ("etc." at the end of a sentence is "etc" + ".").
void split_sentences(Document& doc, uint32_t block, uint32_t first, uint32_t last, const SentenceModel* model,
                     SentenceScratch* scratch);
// Tokens [first, last) of a title block as one sentence, unless longer than kMaxSentenceTokens.
void title_sentences(Document& doc, uint32_t block, uint32_t first, uint32_t last, SentenceScratch* scratch);

}  // namespace sitrep::text
