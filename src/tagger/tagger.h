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
#include "tagger/clusters.h"
#include "tagger/hash_index.h"
#include "tagger/lemmatizer.h"

namespace sitrep::tagger {

inline constexpr std::string_view kTaggerKind = "tagger";
inline constexpr uint32_t kTaggerVersion = 2;  // 2: optional section "clusters"; version 1 files still load

// What the tagger says about one word.
struct WordTags {
  uint16_t cls = 0;   // joint class (index into Tagger::classes())
  uint16_t upos = 0;  // core/tagset.h ids
  uint16_t xpos = 0;
};

namespace detail {
struct WordInfo;
}
struct TrainSentence;
struct TaggerTrainOptions;
class TaggerTrainer;

class Tagger {
 public:
  static Result<Tagger> load(const std::string& path);
  // models/tagger.bin in the source tree, or next to the executable, with the shipped table
  // of irregular verbs added to its lemmatizer (Lemmatizer::add_irregular).
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
  size_t feature_count() const {
    size_t n = 0;
    for (const Pass& p : passes_) n += p.keys.size();
    return n;
  }
  size_t pass_count() const { return passes_.size(); }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  // How the training text wrote a lower-cased word in mid-sentence: 0 unseen (or too
  // rare), 1 never capitalised (or, too rare to count, a verb or noun of the lemmatizer's
  // lexicon), 2 rarely, 3 either way, 4 mostly, 5 always (a name).
  uint8_t capitalisation(std::string_view lower) const;
  // Word clusters stored in the model (empty for a model trained without them).
  const WordClusters& clusters() const { return clusters_; }

 private:
  friend class TaggerTrainer;
  friend Result<Tagger> train_tagger(const std::vector<TrainSentence>&, const std::vector<TrainSentence>&,
                                     const TaggerTrainOptions&);
  Tagger() = default;
  // One weight table. The first pass tags left to right from the words and its
  // own previous predictions; the second (if any) tags again, also seeing the
  // first pass's classes of the words around (to the right especially).
  // A row holds only its nonzero weights (about 4.5 of 73 classes), as
  // (class, int16 weight) entries: a few bytes per feature, so the whole table
  // stays in cache and a lookup touches one slot and one short run.
  struct Pass {
    std::vector<uint64_t> keys;          // feature hash per row
    std::vector<uint32_t> row_begin;     // rows + 1: each row's first entry
    std::vector<uint8_t> entry_class;    // per entry
    std::vector<int16_t> entry_weight;   // per entry
    float scale = 1;                     // int16 units per perceptron unit
    // Built at load: sparse rows' entries packed as weight * 256 + class, and
    // dense rows (those with many weights) as int16 x dense_stride.
    std::vector<int32_t> packed;
    std::vector<int16_t> dense;
    uint32_t dense_stride = 0;
  };
  void index();
  // Tags n words (info padded by 2 each side, static feature hashes n x
  // kStaticFeatures) with `pass`; `first` (padded by 2, or nullptr) holds the
  // first pass's classes.
  void run_pass(int pass, const detail::WordInfo* info, size_t n, const uint64_t* static_hashes,
                const uint16_t* first, WordTags* out) const;
  // A sentence needs a finite verb (tagger.cc).
  void ensure_finite_verb(std::span<const std::string_view> forms, const detail::WordInfo* info, WordTags* out) const;
  void reduced_relative_subject(std::span<const std::string_view> forms, WordTags* out) const;
  void opening_plural_noun(std::span<const std::string_view> forms, const detail::WordInfo* info, WordTags* out) const;
  void opening_plural_subject(std::span<const std::string_view> forms, WordTags* out) const;
  void plural_before_past(std::span<const std::string_view> forms, const detail::WordInfo* info, WordTags* out) const;
  void plural_in_men(std::span<const std::string_view> forms, WordTags* out) const;
  void past_before_coordinated_past(std::span<const std::string_view> forms, const detail::WordInfo* info,
                                    WordTags* out) const;
  void participle_before_joined_past(std::span<const std::string_view> forms, const detail::WordInfo* info,
                                     WordTags* out) const;
  void headline_verb(std::span<const std::string_view> forms, const detail::WordInfo* info, WordTags* out) const;
  void title_participle(std::span<const std::string_view> forms, const detail::WordInfo* info, WordTags* out) const;
  void killed_dead(std::span<const std::string_view> forms, const detail::WordInfo* info, WordTags* out) const;
  void participle_after_number(std::span<const std::string_view> forms, const detail::WordInfo* info,
                               WordTags* out) const;
  void infinitive_after_control_verb(std::span<const std::string_view> forms, const detail::WordInfo* info,
                                     WordTags* out) const;
  void plural_modifier_after_article(const detail::WordInfo* info, size_t n, WordTags* out) const;
  void participle_after_be(std::span<const std::string_view> forms, const detail::WordInfo* info, WordTags* out) const;
  void headline_subject_read_as_verb(std::span<const std::string_view> forms, const detail::WordInfo* info,
                                     WordTags* out) const;
  void opening_acronym(std::span<const std::string_view> forms, WordTags* out) const;
  // Gives a word the tags of class `cls` (the decoder and the sentence rules above).
  void retag(WordTags& w, int cls) const {
    w.cls = static_cast<uint16_t>(cls);
    w.upos = classes_[static_cast<size_t>(cls)].first;
    w.xpos = classes_[static_cast<size_t>(cls)].second;
  }

  std::vector<std::pair<uint16_t, uint16_t>> classes_;  // (upos, xpos) per class
  // VERB/VBD, VERB/VBN, NOUN/NNS, ADJ/JJ; -1 when absent
  int past_class_ = -1, participle_class_ = -1, plural_class_ = -1, adjective_class_ = -1;
  int present_s_class_ = -1, present_class_ = -1;  // VERB/VBZ, VERB/VBP
  int base_class_ = -1, to_class_ = -1;             // VERB/VB, PART/TO
  int noun_class_ = -1, proper_class_ = -1;         // NOUN/NN, PROPN/NNP
  std::vector<Pass> passes_;                            // 1 or 2
  // Built at load: feature hash -> per pass (first entry << 8) | entry count.
  CompactIndex rows_;
  std::vector<uint64_t> dict_keys_;                     // hash_bytes(form)
  std::vector<uint32_t> dict_values_;                   // (ambiguity id << 8) | (sure class + 1)
  Lemmatizer lemmatizer_;
  std::vector<std::string> class_feats_;                // most frequent FEATS per class
  std::vector<uint64_t> feats_keys_;                    // hash of (lowercase form, class)
  std::vector<std::string> feats_values_;
  HashIndex dict_, feats_index_;                        // built at load
  WordClusters clusters_;
};

}  // namespace sitrep::tagger
