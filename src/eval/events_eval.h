// Scoring coded events against records in the PETRARCH validation format
// (../shared/data/petrarch2/validation-2.02.shared.jsonl, and our real-news set
// data/eval/, docs/annotation.md): precision/recall/F1 at exact (source, target,
// code), root + actor (country and first agent), root + country and root-only
// level, per root, the share of event records that get an event, and the share
// of records fully right (every expected event, nothing extra), per category.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace sitrep::eval {

struct EventTriple {
  std::string source, target, code;
  friend auto operator<=>(const EventTriple&, const EventTriple&) = default;
};

struct EventRecord {
  std::string id, category, text;
  std::string context;  // the article before the sentence (coded with it, not scored); may be empty
  Date date;
  std::vector<EventTriple> expected;
  std::vector<std::string> expected_places;  // parallel to `expected`: the gold "place", may be empty
  std::vector<std::string> comments;
};

// One record a line; errors name file:line.
Result<std::vector<EventRecord>> read_event_records(const std::string& path);

// How much of an event two codings must agree on.
enum class EventLevel { kExact = 0, kRootActor = 1, kRootCountry = 2, kRoot = 3 };
inline constexpr int kEventLevels = 4;
const char* event_level_name(EventLevel l);  // "exact", "root+actor", ...
// An actor code cut to a level: its country (or organisation) part, with the first agent.
// "USAGOVMIL" -> "USA" (country) / "USAGOV" (actor); "IGOUNOHLH" -> "IGOUNO"; "" -> "---".
std::string actor_key(std::string_view code, EventLevel level);

struct EventScores {
  uint64_t tp = 0, fp = 0, fn = 0;              // exact triples
  uint64_t root_tp = 0, root_fp = 0, root_fn = 0;  // code cut to its root ("1246" -> "12")
  struct Counts {
    uint64_t tp = 0, fp = 0, fn = 0;
  };
  Counts level[kEventLevels];                    // by EventLevel
  std::map<std::string, Counts> per_root;       // root + country level, by the gold or coded root
  uint64_t event_records = 0, event_records_coded = 0;  // records with gold events; of them, with a coded event
  // Gold events with a place that were found (root + country): of them, coded with that place.
  uint64_t placed = 0, placed_right = 0, placed_none = 0;  // placed_none: found, but with no place at all
  std::map<std::string, std::pair<uint64_t, uint64_t>> categories;  // category -> (records right, records)
  uint64_t records = 0, records_right = 0;
  static double f1(uint64_t tp, uint64_t fp, uint64_t fn) { return tp ? 200.0 * tp / (2 * tp + fp + fn) : 0.0; }
  double exact_f1() const { return f1(tp, fp, fn); }
  double root_f1() const { return f1(root_tp, root_fp, root_fn); }
  double all_correct() const { return records ? 100.0 * records_right / records : 0.0; }
};

// Adds one record's comparison; returns true when the record is fully right.
// `places`, when given, is parallel to `coded`: the place name each coded event carries.
bool score_record(const EventRecord& record, const std::vector<EventTriple>& coded, EventScores& scores,
                  const std::vector<std::string>& places = {});

// The events of a coded document as triples (missing codes as "").
std::vector<EventTriple> event_triples(const Document& doc);

std::string events_table(const EventScores& s);
// The levels and per-root table (our real-news set).
std::string events_levels_table(const EventScores& s);
std::string events_json(const EventScores& s);

}  // namespace sitrep::eval
