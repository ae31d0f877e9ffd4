// sitrep train clusters: word clusters from unlabelled text (tagger/clusters.h),
// read by `sitrep train tagger|parser|ner --clusters FILE` and stored in their models.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "io/conllu_reader.h"
#include "tagger/clusters.h"
#include "tagger/features.h"

namespace sitrep::cli {
namespace {

struct TrainClustersOptions {
  std::vector<std::string> conllu, text;
  std::string out, dump;
  std::string note =
      "Word clusters (exchange clustering) from UD English EWT v2.15 train (CC BY-SA 4.0) and GUM train (CC BY, "
      "without whow/fiction) forms, SemEval-2015 Task 4 Wikinews articles (CC BY 3.0) and WordNet 3.0 glosses "
      "(WordNet licence; Debian wordnet-base)";
  tagger::ClusterTrainOptions options;
};

int run(const TrainClustersOptions& o) {
  auto start = std::chrono::steady_clock::now();
  std::vector<std::vector<std::string>> sentences;
  std::vector<std::string> names;
  for (const auto& path : o.conllu) {
    auto c = io::read_conllu_file(path);
    if (!c.ok()) return fail(c.status());
    size_t n = 0;
    for (const auto& s : c.value().sentences) {
      if (io::excluded_training_document(s.doc_id)) continue;  // licence: whow, fiction
      auto& out = sentences.emplace_back();
      for (uint32_t i = 0; i < s.word_count; ++i) out.push_back(c.value().words[s.first_word + i].form);
      ++n;
    }
    fmt::print(stderr, "{}: {} sentences\n", path, n);
    names.push_back(std::filesystem::path(path).filename().string());
  }
  for (const auto& path : o.text) {  // one sentence a line, tokens separated by spaces
    std::ifstream in(path);
    if (!in) return fail(Status::Error(path + ": cannot read"));
    std::string line, word;
    size_t n = 0;
    while (std::getline(in, line)) {
      std::istringstream words(line);
      std::vector<std::string> s;
      while (words >> word) s.push_back(word);
      if (!s.empty()) sentences.push_back(std::move(s)), ++n;
    }
    fmt::print(stderr, "{}: {} sentences\n", path, n);
    names.push_back(std::filesystem::path(path).filename().string());
  }
  tagger::ClusterTrainOptions opt = o.options;
  opt.log = [](const std::string& line) { fmt::print(stderr, "train clusters: {}\n", line); };
  auto clusters = tagger::train_clusters(sentences, opt);
  if (!clusters.ok()) return fail(clusters.status());
  std::string note = fmt::format("{}. Trained by `sitrep train clusters` on {} (levels {}, min count {}, iterations {}).",
                                 o.note, fmt::join(names, ", "), fmt::join(opt.levels, ","), opt.min_count,
                                 opt.iterations);
  if (Status st = clusters.value().save(o.out, note); !st.ok()) return fail(st);
  if (!o.dump.empty()) {  // the most frequent words of each finest class, for a look
    std::map<uint32_t, std::vector<std::string>> by_class;
    std::map<std::string, uint32_t> seen;
    std::string lower;
    for (const auto& s : sentences)
      for (const auto& w : s) {
        tagger::detail::lower_into(w, lower);
        if (seen.count(lower)) continue;
        uint32_t v = clusters.value().find(tagger::detail::hash_bytes(lower));
        seen[lower] = v;
        if (v) by_class[tagger::WordClusters::level(v, static_cast<int>(opt.levels.size()) - 1)].push_back(lower);
      }
    std::ofstream out(o.dump);
    for (auto& [c, words] : by_class) {
      words.resize(std::min<size_t>(words.size(), 25));
      out << c << '\t' << fmt::format("{}", fmt::join(words, " ")) << '\n';
    }
  }
  fmt::print(stderr, "train clusters: wrote {} ({} words) in {:.0f} s\n", o.out, clusters.value().size(),
             std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return 0;
}

}  // namespace

void add_train_clusters_command(CLI::App& train_group) {
  auto o = std::make_shared<TrainClustersOptions>();
  auto* cmd = train_group.add_subcommand("clusters", "Word clusters from unlabelled text (for --clusters)");
  cmd->add_option("--conllu", o->conllu, "CoNLL-U files whose forms are text (GUM whow/fiction left out)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--text", o->text, "Tokenized text files: one sentence a line, tokens separated by spaces")
      ->check(CLI::ExistingFile);
  cmd->add_option("--out", o->out, "Clusters file to write")->required();
  cmd->add_option("--levels", o->options.levels, "Classes of each level (at most 3, each at most 1023)")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_option("--min-count", o->options.min_count, "Rarer words get no cluster")->capture_default_str();
  cmd->add_option("--iterations", o->options.iterations, "Exchange iterations per level")->capture_default_str();
  cmd->add_option("--dump", o->dump, "Write the first words of each finest class to this file");
  cmd->add_option("--note", o->note, "Data and licence, stored in the file")->capture_default_str();
  cmd->callback([o] { throw CLI::RuntimeError(run(*o)); });
}

}  // namespace sitrep::cli
