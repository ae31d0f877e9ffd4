// The JSONL records of the commands that write what the entity stage finds, one
// JSON object a line: `sitrep entities` (mentions), `sitrep times` (time
// expressions), `sitrep quotes` (quotations). The commands and the Python package
// (sitrep/, docs/python.md) both write them here, so that both give the same fields.
// Events and documents have theirs in io/event_writers.h and io/writers.h.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "core/document.h"

namespace sitrep::output {

// One object per mention: doc, sent (1-based), start, end (byte offsets), text, type,
// kind (name, nominal, pronoun), canonical, chain, actor, evidence, link (the sieve
// that joined it to its antecedent, or null).
void write_mentions_jsonl(const Document& doc, std::ostream& out);

// One object per time expression: doc, sent, start, end, text, value (ISO), granularity,
// date, anchor, doc_date, doc_date_source.
void write_times_jsonl(const Document& doc, std::ostream& out);

// One object per quote: doc, sent, text, speaker {text, canonical, actor} (null when
// none is found), cue, direct, start, end.
nlohmann::ordered_json quote_json(const Document& doc, const Quote& q);
void write_quotes_jsonl(const Document& doc, std::ostream& out);

}  // namespace sitrep::output
