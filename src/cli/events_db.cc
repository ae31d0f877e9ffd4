// Store-backed `events` and `quotes` (see events_db.h).
#include "cli/events_db.h"

#include <fmt/format.h>

#include "cli/db_common.h"

namespace sitrep::cli {

int run_events_query(const EventsQueryOptions& o) {
  return run_row_query(o.db, o.format,
                       {"id", "date", "source.code", "target.code", "code", "root", "quad", "goldstein", "mentions",
                        "sources", "articles", "story", "negated", "future", "doc", "sent", "source.text",
                        "target.text", "reported_by.code", "location.name", "location.country", "evidence",
                        "confidence"},
                       [&](store::Store& s, const store::RowSink& sink) { return store::query_events(s, o.filter, sink); });
}

int run_quotes_query(const QuotesQueryOptions& o) {
  return run_row_query(o.db, o.format,
                       {"doc", "sent", "speaker.canonical", "speaker.actor", "speaker.text", "cue", "direct", "start", "end",
                        "text"},
                       [&](store::Store& s, const store::RowSink& sink) { return store::query_quotes(s, o.filter, sink); });
}

}  // namespace sitrep::cli
