// sitrep eval times --gold DIR: time expressions against TimeML gold (TempEval-3).
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "eval/time_eval.h"
#include "io/readers.h"
#include "pipeline/pipeline.h"
#include "text/blocks.h"
#include "time/time_expressions.h"

namespace sitrep::cli {
namespace {

struct EvalTimesOptions {
  std::string gold;
  std::string until = "tag";
  std::vector<std::string> types = {"DATE", "TIME"};
  bool json = false;
  bool errors = false;
  std::string prefix = "GUM_news_";
};

int run_eval_times(const EvalTimesOptions& o) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  if (fs::is_directory(o.gold, ec)) {
    for (const auto& e : fs::directory_iterator(o.gold, ec))
      if (e.path().extension() == ".tml" ||
          (e.path().extension() == ".xml" && e.path().filename().string().starts_with(o.prefix)))
        files.push_back(e.path().string());
  } else if (fs::exists(o.gold, ec)) {
    files.push_back(o.gold);
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    fmt::print(stderr, "sitrep: error: {}: no .tml or GUM .xml files\n", o.gold);
    return kExitBadInput;
  }
  auto until = parse_stage(o.until);
  if (!until.ok()) {
    return fail(until.status());
  }
  auto pipeline = Pipeline::load_default(until.value());
  if (!pipeline.ok()) {
    return fail(pipeline.status());
  }
  eval::TimeScores scores;
  using Clock = std::chrono::steady_clock;
  double pipeline_seconds = 0, times_seconds = 0;
  uint64_t tokens = 0;
  for (const std::string& path : files) {
    auto gold = path.ends_with(".xml") ? eval::read_gum_xml(path) : eval::read_timeml(path);
    if (!gold.ok()) {
      return fail(gold.status());
    }
    // Read as the text reader reads an article (title line, blocks); its offsets
    // must stay those of the gold text (normalisation may not change it).
    Document doc;
    Status st = io::read_bytes(path, gold.value().text, io::InputFormat::kText,
                               [&](Document&& d) { doc = std::move(d); }, [](const std::string&) {});
    if (!st.ok() || doc.text != gold.value().text) {
      doc = Document{};
      doc.text = gold.value().text;
      text::classify_blocks(doc);
    }
    doc.id = gold.value().id;
    doc.date = gold.value().dct;
    auto t0 = Clock::now();
    pipeline.value().process(doc);
    auto t1 = Clock::now();
    timex::find_times(doc);
    pipeline_seconds += std::chrono::duration<double>(t1 - t0).count();
    times_seconds += std::chrono::duration<double>(Clock::now() - t1).count();
    tokens += doc.tokens.size();
    eval::score_times(gold.value(), doc, o.types, scores);
    if (o.errors) {  // gold and predicted side by side, for error analysis
      for (const auto& g : gold.value().timexes)
        fmt::print(stderr, "{}\tgold\t{}\t{}\t{}\n", doc.id, g.type, doc.str(g.span), g.value);
      for (const TimeExpr& t : doc.times) fmt::print(stderr, "{}\tsys\t\t{}\t{}\n", doc.id, doc.str(t.span), t.value);
    }
  }
  std::cout << (o.json ? scores.json() + "\n" : scores.table());
  fmt::print(stderr, "{} tokens: stages up to {} {:.3f} s, find_times {:.3f} s ({:.1f} M tokens/s)\n", tokens, o.until,
             pipeline_seconds, times_seconds, tokens / std::max(times_seconds, 1e-9) / 1e6);
  return 0;
}

}  // namespace

void add_eval_times_command(CLI::App& eval_group) {
  auto opt = std::make_shared<EvalTimesOptions>();
  auto* cmd = eval_group.add_subcommand("times", "Time expressions: relaxed span P/R/F1 and value accuracy on TimeML (.tml)");
  cmd->add_option("--gold", opt->gold, "A .tml file or a directory of them (TempEval-3 platinum), or a directory of GUM .xml")->required();
  cmd->add_option("--prefix", opt->prefix, "GUM (.xml) files whose name starts with this")->capture_default_str();
  cmd->add_option("--types", opt->types, "Gold TIMEX3 types that count")->capture_default_str();
  cmd->add_option("--until", opt->until, "Stages to run before: tokenize, tag or parse")->capture_default_str();
  cmd->add_flag("--json", opt->json, "One JSON object on one line");
  cmd->add_flag("--errors", opt->errors, "Print gold and predicted expressions to stderr");
  cmd->callback([opt] { throw CLI::RuntimeError(run_eval_times(*opt)); });
}

}  // namespace sitrep::cli
