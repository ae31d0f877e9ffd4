// sitrep train parser: trains the dependency parser on CoNLL-U treebanks.
#include <chrono>
#include <cstring>
#include <iterator>
#include <fstream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/model_file.h"
#include "io/conllu_reader.h"
#include "parser/parser_train.h"
#include "parser/treebank.h"
#include "tagger/clusters.h"

namespace sitrep::cli {
namespace {

struct TrainParserOptions {
  std::vector<std::string> train;
  std::string dev;
  std::string out = "models/parser.bin";
  ParserTrainOptions train_options;
  int zstd_level = 19;
  int jackknife = 0;
  bool also_gold = false;
  std::string dev_tagger;
  int tagger_epochs = 6;
  std::string save_tags, load_tags;
  double case_lower = 0, case_upper = 0;
  std::string clusters;
  std::string note =
      "UD English EWT v2.15 (CC BY-SA 4.0) + GUM (CC BY, without whow/fiction); "
      "trained by `sitrep train parser`";
};

int run_train_parser(const TrainParserOptions& opt) {
  std::vector<TreebankSentence> train, dev;
  auto loaded = tagger::WordClusters::load_optional(opt.clusters);
  if (!loaded.ok()) return fail(loaded.status());
  const tagger::WordClusters& clusters = loaded.value();
  const tagger::WordClusters* cl = clusters.empty() ? nullptr : &clusters;
  size_t skipped = 0;
  for (const auto& path : opt.train) {
    auto bank = read_treebank(path);
    if (!bank.ok()) {
      return fail(bank.status());
    }
    for (auto& s : bank.value()) {
      if (io::excluded_training_document(s.doc_id)) {
        ++skipped;
        continue;
      }
      train.push_back(std::move(s));
    }
  }
  if (!opt.dev.empty()) {
    auto bank = read_treebank(opt.dev);
    if (!bank.ok()) {
      return fail(bank.status());
    }
    dev = std::move(bank).value();
  }
  add_case_copies(train, opt.case_lower, opt.case_upper);
  size_t words = 0;
  for (const auto& s : train) words += s.words.size();
  fmt::print(stderr, "train: {} sentences, {} words ({} sentences of whow/fiction left out); dev: {} sentences\n",
             train.size(), words, skipped, dev.size());
  std::vector<TreebankSentence> gold_copy;
  if (opt.jackknife > 0 && opt.also_gold) gold_copy = train;
  if (!opt.load_tags.empty()) {  // jackknifed tags saved by an earlier run (--save-tags)
    std::ifstream in(opt.load_tags, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() != words * 4) {
      fmt::print(stderr, "sitrep: error: {}: tags of {} words, the training data has {}\n", opt.load_tags,
                 bytes.size() / 4, words);
      return kExitBadInput;
    }
    size_t at = 0;
    for (auto& s : train)
      for (auto& w : s.words) {
        std::memcpy(&w.upos, bytes.data() + at, 2);
        std::memcpy(&w.xpos, bytes.data() + at + 2, 2);
        at += 4;
      }
  } else if (opt.jackknife > 0) {
    Status st = jackknife_tags(train, opt.jackknife, opt.tagger_epochs,
                               [](const std::string& line) { fmt::print(stderr, "{}\n", line); }, cl);
    if (!st.ok()) {
      return fail(st);
    }
  }
  if (!opt.save_tags.empty()) {
    std::string bytes;
    for (const auto& s : train)
      for (const auto& w : s.words) {
        bytes.append(reinterpret_cast<const char*>(&w.upos), 2);
        bytes.append(reinterpret_cast<const char*>(&w.xpos), 2);
      }
    std::ofstream out(opt.save_tags, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  for (auto& s : gold_copy) train.push_back(std::move(s));
  if (!opt.dev_tagger.empty()) {
    Status st = retag(dev, opt.dev_tagger);
    if (!st.ok()) {
      return fail(st);
    }
  }
  ParserTrainOptions o = opt.train_options;
  o.clusters = cl;
  o.note = fmt::format("{} (--epochs {} --parser-bits {} --label-bits {} --explore {} --seed {} --jackknife {} --beam {}{}{}{})",
                       opt.note, o.epochs, o.parser_bits, o.label_bits, o.explore, o.seed, opt.jackknife, o.beam,
                       opt.also_gold ? " --also-gold" : "",
                       opt.case_lower > 0 || opt.case_upper > 0
                           ? fmt::format(" --case-lower {} --case-upper {}", opt.case_lower, opt.case_upper)
                           : "",
                       cl ? fmt::format(" --clusters ({} words)", clusters.size()) : "");
  auto result = train_parser(train, dev, o, [](const std::string& line) { fmt::print(stderr, "{}\n", line); });
  if (!result.ok()) {
    return fail(result.status());
  }
  if (opt.out != "-") {  // "-": experiments that only want the dev figures
    std::string bytes = encode_model_file(result.value().model, opt.zstd_level);
    std::ofstream out(opt.out, std::ios::binary | std::ios::trunc);
    if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
      fmt::print(stderr, "sitrep: error: {}: cannot write\n", opt.out);
      return kExitBadInput;
    }
  }
  fmt::print(stderr, "best epoch {}: dev UAS {:.2f} LAS {:.2f}; training {:.0f}s; wrote {}\n",
             result.value().best_epoch, result.value().dev_uas, result.value().dev_las, result.value().seconds,
             opt.out);
  return 0;
}

}  // namespace

void add_train_parser_command(CLI::App& train_group) {
  auto opt = std::make_shared<TrainParserOptions>();
  auto* cmd = train_group.add_subcommand("parser", "Train the dependency parser on CoNLL-U treebanks");
  cmd->add_option("--train", opt->train, "Training CoNLL-U files (GUM whow/fiction documents are left out)")
      ->required();
  cmd->add_option("--dev", opt->dev, "Dev CoNLL-U file: picks the best epoch");
  cmd->add_option("--out", opt->out, "Model file to write (- for none)")->capture_default_str();
  cmd->add_option("--epochs", opt->train_options.epochs, "Training epochs")->capture_default_str();
  cmd->add_option("--parser-bits", opt->train_options.parser_bits, "log2 rows of the transition table")
      ->capture_default_str();
  cmd->add_option("--label-bits", opt->train_options.label_bits, "log2 rows of the label table")
      ->capture_default_str();
  cmd->add_option("--explore", opt->train_options.explore, "Dynamic oracle exploration rate")->capture_default_str();
  cmd->add_option("--prune", opt->train_options.prune, "Zero quantised weights with |w| <= this")
      ->capture_default_str();
  cmd->add_option("--zstd-level", opt->zstd_level, "Compression level of the model file")->capture_default_str();
  cmd->add_option("--jackknife", opt->jackknife, "Train on tags predicted by taggers trained on the other K folds")
      ->capture_default_str();
  cmd->add_option("--dev-tagger", opt->dev_tagger, "Tag the dev set with this tagger model (predicted-tag dev scores)");
  cmd->add_flag("--also-gold", opt->also_gold, "With --jackknife: train on the gold-tag copy of the data as well");
  cmd->add_option("--tagger-epochs", opt->tagger_epochs, "Epochs of each jackknife tagger")->capture_default_str();
  cmd->add_flag("--label-correct-heads-only", opt->train_options.label_correct_heads_only,
                "Train the labeller only on arcs whose head is right");
  cmd->add_option("--beam", opt->train_options.beam, "Beam width (1: greedy, dynamic oracle)")->capture_default_str();
  cmd->add_option("--label-on-beam-path", opt->train_options.label_on_beam_path,
                  "Beam: from epoch 2 train the labeller on the beam's best sequence (else the gold one)")
      ->capture_default_str();
  cmd->add_option("--save-tags", opt->save_tags, "Write the training tags (after --jackknife) to this file");
  cmd->add_option("--load-tags", opt->load_tags, "Read the training tags from a --save-tags file instead of tagging");
  add_case_and_cluster_options(cmd, &opt->case_lower, &opt->case_upper, &opt->clusters, "sentences");
  cmd->add_option("--seed", opt->train_options.seed, "Random seed")->capture_default_str();
  cmd->add_option("--note", opt->note, "Model note: training data, licence, command")->capture_default_str();
  cmd->callback([opt] { throw CLI::RuntimeError(run_train_parser(*opt)); });
}

}  // namespace sitrep::cli
