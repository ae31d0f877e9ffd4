// Case robustness (issue 14): case-folded training copies, word clusters, and
// the shipped models on lower- and upper-cased sentences.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/case_fold.h"
#include "core/tagset.h"
#include "entities/ner.h"
#include "entities/ner_features.h"
#include "parser/parser.h"
#include "parser/treebank.h"
#include "tagger/clusters.h"
#include "tagger/features.h"
#include "tagger/tagger.h"
#include "tagger/tagger_train.h"

namespace sitrep {
namespace {

TEST(CaseFoldTest, FoldsAsciiAndLatin1Letters) {
  EXPECT_EQ(fold_case("Police in MINSK, Zürich: ÉTÉ 2024", CaseFold::kLower), "police in minsk, zürich: été 2024");
  EXPECT_EQ(fold_case("Police in minsk, Zürich: été 2024", CaseFold::kUpper), "POLICE IN MINSK, ZÜRICH: ÉTÉ 2024");
  EXPECT_EQ(fold_case("MiXeD ×÷", CaseFold::kNone), "MiXeD ×÷");
  EXPECT_EQ(fold_case("×÷", CaseFold::kLower), "×÷");  // not letters
  EXPECT_EQ(fold_case("×÷", CaseFold::kUpper), "×÷");
}

TEST(CaseFoldTest, ChoiceIsDeterministicWithTheSharesAsked) {
  int lower = 0, upper = 0;
  for (uint64_t k = 0; k < 20000; ++k) {
    CaseFold f = case_fold_for(k, 0.3, 0.1);
    EXPECT_EQ(f, case_fold_for(k, 0.3, 0.1));
    lower += f == CaseFold::kLower;
    upper += f == CaseFold::kUpper;
  }
  EXPECT_NEAR(lower / 20000.0, 0.3, 0.02);
  EXPECT_NEAR(upper / 20000.0, 0.1, 0.02);
  EXPECT_EQ(case_fold_for(7, 0, 0), CaseFold::kNone);
}

TEST(CaseFoldTest, TaggerCopiesKeepTagsAndJoinTheirOriginal) {
  std::vector<tagger::TrainSentence> train(200);
  for (auto& s : train) {
    s.forms = {"Police", "arrested", "Smith"};
    s.lemmas = {"police", "arrest", "Smith"};
    s.feats = {"", "", ""};
    s.upos = {upos_id("NOUN"), upos_id("VERB"), upos_id("PROPN")};
    s.xpos = {xpos_id("NNS"), xpos_id("VBD"), xpos_id("NNP")};
  }
  tagger::add_case_copies(train, 0.5, 0.25);
  ASSERT_GT(train.size(), 250u);
  ASSERT_LT(train.size(), 380u);
  std::set<std::string> seen;
  for (size_t i = 200; i < train.size(); ++i) {
    const auto& s = train[i];
    EXPECT_TRUE(s.folded);
    ASSERT_GE(s.group, 0);
    ASSERT_LT(s.group, 200);
    EXPECT_FALSE(train[static_cast<size_t>(s.group)].folded);
    EXPECT_EQ(s.upos, train[static_cast<size_t>(s.group)].upos);
    EXPECT_EQ(s.lemmas[2], "Smith");
    seen.insert(s.forms[0] + " " + s.forms[2]);
  }
  EXPECT_EQ(seen, (std::set<std::string>{"police smith", "POLICE SMITH"}));
}

// Two groups of words that occur in different contexts end up in different classes.
TEST(WordClustersTest, ExchangeClusteringSeparatesContexts) {
  std::vector<std::vector<std::string>> text;
  const std::vector<std::string> animals = {"cat", "dog", "horse", "cow"}, colours = {"red", "blue", "green", "pink"};
  for (int r = 0; r < 5; ++r)
    for (size_t i = 0; i < 4; ++i) {
      text.push_back({"the", animals[i], "eats", "."});
      text.push_back({"The", animals[(i + r) % 4], "sleeps", "."});
      text.push_back({"a", "very", colours[i], "car", "."});
      text.push_back({"so", colours[(i + r) % 4], "!"});
    }
  tagger::ClusterTrainOptions opt;
  opt.levels = {4, 6};
  opt.min_count = 2;
  auto clusters = tagger::train_clusters(text, opt);
  ASSERT_TRUE(clusters.ok()) << clusters.status().message();
  const auto& c = clusters.value();
  auto cls = [&](const std::string& w, int level) {
    return tagger::WordClusters::level(c.find(tagger::detail::hash_bytes(w)), level);
  };
  for (int level = 0; level < 2; ++level) {
    for (const auto& a : animals) {
      EXPECT_NE(cls(a, level), 0u) << a;
      EXPECT_EQ(cls(a, level), cls("cat", level)) << a;
      EXPECT_NE(cls(a, level), cls("red", level)) << a;
    }
    for (const auto& a : colours) EXPECT_EQ(cls(a, level), cls("red", level)) << a;
  }
  EXPECT_EQ(c.find(tagger::detail::hash_bytes("unseen")), 0u);
  // Lowercase lookups: "The" and "the" are one word.
  EXPECT_NE(c.find(tagger::detail::hash_bytes("the")), 0u);

  auto back = tagger::WordClusters::decode(c.encode());
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back.value().size(), c.size());
  EXPECT_EQ(back.value().levels(), c.levels());
  EXPECT_EQ(back.value().find(tagger::detail::hash_bytes("horse")), c.find(tagger::detail::hash_bytes("horse")));
  std::string bad = c.encode();
  bad.back() ^= 0x7F;  // a class out of range
  EXPECT_FALSE(tagger::WordClusters::decode(bad).ok());
}

// A tagger trained with clusters stores them and tags the same after a round trip
// through its model file; an unknown word's cluster carries what its class mates taught.
TEST(WordClustersTest, TaggerStoresItsClusters) {
  std::vector<std::vector<std::string>> text;
  for (const char* animal : {"cat", "dog", "horse", "cow", "goat"})
    for (int r = 0; r < 3; ++r) text.push_back({"the", animal, "eats", "."}), text.push_back({"a", animal, "sleeps", "."});
  tagger::ClusterTrainOptions co;
  co.levels = {3};
  co.min_count = 2;
  auto clusters = tagger::train_clusters(text, co);
  ASSERT_TRUE(clusters.ok()) << clusters.status().message();
  std::vector<tagger::TrainSentence> train;
  for (const char* animal : {"cat", "dog", "horse"}) {
    tagger::TrainSentence s;
    s.forms = {"the", animal, "eats", "."};
    s.lemmas = s.forms;
    s.feats = {"", "", "", ""};
    s.upos = {upos_id("DET"), upos_id("NOUN"), upos_id("VERB"), upos_id("PUNCT")};
    s.xpos = {xpos_id("DT"), xpos_id("NN"), xpos_id("VBZ"), xpos_id(".")};
    for (int r = 0; r < 5; ++r) train.push_back(s);
  }
  tagger::TaggerTrainOptions opt;
  opt.epochs = 3;
  opt.folds = 0;
  opt.min_class_count = 1;
  opt.clusters = &clusters.value();
  auto model = tagger::train_tagger(train, {}, opt);
  ASSERT_TRUE(model.ok()) << model.status().message();
  EXPECT_EQ(model.value().clusters().size(), clusters.value().size());
  auto back = tagger::Tagger::from_model_file(model.value().to_model_file("test"), "test");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back.value().clusters().size(), clusters.value().size());
  std::vector<std::string_view> forms = {"a", "goat", "sleeps", "."};
  std::vector<tagger::WordTags> a(4), b(4);
  model.value().tag_words(forms, a);
  back.value().tag_words(forms, b);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(a[i].cls, b[i].cls);
}

