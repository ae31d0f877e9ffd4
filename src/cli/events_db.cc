// Store-backed `events` and `quotes` (see events_db.h).
#include "cli/events_db.h"

#include <fmt/format.h>

#include "cli/commands.h"
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

// Until the file-based `events`/`quotes` commands are joined with these, they
// are registered on their own (the integrator merges the two registrations).
void add_events_db_command(CLI::App& app) {
  auto opt = std::make_shared<EventsQueryOptions>();
  auto* cmd = app.add_subcommand("events", "Events stored in a database, merged: one per happening");
  cmd->add_option("--db", opt->db, "SQLite database written by `sitrep ingest`")->required();
  cmd->add_option("--actor", opt->filter.actor, "Source actor code prefix (CHN, CHNGOV)");
  cmd->add_option("--target", opt->filter.target, "Target actor code prefix");
  cmd->add_option("--involving", opt->filter.involving, "Actor code prefix on either side");
  cmd->add_option("--code", opt->filter.code, "CAMEO code prefix (04, 041)");
  cmd->add_option("--from", opt->filter.from, "First day, YYYY-MM-DD");
  cmd->add_option("--to", opt->filter.to, "Last day, YYYY-MM-DD");
  cmd->add_option("--story", opt->filter.story, "Story id");
  cmd->add_option("--limit", opt->filter.limit, "At most N events (0: all)");
  cmd->add_option("--format", opt->format, "jsonl, csv or tsv")->capture_default_str();
  cmd->callback([opt] { throw CLI::RuntimeError(run_events_query(*opt)); });
}

void add_quotes_db_command(CLI::App& app) {
  auto opt = std::make_shared<QuotesQueryOptions>();
  auto* cmd = app.add_subcommand("quotes", "Quotations stored in a database, with their speakers");
  cmd->add_option("--db", opt->db, "SQLite database written by `sitrep ingest`")->required();
  cmd->add_option("--speaker", opt->filter.speaker, "Part of the speaker's name (case-insensitive)");
  cmd->add_option("--limit", opt->filter.limit, "At most N quotes (0: all)");
  cmd->add_option("--format", opt->format, "jsonl, csv or tsv")->capture_default_str();
  cmd->callback([opt] { throw CLI::RuntimeError(run_quotes_query(*opt)); });
}

}  // namespace sitrep::cli
