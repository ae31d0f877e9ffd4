// sitrep events PATH...: runs the whole pipeline and writes the coded events
// (JSONL, TSV or GDELT columns); with --db, reads the merged events of a store.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/events_db.h"
#include "cli/pipeline_run.h"
#include "io/event_writers.h"

namespace sitrep::cli {
namespace {

int run_events(const PipelineRunOptions& o, const std::string& format_name) {
  auto format = io::parse_event_format(format_name);
  if (!format.ok()) {
    return fail(format.status());
  }
  auto pipeline = load_pipeline(o, Stage::kEvents);
  if (!pipeline) return kExitBadInput;
  const events::Ontology& ontology = *pipeline->ontology();
  std::ios::sync_with_stdio(false);
  if (format.value() == io::EventFormat::kTsv) io::write_events_tsv_header(std::cout);
  uint64_t next_id = 1;
  int rc = run_pipeline(*pipeline, o, [&](Document& doc) {
    switch (format.value()) {
      case io::EventFormat::kJsonl: io::write_events_jsonl(doc, ontology, std::cout); break;
      case io::EventFormat::kTsv: io::write_events_tsv(doc, ontology, std::cout); break;
      case io::EventFormat::kGdelt: io::write_events_gdelt(doc, ontology, pipeline->actor_dictionary(), &next_id, std::cout); break;
      case io::EventFormat::kPlover: io::write_events_plover(doc, std::cout); break;
    }
  });
  std::cout.flush();
  return rc;
}

}  // namespace

void add_events_command(CLI::App& app) {
  auto run = std::make_shared<PipelineRunOptions>();
  auto db = std::make_shared<EventsQueryOptions>();
  auto format = std::make_shared<std::string>("jsonl");
  auto* cmd = app.add_subcommand("events", "Code the events of articles (CAMEO), or read those of a store (--db)");
  add_pipeline_run_options(*cmd, *run, true);
  cmd->add_option("--format", *format, "jsonl, tsv, gdelt or plover (with --db: jsonl, csv, tsv, gdelt, plover)")->capture_default_str();
  cmd->add_option("--db", db->db, "Read the merged events of this database (written by `sitrep ingest`) instead");
  cmd->add_option("--actor", db->filter.actor, "With --db: source actor code prefix (CHN, CHNGOV)");
  cmd->add_option("--target", db->filter.target, "With --db: target actor code prefix");
  cmd->add_option("--involving", db->filter.involving, "With --db: actor code prefix on either side");
  cmd->add_option("--code", db->filter.code, "With --db: CAMEO code prefix (04, 041)");
  cmd->add_option("--from", db->filter.from, "With --db: first day, YYYY-MM-DD");
  cmd->add_option("--to", db->filter.to, "With --db: last day, YYYY-MM-DD");
  cmd->add_option("--story", db->filter.story, "With --db: story id");
  cmd->add_option("--limit", db->filter.limit, "With --db: at most N events (0: all)");
  cmd->callback([run, db, format] {
    if (!db->db.empty()) {
      if (!run->paths.empty()) {
        fmt::print(stderr, "sitrep: error: events: give files or --db, not both\n");
        throw CLI::RuntimeError(kExitBadInput);
      }
      db->format = *format;
      throw CLI::RuntimeError(run_events_query(*db));
    }
    throw CLI::RuntimeError(run_events(*run, *format));
  });
}

}  // namespace sitrep::cli
