// Part-of-speech tagger: fills Word::upos, Word::xpos, Word::lemma and Word::feats.
//
// An averaged perceptron over hashed features, greedy left to right, predicting
// one joint UPOS+XPOS class per word (so the two always agree). Weights are int16
// rows, one per kept feature, looked up by the feature's 64-bit hash. Frequent
// unambiguous words are tagged from the tag dictionary without scoring. Lemmas
// come from the Lemmatizer, features (Number=Sing|...) from a table learned per
// class with per-word exceptions. See docs/tagger.md.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/model_file.h"
#include "core/status.h"
#include "tagger/hash_index.h"
#include "tagger/lemmatizer.h"

namespace sitrep::tagger {

inline constexpr std::string_view kTaggerKind = "tagger";
inline constexpr uint32_t kTaggerVersion = 1;

// What the tagger says about one word.
struct WordTags {
  uint16_t cls = 0;   // joint class (index into Tagger::classes())
  uint16_t upos = 0;  // core/tagset.h ids
  uint16_t xpos = 0;
};

struct TrainSentence;
struct TaggerTrainOptions;
class TaggerTrainer;

class Tagger {
 public:
  static Result<Tagger> load(const std::string& path);
  // models/tagger.bin in the source tree, or next to the executable.
  static Result<Tagger> load_default();
  static Result<Tagger> from_model_file(const ModelFile& file, std::string_view name);
  ModelFile to_model_file(std::string note) const;
  Status save(const std::string& path, std::string note) const;

  // Tags every sentence of `doc`: upos, xpos, lemma and feats of each word.
  // Thread-safe (the tagger is immutable; scratch space is per thread).
  void tag(Document& doc) const;

  // Tags one sentence given as word forms.
  void tag_words(std::span<const std::string_view> forms, std::span<WordTags> out) const;
  // Lemma and morphological features of a tagged word (may point into `scratch`
  // or into the model).
  std::string_view lemma(std::string_view form, const WordTags& tags, std::string& scratch) const {
    return lemmatizer_.lemmatize(form, tags.xpos, scratch);
  }
  std::string_view feats(std::string_view form, const WordTags& tags) const;

  const std::vector<std::pair<uint16_t, uint16_t>>& classes() const { return classes_; }
  size_t feature_count() const { return feature_keys_.size(); }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }

 private:
  friend class TaggerTrainer;
  Tagger() = default;
  void index();

  std::vector<std::pair<uint16_t, uint16_t>> classes_;  // (upos, xpos) per class
  uint32_t stride_ = 0;                                 // class count rounded up to 16
  std::vector<uint64_t> feature_keys_;                  // row order
  std::vector<int16_t> weights_;                        // rows x stride_
  float scale_ = 1;                                     // int16 units per perceptron unit
  std::vector<uint64_t> dict_keys_;                     // hash_bytes(form)
  std::vector<uint32_t> dict_values_;                   // (ambiguity id << 8) | (sure class + 1)
  Lemmatizer lemmatizer_;
  std::vector<std::string> class_feats_;                // most frequent FEATS per class
  std::vector<uint64_t> feats_keys_;                    // hash of (lowercase form, class)
  std::vector<std::string> feats_values_;
  HashIndex features_, dict_, feats_index_;             // built at load
};

}  // namespace sitrep::tagger
