// Gazetteer: names from our actor dictionary (data/actors/*.tsv, docs/actors.md)
// as category bits on the words they cover, for the recognizer's features.
// Longest token-sequence match wins; matching is case-sensitive on word forms,
// a leading "the" of an entry is dropped (the text may or may not have it).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/status.h"
#include "tagger/hash_index.h"

namespace sitrep::entities {

namespace detail {
struct NerWord;
}

class Gazetteer {
 public:
  enum Category : uint32_t {
    kCountry = 1,      // country and territory names
    kNationality = 2,  // adjectives and demonyms ("Chinese", "Ukrainians")
    kCity = 4,         // capitals, metonyms, cities
    kIgo = 8,          // international organisations
    kPerson = 16,      // persons in office and their aliases
    kRole = 32,        // role words ("minister", "troops")
  };

  // Reads countries.tsv, igos.tsv, persons.tsv, roles.tsv, cities.tsv from `dir`
  // (each optional). A file with no known column is an error naming it.
  static Result<Gazetteer> load_dir(const std::string& dir);
  // data/actors, found by core/locate.h; the error names every place looked.
  // Only training reads it: a trained model carries its gazetteer (serialize()).
  static Result<Gazetteer> load_default();

  // The entries as bytes, for a model file section, and back (false when corrupt).
  std::string serialize() const;
  bool deserialize(std::string_view bytes);

  void add(std::string_view name, uint32_t categories);
  bool empty() const { return entries_.size() == 0; }
  size_t size() const { return entries_.size(); }

  // Sets words[i].gaz to (categories << 2) | position (1 first word, 2 inside,
  // 3 the whole match) of the longest match covering it, else 0.
  void annotate(std::span<detail::NerWord> words) const;

 private:
  static constexpr int kMaxWords = 6;
  tagger::HashIndex entries_;  // hash of the word sequence -> category bits
};

}  // namespace sitrep::entities
