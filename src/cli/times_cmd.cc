// sitrep times PATH...: time expressions with their ISO values (JSONL).
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/pipeline_run.h"
#include "io/readers.h"
#include "output/records.h"
#include "pipeline/pipeline.h"
#include "time/time_expressions.h"

namespace sitrep::cli {
namespace {

struct TimesOptions {
  PipelineRunOptions run;  // paths, --input-format, --max-document-bytes, --date, --threads
  std::string format = "jsonl";
  std::string until = "tag";
};

int run_times(const TimesOptions& opt) {
  if (opt.format != "jsonl") {
    fmt::print(stderr, "sitrep: error: unknown format {} (jsonl)\n", opt.format);
    return kExitBadInput;
  }
  std::optional<Date> given;
  if (!parse_date_option(opt.run.date, given)) return kExitBadInput;
  auto inputs = read_options(opt.run.input_format, opt.run.max_document_bytes);
  if (!inputs.ok()) return fail(inputs.status());
  auto until = parse_stage(opt.until);
  if (!until.ok()) {
    return fail(until.status());
  }
  auto pipeline = Pipeline::load_default(until.value());
  if (!pipeline.ok()) {
    return fail(pipeline.status());
  }
  std::ios::sync_with_stdio(false);
  // Documents the text cannot date wait for the end of the run, to be dated by
  // the others (their median date); the rest are written as they come.
  std::vector<Date> dated;
  std::vector<Document> waiting;
  auto finish = [&](Document& doc) {
    timex::resolve_document_date(doc, dated);
    if (!doc.date.known()) fmt::print(stderr, "sitrep: warning: {}: {}\n", doc.path, doc.warnings.back());
    timex::find_times(doc);
    output::write_times_jsonl(doc, std::cout);
  };
  BatchRunner runner(pipeline.value(), opt.run.threads, [&](Document& doc) {
    date_if_undated(doc, given);
    if (doc.date.known() || timex::text_dates_document(doc)) {
      finish(doc);
      dated.push_back(doc.date);
    } else {
      waiting.push_back(std::move(doc));
    }
  });
  bool skipped = false;
  Status read = io::read_inputs(
      opt.run.paths, inputs.value(), [&](Document&& doc) { runner.add(std::move(doc)); },
      [&](const std::string& warning) { skipped |= print_warning(warning); });
  runner.flush();
  for (Document& doc : waiting) finish(doc);
  std::cout.flush();
  if (!read.ok()) {
    return fail(read);
  }
  return skipped ? kExitBadInput : 0;
}

}  // namespace

void add_times_command(CLI::App& app) {
  auto opt = std::make_shared<TimesOptions>();
  auto* cmd = app.add_subcommand("times", "Find time expressions and normalise them to ISO dates (JSONL)");
  opt->run.threads = 1;
  add_pipeline_run_options(*cmd, opt->run, false);
  cmd->get_option("paths")->required();
  cmd->add_option("--format", opt->format, "Output format: jsonl")->capture_default_str();
  cmd->add_option("--until", opt->until, "Stages to run first: tokenize, tag (UPOS tells years from counts, months from verbs) or parse")
      ->capture_default_str();
  cmd->callback([opt] { throw CLI::RuntimeError(run_times(*opt)); });
}

}  // namespace sitrep::cli
