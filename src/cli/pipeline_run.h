// What the commands that run the pipeline over files share: the options that
// choose inputs and stages, loading the pipeline, and the read-analyse loop.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "io/readers.h"
#include "pipeline/pipeline.h"

namespace sitrep::cli {

struct PipelineRunOptions {
  std::vector<std::string> paths;
  std::string input_format = "auto";
  uint64_t max_document_bytes = io::kDefaultMaxDocumentBytes;
  std::string date;          // YYYY-MM-DD for documents without one
  std::string dictionaries;  // a PETRARCH2 dictionary directory, coded with instead of ours
  unsigned threads = 0;
};

// Adds paths, --input-format, --date, --threads (and --dictionaries when `petrarch`).
void add_pipeline_run_options(CLI::App& cmd, PipelineRunOptions& o, bool petrarch);

// --max-document-bytes, for every command that reads articles.
void add_max_document_option(CLI::App& cmd, uint64_t& bytes);
// --input-format and --max-document-bytes as the readers' options (an unknown format is an error).
Result<io::ReadOptions> read_options(const std::string& input_format, uint64_t max_document_bytes);
// A reader warning printed as "sitrep: warning: ..."; true when it skipped an input (exit status 2).
bool print_warning(const std::string& warning);

// Loads the pipeline up to `last`, or prints the error and returns nullopt.
std::optional<Pipeline> load_pipeline(const PipelineRunOptions& o, Stage last);

// --date: `out` stays empty without one; false (the error printed) when it is not a date.
bool parse_date_option(const std::string& text, std::optional<Date>& out);
// Gives a document without a date the --date one.
void date_if_undated(Document& doc, const std::optional<Date>& given);

// Reads the inputs and hands each analysed document to `sink` in input order.
// Returns the exit status: 0, or kExitBadInput when an input could not be read.
int run_pipeline(const Pipeline& pipeline, const PipelineRunOptions& o, const std::function<void(Document&)>& sink);

}  // namespace sitrep::cli
