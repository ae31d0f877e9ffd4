// Writers for coded events and attributed quotes (docs/event-output.md):
// events to JSONL, TSV or GDELT 2.0 event-table rows; quotes to JSONL.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/status.h"
#include "events/ontology.h"

namespace sitrep::entities {
class ActorDictionary;
}

namespace sitrep::io {

enum class EventFormat { kJsonl, kTsv, kGdelt, kPlover };
Result<EventFormat> parse_event_format(std::string_view name);  // "jsonl", "tsv", "gdelt", "plover"

// One object per event: doc, sent (1-based, as CoNLL-U sent_id), date, date_text,
// source {code,text}, target {code,text}, code, root, goldstein, quad, negated,
// future, reported_by {code,text}, location {name,country,lat,lon}, time_precision,
// geo_precision, plover (the PLOVER event type of the code, or null), size, claims,
// contested, evidence, confidence.
// Absent values are null. Goldstein and quad come from `ontology` (null for a
// code it lacks).
void write_events_jsonl(const Document& doc, const events::Ontology& ontology, std::ostream& out);

// PLOVER records (docs/plover.md), one JSON object per happening: the events of one
// trigger and CAMEO code (compound actors, both directions of a mutual event) are one
// record with lists of actors and recipients; codes with no PLOVER event (plain
// statements) are left out.
void write_events_plover(const Document& doc, std::ostream& out);

// The JSON of an event's `size` (an object of dead, injured, arrested, displaced, each
// {min, max, text} or null; null for an event that is not material) and of its `claims`
// (a list of {by, stance, party, sent, evidence}), as the JSONL output and the store
// write them.
void append_size_json(std::string& out, const Document& doc, const Event& e);
// The same of chosen figures (`size` of a material event: one report's word, say).
void append_size_json(std::string& out, const Document& doc, const Event& e, const Magnitudes& size);
void append_claims_json(std::string& out, const Document& doc, const Event& e);

// One object per figure the text states (Document::figures, `sitrep tolls`): doc, sent,
// kind (dead, injured, arrested, displaced), min, max (null: open above), text, start, end
// (byte offsets), total (a running total: "the death toll rose to 35") and event, the event
// it was read for ({index: its place among the document's events as written, 0-based;
// code, sent}; its `size` holds it, or the exact count another report gave) or null when none ("Thirteen soldiers have died there": no event coded).
void write_figures_jsonl(const Document& doc, std::ostream& out);

// The same fields flattened, tab-separated, one event a line; empty for null.
// Tabs and line breaks inside texts become spaces.
void write_events_tsv_header(std::ostream& out);
void write_events_tsv(const Document& doc, const events::Ontology& ontology, std::ostream& out);

// ACLED's time precision of an event: 1 the day is stated, 2 the week (a week named, or
// no time said: the article's date stands in for a recent event), 3 a month or vaguer;
// 0 when the event has no date.
int time_precision(const Document& doc, const Event& e);

// The 61 columns of the GDELT 2.0 Events table, tab-separated, no header
// (GDELT's files have none). `next_id` numbers GLOBALEVENTID across documents.
// `dict` (may be null) gives countries' FIPS codes and points for the geo columns.
inline constexpr int kGdeltColumns = 61;
extern const char* const kGdeltColumnNames[kGdeltColumns];
void write_events_gdelt(const Document& doc, const events::Ontology& ontology, const entities::ActorDictionary* dict,
                        uint64_t* next_id, std::ostream& out);

// A GDELT geo column group (Actor1Geo_*, Actor2Geo_*, ActionGeo_*). type: 1 country,
// 4 world city, 5 world state (GDELT's US types 2 and 3 are not told apart); 0 none.
struct GdeltGeo {
  int type = 0;
  std::string full_name;  // "Kharkiv, Ukraine"
  std::string country;    // FIPS 10-4, as GDELT writes it ("UP")
  GeoPoint point;
};
// The geo of an event's place: its name, country (alpha-3), ACLED precision (1 town,
// 2 region, 3 country) and point; an empty name and country give none.
GdeltGeo gdelt_place_geo(std::string_view name, std::string_view country, int precision, GeoPoint point,
                         const entities::ActorDictionary* dict);
// An actor's geo: where the event is, when it is in the actor's country (the actor acts
// there); else the actor's country itself; none for an actor of no country.
GdeltGeo gdelt_actor_geo(std::string_view actor_code, const GdeltGeo& action, std::string_view action_country,
                         const entities::ActorDictionary* dict);

// One GDELT row from values (an event read back from a store, say).
struct GdeltRow {
  uint64_t id = 0;
  Date date, added;  // the event's day; when it was recorded (DATEADDED)
  std::string source_code, source_name, target_code, target_name;
  bool is_root = false;
  std::string code, root, quad, goldstein;  // quad and goldstein as text, "" when unknown
  int64_t mentions = 1, sources = 1, articles = 1;
  GdeltGeo actor1_geo, actor2_geo, action_geo;
  std::string url;
};
void write_gdelt_row(const GdeltRow& row, std::string& buf);


// The country part of a CAMEO actor code ("USA" of "USAGOV") when its first
// three letters are an ISO 3166-1 alpha-3 code (from iso-codes); else "".
std::string actor_country(std::string_view actor_code);

}  // namespace sitrep::io
