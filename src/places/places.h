// Places: countries, cities and first-level subdivisions with their country,
// and resolution of a document's place mentions, also from context:
//
//   gazetteer    "Kyiv" -> UKR, UA-30 (cities.tsv); "Texas" -> USA, US-TX (iso-codes)
//   apposition   "Bucha, the city northwest of Kyiv," -> UKR; "Irpin, Ukraine" -> UKR
//   "in"         "Kramatorsk, in eastern Ukraine" -> UKR
//   "of"         "the Ukrainian city of Izium" -> UKR
//   learned      a later "Kramatorsk" (as in "the Kramatorsk train station") takes
//                the country learned for the same name earlier in the text
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "entities/actor_dictionary.h"

namespace sitrep::places {

struct GazetteerPlace {
  std::string name;     // as listed
  std::string country;  // CAMEO/ISO alpha-3
  std::string admin1;   // ISO 3166-2, may be empty
  std::string kind;     // "country", "city", or the iso-codes subdivision type ("State", "Region"...)
  GeoPoint point;       // countries and cities; unknown for subdivisions
};

class Gazetteer {
 public:
  // Countries and cities from `dict` (kept by pointer: it must outlive the gazetteer), subdivisions from the iso-codes JSON at
  // `iso3166_2` (an empty path or a missing file: none, and warning() says so).
  static Result<Gazetteer> load(const entities::ActorDictionary& dict, const std::string& iso3166_2);
  // With /usr/share/iso-codes/json/iso_3166-2.json.
  static Result<Gazetteer> load_default(const entities::ActorDictionary& dict);

  // The place named exactly `name` (a leading "the" ignored); nullopt when unknown.
  // Cities, then countries, then capitals and seats, then subdivisions.
  std::optional<GazetteerPlace> find(std::string_view name) const;
  const std::string& warning() const { return warning_; }
  size_t size() const { return places_.size(); }

 private:
  const entities::ActorDictionary* dict_ = nullptr;  // must outlive the gazetteer
  std::vector<GazetteerPlace> places_;  // subdivisions
  std::unordered_map<std::string, uint32_t> by_name_;
  std::string warning_;
};

// A word that makes a region of the place after it ("northern" Iraq, "central" Africa);
// `lower_word` in lower case.
bool is_region_direction(std::string_view lower_word);

// Fills doc.places: one Place per GPE or LOC name mention, and per city or
// country named in the text that no mention covers; each with its country,
// subdivision and evidence, or an empty country when nothing tells it.
void resolve_places(Document& doc, const Gazetteer& gazetteer, const entities::ActorDictionary& dict);

}  // namespace sitrep::places
