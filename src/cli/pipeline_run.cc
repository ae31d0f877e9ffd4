#include "cli/pipeline_run.h"

#include <deque>

#include <fmt/format.h>

#include "cli/commands.h"
#include "io/dates.h"
#include "io/readers.h"

namespace sitrep::cli {

void add_pipeline_run_options(CLI::App& cmd, PipelineRunOptions& o, bool petrarch) {
  cmd.add_option("paths", o.paths, "Files, directories (recursive) or - for standard input");
  cmd.add_option("--input-format", o.input_format, "auto (by extension), text, html, jsonl")->capture_default_str();
  add_max_document_option(cmd, o.max_document_bytes);
  cmd.add_option("--date", o.date, "Publication date (YYYY-MM-DD) of documents that carry none");
  cmd.add_option("--threads", o.threads, "Worker threads (0 = all cores)")->capture_default_str();
  if (petrarch)
    cmd.add_option("--dictionaries", o.dictionaries,
                   "Code with these PETRARCH2 dictionaries (verbs, actors, agents, discards) instead of ours");
}

void add_max_document_option(CLI::App& cmd, uint64_t& bytes) {
  cmd.add_option("--max-document-bytes", bytes,
                 "Skip, with a warning, documents larger than this (a JSONL line counts as one; 0 = no limit)")
      ->capture_default_str();
}

Result<io::ReadOptions> read_options(const std::string& input_format, uint64_t max_document_bytes) {
  SITREP_ASSIGN_OR_RETURN(io::InputFormat format, io::parse_input_format(input_format));
  io::ReadOptions options;
  options.format = format;
  options.max_document_bytes = max_document_bytes;
  return options;
}

bool print_warning(const std::string& warning) {
  fmt::print(stderr, "sitrep: warning: {}\n", warning);
  return warning.find(": skipped: ") != std::string::npos;
}

std::optional<Pipeline> load_pipeline(const PipelineRunOptions& o, Stage last) {
  auto pipeline = Pipeline::load_default(last);
  if (!pipeline.ok()) {
    fmt::print(stderr, "sitrep: error: {}\n", pipeline.status().message());
    return std::nullopt;
  }
  if (!o.dictionaries.empty()) {
    std::vector<std::string> skipped;
    if (Status st = pipeline.value().use_petrarch_dictionaries(o.dictionaries, &skipped); !st.ok()) {
      fmt::print(stderr, "sitrep: error: {}\n", st.message());
      return std::nullopt;
    }
    if (!skipped.empty()) fmt::print(stderr, "sitrep: {} dictionary entries skipped\n", skipped.size());
  }
  return std::move(pipeline).value();
}

bool parse_date_option(const std::string& text, std::optional<Date>& out) {
  out.reset();
  if (text.empty()) return true;
  out = io::parse_date(text);
  if (!out) fmt::print(stderr, "sitrep: error: --date {}: not a date (YYYY-MM-DD)\n", text);
  return out.has_value();
}

void date_if_undated(Document& doc, const std::optional<Date>& given) {
  if (!doc.date.known() && given) doc.date = *given, doc.date_source = "--date option";
}

int run_pipeline(const Pipeline& pipeline, const PipelineRunOptions& o, const std::function<void(Document&)>& sink) {
  if (o.paths.empty()) {
    fmt::print(stderr, "sitrep: error: give files or directories to read (- for standard input)\n");
    return kExitBadInput;
  }
  auto options = read_options(o.input_format, o.max_document_bytes);
  if (!options.ok()) return fail(options.status());
  std::optional<Date> given;
  if (!parse_date_option(o.date, given)) return kExitBadInput;
  int bad = 0;
  Status read;
  {
    // Warnings the analysis adds (an over-long sentence cut) go to stderr too;
    // the reader's own were printed as they came. Documents come back in order.
    std::deque<size_t> read_warnings;
    BatchRunner runner(pipeline, o.threads, [&](Document& doc) {
      for (size_t i = read_warnings.front(); i < doc.warnings.size(); ++i)
        fmt::print(stderr, "sitrep: warning: {}: {}\n", doc.path, doc.warnings[i]);
      read_warnings.pop_front();
      sink(doc);
    });
    read = io::read_inputs(
        o.paths, options.value(),
        [&](Document&& doc) {
          date_if_undated(doc, given);
          read_warnings.push_back(doc.warnings.size());
          runner.add(std::move(doc));
        },
        [&](const std::string& warning) { bad += print_warning(warning); });
  }
  if (!read.ok()) {
    return fail(read);
  }
  return bad ? kExitBadInput : 0;
}

}  // namespace sitrep::cli
