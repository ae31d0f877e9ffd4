// Tokenizer and sentence splitter: blocks to tokens, words and sentences,
// following Universal Dependencies (English EWT) tokenization.
//
// Tokens come from rules (see docs/tokenizer.md): one pass over the bytes of a
// block, white space never inside a token, contractions and possessives as
// multi-word tokens ("don't" = do + n't). Sentence boundaries between tokens come
// from a small trained classifier (text/sentence_splitter.h) or, without a model,
// from punctuation rules.
#pragma once

#include <memory>
#include <string>

#include "core/document.h"
#include "core/status.h"

namespace sitrep::text {

class SentenceModel;

// Whether `part` is a prefix the tokenizer keeps joined to the word after its hyphen, as EWT
// does ("non-stop", "anti-government", "sub-inspector": one word); only a word's first hyphen.
bool is_kept_prefix(std::string_view part);

class Tokenizer {
 public:
  // Rules only: sentence boundaries from punctuation rules.
  Tokenizer();
  explicit Tokenizer(std::shared_ptr<const SentenceModel> model);

  // Loads the default models (from models/ in the source tree or next to the binary).
  static Result<Tokenizer> load_default();
  // Loads the sentence model at `path` (models/sentences.bin).
  static Result<Tokenizer> load(const std::string& sentence_model_path);

  // Appends tokens, words and sentences for every kNews and kTitle block of `doc`
  // (doc.blocks must be set; see text/blocks.h). A sentence never crosses a block.
  // Thread-safe: a Tokenizer is immutable after loading.
  void process(Document& doc) const;

  // Appends the tokens and words of doc.text[span] (no sentences).
  static void tokenize_span(Document& doc, Span span);

  const SentenceModel* sentence_model() const { return model_.get(); }

 private:
  std::shared_ptr<const SentenceModel> model_;
};

}  // namespace sitrep::text
