// Read-only queries the server needs beyond src/store/queries.h: one event
// with every mention of it, one document with everything found in it (byte
// offsets, for highlighting), one story, the actor network, and full-text
// search returning the document row ids the web page links to.
// User values are always bound as parameters; SqlError becomes a Status.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "store/queries.h"
#include "store/store.h"

namespace sitrep::server {

// The event (the fields of store::query_events) plus `mentions_list`: every
// mention with its document (row id, doc, title, source, date), sentence
// text and evidence span (byte offsets into the document text).
// nullopt when there is no such event.
Result<std::optional<nlohmann::json>> event_detail(store::Store& store, int64_t id);

// The document's metadata and text, and its events, quotes, entities
// (mentions with their chain), places and times, each with byte offsets
// `begin`/`end` into `text`; `stories` and `duplicate_of` link it onward.
Result<std::optional<nlohmann::json>> document_detail(store::Store& store, int64_t id);

// The story (id, title, first_date, last_date), its documents, its events
// (newest first, as store::query_events) and its actors with counts.
Result<std::optional<nlohmann::json>> story_detail(store::Store& store, int64_t id, int64_t event_limit);

struct NetworkOptions {
  std::string level = "country";  // country (3 letters) or role (country + role, 6)
  std::string from, to;           // YYYY-MM-DD, inclusive; empty: open
  int64_t limit = 500;            // the heaviest edges
};
// {nodes: [{id, events, goldstein}], edges: [{source, target, events, mentions,
// goldstein, goldstein_avg}]} over events that are not negated and have both actors.
Result<nlohmann::json> actor_network(store::Store& store, const NetworkOptions& options);

}  // namespace sitrep::server
