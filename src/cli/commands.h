// One function per subcommand: each adds itself to the app and runs when chosen.
#pragma once

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "core/status.h"

namespace sitrep::cli {

// Exit status for bad input or usage: a missing file, an unknown format.
inline constexpr int kExitBadInput = 2;
// Exit status when the system or sitrep failed (a read or write error, a busy
// store, an unclassified failure): the input may be fine, try again or report it.
inline constexpr int kExitFailure = 1;

// The exit status for a failed Status, by its code: kInvalidArgument, kNotFound
// and kCorruption are the input's fault (2); kIOError, kUnavailable and
// kInternal are not (1).
inline int exit_code(const Status& st) {
  switch (st.code()) {
    case StatusCode::kOk: return 0;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
    case StatusCode::kCorruption: return kExitBadInput;
    default: return kExitFailure;
  }
}

// Prints "sitrep: error: MESSAGE" and returns exit_code(st).
inline int fail(const Status& st) {
  fmt::print(stderr, "sitrep: error: {}\n", st.message());
  return exit_code(st);
}

void add_parse_command(CLI::App& app);
void add_eval_command(CLI::App& app);
void add_train_command(CLI::App& app);
void add_eval_parse_command(CLI::App& eval_group);
void add_train_parser_command(CLI::App& train_group);
// `sitrep train tagger` and `sitrep eval tagger` (src/tagger), added to those groups.
void add_train_tagger_command(CLI::App& train_group);
// The options every trainer of case-robust, cluster-aware models shares: --case-lower,
// --case-upper (shares of the training `unit`s copied lower- / upper-cased) and --clusters.
inline void add_case_and_cluster_options(CLI::App* cmd, double* lower, double* upper, std::string* clusters,
                                         const std::string& unit) {
  cmd->add_option("--case-lower", *lower, "Also train on lower-cased copies of this share of the " + unit)
      ->capture_default_str();
  cmd->add_option("--case-upper", *upper, "Also train on upper-cased copies of this share of the " + unit)
      ->capture_default_str();
  cmd->add_option("--clusters", *clusters, "Word clusters (`sitrep train clusters`): features, stored in the model")
      ->check(CLI::ExistingFile);
}
// `sitrep train clusters` (src/tagger/clusters.h).
void add_train_clusters_command(CLI::App& train_group);
void add_eval_tagger_command(CLI::App& eval_group);
// `sitrep eval coref` (src/entities), added to the eval group.
void add_eval_coref_command(CLI::App& eval_group);
// `sitrep times` and `sitrep eval times` (src/time).
void add_times_command(CLI::App& app);
void add_eval_times_command(CLI::App& eval_group);
// `sitrep eval events` (src/events, src/eval/events_eval.h).
void add_eval_events_command(CLI::App& eval_group);

// `sitrep train ner` and `sitrep eval ner` (src/entities).
void add_train_ner_command(CLI::App& train_group);
void add_eval_ner_command(CLI::App& eval_group);
// `sitrep quotes` and `sitrep eval quotes` (src/quotes, src/eval/quotes_eval.h).
void add_quotes_command(CLI::App& app);
// `sitrep tolls`: the figures the articles state (io/event_writers.h, write_figures_jsonl).
void add_tolls_command(CLI::App& app);
void add_eval_quotes_command(CLI::App& eval_group);
// The store (src/store): `sitrep ingest` and the queries over a --db.
void add_ingest_command(CLI::App& app);
// `sitrep events` (files through the pipeline, or --db) and `sitrep entities`.
void add_events_command(CLI::App& app);
void add_entities_command(CLI::App& app);
void add_search_command(CLI::App& app);
void add_dyads_command(CLI::App& app);
void add_stories_command(CLI::App& app);
// `sitrep serve` (src/server): the JSON API and the web page.
void add_serve_command(CLI::App& app);

}  // namespace sitrep::cli
