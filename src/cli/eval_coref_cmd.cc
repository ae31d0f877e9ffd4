// sitrep eval coref: our mentions and coreference sieve against GUM's coreference layer.
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "eval/coref_eval.h"

namespace sitrep::cli {
namespace {

int run_eval_coref(const eval::CorefEvalOptions& opt, bool json) {
  auto result = eval::evaluate_coref(opt);
  if (!result.ok()) {
    return fail(result.status());
  }
  const auto& r = result.value();
  const auto& s = r.scores;
  if (json) {
    nlohmann::json j;
    j["muc_f1"] = 100 * s.muc.f1();
    j["b3_f1"] = 100 * s.b3.f1();
    j["ceafe_f1"] = 100 * s.ceafe.f1();
    j["conll_f1"] = 100 * s.conll_f1();
    j["documents"] = r.documents;
    j["key_mentions"] = r.key_mentions;
    j["response_mentions"] = r.response_mentions;
    j["coref_seconds"] = r.coref_seconds;
    j["parse_seconds"] = r.parse_seconds;
    fmt::print("{}\n", j.dump());
    return 0;
  }
  fmt::print("documents {}  key: {} mentions in {} entities  response: {} mentions in {} entities\n"
             "(person, organization and place entities; singletons left out; {} mentions)\n",
             r.documents, r.key_mentions, r.key_entities, r.response_mentions, r.response_entities,
             opt.gold_mentions ? "GUM's" : "our");
  auto line = [](const char* name, const eval::MetricCounts& m) {
    fmt::print("{:<6} P {:6.2f}  R {:6.2f}  F1 {:6.2f}\n", name, 100 * m.precision(), 100 * m.recall(), 100 * m.f1());
  };
  line("MUC", s.muc);
  line("B3", s.b3);
  line("CEAFe", s.ceafe);
  fmt::print("CoNLL F1 {:.2f}\n", 100 * s.conll_f1());
  fmt::print("seconds: tag + parse {:.3f}, mentions {:.4f}, coreference {:.4f}\n", r.parse_seconds,
             r.mention_seconds, r.coref_seconds);
  return 0;
}

}  // namespace

void add_eval_coref_command(CLI::App& eval_group) {
  auto opt = std::make_shared<eval::CorefEvalOptions>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = eval_group.add_subcommand("coref", "Score coreference against GUM's coreference layer");
  cmd->add_option("--gold", opt->gold_path, "GUM CoNLL-U file with Entity= annotations")->required();
  cmd->add_option("--genre", opt->genre, "Only GUM_<genre>_ documents (default: all but whow and fiction)");
  cmd->add_flag("--gold-mentions", opt->gold_mentions, "Link GUM's mentions instead of detecting ours");
  cmd->add_flag("--explain", opt->explain, "Print each mention (to stderr): its chain, GUM's group, the pass that linked it, its antecedent and the antecedent's group");
  cmd->add_flag("--json", *json, "One JSON object on one line (muc_f1, b3_f1, ceafe_f1, conll_f1)");
  cmd->callback([opt, json] { throw CLI::RuntimeError(run_eval_coref(*opt, *json)); });
}

}  // namespace sitrep::cli
