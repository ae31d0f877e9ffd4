// Time expressions: found in tokenized sentences and normalised to ISO values
// relative to the document date (docs/time.md lists the shapes and rules).
//
// Works on tokens alone (the tagger's UPOS is used when present to reject
// "may"/"march" as verbs). One pass over the tokens with small tables: no
// regular expressions, no allocation per token.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"

namespace sitrep::timex {

// Fills doc.times for every sentence (replacing what was there), resolving
// each expression against doc.date, or for "a month later" against the
// previous resolved time. An unknown document date never becomes today's
// date: the value keeps X for what is unknown ("XXXX-04-07") and the anchor
// says why.
void find_times(Document& doc);

// The publication date the text implies when the document has none:
//   1. the most recent full date written in the text ("March 2, 2022");
//   2. else a weekday + month + day ("Monday, April 11"): the year (1990..2035)
//      where that day is that weekday, nearest to a year the text mentions,
//      else to the batch's dates, else the latest one not after 2026;
//   3. else the median of the other documents' dates (`batch_dates`);
//   4. else unknown.
struct DateInference {
  Date date;           // unknown when nothing was found
  std::string source;  // how it was found ("text: full date 2022-03-02", ...)
};
DateInference explain_document_date(const Document& doc, const std::vector<Date>& batch_dates = {});
Date infer_document_date(const Document& doc, const std::vector<Date>& batch_dates = {});

// Whether the text alone dates the document (steps 1-2 above).
bool text_dates_document(const Document& doc);

// Applies the above: a known doc.date stays (date_source "metadata" unless
// set); else the inferred date is set with its source; else a warning is added.
void resolve_document_date(Document& doc, const std::vector<Date>& batch_dates = {});

// Calendar arithmetic on the proleptic Gregorian calendar.
int days_from_civil(Date d);   // days since 1970-01-01
Date civil_from_days(int days);
int weekday_of(Date d);        // 0 = Monday .. 6 = Sunday
std::string iso_week(Date d);  // "2022-W14"

}  // namespace sitrep::timex
