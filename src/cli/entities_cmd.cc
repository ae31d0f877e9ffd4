// sitrep entities PATH...: every mention (names, descriptions, pronouns) with
// its coreference chain, the chain's best name and its actor code.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/pipeline_run.h"
#include "entities/actors.h"
#include "entities/coref.h"

namespace sitrep::cli {
namespace {

const char* kind_name(MentionKind k) {
  switch (k) {
    case MentionKind::kName: return "name";
    case MentionKind::kNominal: return "nominal";
    case MentionKind::kPronoun: return "pronoun";
  }
  return "name";
}

void write_mentions(const Document& doc, std::ostream& out) {
  using json = nlohmann::ordered_json;
  for (const Mention& m : doc.mentions) {
    const Chain* c = m.chain >= 0 ? &doc.chains[static_cast<size_t>(m.chain)] : nullptr;
    json j = {{"doc", doc.id},
              {"sent", m.sentence + 1},
              {"start", m.span.begin},
              {"end", m.span.end},
              {"text", std::string(doc.str(m.span))},
              {"type", entity_type_name(m.type)},
              {"kind", kind_name(m.kind)},
              {"canonical", c ? json(c->canonical) : json(nullptr)},
              {"chain", c ? json(m.chain) : json(nullptr)},
              {"actor", c && !c->actor.empty() ? json(c->actor) : json(nullptr)},
              {"evidence", c && !c->evidence.empty() ? json(c->evidence) : json(nullptr)},
              {"link", m.antecedent >= 0 ? json(entities::sieve_name(m.sieve)) : json(nullptr)}};
    out << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  }
}

}  // namespace

void add_entities_command(CLI::App& app) {
  auto run = std::make_shared<PipelineRunOptions>();
  auto format = std::make_shared<std::string>("jsonl");
  auto* cmd = app.add_subcommand("entities", "Mentions of persons, organisations and places, with chains and actor codes");
  add_pipeline_run_options(*cmd, *run, false);
  cmd->add_option("--format", *format,
                  "jsonl (every mention), or learned: the persons whose actor code was learned from context "
                  "(title, apposition), as data/actors/persons.tsv lines to review and add")
      ->capture_default_str();
  cmd->callback([run, format] {
    if (*format != "jsonl" && *format != "learned") {
      fmt::print(stderr, "sitrep: error: unknown format '{}' (expected jsonl or learned)\n", *format);
      throw CLI::RuntimeError(kExitBadInput);
    }
    const bool learned = *format == "learned";
    auto pipeline = load_pipeline(*run, Stage::kEntities);
    if (!pipeline) throw CLI::RuntimeError(kExitBadInput);
    std::ios::sync_with_stdio(false);
    int rc = run_pipeline(*pipeline, *run, [&](Document& doc) {
      if (learned)
        std::cout << entities::export_learned(doc);
      else
        write_mentions(doc, std::cout);
    });
    std::cout.flush();
    throw CLI::RuntimeError(rc);
  });
}

}  // namespace sitrep::cli
