// sitrep eval events: codes each validation record's text with PETRARCH
// dictionaries (--coder petrarch, the default) or with our own pipeline and
// dictionaries (--coder own), and scores the events (src/eval/events_eval.h).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "eval/events_eval.h"
#include "events/coder.h"
#include "events/petrarch_dictionaries.h"
#include "pipeline/pipeline.h"

namespace sitrep::cli {
namespace {

struct EvalEventsOptions {
  std::string gold;
  std::string dictionaries = "../shared/data/petrarch2/dictionaries/validate";
  std::string coder = "petrarch";
  bool json = false;
  bool verbose = false;
  bool all = false;  // -v prints every record, the fully right too (per-pattern precision)
};

std::string triples(const std::vector<eval::EventTriple>& v) {
  std::string out;
  for (const auto& t : v) out += fmt::format(" {}>{}:{}", t.source, t.target, t.code);
  return out.empty() ? " (none)" : out;
}

// Our own coder: each record's context and text are one document (the article up
// to and including the sentence); only the events of the sentence are scored.
int run_eval_own(const EvalEventsOptions& o, const std::vector<eval::EventRecord>& records) {
  auto pipeline = Pipeline::load_default(Stage::kEvents);
  if (!pipeline.ok()) {
    fmt::print(stderr, "sitrep: {}\n", pipeline.status().message());
    return kExitBadInput;
  }
  eval::EventScores scores;
  for (const eval::EventRecord& r : records) {
    Document doc;
    doc.id = r.id;
    doc.text = r.context + r.text;
    doc.date = r.date;
    doc.blocks.push_back({Span{0, static_cast<uint32_t>(doc.text.size())}, BlockKind::kNews});
    pipeline.value().process(doc);
    std::vector<eval::EventTriple> got;
    std::vector<std::string> places;
    std::string by;  // the dictionary line of each event, in order ("-": a rule of the coder's)
    for (const Event& e : doc.events)
      if (e.span.begin >= r.context.size()) {
        got.push_back({e.source.code, e.target.code, e.code});
        places.push_back(e.place >= 0 ? doc.places[static_cast<size_t>(e.place)].name : std::string());
        by += ' ';
        by += e.pattern.empty() ? std::string("-") : e.pattern;
      }
    if ((!eval::score_record(r, got, scores, places) || o.all) && o.verbose)
      fmt::print("{} {}\n  expected:{}\n  coded:   {}\n  by:     {}\n", r.id, r.text, triples(r.expected),
                 triples(got), by.empty() ? std::string(" (none)") : by);
  }
  if (o.json)
    std::cout << eval::events_json(scores) << "\n";
  else
    std::cout << eval::events_levels_table(scores);
  return 0;
}

int run_eval_events(const EvalEventsOptions& o) {
  auto records = eval::read_event_records(o.gold);
  if (!records.ok()) {
    fmt::print(stderr, "sitrep: {}\n", records.status().message());
    return kExitBadInput;
  }
  if (o.coder == "own") return run_eval_own(o, records.value());
  // The pipeline `sitrep events --dictionaries DIR` runs (tree repairs, entities, places),
  // coding with the PETRARCH dictionaries instead of ours.
  auto pipeline = Pipeline::load_default(Stage::kEvents);
  if (!pipeline.ok()) {
    fmt::print(stderr, "sitrep: {}\n", pipeline.status().message());
    return kExitBadInput;
  }
  std::vector<std::string> skipped;
  if (Status st = pipeline.value().use_petrarch_dictionaries(o.dictionaries, &skipped); !st.ok()) {
    fmt::print(stderr, "sitrep: {} (give --dictionaries DIR)\n", st.message());
    return kExitBadInput;
  }
  // Skipped dictionary entries (transformations, typos): counted, listed with -v.
  if (!skipped.empty()) {
    fmt::print(stderr, "sitrep: {} dictionary entries skipped{}\n", skipped.size(), o.verbose ? ":" : " (-v lists them)");
    if (o.verbose)
      for (const std::string& w : skipped) fmt::print(stderr, "  {}\n", w);
  }
  eval::EventScores scores;
  Pipeline::StageSeconds seconds;
  for (const eval::EventRecord& r : records.value()) {
    Document doc;
    doc.id = r.id;
    doc.text = r.text;
    doc.date = r.date;
    doc.blocks.push_back({Span{0, static_cast<uint32_t>(doc.text.size())}, BlockKind::kNews});
    pipeline.value().process(doc, &seconds);
    auto got = eval::event_triples(doc);
    if (!eval::score_record(r, got, scores) && o.verbose) {
      fmt::print("{} [{}] {}\n  expected:{}\n  coded:   {}\n", r.id, r.category, r.text, triples(r.expected),
                 triples(got));
    }
  }
  // Speed: coding's cost relative to the pipeline before it.
  const double before = seconds.tokenize + seconds.tag + seconds.parse + seconds.entities;
  const events::PetrarchDictionaries& dicts = *pipeline.value().petrarch_dictionaries();
  fmt::print(stderr, "{} patterns, {} actors, {} agents; pipeline {:.3f} s, coding {:.3f} s (+{:.1f}%)\n",
             pipeline.value().coder()->pattern_count(), dicts.actors.size(), dicts.agents.size(), before,
             seconds.events, before > 0 ? 100 * seconds.events / before : 0.0);
  if (o.json)
    std::cout << eval::events_json(scores) << "\n";
  else
    std::cout << eval::events_table(scores);
  return 0;
}

}  // namespace

void add_eval_events_command(CLI::App& eval_group) {
  auto o = std::make_shared<EvalEventsOptions>();
  auto* cmd = eval_group.add_subcommand("events", "Code PETRARCH validation records and score the events");
  cmd->add_option("--gold", o->gold, "Validation records (JSONL: id, category, date, text, expected, noevents)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--dictionaries", o->dictionaries, "PETRARCH2 dictionary directory")
      ->capture_default_str();
  cmd->add_option("--coder", o->coder,
                  "petrarch: the PETRARCH dictionaries of --dictionaries; own: our pipeline, actors and verb patterns")
      ->check(CLI::IsMember({"petrarch", "own"}))
      ->capture_default_str();
  cmd->add_flag("--json", o->json, "Print one JSON object on one line");
  cmd->add_flag("-v,--verbose", o->verbose,
                "Print each record not fully right, with what was coded and the dictionary line of each event");
  cmd->add_flag("--all", o->all, "With -v, print every record, the fully right ones too");
  cmd->callback([o]() {
    int rc = run_eval_events(*o);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}

}  // namespace sitrep::cli
