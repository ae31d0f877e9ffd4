// Scoring quotes against brat attribution annotations (PolNeAR's format).
//
// A brat .ann file has "T" lines, `T9<TAB>Content 315 448;463 553<TAB>text`
// (label, then character ranges into the .txt, ';' between the pieces of a
// discontinuous span), and "E" lines tying them together:
// `E3<TAB>Attribution:T12 Cue:T11 Source:T10 Content:T9` (also
// "Attribution-no-source"). Offsets count Unicode code points; we turn them
// into byte offsets of the text.
//
// Scores (see docs/quotes.md):
//   a predicted content matches a gold content when, for one of the gold pieces,
//   |predicted ∩ piece| / max(|predicted|, |piece|) >= 0.5 (the longer of the two);
//   a prediction lying inside another prediction is not scored (a quote inside a
//   quote: PolNeAR gives each word at most one attribution);
//   precision = scored predictions matching some gold content / scored predictions,
//   recall = gold contents matched by some prediction / gold contents;
//   source accuracy = of the matched gold contents, the share whose best-matching
//   prediction has the right source: its speaker overlaps the gold Source, or its
//   speaker chain is the chain of a mention inside the gold Source; a gold without
//   Source is right when we give no speaker either.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace sitrep::eval {

struct GoldAttribution {
  std::vector<Span> content;  // byte ranges in the text, in order
  std::vector<Span> source;   // empty when the annotation has no source
  std::vector<Span> cue;
};

// Reads the attributions of one .ann file whose text is `text`; errors name
// `name` and the line.
Result<std::vector<GoldAttribution>> read_brat_attributions(std::string_view ann, std::string_view text,
                                                            std::string_view name);

struct QuoteScores {
  uint64_t documents = 0;
  uint64_t gold = 0, predicted = 0;           // predicted: scored predictions only
  uint64_t predicted_matched = 0, gold_matched = 0;
  uint64_t source_right = 0;                  // out of gold_matched
  double precision() const { return predicted ? 100.0 * predicted_matched / predicted : 0; }
  double recall() const { return gold ? 100.0 * gold_matched / gold : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double source_accuracy() const { return gold_matched ? 100.0 * source_right / gold_matched : 0; }
};

// What one document's scoring saw, for -v.
struct QuoteMismatch {
  enum Kind { kMissed, kExtra, kWrongSource } kind;
  Span content;        // gold content (first piece) or predicted content
  Span gold_source;    // first piece of the gold source, may be empty
  Span our_speaker;    // may be empty
  Span gold_cue;       // first piece of the gold cue, may be empty
};

// The denominator of the overlap ratio: the longer of the two spans (default),
// or the gold piece (lenient with predictions that run past the gold content).
enum class OverlapBase { kLonger, kGold };

// Scores doc.quotes against `gold`, adding to `scores`; mismatches appended when not null.
void score_quotes(const Document& doc, const std::vector<GoldAttribution>& gold, QuoteScores& scores,
                  std::vector<QuoteMismatch>* mismatches = nullptr, OverlapBase base = OverlapBase::kLonger);

// One line: {"content_f1":..,"source_accuracy":..,"precision":..,"recall":..,...}.
std::string quote_scores_json(const QuoteScores& s);
std::string quote_scores_table(const QuoteScores& s, OverlapBase base = OverlapBase::kLonger);

}  // namespace sitrep::eval
