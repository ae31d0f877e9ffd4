// sitrep eval tagger: tagger and lemmatizer accuracy on gold CoNLL-U (gold tokenization).
#include <fmt/format.h>

#include "cli/commands.h"
#include "tagger/tagger_eval.h"

namespace sitrep::cli {

void add_eval_tagger_command(CLI::App& eval_group) {
  struct Options {
    std::vector<std::string> gold;
    std::string model;
    std::string doc_prefix;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = eval_group.add_subcommand("tagger", "Score the tagger (UPOS, XPOS, UFeats, lemmas) on gold CoNLL-U");
  cmd->add_option("gold", opt->gold, "Gold CoNLL-U files")->required()->check(CLI::ExistingFile);
  cmd->add_option("--model", opt->model, "Tagger model (default: models/tagger.bin)");
  cmd->add_option("--doc-prefix", opt->doc_prefix, "Only documents whose id starts with this (e.g. GUM_news_)");
  cmd->callback([opt] {
    auto t = opt->model.empty() ? tagger::Tagger::load_default() : tagger::Tagger::load(opt->model);
    if (!t.ok()) {
      fmt::print(stderr, "sitrep: error: {}\n", t.status().message());
      throw CLI::RuntimeError(kExitBadInput);
    }
    for (const std::string& path : opt->gold) {
      tagger::TaggerScores sc;
      Status st = tagger::tagger_accuracy(t.value(), path, opt->doc_prefix, &sc);
      if (!st.ok()) {
        fmt::print(stderr, "sitrep: error: {}\n", st.message());
        throw CLI::RuntimeError(kExitBadInput);
      }
      fmt::print("{}{}: {}  {:.0f} words/s\n", path, opt->doc_prefix.empty() ? "" : " [" + opt->doc_prefix + "*]",
                 tagger::format_tagger_scores(sc), sc.seconds > 0 ? double(sc.words) / sc.seconds : 0.0);
    }
  });
}

}  // namespace sitrep::cli
