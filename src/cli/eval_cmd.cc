// sitrep eval ...: the scorers.
#include "cli/commands.h"

namespace sitrep::cli {

void add_eval_command(CLI::App& app) {
  auto* eval = app.add_subcommand("eval", "Score sitrep against gold annotations");
  eval->require_subcommand(1);
}

}  // namespace sitrep::cli
