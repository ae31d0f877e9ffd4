// sitrep: news articles in, structured event data out. One binary, subcommands.
#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"sitrep: turns news articles into structured event data"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("sitrep 0.1.0"));
  sitrep::cli::add_parse_command(app);
  sitrep::cli::add_eval_command(app);
  sitrep::cli::add_eval_parse_command(*app.get_subcommand("eval"));
  sitrep::cli::add_train_command(app);
  sitrep::cli::add_train_parser_command(*app.get_subcommand("train"));
  sitrep::cli::add_train_tagger_command(*app.get_subcommand("train"));
  sitrep::cli::add_train_clusters_command(*app.get_subcommand("train"));
  sitrep::cli::add_eval_tagger_command(*app.get_subcommand("eval"));
  sitrep::cli::add_train_ner_command(*app.get_subcommand("train"));
  sitrep::cli::add_eval_ner_command(*app.get_subcommand("eval"));
  sitrep::cli::add_eval_coref_command(*app.get_subcommand("eval"));
  sitrep::cli::add_times_command(app);
  sitrep::cli::add_eval_times_command(*app.get_subcommand("eval"));
  sitrep::cli::add_eval_events_command(*app.get_subcommand("eval"));
  sitrep::cli::add_quotes_command(app);
  sitrep::cli::add_tolls_command(app);
  sitrep::cli::add_eval_quotes_command(*app.get_subcommand("eval"));
  sitrep::cli::add_ingest_command(app);
  sitrep::cli::add_events_command(app);
  sitrep::cli::add_entities_command(app);
  sitrep::cli::add_search_command(app);
  sitrep::cli::add_dyads_command(app);
  sitrep::cli::add_stories_command(app);
  sitrep::cli::add_serve_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {  // a subcommand finished: its exit status
    return e.get_exit_code();
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : sitrep::cli::kExitBadInput;
  }
  return 0;
}
