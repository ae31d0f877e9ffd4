#include "tagger/lemmatizer.h"

#include <gtest/gtest.h>

#include <fstream>

#include <filesystem>

#include "core/tagset.h"
#include "shipped_tagger.h"
#include "tagger/tagger.h"
#include "text/normalize.h"

namespace sitrep::tagger {
namespace {

// Hand-written (form, XPOS, lemma) triples: the rules generalise from them.
const char* const kTriples[][3] = {
    {"walked", "VBD", "walk"},     {"played", "VBD", "play"},     {"dropped", "VBD", "drop"},
    {"planned", "VBN", "plan"},    {"said", "VBD", "say"},        {"went", "VBD", "go"},
    {"was", "VBD", "be"},          {"planning", "VBG", "plan"},   {"walking", "VBG", "walk"},
    {"studies", "NNS", "study"},   {"cities", "NNS", "city"},     {"talks", "NNS", "talk"},
    {"books", "NNS", "book"},      {"children", "NNS", "child"},  {"officials", "NNS", "official"},
    {"Officials", "NNS", "official"}, {"United", "NNP", "United"}, {"States", "NNP", "States"},
    {"Paris", "NNP", "Paris"},     {"better", "JJR", "good"},     {"bigger", "JJR", "big"},
    {"taller", "JJR", "tall"},     {"talks", "VBZ", "talk"},      {"says", "VBZ", "say"},
    {"hurries", "VBZ", "hurry"},   {"minister", "NN", "minister"}, {"the", "DT", "the"},
};

Lemmatizer tiny() {
  std::vector<Lemmatizer::Example> ex;
  for (const auto& t : kTriples) ex.push_back({t[0], t[2], xpos_id(t[1])});
  return Lemmatizer::train(ex);
}

std::string lemma(const Lemmatizer& l, std::string_view form, std::string_view xpos) {
  std::string scratch;
  return std::string(l.lemmatize(form, xpos_id(xpos), scratch));
}

TEST(LemmatizerTest, LearnedExceptionsAndRules) {
  Lemmatizer l = tiny();
  EXPECT_EQ(lemma(l, "said", "VBD"), "say");
  EXPECT_EQ(lemma(l, "went", "VBD"), "go");
  EXPECT_EQ(lemma(l, "was", "VBD"), "be");
  EXPECT_EQ(lemma(l, "children", "NNS"), "child");
  EXPECT_EQ(lemma(l, "better", "JJR"), "good");
  // Unseen words, by the suffix rules.
  EXPECT_EQ(lemma(l, "stopped", "VBD"), "stop");
  EXPECT_EQ(lemma(l, "running", "VBG"), "run");
  EXPECT_EQ(lemma(l, "counterparts", "NNS"), "counterpart");
  EXPECT_EQ(lemma(l, "parties", "NNS"), "party");
  EXPECT_EQ(lemma(l, "marched", "VBD"), "march");
  EXPECT_EQ(lemma(l, "carries", "VBZ"), "carry");
  // Case: names keep theirs, sentence-initial common words are lowercased.
  EXPECT_EQ(lemma(l, "United", "NNP"), "United");
  EXPECT_EQ(lemma(l, "States", "NNP"), "States");
  EXPECT_EQ(lemma(l, "Said", "VBD"), "say");
  EXPECT_EQ(lemma(l, "Went", "VBD"), "go");
  EXPECT_EQ(lemma(l, "Rebels", "NNS"), "rebel");
}

// Rules learned from "filmed" strip "ed" from "blamed" ("blam"), rules learned
// from "called" keep the doubled "l"s: the lexicon (lemmas seen in training, any
// open class) picks the regular alternative that is a known word.
TEST(LemmatizerTest, LexiconPicksTheKnownAlternative) {
  const char* const triples[][3] = {
      {"filmed", "VBD", "film"},  {"called", "VBD", "call"},   {"hoped", "VBD", "hope"},
      {"rowing", "VBG", "row"},   {"blame", "VB", "blame"},    {"shell", "NN", "shell"},
      {"raid", "NN", "raid"},     {"postpone", "VB", "postpone"}, {"patrol", "NN", "patrol"},
      {"walked", "VBD", "walk"},  {"riot", "NN", "riot"},      {"fames", "NNS", "fame"},
  };
  std::vector<Lemmatizer::Example> ex;
  for (const auto& t : triples) ex.push_back({t[0], t[2], xpos_id(t[1])});
  Lemmatizer l = Lemmatizer::train(ex);
  EXPECT_EQ(lemma(l, "blamed", "VBD"), "blame");      // stem + e
  EXPECT_EQ(lemma(l, "Blamed", "VBD"), "blame");
  EXPECT_EQ(lemma(l, "blaming", "VBG"), "blame");
  EXPECT_EQ(lemma(l, "shelled", "VBN"), "shell");     // stem as is, though "-lled" looks doubled
  EXPECT_EQ(lemma(l, "shelling", "VBG"), "shell");
  EXPECT_EQ(lemma(l, "raided", "VBD"), "raid");
  EXPECT_EQ(lemma(l, "postponed", "VBD"), "postpone");
  EXPECT_EQ(lemma(l, "patrolled", "VBD"), "patrol");  // doubled consonant undone
  EXPECT_EQ(lemma(l, "patrolling", "VBG"), "patrol");
  EXPECT_EQ(lemma(l, "rioted", "VBD"), "riot");
  EXPECT_EQ(lemma(l, "blames", "VBZ"), "blame");
  // Unknown everywhere: the rules' answer stands; known rule output is kept.
  EXPECT_EQ(lemma(l, "zorked", "VBD"), "zork");
  EXPECT_EQ(lemma(l, "hoped", "VBD"), "hope");
  // Nouns are not second-guessed.
  EXPECT_EQ(lemma(l, "walked", "NN"), "walked");
}

// A past form in "-eed" is an "-ee" verb's, though the verb was never seen and the
// lexicon holds a shorter stem (a treebank typo, "fre"); words that end so themselves stay.
TEST(LemmatizerTest, EedPastFormsDropOnlyTheD) {
  const char* const triples[][3] = {
      {"filmed", "VBD", "film"}, {"fre", "VB", "fre"}, {"proceed", "VB", "proceed"}, {"speed", "NN", "speed"},
  };
  std::vector<Lemmatizer::Example> ex;
  for (const auto& t : triples) ex.push_back({t[0], t[2], xpos_id(t[1])});
  Lemmatizer l = Lemmatizer::train(ex);
  EXPECT_EQ(lemma(l, "freed", "VBD"), "free");
  EXPECT_EQ(lemma(l, "freed", "VBN"), "free");
  EXPECT_EQ(lemma(l, "Freed", "VBN"), "free");
  EXPECT_EQ(lemma(l, "decreed", "VBD"), "decree");
  EXPECT_EQ(lemma(l, "proceed", "VBD"), "proceed");  // mis-tagged: a verb itself
  EXPECT_EQ(lemma(l, "speed", "VBN"), "speed");      // a noun itself
}

TEST(LemmatizerTest, SaveLoadRoundTrip) {
  Lemmatizer l = tiny();
  ByteWriter w;
  l.save(w);
  auto back = Lemmatizer::load(w.take());
  ASSERT_TRUE(back.ok()) << back.status().message();
  for (const auto& t : kTriples) EXPECT_EQ(lemma(back.value(), t[0], t[1]), t[2]) << t[0];
  EXPECT_EQ(lemma(back.value(), "stopped", "VBD"), "stop");
  EXPECT_EQ(back.value().lexicon_size(), l.lexicon_size());
  EXPECT_FALSE(Lemmatizer::load("\x01\x02").ok());
}

// The shipped model: the verbs and nouns the event patterns look up.
TEST(LemmatizerTest, ShippedModel) {
  if (!shipped_tagger()) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Lemmatizer& l = shipped_tagger()->lemmatizer();
  const char* const cases[][3] = {
      {"said", "VBD", "say"},       {"said", "VBN", "say"},         {"talks", "NNS", "talk"},
      {"counterparts", "NNS", "counterpart"}, {"was", "VBD", "be"}, {"were", "VBD", "be"},
      {"went", "VBD", "go"},        {"children", "NNS", "child"},   {"studies", "NNS", "study"},
      {"stopped", "VBD", "stop"},   {"running", "VBG", "run"},      {"United", "NNP", "United"},
      {"States", "NNPS", "States"}, {"better", "JJR", "good"},      {"killed", "VBN", "kill"},
      {"arrested", "VBD", "arrest"}, {"protesters", "NNS", "protester"}, {"Said", "VBD", "say"},
      {"met", "VBD", "meet"},       {"men", "NNS", "man"},          {"is", "VBZ", "be"},
      // Regular verbs with a dropped e or a doubled consonant.
      {"blamed", "VBD", "blame"},   {"shelled", "VBD", "shell"},    {"shelled", "VBN", "shell"},
      {"used", "VBD", "use"},       {"phoned", "VBD", "phone"},     {"planned", "VBD", "plan"},
      {"condemned", "VBD", "condemn"}, {"raided", "VBD", "raid"},   {"postponed", "VBN", "postpone"},
      {"controlled", "VBN", "control"}, {"patrolled", "VBD", "patrol"}, {"rioted", "VBD", "riot"},
      {"shelling", "VBG", "shell"}, {"blaming", "VBG", "blame"},    {"stopping", "VBG", "stop"},
      // Past forms the tagger gave a present tag take the past tags' lemma; present
      // forms that are verbs themselves stay.
      {"shot", "VBP", "shoot"},     {"stole", "VBP", "steal"},      {"upheld", "VB", "uphold"},
      {"went", "VBP", "go"},        {"beat", "VBP", "beat"},        {"lay", "VBP", "lay"},
      {"shut", "VBP", "shut"},      {"say", "VBP", "say"},
      // "-ee" verbs.
      {"freed", "VBD", "free"},     {"freed", "VBN", "free"},       {"agreed", "VBD", "agree"},
      {"guaranteed", "VBN", "guarantee"}, {"frees", "VBZ", "free"},   {"flees", "VBZ", "flee"},
      {"oversees", "VBZ", "oversee"},
  };
  for (const auto& c : cases) EXPECT_EQ(lemma(l, c[0], c[1]), c[2]) << c[0] << "/" << c[1];
}

// The shipped table of irregular verbs (data/lexicon/irregular-verbs.tsv) gives the forms the
// treebanks never showed their lemma: the suffix rules made "fled" "flead", "slain" "sla",
// "slew" "sly"; forms the treebanks know keep the treebanks' lemma.
TEST(LemmatizerTest, ShippedTableOfIrregularVerbs) {
  if (!shipped_tagger()) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Lemmatizer& l = shipped_tagger()->lemmatizer();
  const char* const cases[][3] = {
      {"fled", "VBD", "flee"},  {"fled", "VBN", "flee"},     {"slain", "VBN", "slay"},  {"slew", "VBD", "slay"},
      {"bled", "VBD", "bleed"}, {"misled", "VBN", "mislead"}, {"stung", "VBD", "sting"}, {"swam", "VBP", "swim"},
      {"Fled", "VBD", "flee"},  {"said", "VBD", "say"},       {"went", "VBD", "go"},     {"left", "VBD", "leave"},
  };
  for (const auto& c : cases) EXPECT_EQ(lemma(l, c[0], c[1]), c[2]) << c[0] << "/" << c[1];
  EXPECT_TRUE(l.known_verb("flee"));
  EXPECT_TRUE(l.known_verb("slay"));
}

// A table with a bad line is an error naming the file and the line.
TEST(LemmatizerTest, IrregularVerbTableErrorsNameTheLine) {
  auto dir = std::filesystem::temp_directory_path() / "sitrep_irregular_test";
  std::filesystem::create_directories(dir);
  auto path = (dir / "irregular.tsv").string();
  {
    std::ofstream f(path);
    f << "# lemma, past, participle\nflee\tfled\tfled\nburn\tburned|burnt\tburned|burnt\nslay slew slain\n";
  }
  auto r = Lemmatizer::read_irregular_verbs(path);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("irregular.tsv:4"), std::string::npos) << r.status().message();
  {
    std::ofstream f(path);
    f << "flee\tfled\tfled\nburn\tburned|burnt\tburned|burnt\n";
  }
  r = Lemmatizer::read_irregular_verbs(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r.value().size(), 3u);  // fled, burned, burnt: each form once
  EXPECT_EQ(r.value()[2].form, "burnt");
  EXPECT_EQ(r.value()[2].lemma, "burn");
  std::filesystem::remove_all(dir);
}

// Words of the lexicon and their regular inflections are English words; names are not.
TEST(LemmatizerTest, ShippedModelTellsDictionaryWordsFromNames) {
  if (!shipped_tagger()) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Lemmatizer& l = shipped_tagger()->lemmatizer();
  std::string scratch;
  for (const char* w : {"apologized", "shelled", "rebels", "attack", "negotiating"})
    EXPECT_TRUE(l.dictionary_word(w, scratch)) << w;
  // (A name no inflection's ending fits: "alexei" read as a gerund was "ale", a noun.)
  for (const char* w : {"tadic", "tskhinvali", "olmert", "kuleba", "alexei"})
    EXPECT_FALSE(l.dictionary_word(w, scratch)) << w;
}

// Words beyond ASCII never lose half a character to a suffix rule (the output stays UTF-8).
TEST(LemmatizerTest, ShippedModelNeverCutsACharacter) {
  if (!shipped_tagger()) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Lemmatizer& l = shipped_tagger()->lemmatizer();
  auto valid_utf8 = [](std::string_view s) {  // the readers' own check: no sequence to replace
    text::NormalizeReport report;
    text::normalize(s, &report);
    return report.invalid_sequences == 0;
  };
  for (const char* form : {"\u4e2d\u56fd", "I\u00b4m", "caf\u00e9s", "na\u00efve", "\u00abKyiv\u00bb", "Zelens\u2019kyi"})
    for (const char* xpos : {"NN", "NNS", "NNP", "VBD", "VBZ", "VBG", "JJ", "RB"}) {
      std::string got = lemma(l, form, xpos);
      EXPECT_TRUE(valid_utf8(got)) << form << "/" << xpos;
    }
}

}  // namespace
}  // namespace sitrep::tagger
