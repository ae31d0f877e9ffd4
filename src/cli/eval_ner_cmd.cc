// sitrep eval ner: named-entity recognition scores on a gold IOB2 (UNER) or GUM CoNLL-U file.
#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "eval/ner_eval.h"

namespace sitrep::cli {
namespace {

int run(const eval::NerEvalOptions& o, bool json) {
  auto r = eval::evaluate_ner(o);
  if (!r.ok()) {
    fmt::print(stderr, "sitrep: {}\n", r.status().message());
    return kExitBadInput;
  }
  const eval::NerScores& s = r.value().scores;
  const double wps = r.value().ner_seconds > 0 ? r.value().words / r.value().ner_seconds : 0;
  if (json) {
    nlohmann::json j;
    j["f1"] = s.mapped_total.f1();
    j["precision"] = s.mapped_total.precision();
    j["recall"] = s.mapped_total.recall();
    for (EntityType t : {EntityType::kPerson, EntityType::kOrg, EntityType::kLoc})
      j[entity_type_name(t)] = s.mapped[static_cast<int>(t)].f1();
    if (!s.partial) {
      j["f1_all_types"] = s.all_total.f1();
      nlohmann::json all;
      for (int t = 1; t < kEntityTypeCount; ++t) all[entity_type_name(static_cast<EntityType>(t))] = s.all[t].f1();
      j["all_types"] = all;
    }
    j["words"] = r.value().words;
    j["ner_words_per_second"] = wps;
    fmt::print("{}\n", j.dump());
    return 0;
  }
  auto row = [](std::string_view name, const eval::NerCounts& c) {
    fmt::print("{:<8} {:>7.2f} {:>7.2f} {:>7.2f} {:>6}\n", name, c.precision(), c.recall(), c.f1(), c.tp + c.fn);
  };
  fmt::print("PERSON/ORG/LOC (GPE as LOC), exact spans, gold tokenization\n{:<8} {:>7} {:>7} {:>7} {:>6}\n", "type", "P",
             "R", "F1", "gold");
  for (EntityType t : {EntityType::kPerson, EntityType::kOrg, EntityType::kLoc})
    row(entity_type_name(t), s.mapped[static_cast<int>(t)]);
  row("overall", s.mapped_total);
  if (!s.partial) {
    fmt::print("\nall types\n");
    for (int t = 1; t < kEntityTypeCount; ++t) row(entity_type_name(static_cast<EntityType>(t)), s.all[t]);
    row("overall", s.all_total);
  }
  fmt::print("\n{} words; recognizer alone {:.0f} words/s (one thread)\n", r.value().words, wps);
  return 0;
}

}  // namespace

void add_eval_ner_command(CLI::App& eval_group) {
  auto o = std::make_shared<eval::NerEvalOptions>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = eval_group.add_subcommand("ner", "Named-entity recognition P/R/F1 on a UNER IOB2 or GUM CoNLL-U file");
  cmd->add_option("--gold", o->gold_path, "Gold file: IOB2 (UNER) or CoNLL-U with GUM entities")->required();
  cmd->add_option("--model", o->model, "Recognizer model (default: models/ner.bin)");
  cmd->add_option("--genre", o->genre, "GUM: only documents of this genre (news, bio, ...)");
  cmd->add_option("--dump", o->dump, "Write every word with its gold and predicted tag to this file");
  cmd->add_flag("--json", *json, "One JSON object on one line (key f1: PERSON/ORG/LOC overall)");
  cmd->callback([o, json] { throw CLI::RuntimeError(run(*o, *json)); });
}

}  // namespace sitrep::cli
