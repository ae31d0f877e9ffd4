// Scoring time expressions against TimeML (.tml) gold: TempEval-3 style
// relaxed span match (any overlap) and exact ISO value.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace sitrep::eval {

struct GoldTimex {
  Span span;  // in TimeMLDoc::text
  std::string type, value;
};

// One TimeML file: its creation time (DCT), the text between <TEXT> and
// </TEXT> with the tags removed, and the TIMEX3 elements in it.
struct TimeMLDoc {
  std::string id;
  Date dct;
  std::string text;
  std::vector<GoldTimex> timexes;
};
Result<TimeMLDoc> read_timeml(const std::string& path);
// One GUM document (gum-xml: a token per line, <date when=...> elements),
// its tokens joined by spaces, a line per sentence; dct = dateCreated.
Result<TimeMLDoc> read_gum_xml(const std::string& path);

struct TimeScores {
  uint64_t documents = 0, gold = 0, predicted = 0;
  uint64_t gold_found = 0;       // gold expressions overlapped by a prediction
  uint64_t predicted_right = 0;  // predictions overlapping a gold expression
  uint64_t valued_found = 0;     // of those, the ones with a single gold value
  uint64_t value_right = 0;      // gold expressions whose overlapping prediction has the gold value
  double precision() const { return predicted ? 100.0 * predicted_right / predicted : 0; }
  double recall() const { return gold ? 100.0 * gold_found / gold : 0; }
  double f1() const { double p = precision(), r = recall(); return p + r > 0 ? 2 * p * r / (p + r) : 0; }
  double value_accuracy() const { return valued_found ? 100.0 * value_right / valued_found : 0; }  // over found
  double value_recall() const { return gold ? 100.0 * value_right / gold : 0; }                // over all gold
  std::string json() const;
  std::string table() const;
};

// Adds `doc` (whose text is gold.text, with doc.times found) to `s`. Gold
// expressions of the types in `types` count ("DATE", "TIME"); a prediction
// overlapping none of them is a false positive.
void score_times(const TimeMLDoc& gold, const Document& doc, const std::vector<std::string>& types, TimeScores& s);

}  // namespace sitrep::eval
