// One function per subcommand: each adds itself to the app and runs when chosen.
#pragma once

#include <CLI/CLI.hpp>

namespace sitrep::cli {

// Exit status for bad input or usage: a missing file, an unknown format.
inline constexpr int kExitBadInput = 2;

void add_parse_command(CLI::App& app);
void add_eval_command(CLI::App& app);
void add_train_command(CLI::App& app);

}  // namespace sitrep::cli
