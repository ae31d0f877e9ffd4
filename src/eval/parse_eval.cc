#include "eval/parse_eval.h"

#include <array>
#include <chrono>
#include <ctime>
#include <optional>

#include <fmt/format.h>

#include "core/tagset.h"
#include "parser/parser.h"
#include "parser/treebank.h"
#include "eval/tokenize_eval.h"
#include "io/conllu_reader.h"
#include "tagger/tagger.h"
#include "text/tokenizer.h"

namespace sitrep::eval {

void ParseScores::add(const ParseScores& o) {
  words += o.words;
  system_words += o.system_words;
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
    ++s.system_words;
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

namespace {

// The gold sentences of the documents whose id starts with `prefix` (all when empty).
io::ConlluCorpus select_documents(const io::ConlluCorpus& in, std::string_view prefix) {
  if (prefix.empty()) return in;
  io::ConlluCorpus out;
  out.has_newpar = in.has_newpar;
  for (const io::ConlluSentence& s : in.sentences) {
    if (!s.doc_id.starts_with(prefix)) continue;
    io::ConlluSentence copy = s;
    copy.first_token = static_cast<uint32_t>(out.tokens.size());
    copy.first_word = static_cast<uint32_t>(out.words.size());
    for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
      io::ConlluToken tok = in.tokens[t];
      tok.first_word = tok.first_word - s.first_word + copy.first_word;
      out.tokens.push_back(std::move(tok));
    }
    out.words.insert(out.words.end(), in.words.begin() + s.first_word, in.words.begin() + s.first_word + s.word_count);
    out.sentences.push_back(std::move(copy));
  }
  return out;
}

// From raw text: tokenize, tag and parse the text of the gold file, align the
// words with the gold ones, and score tags and trees over the aligned words.
Result<ParseEvalResult> evaluate_parse_raw(const ParseEvalOptions& opt) {
  SITREP_ASSIGN_OR_RETURN(auto read, io::read_conllu_file(opt.gold_path));
  const io::ConlluCorpus gold = select_documents(read, opt.doc_prefix);
  if (gold.sentences.empty()) return Status::Error(fmt::format("{}: no sentences to score", opt.gold_path));
  SITREP_ASSIGN_OR_RETURN(auto tokenizer, text::Tokenizer::load_default());
  SITREP_ASSIGN_OR_RETURN(auto tagger, opt.tagger_model.empty() ? tagger::Tagger::load_default() : tagger::Tagger::load(opt.tagger_model));
  SITREP_ASSIGN_OR_RETURN(auto parser, opt.parser_model.empty() ? Parser::load_default() : Parser::load(opt.parser_model));
  if (opt.beam > 0) parser.set_beam(opt.beam);

  ParseEvalResult result;
  result.retagged = true;
  Document doc = gold_document(gold);
  auto start = std::chrono::steady_clock::now();
  double cpu_start = thread_seconds();
  tokenizer.process(doc);
  double tag_start = thread_seconds();
  tagger.tag(doc);
  result.tag_seconds = thread_seconds() - tag_start;
  parser.parse(doc);
  result.seconds = thread_seconds() - cpu_start;
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::vector<WordPair> pairs;
  // Only the word alignment (pairs) is used here; the tokenization scores are not.
  if (auto aligned = score_tokenization(gold, doc, &pairs); !aligned.ok()) return aligned.status();

  // Heads as global word indices (-1: the root), on both sides.
  std::vector<int64_t> gold_head(gold.words.size(), -1), system_head(doc.words.size(), -1);
  for (const io::ConlluSentence& s : gold.sentences)
    for (uint32_t w = s.first_word; w < s.first_word + s.word_count; ++w)
      if (gold.words[w].head > 0) gold_head[w] = s.first_word + gold.words[w].head - 1;
  for (const Sentence& s : doc.sentences)
    for (uint32_t w = s.first_word; w < s.first_word + s.word_count; ++w)
      if (doc.words[w].head > 0) system_head[w] = s.first_word + doc.words[w].head - 1;
  std::vector<int64_t> gold_of(doc.words.size(), -2);  // the gold word a system word is aligned to
  for (const WordPair& p : pairs) gold_of[p.system] = p.gold;

  ParseScores& sc = result.scores;
  sc.words = gold.words.size();
  sc.system_words = doc.words.size();
  for (const WordPair& p : pairs) {
    const io::ConlluWord& g = gold.words[p.gold];
    const Word& w = doc.words[p.system];
    sc.upos += upos_id(g.upos) == w.upos;
    sc.xpos += xpos_id(g.xpos) == w.xpos;
    sc.lemmas += g.lemma == doc.pooled(w.lemma);
    int64_t sh = system_head[p.system];
    bool head_ok = sh < 0 ? gold_head[p.gold] < 0 : gold_of[sh] == gold_head[p.gold];
    if (head_ok) {
      ++sc.uas;
      sc.las += same_universal_relation(deprel_id(g.deprel), w.deprel);
    }
  }
  result.words_per_second = result.seconds > 0 ? sc.system_words / result.seconds : 0;
  return result;
}

}  // namespace

Result<ParseEvalResult> evaluate_parse(const ParseEvalOptions& opt) {
  if (opt.raw) return evaluate_parse_raw(opt);
  SITREP_ASSIGN_OR_RETURN(auto bank, read_treebank(opt.gold_path));
  std::vector<TreebankSentence> sentences;
  for (auto& s : bank)
    if (opt.doc_prefix.empty() || s.doc_id.starts_with(opt.doc_prefix)) sentences.push_back(std::move(s));
  if (sentences.empty()) return Status::Error(fmt::format("{}: no sentences to score", opt.gold_path));
  SITREP_ASSIGN_OR_RETURN(auto parser, opt.parser_model.empty() ? Parser::load_default() : Parser::load(opt.parser_model));
  if (opt.beam > 0) parser.set_beam(opt.beam);

  const Document gold = treebank_document(sentences, true);
  ParseEvalResult result;
  Document pred;
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
  if (opt.gold_tags) {
    pred = gold;  // keeps the gold tags and lemmas; heads and labels are overwritten
  } else {
    pred = treebank_document(sentences, false);
  }
  auto start = std::chrono::steady_clock::now();
  double cpu_start = thread_seconds();
  double tag_cpu = 0;
  if (tagger) {
    tagger->tag(pred);
    result.retagged = true;
    tag_cpu = thread_seconds() - cpu_start;
  }
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
  parser.parse(pred);
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.seconds = thread_seconds() - cpu_start;
  result.tag_seconds = tag_cpu;
  result.scores = score_parse(gold, pred);
  result.words_per_second = result.seconds > 0 ? result.scores.words / result.seconds : 0;
  return result;
}

}  // namespace sitrep::eval
