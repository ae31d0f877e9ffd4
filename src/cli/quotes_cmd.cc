// sitrep quotes PATH...: quotations and their speakers, one JSON object per quote.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/events_db.h"
#include "cli/pipeline_run.h"
#include "output/records.h"

namespace sitrep::cli {
namespace {

int run_quotes(const PipelineRunOptions& o, const std::string& format) {
  if (format != "jsonl") {
    fmt::print(stderr, "sitrep: error: unknown format '{}' (expected jsonl)\n", format);
    return kExitBadInput;
  }
  // The entity stage finds the quotes, after coreference: speakers get their chain.
  auto pipeline = load_pipeline(o, Stage::kEntities);
  if (!pipeline) return kExitBadInput;
  std::ios::sync_with_stdio(false);
  int rc = run_pipeline(*pipeline, o, [&](Document& doc) {
    output::write_quotes_jsonl(doc, std::cout);
  });
  std::cout.flush();
  return rc;
}

}  // namespace

void add_quotes_command(CLI::App& app) {
  auto run = std::make_shared<PipelineRunOptions>();
  auto format = std::make_shared<std::string>("jsonl");
  auto* cmd = app.add_subcommand("quotes", "Find quotations and their speakers (one JSON object per quote)");
  // Two sources: files run through the pipeline, or a store written by `sitrep ingest` (--db).
  auto db = std::make_shared<QuotesQueryOptions>();
  add_pipeline_run_options(*cmd, *run, false);
  cmd->add_option("--format", *format, "Output format: jsonl (with --db also csv, tsv)")->capture_default_str();
  cmd->add_option("--db", db->db, "Read the quotes stored in this database (SQLite file or postgresql:// URL) instead");
  cmd->add_option("--speaker", db->filter.speaker, "With --db: part of the speaker's name (case-insensitive)");
  cmd->add_option("--limit", db->filter.limit, "With --db: at most N quotes (0: all)");
  cmd->callback([run, db, format] {
    if (!db->db.empty()) {
      db->format = *format;
      throw CLI::RuntimeError(run_quotes_query(*db));
    }
    throw CLI::RuntimeError(run_quotes(*run, *format));
  });
}

}  // namespace sitrep::cli
