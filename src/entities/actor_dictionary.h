// ActorDictionary: our actor dictionary (data/actors/*.tsv, format in docs/actors.md)
// loaded into flat tables, with a longest-match scan over a sentence's words.
//
// Names (countries, adjectives, metonyms, IGOs, persons, cities) match the words'
// surface forms case-sensitively; role words match the words' lowercased lemmas.
// Phrases are found through 64-bit hashes of their words (no strings are built
// during a scan): every prefix of every phrase is in the table, so a scan
// extends a match word by word and stops at the first word no phrase continues with.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "tagger/hash_index.h"

namespace sitrep::entities {

enum class GazetteerCategory : uint8_t {
  kCountryName = 0,  // "China", "U.S."
  kNationality = 1,  // "Chinese", "Ukrainians"
  kMetonym = 2,      // "Beijing", "Kremlin" (capital or seat of government)
  kIgo = 3,          // "UN Security Council", "NATO"
  kPerson = 4,       // "Joe Biden", "Zelenskyy"
  kRole = 5,         // "foreign minister", "troops"
  kCity = 6,         // "Kramatorsk"
};
inline constexpr int kGazetteerCategoryCount = 7;
const char* gazetteer_category_name(GazetteerCategory c);

struct ActorEntry {
  GazetteerCategory category = GazetteerCategory::kCountryName;
  std::string code;    // country "UKR"; IGO "IGOUNO"; person "USAGOV"; city: its country; role: "GOV"
  std::string role;    // metonyms: "GOV" ("Kremlin=GOV"), else empty
  std::string name;    // canonical: the country's or IGO's first name, the person's name, the role word
  std::string admin1;  // cities: ISO 3166-2 subdivision, may be empty
  std::string iso2;    // countries: ISO 3166-1 alpha-2 (may be empty)
  std::string fips;    // countries: FIPS 10-4 code (GDELT's geo country codes), may be empty
  GeoPoint point;      // countries (centroid of the largest part) and cities; may be unknown
  std::string office;  // persons
  Date from, to;       // persons: the office's dates (`to` unknown: still in office)
  bool weak = false;   // persons: a "~" alias, trusted only when the full name is in the text
  int32_t country = -1;  // index of the country entry (category kCountryName) of `code`, -1 if none
};

// A dictionary phrase found in a sentence. Words are document word indices.
struct GazetteerHit {
  uint32_t first_word = 0;
  uint32_t word_count = 0;
  GazetteerCategory category = GazetteerCategory::kCountryName;
  uint32_t entry = 0;  // index of the first entry of this category for the phrase
  uint32_t group = 0, group_size = 1;  // all its entries of this category: see ActorDictionary::entries
};

class ActorDictionary {
 public:
  // Reads countries.tsv, igos.tsv, roles.tsv, persons.tsv and cities.tsv from `dir`.
  // Errors name the file and line.
  static Result<ActorDictionary> load(const std::string& dir);
  // data/actors under $SITREP_DATA, the source tree, or next to the binary.
  static Result<ActorDictionary> load_default();

  // Appends the longest dictionary phrases in `sentence`, left to right, not
  // overlapping; a phrase with entries of several categories ("Washington":
  // metonym and city) gives one hit per category, on the same words.
  void match(const Document& doc, uint32_t sentence, std::vector<GazetteerHit>& out) const;

  // All entries of the hit's phrase and category (several persons may share a surname).
  std::span<const uint32_t> entries(const GazetteerHit& hit) const;
  const ActorEntry& entry(uint32_t i) const { return entries_[i]; }
  size_t size() const { return entries_.size(); }

  // Entries of a whole phrase given as text ("Joe Biden", "foreign minister"):
  // names by surface, roles by lowercased words. Empty when none.
  std::vector<uint32_t> lookup(std::string_view phrase) const;
  // Every name phrase as written (not weak aliases), for truecasing caseless text.
  const std::vector<std::string>& name_phrases() const { return name_phrases_; }
  // Whether `code` is the code of a role word ("COP", "GOVMIL"): an agent without a country.
  bool is_role_code(std::string_view code) const;
  // The country entry of a CAMEO country code ("UKR"), -1 when unknown.
  int32_t country(std::string_view code) const;
  // Whether an actor code belongs to a country ("UKRGOV", "UKR"): its first three letters are
  // one, and it is not a role's code that begins like one (Phoenix's religious agents:
  // "MUSUAF", an Islamic militant, is no Mauritian).
  bool has_country(std::string_view code) const {
    return code.size() >= 3 && country(code.substr(0, 3)) >= 0 && (code.size() == 3 || !is_role_code(code));
  }

 private:
  struct Phrase {  // the entries of one phrase, grouped by category
    uint32_t first = 0, count = 0;
    // One word listed only after "the" ("the West"): not the first word of a longer name
    // ("West Java", "West Virginia").
    bool after_the_only = false;
  };
  Status add_name(std::string_view phrase, uint32_t entry, const std::string& where);
  Status add_role(std::string_view phrase, uint32_t entry, const std::string& where);
  // (`words`: the number of words the phrase was split into; `hash`: its key.)
  Status add(tagger::HashIndex& index, std::vector<std::vector<uint32_t>>& lists, std::string_view phrase,
             bool lower, uint32_t entry, uint32_t* words = nullptr, uint64_t* hash = nullptr);
  void finish();
  void scan(const Document& doc, const Sentence& s, bool roles, std::vector<GazetteerHit>& out) const;

  std::vector<ActorEntry> entries_;
  // Phrase hash -> phrase index (kPrefix for a prefix only). Names and roles apart.
  tagger::HashIndex names_, roles_;
  std::vector<Phrase> phrases_;
  std::vector<uint32_t> phrase_entries_;  // entry ids, grouped by phrase then category
  std::vector<std::vector<uint32_t>> name_lists_, role_lists_;  // while loading
  std::vector<std::pair<std::string, uint32_t>> countries_;     // code -> entry, sorted
  std::vector<std::string> name_phrases_;
  std::vector<uint64_t> after_the_words_, plain_words_;  // one-word name hashes, while loading
  bool reading_extra_file_ = false;  // while loading a KIND-*.tsv file
  std::vector<std::string> role_codes_;  // sorted, unique
};

// Hash of one word for dictionary lookups: ’ read as ', optionally ASCII-lowercased.
uint64_t dictionary_word_hash(std::string_view word, bool lower);

}  // namespace sitrep::entities