// Models trained with case-folded copies and clusters (issue 14) are not in models/ yet:
// the two tests below run on them when $SITREP_MODELS names a folder that holds them
// (docs/parser.md), and are skipped for models without clusters (the shipped ones
// fail them: "london" and "LONDON" come out NOUN, no name is found in lower case).
#define SKIP_WITHOUT_CLUSTERS(tagger)                                                              \
  if ((tagger).clusters().empty()) GTEST_SKIP() << "the tagger of $SITREP_MODELS or models/ has no clusters"

// The tagger and parser on one news sentence as written, lower-cased and upper-cased:
// the verb, its subject and object stay the same.
TEST(CaseRobustnessTest, ModelsReadFoldedSentences) {
  if (!std::filesystem::exists(Parser::default_path())) GTEST_FAIL() << "no shipped parser model";
  auto tg = tagger::Tagger::load_default();
  ASSERT_TRUE(tg.ok()) << tg.status().message();
  SKIP_WITHOUT_CLUSTERS(tg.value());
  auto parser = Parser::load_default();
  ASSERT_TRUE(parser.ok()) << parser.status().message();
  const std::vector<std::string> words = {"Police", "arrested", "two", "protesters", "in", "London", "on", "Tuesday", "."};
  for (CaseFold fold : {CaseFold::kNone, CaseFold::kLower, CaseFold::kUpper}) {
    TreebankSentence s;
    for (const auto& w : words) s.words.push_back({fold_case(w, fold), "", 0, 0, 0, 0});
    std::vector<TreebankSentence> bank = {s};
    Document doc = treebank_document(bank, false);
    tg.value().tag(doc);
    parser.value().parse(doc);
    auto upos = [&](size_t i) { return std::string(kUpos[doc.words[i].upos]); };
    auto rel = [&](size_t i) { return std::string(kDeprel[doc.words[i].deprel]); };
    SCOPED_TRACE(static_cast<int>(fold));
    EXPECT_EQ(upos(0), "NOUN");
    EXPECT_EQ(upos(1), "VERB");
    EXPECT_EQ(upos(3), "NOUN");
    EXPECT_EQ(upos(5), "PROPN");
    EXPECT_EQ(rel(1), "root");
    EXPECT_EQ(rel(0), "nsubj");
    EXPECT_EQ(doc.words[0].head, 2u);
    EXPECT_EQ(rel(3), "obj");
    EXPECT_EQ(doc.words[3].head, 2u);
    EXPECT_EQ(doc.words[5].head, 2u);  // "in London" hangs from the verb
  }
}

