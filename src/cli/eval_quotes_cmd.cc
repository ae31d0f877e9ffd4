// sitrep eval quotes --gold DIR: quotes and speakers against brat attribution
// annotations (PolNeAR: DIR/text/*.txt and DIR/attributions/*.ann, or .txt and
// .ann side by side in DIR).
#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <iostream>
#include <set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "entities/coref.h"
#include "entities/mentions.h"
#include "entities/ner.h"
#include "eval/quotes_eval.h"
#include "io/file.h"
#include "io/readers.h"
#include "pipeline/pipeline.h"
#include "quotes/quotes.h"

namespace sitrep::cli {
namespace {

namespace fs = std::filesystem;

struct EvalQuotesOptions {
  std::string gold;
  bool json = false;
  bool verbose = false;
  size_t limit = 0;
  size_t skip = 0;
  unsigned threads = 1;
  std::string overlap = "longer";
  bool no_coref = false;
};

// One article: its text file and annotation file.
struct Pair {
  fs::path text, ann;
};

// Annotation files, sorted; a text annotated twice ("NAME_ANNOTATOR.ann") is
// scored once, against the first annotator's file.
std::vector<Pair> find_pairs(const fs::path& dir) {
  fs::path text_dir = dir, ann_dir = dir;
  if (fs::is_directory(dir / "text") && fs::is_directory(dir / "attributions")) text_dir = dir / "text", ann_dir = dir / "attributions";
  std::vector<fs::path> anns;
  for (const auto& e : fs::directory_iterator(ann_dir))
    if (e.path().extension() == ".ann") anns.push_back(e.path());
  std::sort(anns.begin(), anns.end());
  std::vector<Pair> pairs;
  std::set<fs::path> seen;
  for (const fs::path& a : anns) {
    std::string stem = a.stem().string();
    fs::path t = text_dir / (stem + ".txt");
    if (!fs::exists(t)) {
      size_t us = stem.rfind('_');
      if (us == std::string::npos) continue;
      t = text_dir / (stem.substr(0, us) + ".txt");
      if (!fs::exists(t)) continue;
    }
    if (seen.insert(t).second) pairs.push_back({t, a});
  }
  return pairs;
}

std::string excerpt(const Document& doc, Span s) {
  std::string t(doc.str(s).substr(0, 140));
  std::replace(t.begin(), t.end(), '\n', ' ');
  return t;
}

int run_eval_quotes(const EvalQuotesOptions& o) {
  // The pipeline's own entity stage (names, mentions, coreference, actors, then
  // quotes), so that "he said" counts when the gold source is the name; with
  // --no-coref, find_quotes alone on the parsed text.
  auto cues = CueLexicon::load_default();
  auto pipeline = Pipeline::load_default(o.no_coref ? Stage::kParse : Stage::kEntities);
  for (const Status& st : {cues.status(), pipeline.status()}) {
    if (!st.ok()) {
      return fail(st);
    }
  }
  std::vector<Pair> pairs = find_pairs(o.gold);
  if (o.skip) pairs.erase(pairs.begin(), pairs.begin() + std::min(o.skip, pairs.size()));
  if (o.limit && pairs.size() > o.limit) pairs.resize(o.limit);
  if (pairs.empty()) {
    fmt::print(stderr, "sitrep: error: {}: no .ann file with its .txt\n", o.gold);
    return kExitBadInput;
  }
  eval::QuoteScores scores;
  const auto base = o.overlap == "gold" ? eval::OverlapBase::kGold : eval::OverlapBase::kLonger;
  double quote_seconds = 0;  // in find_quotes (--no-coref), to set against the pipeline's stages
  std::deque<std::vector<eval::GoldAttribution>> golds;  // in the runner's order
  BatchRunner runner(pipeline.value(), o.threads, [&](Document& doc) {
    auto t1 = std::chrono::steady_clock::now();
    if (o.no_coref) find_quotes(doc, cues.value());
    quote_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    std::vector<eval::QuoteMismatch> mism;
    eval::score_quotes(doc, golds.front(), scores, o.verbose ? &mism : nullptr, base);
    golds.pop_front();
    for (const auto& m : mism) {
      const char* kind = m.kind == eval::QuoteMismatch::kMissed ? "MISSED" : m.kind == eval::QuoteMismatch::kExtra ? "EXTRA" : "SOURCE";
      fmt::print("{}\t{}\t[{}]\tgold source [{}]\tours [{}]\tgold cue [{}]\n", kind, doc.id, excerpt(doc, m.content),
                 excerpt(doc, m.gold_source), excerpt(doc, m.our_speaker), excerpt(doc, m.gold_cue));
    }
  });
  int rc = 0;
  for (const Pair& p : pairs) {
    std::string text, ann;
    Status rd = io::read_file_bytes(p.text.string(), &text);
    if (rd.ok()) rd = io::read_file_bytes(p.ann.string(), &ann);
    if (!rd.ok()) {
      fmt::print(stderr, "sitrep: error: {}\n", rd.message());
      rc = kExitBadInput;
      continue;
    }
    std::vector<Document> docs;
    Status st = io::read_bytes(p.text.string(), text, io::InputFormat::kText,
                               [&](Document&& d) { docs.push_back(std::move(d)); }, [](const std::string&) {});
    if (!st.ok() || docs.size() != 1) continue;
    // Offsets are into the file; the reader may have normalised the text.
    if (docs[0].text != text) {
      fmt::print(stderr, "sitrep: warning: {}: text changed by normalisation, skipped\n", p.text.string());
      continue;
    }
    auto gold = eval::read_brat_attributions(ann, text, p.ann.string());
    if (!gold.ok()) {
      fmt::print(stderr, "sitrep: error: {}\n", gold.status().message());
      rc = kExitBadInput;
      continue;
    }
    golds.push_back(std::move(gold).value());
    runner.add(std::move(docs[0]));
  }
  runner.flush();
  std::cout << (o.json ? eval::quote_scores_json(scores) + "\n" : eval::quote_scores_table(scores, base));
  if (!o.json) {
    const auto& st = runner.stats().stage_seconds;
    fmt::print("time      tokenize {:.3f} s, tag {:.3f} s, parse {:.3f} s, entities and quotes {:.3f} s{}\n", st.tokenize,
               st.tag, st.parse, st.entities,
               o.no_coref ? fmt::format(", find_quotes {:.3f} s", quote_seconds) : std::string());
  }
  return rc;
}

}  // namespace

void add_eval_quotes_command(CLI::App& eval_group) {
  auto o = std::make_shared<EvalQuotesOptions>();
  auto* cmd = eval_group.add_subcommand("quotes", "Quote contents and speakers against brat attribution annotations (PolNeAR)");
  cmd->add_option("--gold", o->gold, "Directory: text/ + attributions/, or .txt and .ann side by side")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_flag("--json", o->json, "Print one JSON object on one line");
  cmd->add_flag("-v,--verbose", o->verbose, "Print every missed, extra and wrongly attributed quote");
  cmd->add_option("--skip", o->skip, "Skip the first N articles (sorted by name)");
  cmd->add_option("--limit", o->limit, "Score at most N articles (after --skip)");
  cmd->add_flag("--no-coref", o->no_coref, "Speakers without names, mentions and coreference (find_quotes alone)");
  cmd->add_option("--threads", o->threads, "Worker threads (0 = all cores)")->capture_default_str();
  cmd->add_option("--overlap", o->overlap, "Overlap ratio over the longer span (longer) or the gold piece (gold)")
      ->check(CLI::IsMember({"longer", "gold"}))
      ->capture_default_str();
  cmd->callback([o] { throw CLI::RuntimeError(run_eval_quotes(*o)); });
}

}  // namespace sitrep::cli
