// sitrep train tagger: trains the part-of-speech tagger and lemmatizer from
// CoNLL-U treebanks and writes the model file (models/tagger.bin is shipped).
#include <chrono>
#include <filesystem>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.h"
#include "io/conllu_reader.h"
#include "tagger/tagger_eval.h"
#include "tagger/tagger_train.h"

namespace sitrep::cli {
namespace {

struct TrainTaggerOptions {
  std::vector<std::string> train;
  std::string dev;
  std::string out;
  std::string note = "UD English EWT v2.15 (CC BY-SA 4.0) + GUM (CC BY, without whow/fiction)";
  tagger::TaggerTrainOptions train_options;
  std::string clusters;
};

int run_train_tagger(const TrainTaggerOptions& opt) {
  auto start = std::chrono::steady_clock::now();
  std::vector<tagger::TrainSentence> train, dev;
  std::vector<std::string> names;
  for (const std::string& path : opt.train) {
    auto corpus = io::read_conllu_file(path);
    if (!corpus.ok()) return fail(corpus.status());
    size_t dropped = 0;
    auto sents = tagger::train_sentences(corpus.value(), /*drop_restricted=*/true, &dropped);
    fmt::print(stderr, "train tagger: {}: {} sentences{}\n", path, sents.size(),
               dropped ? fmt::format(" ({} left out: _whow_/_fiction_ documents, licence)", dropped) : "");
    train.insert(train.end(), std::make_move_iterator(sents.begin()), std::make_move_iterator(sents.end()));
    names.push_back(std::filesystem::path(path).filename().string());
  }
  std::optional<io::ConlluCorpus> dev_corpus;
  if (!opt.dev.empty()) {
    auto corpus = io::read_conllu_file(opt.dev);
    if (!corpus.ok()) return fail(corpus.status());
    dev = tagger::train_sentences(corpus.value(), false);
    dev_corpus = std::move(corpus).value();
  }
  tagger::TaggerTrainOptions to = opt.train_options;
  auto loaded = tagger::WordClusters::load_optional(opt.clusters);
  if (!loaded.ok()) return fail(loaded.status());
  const tagger::WordClusters& clusters = loaded.value();
  if (!clusters.empty()) to.clusters = &clusters;
  to.log = [](const std::string& line) { fmt::print(stderr, "train tagger: {}\n", line); };
  auto model = tagger::train_tagger(train, dev, to);
  if (!model.ok()) return fail(model.status());
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string note = fmt::format("{}. Trained by `sitrep train tagger` on {} (epochs {}, folds {}, min feature count {}{}{}){}.",
                                 opt.note, fmt::join(names, ", "), to.epochs, to.folds, to.min_feature_count,
                                 to.case_lower > 0 || to.case_upper > 0
                                     ? fmt::format(", case-folded copies: lower {}, upper {}", to.case_lower, to.case_upper)
                                     : "",
                                 opt.clusters.empty() ? "" : fmt::format(", word clusters {}: {} words",
                                     std::filesystem::path(opt.clusters).filename().string(), clusters.size()),
                                 opt.dev.empty() ? "" : ", epoch chosen on " +
                                     std::filesystem::path(opt.dev).filename().string());
  Status st = model.value().save(opt.out, note);
  if (!st.ok()) return fail(st);
  fmt::print(stderr, "train tagger: wrote {} ({} bytes, {} feature rows) in {:.1f} s\n", opt.out,
             std::filesystem::file_size(opt.out), model.value().feature_count(), secs);
  if (dev_corpus) {
    auto sc = tagger::score_tagger(model.value(), *dev_corpus);
    fmt::print(stderr, "train tagger: dev {}\n", tagger::format_tagger_scores(sc));
  }
  return 0;
}

}  // namespace

void add_train_tagger_command(CLI::App& train_group) {
  auto opt = std::make_shared<TrainTaggerOptions>();
  auto* cmd = train_group.add_subcommand("tagger", "Train the part-of-speech tagger and lemmatizer");
  cmd->add_option("--train", opt->train, "Training CoNLL-U files (GUM _whow_/_fiction_ documents are left out)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--dev", opt->dev, "Development CoNLL-U file: picks the best epoch")->check(CLI::ExistingFile);
  cmd->add_option("--out", opt->out, "Model file to write")->required();
  cmd->add_option("--epochs", opt->train_options.epochs, "Training epochs")->capture_default_str();
  cmd->add_option("--min-feature-count", opt->train_options.min_feature_count,
                  "Features seen fewer times get no weights")
      ->capture_default_str();
  cmd->add_option("--prune", opt->train_options.prune, "Drop weights below this fraction of the largest")
      ->capture_default_str();
  cmd->add_option("--folds", opt->train_options.folds,
                  "Jackknife folds for the second pass (0: one pass only)")
      ->capture_default_str();
  add_case_and_cluster_options(cmd, &opt->train_options.case_lower, &opt->train_options.case_upper, &opt->clusters,
                               "sentences");
  cmd->add_option("--seed", opt->train_options.seed, "Shuffling seed")->capture_default_str();
  cmd->add_option("--note", opt->note, "Training data and licence, stored in the model")->capture_default_str();
  cmd->callback([opt] {
    int rc = run_train_tagger(*opt);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}

}  // namespace sitrep::cli
