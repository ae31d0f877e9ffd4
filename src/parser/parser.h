// Parser: labelled dependency parsing of the words of each sentence.
//
// An arc-hybrid transition parser (SHIFT, LEFT, RIGHT) scored by an averaged
// perceptron over hashed Zhang & Nivre (2011) style features, with a second
// perceptron that labels each arc the moment it is built, so that later
// decisions see the labels of the children. Beam search (the width is stored
// in the model; 1 = greedy) with a globally trained (max-violation) transition
// model, or greedy with a dynamic oracle (see parser/parser_train.h and
// docs/parser.md).
//
// Input: the forms and Word::xpos / Word::upos of each sentence (from the
// tagger). Output: Word::head and Word::deprel for every word. The trees are
// always well formed, whatever the input: exactly one word hangs from the root
// (deprel "root"), every other word has a head inside the sentence, no cycles.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/model_file.h"
#include "core/status.h"

namespace sitrep {

namespace parser_detail {
struct ParserWeights;
}

class Parser {
 public:
  static constexpr const char* kModelKind = "parser";
  static constexpr uint32_t kModelVersion = 2;  // 2: beam width in the meta section

  // Reads a model written by the trainer (models/parser.bin).
  static Result<Parser> load(const std::string& path);
  // $SITREP_MODELS/parser.bin, else models/parser.bin in the source tree.
  static Result<Parser> load_default();
  static std::string default_path();
  // From an already decoded model file (the trainer uses it for dev scores).
  static Result<Parser> from_model(const ModelFile& model, std::string_view name);

  // Fills head and deprel of every word of every sentence. Thread-safe.
  void parse(Document& doc) const;
  // One sentence: words [first, first + count) of `doc`.
  void parse_sentence(Document& doc, uint32_t first, uint32_t count) const;
  // The beam width the model was trained with (1: greedy); `set_beam` overrides it (experiments).
  int beam() const;
  void set_beam(int beam);

  Parser(Parser&&) noexcept;
  Parser& operator=(Parser&&) noexcept;
  ~Parser();

 private:
  Parser();
  std::unique_ptr<parser_detail::ParserWeights> w_;
};

}  // namespace sitrep
