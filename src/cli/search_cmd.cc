// sitrep search --db FILE "query"; sitrep dyads --db FILE; sitrep stories --db FILE.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/db_common.h"
#include "store/queries.h"

namespace sitrep::cli {

void add_search_command(CLI::App& app) {
  struct Options {
    std::string db, format = "jsonl";
    store::SearchOptions search;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("search", "Full-text search over the stored sentences, best first");
  cmd->add_option("query", opt->search.query, "Words to find (all of them); with --syntax, an FTS5 query")->required();
  cmd->add_option("--db", opt->db, "Database written by `sitrep ingest`: SQLite file or postgresql:// URL")->required();
  cmd->add_flag("--syntax", opt->search.syntax, "Read the query as SQLite FTS5 syntax (AND, OR, NEAR, \"phrase\", prefix*)");
  cmd->add_option("--limit", opt->search.limit, "At most N sentences")->capture_default_str();
  cmd->add_option("--format", opt->format, "jsonl, csv or tsv")->capture_default_str();
  cmd->callback([opt] {
    throw CLI::RuntimeError(run_row_query(opt->db, opt->format, {"doc", "sent", "date", "rank", "snippet", "title"},
                                          [&](store::Store& s, const store::RowSink& sink) {
                                            return store::search_sentences(s, opt->search, sink);
                                          }));
  });
}

void add_dyads_command(CLI::App& app) {
  struct Options {
    std::string db, format = "jsonl";
    store::DyadOptions dyads;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("dyads", "Goldstein sum and event counts per source-target pair and period");
  cmd->add_option("--db", opt->db, "Database written by `sitrep ingest`: SQLite file or postgresql:// URL")->required();
  cmd->add_option("--by", opt->dyads.by, "day, week or month")->capture_default_str();
  cmd->add_option("--level", opt->dyads.level, "country or role (country + role code)")->capture_default_str();
  cmd->add_option("--format", opt->format, "jsonl, csv or tsv")->capture_default_str();
  cmd->callback([opt] {
    throw CLI::RuntimeError(run_row_query(
        opt->db, opt->format, {"period", "source", "target", "events", "mentions", "goldstein", "goldstein_avg"},
        [&](store::Store& s, const store::RowSink& sink) { return store::query_dyads(s, opt->dyads, sink); }));
  });
}

void add_stories_command(CLI::App& app) {
  struct Options {
    std::string db, format = "jsonl";
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("stories", "Stories in a database: articles clustered by subject and time");
  cmd->add_option("--db", opt->db, "Database written by `sitrep ingest`: SQLite file or postgresql:// URL")->required();
  cmd->add_option("--format", opt->format, "jsonl, csv or tsv")->capture_default_str();
  cmd->callback([opt] {
    throw CLI::RuntimeError(run_row_query(opt->db, opt->format,
                                          {"id", "title", "first_date", "last_date", "documents", "events"},
                                          [&](store::Store& s, const store::RowSink& sink) {
                                            return store::query_stories(s, sink);
                                          }));
  });
}

}  // namespace sitrep::cli
