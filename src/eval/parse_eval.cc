#include "eval/parse_eval.h"

#include <array>
#include <chrono>
#include <ctime>
#include <optional>

#include <fmt/format.h>

#include "core/tagset.h"
#include "parser/parser.h"
#include "parser/treebank.h"
#if __has_include("tagger/tagger.h")
#include "tagger/tagger.h"
#define SITREP_HAVE_TAGGER 1
#endif

namespace sitrep::eval {

void ParseScores::add(const ParseScores& o) {
  words += o.words;
  upos += o.upos;
  xpos += o.xpos;
  lemmas += o.lemmas;
  uas += o.uas;
  las += o.las;
}

namespace {
// CPU time of this thread: one-thread throughput that does not depend on how
// busy the machine is.
double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

// For each deprel id, the id of its universal part.
const std::array<uint16_t, kDeprelCount>& universal_ids() {
  static const std::array<uint16_t, kDeprelCount> ids = [] {
    std::array<uint16_t, kDeprelCount> out{};
    for (uint16_t i = 0; i < kDeprelCount; ++i) {
      std::string_view s = kDeprel[i];
      size_t colon = s.find(':');
      out[i] = colon == std::string_view::npos ? i : deprel_id(s.substr(0, colon));
    }
    return out;
  }();
  return ids;
}
}  // namespace

bool same_universal_relation(uint16_t a, uint16_t b) {
  const auto& u = universal_ids();
  if (a >= kDeprelCount || b >= kDeprelCount) return a == b;
  return u[a] == u[b];
}

ParseScores score_parse(const Document& gold, const Document& pred) {
  ParseScores s;
  size_t n = std::min(gold.words.size(), pred.words.size());
  for (size_t i = 0; i < n; ++i) {
    const Word& g = gold.words[i];
    const Word& p = pred.words[i];
    ++s.words;
    s.upos += g.upos == p.upos;
    s.xpos += g.xpos == p.xpos;
    s.lemmas += gold.pooled(g.lemma) == pred.pooled(p.lemma);
    if (g.head == p.head) {
      ++s.uas;
      s.las += same_universal_relation(g.deprel, p.deprel);
    }
  }
  return s;
}

Result<ParseEvalResult> evaluate_parse(const ParseEvalOptions& opt) {
  if (opt.raw) return Status::Error("eval parse: --raw is not supported yet (gold tokenization only)");
  auto bank = read_treebank(opt.gold_path);
  if (!bank.ok()) return bank.status();
  std::vector<TreebankSentence> sentences;
  for (auto& s : bank.value())
    if (opt.doc_prefix.empty() || s.doc_id.starts_with(opt.doc_prefix)) sentences.push_back(std::move(s));
  if (sentences.empty()) return Status::Error(fmt::format("{}: no sentences to score", opt.gold_path));
  auto parser = opt.parser_model.empty() ? Parser::load_default() : Parser::load(opt.parser_model);
  if (!parser.ok()) return parser.status();

  const Document gold = treebank_document(sentences, true);
  ParseEvalResult result;
  Document pred;
#ifdef SITREP_HAVE_TAGGER
  std::optional<tagger::Tagger> tagger;
  if (!opt.gold_tags) {
    auto t = opt.tagger_model.empty() ? tagger::Tagger::load_default() : tagger::Tagger::load(opt.tagger_model);
    if (t.ok()) {
      tagger.emplace(std::move(t).value());
    } else if (!opt.tagger_model.empty()) {
      return t.status();
    } else {
      result.warning = "no tagger model (" + t.status().message() + "): parsed with the gold tags";
    }
  }
#endif
  if (opt.gold_tags) {
    pred = gold;  // keeps the gold tags and lemmas; heads and labels are overwritten
  } else {
    pred = treebank_document(sentences, false);
  }
  auto start = std::chrono::steady_clock::now();
  double cpu_start = thread_seconds();
  double tag_cpu = 0;
#ifdef SITREP_HAVE_TAGGER
  if (tagger) {
    tagger->tag(pred);
    result.retagged = true;
    tag_cpu = thread_seconds() - cpu_start;
  }
#endif
  if (!result.retagged && !opt.gold_tags) {
    // No tagger (in this build, or no model): fall back to the gold tags (reported as such).
    for (size_t i = 0; i < pred.words.size(); ++i) {
      pred.words[i].upos = gold.words[i].upos;
      pred.words[i].xpos = gold.words[i].xpos;
      pred.words[i].lemma = pred.add_to_pool(gold.pooled(gold.words[i].lemma));
    }
    start = std::chrono::steady_clock::now();
    cpu_start = thread_seconds();
  }
  parser.value().parse(pred);
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.seconds = thread_seconds() - cpu_start;
  result.tag_seconds = tag_cpu;
  result.scores = score_parse(gold, pred);
  result.words_per_second = result.seconds > 0 ? result.scores.words / result.seconds : 0;
  return result;
}

}  // namespace sitrep::eval
