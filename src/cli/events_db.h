// `sitrep events --db FILE [filters]`: merged events read from a store.
// (`sitrep events PATH...`, which runs the pipeline on files, lives beside it;
// the command dispatches here when --db is given.)
#pragma once

#include <string>

#include "store/queries.h"

namespace sitrep::cli {

struct EventsQueryOptions {
  std::string db;
  store::EventFilter filter;
  std::string format = "jsonl";
};

int run_events_query(const EventsQueryOptions& options);

struct QuotesQueryOptions {
  std::string db;
  store::QuoteFilter filter;
  std::string format = "jsonl";
};

int run_quotes_query(const QuotesQueryOptions& options);

}  // namespace sitrep::cli
