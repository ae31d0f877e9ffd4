// Tokenizer and sentence splitter: blocks to tokens, words and sentences,
// following Universal Dependencies (English EWT) tokenization.
#pragma once

#include "core/document.h"
#include "core/status.h"

namespace sitrep::text {

class Tokenizer {
 public:
  // Loads the default models (from models/ in the source tree or next to the binary).
  static Result<Tokenizer> load_default();

  // Appends tokens, words and sentences for every kNews and kTitle block of `doc`
  // (doc.blocks must be set; see text/blocks.h). A sentence never crosses a block.
  // Thread-safe: a Tokenizer is immutable after loading.
  void process(Document& doc) const;
};

}  // namespace sitrep::text
