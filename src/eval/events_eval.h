// Scoring coded events against the PETRARCH validation records
// (../shared/data/petrarch2/validation-2.02.shared.jsonl): exact (source,
// target, code) and root-level precision/recall/F1, and the share of records
// fully right (every expected event, nothing extra), overall and per category.
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
  Date date;
  std::vector<EventTriple> expected;
  std::vector<std::string> comments;
};

// One record a line; errors name file:line.
Result<std::vector<EventRecord>> read_event_records(const std::string& path);

struct EventScores {
  uint64_t tp = 0, fp = 0, fn = 0;              // exact triples
  uint64_t root_tp = 0, root_fp = 0, root_fn = 0;  // code cut to its root ("1246" -> "12")
  std::map<std::string, std::pair<uint64_t, uint64_t>> categories;  // category -> (records right, records)
  uint64_t records = 0, records_right = 0;
  static double f1(uint64_t tp, uint64_t fp, uint64_t fn) { return tp ? 200.0 * tp / (2 * tp + fp + fn) : 0.0; }
  double exact_f1() const { return f1(tp, fp, fn); }
  double root_f1() const { return f1(root_tp, root_fp, root_fn); }
  double all_correct() const { return records ? 100.0 * records_right / records : 0.0; }
};

// Adds one record's comparison; returns true when the record is fully right.
bool score_record(const EventRecord& record, const std::vector<EventTriple>& coded, EventScores& scores);

// The events of a coded document as triples (missing codes as "").
std::vector<EventTriple> event_triples(const Document& doc);

std::string events_table(const EventScores& s);
std::string events_json(const EventScores& s);

}  // namespace sitrep::eval
