#include "parser/parser.h"
#include "tagger/clusters.h"

#include <filesystem>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "core/model_file.h"
#include "core/tagset.h"
#include "eval/parse_eval.h"
#include "parser/parser_state.h"
#include "parser/parser_train.h"
#include "parser/treebank.h"
#include "tagger/tagger.h"

namespace sitrep {
namespace {

// "form/XPOS/UPOS/head/deprel" items separated by spaces.
TreebankSentence sentence(const std::string& spec) {
  TreebankSentence s;
  std::istringstream in(spec);
  std::string item;
  while (in >> item) {
    std::vector<std::string> parts;
    std::stringstream ss(item);
    std::string p;
    while (std::getline(ss, p, '/')) parts.push_back(p);
    TreebankWord w;
    w.form = parts.at(0);
    w.xpos = xpos_id(parts.at(1));
    w.upos = upos_id(parts.at(2));
    if (parts.size() > 3) {
      w.head = static_cast<uint32_t>(std::stoi(parts[3]));
      w.deprel = deprel_id(parts.at(4));
    }
    s.words.push_back(w);
  }
  return s;
}

std::vector<TreebankSentence> tiny_treebank() {
  return {
      sentence("Officials/NNS/NOUN/2/nsubj condemned/VBD/VERB/0/root the/DT/DET/4/det attack/NN/NOUN/2/obj "
               "./././2/punct"),
      sentence("The/DT/DET/2/det station/NN/NOUN/4/nsubj:pass was/VBD/AUX/4/aux:pass hit/VBN/VERB/0/root "
               "by/IN/ADP/7/case a/DT/DET/7/det missile/NN/NOUN/4/obl:agent ./././4/punct"),
      sentence("Rebels/NNS/NOUN/2/nsubj attacked/VBD/VERB/0/root the/DT/DET/5/det army/NN/NOUN/5/compound "
               "base/NN/NOUN/2/obj in/IN/ADP/7/case Kabul/NNP/PROPN/2/obl ./././2/punct"),
      sentence("The/DT/DET/2/det city/NN/NOUN/4/nsubj:pass was/VBD/AUX/4/aux:pass shelled/VBN/VERB/0/root "
               "by/IN/ADP/6/case troops/NNS/NOUN/4/obl:agent ./././4/punct"),
      sentence("Police/NNS/NOUN/2/nsubj arrested/VBD/VERB/0/root two/CD/NUM/4/nummod men/NNS/NOUN/2/obj "
               "and/CC/CCONJ/6/cc seized/VBD/VERB/2/conj weapons/NNS/NOUN/6/obj ./././2/punct"),
  };
}

std::vector<TreebankSentence> without_analysis(std::vector<TreebankSentence> bank) {
  for (auto& s : bank)
    for (auto& w : s.words) {
      w.head = 0;
      w.deprel = 0;
    }
  return bank;
}

// Single root with deprel root, heads inside the sentence, no cycles.
void expect_well_formed(const Document& doc) {
  for (const Sentence& s : doc.sentences) {
    int roots = 0;
    for (uint32_t i = 0; i < s.word_count; ++i) {
      const Word& w = doc.words[s.first_word + i];
      ASSERT_LE(w.head, s.word_count) << "word " << i + 1;
      ASSERT_NE(w.head, i + 1) << "self loop at " << i + 1;
      ASSERT_GT(w.deprel, 0) << "word " << i + 1 << " has no relation";
      ASSERT_LT(w.deprel, kDeprelCount);
      if (w.head == 0) {
        ++roots;
        EXPECT_EQ(kDeprel[w.deprel], "root");
      } else {
        EXPECT_NE(kDeprel[w.deprel], "root");
      }
      uint32_t at = i + 1, steps = 0;
      while (at != 0 && steps <= s.word_count) {
        at = doc.words[s.first_word + at - 1].head;
        ++steps;
      }
      ASSERT_EQ(at, 0u) << "cycle through word " << i + 1;
    }
    if (s.word_count > 0) {
      EXPECT_EQ(roots, 1);
    }
  }
}

// A model trained on the tiny treebank: greedy (beam 1) or with a beam
// (max-violation updates).
ModelFile train_tiny_model(int beam) {
  ParserTrainOptions opt;
  opt.epochs = 15;
  opt.parser_bits = 14;
  opt.label_bits = 12;
  opt.beam = beam;
  opt.note = "test";
  auto bank = tiny_treebank();
  auto r = train_parser(bank, bank, opt, [](const std::string&) {});
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.value().model;
}

const ModelFile& tiny_model() {
  static const ModelFile model = train_tiny_model(1);
  return model;
}

Parser tiny_parser() {
  auto p = Parser::from_model(tiny_model(), "tiny");
  EXPECT_TRUE(p.ok()) << p.status().message();
  return std::move(p).value();
}

Parser tiny_beam_parser() {
  static const ModelFile model = train_tiny_model(4);
  auto p = Parser::from_model(model, "tiny beam");
  EXPECT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p.value().beam(), 4);
  return std::move(p).value();
}

void expect_parses_tiny_treebank(const Parser& parser) {
  auto bank = tiny_treebank();
  Document gold = treebank_document(bank, true);
  Document doc = treebank_document(bank, true);
  for (auto& w : doc.words) w.head = 0, w.deprel = 0;
  parser.parse(doc);
  expect_well_formed(doc);
  for (size_t i = 0; i < doc.words.size(); ++i) {
    EXPECT_EQ(doc.words[i].head, gold.words[i].head) << "word " << doc.word_text(static_cast<uint32_t>(i));
    EXPECT_EQ(doc.words[i].deprel, gold.words[i].deprel) << "word " << doc.word_text(static_cast<uint32_t>(i));
  }
}

TEST(ParserTest, TinyBeamModelParsesItsTrainingSentences) { expect_parses_tiny_treebank(tiny_beam_parser()); }

TEST(ParserTest, TinyModelParsesItsTrainingSentences) { expect_parses_tiny_treebank(tiny_parser()); }

class ParserWellFormedTest : public ::testing::TestWithParam<int> {};

TEST_P(ParserWellFormedTest, WellFormedOnRandomAndAdversarialInput) {
  Parser parser = GetParam() > 1 ? tiny_beam_parser() : tiny_parser();
  if (GetParam() > 1) parser.set_beam(GetParam());
  std::mt19937 rng(7);
  std::vector<TreebankSentence> bank;
  for (int len : {0, 1, 2, 3, 200, 150}) {
    TreebankSentence s;
    for (int i = 0; i < len; ++i) {
      TreebankWord w;
      w.form = std::string(1 + rng() % 5, static_cast<char>('a' + rng() % 26));
      w.upos = static_cast<uint16_t>(rng() % (kUposCount + 3));  // some out of range on purpose
      w.xpos = static_cast<uint16_t>(rng() % (kXposCount + 3));
      s.words.push_back(w);
    }
    bank.push_back(s);
  }
  TreebankSentence punct;  // all punctuation
  for (int i = 0; i < 40; ++i) punct.words.push_back(TreebankWord{i % 2 ? "." : ",", "", 13, 7, 0, 0});
  bank.push_back(punct);
  TreebankSentence empty_forms;
  for (int i = 0; i < 10; ++i) empty_forms.words.push_back(TreebankWord{"", "", 0, 0, 0, 0});
  bank.push_back(empty_forms);
  TreebankSentence verbs;  // 120 verbs in a row
  for (int i = 0; i < 120; ++i) verbs.words.push_back(TreebankWord{"hit", "", 16, 13, 0, 0});
  bank.push_back(verbs);
  Document doc = treebank_document(bank, false);
  parser.parse(doc);
  expect_well_formed(doc);
  // Spans outside the text and a sentence running past the words: no crash.
  doc.words[0].span = Span{1000000, 1000005};
  doc.sentences.back().word_count += 7;
  parser.parse(doc);
}

INSTANTIATE_TEST_SUITE_P(Beams, ParserWellFormedTest, ::testing::Values(1, 2, 4, 16));

TEST(ParserTest, RepairTreeFixesAnyHeads) {
  std::mt19937 rng(3);
  std::vector<uint8_t> scratch;
  for (int trial = 0; trial < 2000; ++trial) {
    int n = static_cast<int>(rng() % 12) + 1;
    std::vector<int> heads(n + 1), labels(n + 1);
    for (int i = 1; i <= n; ++i) {
      heads[i] = static_cast<int>(rng() % (n + 3)) - 1;  // -1 .. n+1: out of range, self, cycles
      labels[i] = static_cast<int>(rng() % 8);
    }
    parser_detail::repair_tree(n, heads.data(), labels.data(), scratch);
    TreebankSentence s;
    for (int i = 1; i <= n; ++i)
      s.words.push_back(TreebankWord{"w", "", 8, 1, static_cast<uint16_t>(labels[i]), static_cast<uint32_t>(heads[i])});
    expect_well_formed(treebank_document({s}, true));
  }
  // A well-formed tree is left alone.
  std::vector<int> heads = {0, 2, 0, 2}, labels = {0, 4, 5, 8};
  EXPECT_EQ(parser_detail::repair_tree(3, heads.data(), labels.data(), scratch), 0);
  EXPECT_EQ(heads, (std::vector<int>{0, 2, 0, 2}));
}

TEST(ParserTest, SaveLoadRoundTripGivesIdenticalParses) {
  auto path = (std::filesystem::temp_directory_path() / "sitrep_parser_test.bin").string();
  ASSERT_TRUE(write_model_file(path, tiny_model()).ok());
  auto loaded = Parser::load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  Parser direct = tiny_parser();
  std::vector<TreebankSentence> bank = without_analysis(tiny_treebank());
  bank.push_back(sentence("Troops/NNS/NOUN shelled/VBD/VERB the/DT/DET town/NN/NOUN by/IN/ADP night/NN/NOUN ./././"));
  Document a = treebank_document(bank, true), b = treebank_document(bank, true);
  direct.parse(a);
  loaded.value().parse(b);
  for (size_t i = 0; i < a.words.size(); ++i) {
    EXPECT_EQ(a.words[i].head, b.words[i].head);
    EXPECT_EQ(a.words[i].deprel, b.words[i].deprel);
  }
  std::filesystem::remove(path);
}

// A model trained with word clusters (feature set 3) carries them: it parses its
// training sentences, and a copy without its clusters section is refused.
TEST(ParserTest, TinyModelWithClustersStoresThem) {
  std::vector<std::vector<std::string>> text;
  for (const auto& s : tiny_treebank()) {
    std::vector<std::string> forms;
    for (const auto& w : s.words) forms.push_back(w.form);
    for (int r = 0; r < 2; ++r) text.push_back(forms);
  }
  tagger::ClusterTrainOptions co;
  co.levels = {2, 4};
  co.min_count = 2;
  auto clusters = tagger::train_clusters(text, co);
  ASSERT_TRUE(clusters.ok()) << clusters.status().message();
  ParserTrainOptions opt;
  opt.epochs = 15;
  opt.parser_bits = 14;
  opt.label_bits = 12;
  opt.note = "test";
  opt.clusters = &clusters.value();
  auto bank = tiny_treebank();
  auto r = train_parser(bank, bank, opt, [](const std::string&) {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_NE(r.value().model.section("clusters"), nullptr);
  auto p = Parser::from_model(r.value().model, "clusters");
  ASSERT_TRUE(p.ok()) << p.status().message();
  expect_parses_tiny_treebank(p.value());
  ModelFile without = r.value().model;
  std::erase_if(without.sections, [](const auto& s) { return s.first == "clusters"; });
  EXPECT_FALSE(Parser::from_model(without, "without").ok());
}

TEST(ParserTest, RejectsOtherModelVersions) {
  ModelFile m = tiny_model();
  m.kind_version = Parser::kModelVersion + 1;
  auto path = (std::filesystem::temp_directory_path() / "sitrep_parser_version_test.bin").string();
  ASSERT_TRUE(write_model_file(path, m).ok());
  auto loaded = Parser::load(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find(std::to_string(Parser::kModelVersion + 1)), std::string::npos)
      << loaded.status().message();
  auto direct = Parser::from_model(m, "m");
  EXPECT_FALSE(direct.ok());
  std::filesystem::remove(path);
  EXPECT_FALSE(Parser::load("/nonexistent/parser.bin").ok());
}

TEST(ParserTest, UniversalRelationComparison) {
  EXPECT_TRUE(eval::same_universal_relation(deprel_id("nsubj"), deprel_id("nsubj:pass")));
  EXPECT_TRUE(eval::same_universal_relation(deprel_id("obl:agent"), deprel_id("obl")));
  EXPECT_FALSE(eval::same_universal_relation(deprel_id("nsubj"), deprel_id("obj")));
}

// The shipped model, with hand-written (gold) tags.
TEST(ParserTest, ShippedModelGetsCoreRelations) {
  if (!std::filesystem::exists(Parser::default_path())) GTEST_FAIL() << "no shipped model at " << Parser::default_path();
  auto parser = Parser::load_default();
  ASSERT_TRUE(parser.ok()) << parser.status().message();
  std::vector<TreebankSentence> bank = {
      sentence("Officials/NNS/NOUN condemned/VBD/VERB the/DT/DET attack/NN/NOUN ./././"),
      sentence("The/DT/DET station/NN/NOUN was/VBD/AUX hit/VBN/VERB by/IN/ADP a/DT/DET missile/NN/NOUN ./././"),
  };
  Document doc = treebank_document(bank, false);
  for (size_t s = 0, at = 0; s < bank.size(); ++s)
    for (const auto& w : bank[s].words) {
      doc.words[at].upos = w.upos;
      doc.words[at].xpos = w.xpos;
      ++at;
    }
  parser.value().parse(doc);
  expect_well_formed(doc);
  auto rel = [&](size_t i) { return std::string(kDeprel[doc.words[i].deprel]); };
  EXPECT_EQ(doc.words[0].head, 2u);
  EXPECT_EQ(rel(0), "nsubj");
  EXPECT_EQ(doc.words[1].head, 0u);
  EXPECT_EQ(doc.words[3].head, 2u);
  EXPECT_EQ(rel(3), "obj");
  // Second sentence starts at word 5.
  EXPECT_EQ(doc.words[5 + 1].head, 4u);
  EXPECT_EQ(rel(5 + 1), "nsubj:pass");
  EXPECT_EQ(rel(5 + 2), "aux:pass");
  EXPECT_EQ(doc.words[5 + 6].head, 4u);
  EXPECT_EQ(rel(5 + 6), "obl:agent");
}

// The same through the shipped tagger (its tags, not ours).
TEST(ParserTest, ShippedModelsTagAndParseNewsSentences) {
  if (!std::filesystem::exists(Parser::default_path())) GTEST_FAIL() << "no shipped parser model";
  auto tagger = tagger::Tagger::load_default();
  if (!tagger.ok()) GTEST_FAIL() << tagger.status().message();
  auto parser = Parser::load_default();
  ASSERT_TRUE(parser.ok()) << parser.status().message();
  std::vector<TreebankSentence> bank = {
      sentence("Officials/_/_ condemned/_/_ the/_/_ attack/_/_ ./_/_"),
      sentence("The/_/_ station/_/_ was/_/_ hit/_/_ by/_/_ a/_/_ missile/_/_ ./_/_"),
  };
  Document doc = treebank_document(bank, false);
  tagger.value().tag(doc);
  parser.value().parse(doc);
  expect_well_formed(doc);
  auto rel = [&](size_t i) { return std::string(kDeprel[doc.words[i].deprel]); };
  EXPECT_EQ(rel(0), "nsubj");
  EXPECT_EQ(rel(3), "obj");
  EXPECT_EQ(rel(5 + 1), "nsubj:pass");
  EXPECT_EQ(rel(5 + 6), "obl:agent");
  EXPECT_EQ(doc.words[5 + 6].head, 4u);
}

}  // namespace
}  // namespace sitrep
