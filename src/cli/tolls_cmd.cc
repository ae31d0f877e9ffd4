// sitrep tolls PATH...: every casualty, arrest and displacement figure the articles state,
// one JSON object each, with the event that carries it or null (a running total, deaths
// told with no event coded). The figures on events are those of `sitrep events`' `size`.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/pipeline_run.h"
#include "io/event_writers.h"

namespace sitrep::cli {
namespace {

int run_tolls(const PipelineRunOptions& o, const std::string& format) {
  if (format != "jsonl") {
    fmt::print(stderr, "sitrep: error: unknown format '{}' (expected jsonl)\n", format);
    return kExitBadInput;
  }
  auto pipeline = load_pipeline(o, Stage::kEvents);  // figures are attached to coded events
  if (!pipeline) return kExitBadInput;
  std::ios::sync_with_stdio(false);
  int rc = run_pipeline(*pipeline, o, [&](Document& doc) { io::write_figures_jsonl(doc, std::cout); });
  std::cout.flush();
  return rc;
}

}  // namespace

void add_tolls_command(CLI::App& app) {
  auto run = std::make_shared<PipelineRunOptions>();
  auto format = std::make_shared<std::string>("jsonl");
  auto* cmd = app.add_subcommand(
      "tolls", "Every casualty, arrest and displacement figure stated, with the event carrying it (JSONL)");
  add_pipeline_run_options(*cmd, *run, true);
  cmd->add_option("--format", *format, "Output format: jsonl")->capture_default_str();
  cmd->callback([run, format] { throw CLI::RuntimeError(run_tolls(*run, *format)); });
}

}  // namespace sitrep::cli
