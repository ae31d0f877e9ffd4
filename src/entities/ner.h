// Named-entity recognizer: PERSON, ORG, GPE, LOC, NORP, EVENT, DATE, TIME spans.
//
// A first-order structured perceptron (averaged) over BILOU classes, decoded by
// Viterbi within each sentence, so the spans are always well formed and never
// cross a sentence. Emission features are hashed (see ner_features.h): word
// form, lowercase, prefixes, suffixes, shape, the predicted UPOS/XPOS of the
// words around, capitalisation in context and optional gazetteer bits. Weights
// are int16 rows holding only their nonzero classes. See docs/ner.md.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/model_file.h"
#include "core/status.h"
#include "entities/gazetteer.h"
#include "entities/ner_lexicon.h"
#include "tagger/clusters.h"
#include "tagger/hash_index.h"

namespace sitrep::entities {

inline constexpr std::string_view kNerKind = "ner";
inline constexpr uint32_t kNerVersion = 3;  // 2: 50 features, name lists (NerLexicon); 3: + word clusters (version 2 still loads)

namespace detail {
struct NerWord;
}
class NerTrainer;

class Ner {
 public:
  static Result<Ner> load(const std::string& path);
  // $SITREP_MODELS/ner.bin, models/ner.bin in the source tree, or next to the executable.
  static Result<Ner> load_default();
  static Result<Ner> from_model_file(const ModelFile& file, std::string_view name);
  ModelFile to_model_file(std::string note) const;
  Status save(const std::string& path, std::string note) const;

  // Appends a kName Mention for every entity found in the tagged (and, for
  // head_word, parsed) sentences of `doc`; doc.mentions stays in text order.
  // Thread-safe.
  void tag(Document& doc) const;

  // One sentence: the BILOU class of each word (see ner_features.h).
  void decode(std::span<const detail::NerWord> words, std::span<uint8_t> classes) const;

  // The sentences of one document, flat: sentence s is words [begin[s], begin[s + 1]).
  // A first pass, then, when the model was trained with document hints, a second
  // pass over the sentences that have a word labelled elsewhere in the document.
  // Sets the words' hints.
  void decode_document(std::span<detail::NerWord> words, std::span<const uint32_t> begin, std::span<uint8_t> classes) const;
  bool uses_doc_hints() const { return uses_doc_hints_; }

  // The gazetteer whose bits the model was trained with (may be empty).
  const Gazetteer& gazetteer() const { return gazetteer_; }
  void set_gazetteer(Gazetteer g) { gazetteer_ = std::move(g); }
  bool uses_gazetteer() const { return uses_gazetteer_; }
  size_t feature_count() const { return keys_.size(); }
  const NerLexicon& lexicon() const { return lexicon_; }
  const tagger::WordClusters& clusters() const { return clusters_; }

 private:
  friend class NerTrainer;
  Ner() = default;
  void index();
  // Adds the weights of templates [k0, k1) of n words' hashes to emit (n x classes).
  void add_rows(const uint64_t* hashes, size_t n, int k0, int k1, int32_t* emit) const;

  std::vector<uint64_t> keys_;          // feature hash per row
  std::vector<uint32_t> row_begin_;     // rows + 1
  std::vector<uint8_t> entry_class_;
  std::vector<int16_t> entry_weight_;
  std::vector<int32_t> transitions_;    // (kClasses + 1) x kClasses, last row = sentence start
  float scale_ = 1;
  // Capitalisation statistics of lowercase forms in the training data.
  std::vector<uint64_t> caps_keys_;
  std::vector<uint32_t> caps_values_;
  tagger::HashIndex caps_;              // built at load
  bool uses_gazetteer_ = false;
  bool uses_doc_hints_ = false;
  // Built at load: feature hash -> (first packed entry << 8) | entry count.
  tagger::HashIndex rows_;
  std::vector<int32_t> packed_;         // weight * 256 + class
  Gazetteer gazetteer_;
  NerLexicon lexicon_;  // name lists, stored in the model
  tagger::WordClusters clusters_;  // word clusters, stored in the model (empty: none)
};

}  // namespace sitrep::entities
