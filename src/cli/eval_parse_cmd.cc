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
    return fail(result.status());
  }
  const auto& r = result.value();
  if (!r.warning.empty()) fmt::print(stderr, "sitrep: warning: {}\n", r.warning);
  const auto& s = r.scores;
  if (json) {
    nlohmann::json j;
    j["upos"] = s.f1(s.upos);
    j["xpos"] = s.f1(s.xpos);
    j["lemmas"] = s.f1(s.lemmas);
    j["uas"] = s.f1(s.uas);
    j["las"] = s.f1(s.las);
    j["words"] = s.words;
    j["system_words"] = s.system_words;
    j["words_per_second"] = r.words_per_second;
    j["retagged"] = r.retagged;
    j["tag_seconds"] = r.tag_seconds;
    j["parse_seconds"] = r.seconds - r.tag_seconds;
    j["wall_seconds"] = r.wall_seconds;
    fmt::print("{}\n", j.dump());
  } else {
    fmt::print("words {}  tags {}\nUPOS {:.2f}  XPOS {:.2f}  lemmas {:.2f}\nUAS {:.2f}  LAS {:.2f}\n"
               "tagging + parsing: {:.0f} words/s (one thread, CPU time; tagging {:.3f} s, parsing {:.3f} s)\n",
               s.words, r.retagged ? "predicted" : "gold", s.f1(s.upos), s.f1(s.xpos), s.f1(s.lemmas), s.f1(s.uas),
               s.f1(s.las), r.words_per_second, r.tag_seconds,
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
  cmd->add_option("--beam", opt->beam, "Beam width (default: the model's)");
  cmd->add_flag("--json", *json, "One JSON object on one line");
  cmd->add_flag("--raw", opt->raw,
                "Tokenize the gold text first and align (CoNLL 2018 shared task); figures are F1");
  cmd->callback([opt, json] { throw CLI::RuntimeError(run_eval_parse(*opt, *json)); });
}

}  // namespace sitrep::cli
