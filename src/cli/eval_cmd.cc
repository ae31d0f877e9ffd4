// sitrep eval ...: the scorers.
#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "eval/tokenize_eval.h"
#include "io/conllu_reader.h"
#include "text/tokenizer.h"

namespace sitrep::cli {
namespace {

struct TokenizeOptions {
  std::string gold;
  std::string model;
  bool json = false;
  bool rules = false;
  std::string dump;
};

int run_eval_tokenize(const TokenizeOptions& o) {
  auto gold = io::read_conllu_file(o.gold);
  if (!gold.ok()) {
    fmt::print(stderr, "sitrep: {}\n", gold.status().message());
    return kExitBadInput;
  }
  auto tok = o.rules ? Result<text::Tokenizer>(text::Tokenizer())
                     : o.model.empty() ? text::Tokenizer::load_default() : text::Tokenizer::load(o.model);
  if (!tok.ok()) {
    fmt::print(stderr, "sitrep: {}\n", tok.status().message());
    return kExitBadInput;
  }
  Document doc = eval::gold_document(gold.value());
  tok.value().process(doc);
  if (!o.dump.empty()) {
    // One token per line (words after a tab when it has several), a blank line after each sentence.
    std::ofstream out(o.dump);
    for (const Sentence& s : doc.sentences) {
      for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
        out << doc.token_text(t);
        const Token& tk = doc.tokens[t];
        if (tk.word_count > 1)
          for (uint32_t w = tk.first_word; w < tk.first_word + tk.word_count; ++w) out << '\t' << doc.word_text(w);
        out << '\n';
      }
      out << '\n';
    }
  }
  auto scores = eval::score_tokenization(gold.value(), doc);
  if (!scores.ok()) {
    fmt::print(stderr, "sitrep: {}: {}\n", o.gold, scores.status().message());
    return kExitBadInput;
  }
  if (o.json) {
    std::cout << eval::scores_json(scores.value()) << "\n";
  } else {
    std::cout << eval::scores_table(scores.value());
  }
  return 0;
}

}  // namespace

void add_eval_command(CLI::App& app) {
  auto* eval = app.add_subcommand("eval", "Score sitrep against gold annotations");
  eval->require_subcommand(1);

  auto opts = std::make_shared<TokenizeOptions>();
  auto* tok = eval->add_subcommand("tokenize", "Tokenization and sentence splitting against a CoNLL-U file "
                                               "(CoNLL 2018 shared task scores)");
  tok->add_option("--gold", opts->gold, "Gold CoNLL-U file")->required()->check(CLI::ExistingFile);
  tok->add_option("--model", opts->model, "Sentence model (default: models/sentences.bin)");
  tok->add_flag("--json", opts->json, "Print one JSON object on one line");
  tok->add_option("--dump", opts->dump, "Write the system tokens and sentences to this file");
  tok->add_flag("--rules", opts->rules, "Split sentences by punctuation rules, without the model");
  tok->callback([opts]() {
    int rc = run_eval_tokenize(*opts);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}

}  // namespace sitrep::cli
