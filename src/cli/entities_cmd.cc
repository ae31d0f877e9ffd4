// sitrep entities PATH...: every mention (names, descriptions, pronouns) with
// its coreference chain, the chain's best name and its actor code.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/pipeline_run.h"
#include "entities/actors.h"
#include "output/records.h"

namespace sitrep::cli {

void add_entities_command(CLI::App& app) {
  auto run = std::make_shared<PipelineRunOptions>();
  auto format = std::make_shared<std::string>("jsonl");
  auto* cmd = app.add_subcommand("entities", "Mentions of persons, organisations and places, with chains and actor codes");
  add_pipeline_run_options(*cmd, *run, false);
  cmd->add_option("--format", *format,
                  "jsonl (every mention), or learned: the persons whose actor code was learned from context "
                  "(title, apposition), as data/actors/persons.tsv lines to review and add")
      ->capture_default_str();
  cmd->callback([run, format] {
    if (*format != "jsonl" && *format != "learned") {
      fmt::print(stderr, "sitrep: error: unknown format '{}' (expected jsonl or learned)\n", *format);
      throw CLI::RuntimeError(kExitBadInput);
    }
    const bool learned = *format == "learned";
    auto pipeline = load_pipeline(*run, Stage::kEntities);
    if (!pipeline) throw CLI::RuntimeError(kExitBadInput);
    std::ios::sync_with_stdio(false);
    int rc = run_pipeline(*pipeline, *run, [&](Document& doc) {
      if (learned)
        std::cout << entities::export_learned(doc);
      else
        output::write_mentions_jsonl(doc, std::cout);
    });
    std::cout.flush();
    throw CLI::RuntimeError(rc);
  });
}

}  // namespace sitrep::cli
