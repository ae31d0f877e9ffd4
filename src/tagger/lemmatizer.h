// Lemmatizer: (form, XPOS) -> lemma, as UD English (EWT, GUM) lemmatises.
//
// Two tables, both learned from the training treebanks and stored in the tagger
// model (the runtime reads nothing else):
//   rules       per XPOS, the longest lowercase suffix of the form (0-7 bytes)
//               that was seen in training picks an edit: lowercase or keep the
//               case, strip N bytes, append a string ("studies"/NNS: -3 +"y").
//               Only suffixes whose edit differs from the shorter suffix's are kept.
//   exceptions  (form, XPOS) -> the most frequent lemma, kept only where the
//               rules would get it wrong ("went"/VBD -> "go", "children" -> "child",
//               "better"/JJR -> "good"). Looked up by the exact form, then by its
//               lowercase (sentence-initial "Said").
//   lexicon     the lowercase lemmas of the training verbs and of the nouns
//               (32-bit hashes of lemma + class). Where the rules give a verb a
//               lemma never seen as a verb ("blamed" -> "blam", "shelled" ->
//               "shel"), the regular alternatives (-ed/-ing/-s stripped, +e,
//               doubled consonant undone, i -> y) are tried and the first known
//               verb is taken ("blame"), else the first known noun ("shell").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model_file.h"
#include "core/status.h"
#include "tagger/hash_index.h"

namespace sitrep::tagger {

class Lemmatizer {
 public:
  struct Example {
    std::string_view form, lemma;
    uint16_t xpos = 0;
  };
  // A verb form and its lemma from a table of irregular verbs ("fled", "flee").
  struct IrregularForm {
    std::string form, lemma;
  };
  // Learns rules and exceptions from gold (form, XPOS, lemma) triples.
  static Lemmatizer train(const std::vector<Example>& examples);
  // Adds a table of irregular verbs: a form tagged VBD, VBN, VBG or VBP (the tagger gives an
  // unknown past form any of them) whose lemma the rules miss and no exception of the
  // treebanks gives ("fled": the rules made it "flead", "slain" "sla") gets the table's
  // lemma as an exception; the lemmas join the known verbs. Returns the exceptions added.
  size_t add_irregular(const std::vector<IrregularForm>& forms);
  // Reads a table of irregular verbs (data/lexicon/irregular-verbs.tsv: lemma, past tense,
  // past participle, alternatives joined by '|', '#' comments); errors name the file and line.
  static Result<std::vector<IrregularForm>> read_irregular_verbs(const std::string& path);

  void save(ByteWriter& out) const;
  static Result<Lemmatizer> load(std::string_view bytes);

  // The lemma of `form` tagged `xpos` (an id of core/tagset.h). The result may
  // point into `scratch`, into the lemmatizer, or into `form`.
  std::string_view lemmatize(std::string_view form, uint16_t xpos, std::string& scratch) const;

  // Whether `form` is an irregular past form of a verb the treebanks saw ("shot", "fought",
  // "threw"): not a regular -ed/-ing/-y form, and its past-tense or participle lemma is a
  // known verb other than the form that keeps its first letter.
  bool irregular_past(std::string_view form, std::string& scratch) const;
  // Whether `form` is a past form of a verb the treebanks saw: irregular as above, or a
  // regular "-ed" form whose past-tense lemma is a known verb ("injured", "killed").
  bool past_form(std::string_view form, std::string& scratch) const;
  // Whether `form` is a past form whose lemma the treebanks or the irregular-verb table list
  // as an exception ("shot" -> "shoot", "fled" -> "flee"): no guess of the rules.
  bool listed_past(std::string_view form, std::string& scratch) const;
  // Whether lower-cased `word` is a verb or noun of the treebanks or a regular inflection of
  // one ("apologized", "rebels"): an English word, not a name.
  bool dictionary_word(std::string_view word, std::string& scratch) const;
  // Whether lower-case `lemma` is a verb the treebanks saw.
  bool known_verb(std::string_view lemma) const;

  size_t rule_count() const { return rule_keys_.size(); }
  size_t exception_count() const { return exception_keys_.size(); }
  size_t lexicon_size() const { return lexicon_keys_.size(); }

 private:
  struct Edit {
    bool lower = false;
    uint8_t strip = 0;
    std::string append;
  };
  static uint64_t rule_key(uint16_t xpos, std::string_view lower_suffix);
  static uint64_t exception_key(uint16_t xpos, std::string_view form);
  std::string_view apply_rules(std::string_view form, uint16_t xpos, std::string& scratch) const;
  std::string_view exception_at(uint32_t i) const;
  // apply_rules, then the lexicon check for verbs.
  std::string_view guess(std::string_view form, uint16_t xpos, std::string& scratch) const;
  bool known(std::string_view lower_lemma, uint32_t cls) const;
  static uint32_t lexicon_key(std::string_view lower_lemma, uint32_t cls);
  void index();

  std::vector<Edit> edits_;
  std::vector<uint64_t> rule_keys_;
  std::vector<uint32_t> rule_edits_;  // parallel to rule_keys_: index into edits_
  std::vector<uint64_t> exception_keys_;
  std::vector<uint32_t> exception_offsets_;  // parallel: begin in exception_text_; end = next begin
  std::string exception_text_;
  std::vector<uint32_t> lexicon_keys_;  // sorted, unique
  HashIndex rules_, exceptions_, lexicon_;  // built at load: key -> index into the parallel arrays
};

}  // namespace sitrep::tagger
