// sitrep quotes PATH...: quotations and their speakers, one JSON object per quote.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/events_db.h"
#include "entities/coref.h"
#include "entities/mentions.h"
#include "entities/ner.h"
#include "io/readers.h"
#include "pipeline/pipeline.h"
#include "quotes/quotes.h"

namespace sitrep::cli {
namespace {

struct QuotesOptions {
  std::vector<std::string> paths;
  std::string format = "jsonl";
  std::string input_format = "auto";
  unsigned threads = 1;
};

nlohmann::ordered_json quote_json(const Document& doc, const Quote& q) {
  nlohmann::ordered_json speaker = nullptr;
  if (!q.speaker.empty() || q.speaker_chain >= 0) {
    const Chain* chain = q.speaker_chain >= 0 && static_cast<size_t>(q.speaker_chain) < doc.chains.size()
                             ? &doc.chains[q.speaker_chain]
                             : nullptr;
    std::string text(doc.str(q.speaker));
    speaker = {{"text", text},
               {"canonical", chain && !chain->canonical.empty() ? chain->canonical : text},
               {"actor", chain && !chain->actor.empty() ? nlohmann::ordered_json(chain->actor) : nlohmann::ordered_json(nullptr)}};
  }
  return {{"doc", doc.id},
          {"sent", q.sentence},
          {"text", std::string(doc.str(q.span))},
          {"speaker", speaker},
          {"cue", q.cue.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(std::string(doc.str(q.cue)))},
          {"direct", q.direct},
          {"start", q.span.begin},
          {"end", q.span.end}};
}

int run_quotes(const QuotesOptions& opt) {
  if (opt.format != "jsonl") {
    fmt::print(stderr, "sitrep: error: unknown format '{}' (expected jsonl)\n", opt.format);
    return kExitBadInput;
  }
  auto in_format = io::parse_input_format(opt.input_format);
  if (!in_format.ok()) {
    fmt::print(stderr, "sitrep: error: {}\n", in_format.status().message());
    return kExitBadInput;
  }
  auto cues = CueLexicon::load_default();
  auto pipeline = Pipeline::load_default();
  auto ner = entities::Ner::load_default();
  for (const Status& st : {cues.status(), pipeline.status(), ner.status()}) {
    if (!st.ok()) {
      fmt::print(stderr, "sitrep: error: {}\n", st.message());
      return kExitBadInput;
    }
  }
  std::ios::sync_with_stdio(false);
  // find_quotes runs in the sink (the main thread): it is a small linear pass.
  BatchRunner runner(pipeline.value(), opt.threads, [&](Document& doc) {
    // Names, mentions and chains first: "he said" gets the canonical name.
    ner.value().tag(doc);
    entities::add_nominal_and_pronoun_mentions(doc);
    entities::resolve_coreference(doc);
    find_quotes(doc, cues.value());
    for (const Quote& q : doc.quotes) std::cout << quote_json(doc, q).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  });
  io::ReadOptions read_options;
  read_options.format = in_format.value();
  Status read = io::read_inputs(
      opt.paths, read_options, [&](Document&& doc) { runner.add(std::move(doc)); },
      [](const std::string& warning) { fmt::print(stderr, "sitrep: warning: {}\n", warning); });
  runner.flush();
  std::cout.flush();
  if (!read.ok()) {
    fmt::print(stderr, "sitrep: error: {}\n", read.message());
    return kExitBadInput;
  }
  return 0;
}

}  // namespace

void add_quotes_command(CLI::App& app) {
  auto opt = std::make_shared<QuotesOptions>();
  auto* cmd = app.add_subcommand("quotes", "Find quotations and their speakers (one JSON object per quote)");
  // Two sources: files run through the pipeline, or a store written by `sitrep ingest` (--db).
  auto db = std::make_shared<QuotesQueryOptions>();
  cmd->add_option("paths", opt->paths, "Files, directories (recursive) or - for standard input");
  cmd->add_option("--format", opt->format, "Output format: jsonl (with --db also csv, tsv)")->capture_default_str();
  cmd->add_option("--input-format", opt->input_format, "auto (by extension), text, html, jsonl")->capture_default_str();
  cmd->add_option("--threads", opt->threads, "Worker threads (0 = all cores)")->capture_default_str();
  cmd->add_option("--db", db->db, "Read the quotes stored in this SQLite database instead");
  cmd->add_option("--speaker", db->filter.speaker, "With --db: part of the speaker's name (case-insensitive)");
  cmd->add_option("--limit", db->filter.limit, "With --db: at most N quotes (0: all)");
  cmd->callback([opt, db] {
    if (!db->db.empty()) {
      db->format = opt->format;
      throw CLI::RuntimeError(run_quotes_query(*db));
    }
    if (opt->paths.empty()) {
      fmt::print(stderr, "sitrep: error: quotes: give files to read or --db\n");
      throw CLI::RuntimeError(kExitBadInput);
    }
    throw CLI::RuntimeError(run_quotes(*opt));
  });
}

}  // namespace sitrep::cli