// The tagger and recognizer (no truecasing before them) on a sentence as written,
// lower-cased and upper-cased: the person and the city are found in all three.
TEST(CaseRobustnessTest, RecognizerFindsNamesInFoldedSentences) {
  auto tg = tagger::Tagger::load_default();
  ASSERT_TRUE(tg.ok()) << tg.status().message();
  SKIP_WITHOUT_CLUSTERS(tg.value());
  auto ner = entities::Ner::load_default();
  ASSERT_TRUE(ner.ok()) << ner.status().message();
  const std::vector<std::string> words = {"Angela", "Merkel", "told", "reporters", "in", "Berlin", "on", "Monday", "."};
  using entities::detail::cls;
  for (CaseFold fold : {CaseFold::kNone, CaseFold::kLower, CaseFold::kUpper}) {
    SCOPED_TRACE(static_cast<int>(fold));
    std::vector<std::string> forms;
    for (const auto& w : words) forms.push_back(fold_case(w, fold));
    std::vector<std::string_view> views(forms.begin(), forms.end());
    std::vector<tagger::WordTags> tags(forms.size());
    tg.value().tag_words(views, tags);
    std::vector<entities::detail::NerWord> nw(forms.size());
    for (size_t i = 0; i < forms.size(); ++i) nw[i] = {views[i], tags[i].upos, tags[i].xpos, 0, 0};
    std::vector<uint8_t> classes(forms.size());
    ner.value().decode(nw, classes);
    EXPECT_EQ(classes[0], cls(EntityType::kPerson, entities::detail::kB));
    EXPECT_EQ(classes[1], cls(EntityType::kPerson, entities::detail::kL));
    EXPECT_EQ(classes[5], cls(EntityType::kGpe, entities::detail::kU));
    EXPECT_EQ(classes[3], 0);
  }
}

}  // namespace
}  // namespace sitrep
