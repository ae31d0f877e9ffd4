// sitrep train ...: reproduces the trained models under models/.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "text/sentence_train.h"

namespace sitrep::cli {

void add_train_command(CLI::App& app) {
  auto* train = app.add_subcommand("train", "Train the models sitrep ships in models/");
  train->require_subcommand(1);

  auto opts = std::make_shared<text::SentenceTrainOptions>();
  auto* sent = train->add_subcommand("sentences", "Sentence boundary classifier (models/sentences.bin)");
  sent->add_option("--train", opts->train, "Gold CoNLL-U training files")->required()->check(CLI::ExistingFile);
  sent->add_option("--dev", opts->dev, "Gold CoNLL-U development file (epoch and threshold)")
      ->required()
      ->check(CLI::ExistingFile);
  sent->add_option("--out", opts->out, "Model path")->required();
  sent->add_option("--epochs", opts->epochs, "Passes over the training data")->capture_default_str();
  sent->callback([opts]() {
    Status st = text::train_sentence_model(*opts, std::cerr);
    if (!st.ok()) {
      fmt::print(stderr, "sitrep: {}\n", st.message());
      throw CLI::RuntimeError(kExitBadInput);
    }
  });
}

}  // namespace sitrep::cli
