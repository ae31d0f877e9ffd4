// Queries over a store, for the `events`, `quotes`, `search`, `dyads` and
// `stories` commands (and later the server). Each streams rows as JSON
// objects to a callback; user values are always bound as parameters.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace sitrep::store {

class Store;
using RowSink = std::function<void(const nlohmann::json&)>;

struct EventFilter {
  std::string actor;     // source actor code prefix ("CHN", "CHNGOV")
  std::string target;    // target actor code prefix
  std::string involving; // either side
  std::string code;      // CAMEO code prefix ("04", "041")
  std::string from, to;  // YYYY-MM-DD, inclusive
  int64_t story = -1;
  int64_t id = -1;       // one event
  bool include_negated = true;
  int64_t limit = 0;     // 0: all
};
// One row per merged event, newest first. Fields: the event JSONL fields of
// its first mention (doc, sent, date, source, target, code, root, goldstein,
// quad, plover, negated, future, reported_by, location with lat/lon, time_precision,
// geo_precision, evidence, confidence) plus id, mentions, sources, articles, story; size,
// claims and contested across its reports (docs/store.md).
Status query_events(Store& store, const EventFilter& filter, const RowSink& sink);

// The PLOVER event type of a CAMEO code (docs/plover.md) as the rows give it, null when
// it has none.
nlohmann::json plover_type(std::string_view code);

struct QuoteFilter {
  std::string speaker;  // case-insensitive substring of the speaker's canonical name or text
  int64_t limit = 0;
};
// Fields: doc, sent, text, speaker {text, canonical, actor}, cue, direct, start, end.
Status query_quotes(Store& store, const QuoteFilter& filter, const RowSink& sink);

struct SearchOptions {
  std::string query;
  bool syntax = false;  // false: the words of `query` are matched as they are (all of them);
                        // true: the backend's query syntax: FTS5's (AND, OR, NEAR, "phrases",
                        // prefix*), PostgreSQL's to_tsquery (&, |, !, <->, prefix:*)
  int64_t limit = 20;
};
// Best first (bm25). Fields: doc, title, date, sent (1-based), rank, snippet
// (match in [brackets]), text, document (row id), begin and end (byte offsets of
// the sentence in the document text), matches ([[b, e], ...]: byte offsets of the
// matched words in text). The one full-text query: CLI and API.
// A bad FTS5 query (syntax mode) is an error: "search: bad query: ...".
Status search_sentences(Store& store, const SearchOptions& options, const RowSink& sink);
// The query matching every word of `text` literally, each word a quoted string: for
// FTS5, or for PostgreSQL's websearch_to_tsquery.
std::string literal_fts_query(const std::string& text, bool postgres = false);

struct DyadOptions {
  std::string by = "day";         // day, week (Monday), month
  std::string level = "country";  // country (3 letters) or role (country + role, 6)
};
// Per source-target pair and period, not negated events with both actors known.
// Fields: period, source, target, events, mentions, goldstein (sum), goldstein_avg.
Status query_dyads(Store& store, const DyadOptions& options, const RowSink& sink);

// Fields: id, title, first_date, last_date, documents, events.
Status query_stories(Store& store, const RowSink& sink);

}  // namespace sitrep::store
