// sitrep eval parse: tagging and parsing scores on a gold CoNLL-U file.
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "eval/parse_eval.h"

namespace sitrep::cli {
namespace {

int run_eval_parse(const eval::ParseEvalOptions& opt, bool json) {
  auto result = eval::evaluate_parse(opt);
  if (!result.ok()) {
    fmt::print(stderr, "sitrep: error: {}\n", result.status().message());
    return kExitBadInput;
  }
  const auto& r = result.value();
  if (!r.warning.empty()) fmt::print(stderr, "sitrep: warning: {}\n", r.warning);
  const auto& s = r.scores;
  using P = eval::ParseScores;
  if (json) {
    nlohmann::json j;
    j["upos"] = P::pct(s.upos, s.words);
    j["xpos"] = P::pct(s.xpos, s.words);
    j["lemmas"] = P::pct(s.lemmas, s.words);
    j["uas"] = P::pct(s.uas, s.words);
    j["las"] = P::pct(s.las, s.words);
    j["words"] = s.words;
    j["words_per_second"] = r.words_per_second;
    j["retagged"] = r.retagged;
    j["tag_seconds"] = r.tag_seconds;
    j["parse_seconds"] = r.seconds - r.tag_seconds;
    j["wall_seconds"] = r.wall_seconds;
    fmt::print("{}\n", j.dump());
  } else {
    fmt::print("words {}  tags {}\nUPOS {:.2f}  XPOS {:.2f}  lemmas {:.2f}\nUAS {:.2f}  LAS {:.2f}\n"
               "tagging + parsing: {:.0f} words/s (one thread, CPU time; tagging {:.3f} s, parsing {:.3f} s)\n",
               s.words, r.retagged ? "predicted" : "gold", P::pct(s.upos, s.words), P::pct(s.xpos, s.words),
               P::pct(s.lemmas, s.words), P::pct(s.uas, s.words), P::pct(s.las, s.words), r.words_per_second, r.tag_seconds,
               r.seconds - r.tag_seconds);
  }
  return 0;
}

}  // namespace

void add_eval_parse_command(CLI::App& eval_group) {
  auto opt = std::make_shared<eval::ParseEvalOptions>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = eval_group.add_subcommand("parse", "Score tagging and parsing on a gold CoNLL-U file");
  cmd->add_option("--gold", opt->gold_path, "Gold CoNLL-U file (its tokenization is kept)")->required();
  cmd->add_option("--model", opt->parser_model, "Parser model (default: models/parser.bin)");
  cmd->add_option("--tagger", opt->tagger_model, "Tagger model (default: models/tagger.bin)");
  cmd->add_flag("--gold-tags", opt->gold_tags, "Parse with the gold tags instead of re-tagging");
  cmd->add_option("--doc-prefix", opt->doc_prefix, "Score only documents whose newdoc id starts with this");
  cmd->add_flag("--json", *json, "One JSON object on one line");
  // Extension point: the integrator adds `--raw` here (sets opt->raw; see eval/parse_eval.h).
  cmd->callback([opt, json] { throw CLI::RuntimeError(run_eval_parse(*opt, *json)); });
}

}  // namespace sitrep::cli
