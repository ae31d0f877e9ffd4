// Coreference: each pass of the sieve on sentences we wrote, the MUC/B³/CEAFe
// scorer on hand-made clusterings, and GUM's Entity bracket reader.
#include <gtest/gtest.h>

#include <string>

#include "entities/coref.h"
#include "entities/mentions.h"
#include "eval/coref_eval.h"
#include "io/conllu_reader.h"
#include "io/gum_entities.h"
#include "io/readers.h"
#include "pipeline/pipeline.h"

namespace sitrep {
namespace {

const Pipeline& pipeline() {
  static const Pipeline p = Pipeline::load_default().value();
  return p;
}

Document analyse(const std::string& text) {
  Document doc;
  Status st = io::read_bytes("t.txt", text, io::InputFormat::kText, [&](Document&& d) { doc = std::move(d); },
                             [](const std::string&) {});
  EXPECT_TRUE(st.ok());
  pipeline().process(doc);
  entities::add_name_mentions_from_parse(doc);
  entities::add_nominal_and_pronoun_mentions(doc);
  entities::resolve_coreference(doc);
  return doc;
}

// Index of the `nth` mention whose text is exactly `text`; fails the test when absent.
int mention(const Document& doc, std::string_view text, int nth = 0) {
  for (size_t i = 0; i < doc.mentions.size(); ++i)
    if (doc.str(doc.mentions[i].span) == text && nth-- == 0) return static_cast<int>(i);
  std::string all;
  for (const auto& m : doc.mentions) all += "[" + std::string(doc.str(m.span)) + "] ";
  ADD_FAILURE() << "no mention \"" << text << "\" among " << all;
  return -1;
}

std::string canonical_of(const Document& doc, int i) {
  if (i < 0 || doc.mentions[i].chain < 0) return "";
  return doc.chains[doc.mentions[i].chain].canonical;
}

bool same_chain(const Document& doc, int a, int b) {
  return a >= 0 && b >= 0 && doc.mentions[a].chain >= 0 && doc.mentions[a].chain == doc.mentions[b].chain;
}

TEST(CorefMentions, FindsRoleNounPhrasesAndPronouns) {
  Document doc = analyse("The Chinese foreign minister met officials. She said they agreed.");
  int minister = mention(doc, "The Chinese foreign minister");
  ASSERT_GE(minister, 0);
  EXPECT_EQ(doc.mentions[minister].kind, MentionKind::kNominal);
  EXPECT_EQ(doc.mentions[minister].type, EntityType::kPerson);
  int officials = mention(doc, "officials");
  ASSERT_GE(officials, 0);
  EXPECT_EQ(doc.mentions[officials].kind, MentionKind::kNominal);
  int she = mention(doc, "She");
  ASSERT_GE(she, 0);
  EXPECT_EQ(doc.mentions[she].kind, MentionKind::kPronoun);
  EXPECT_EQ(doc.mentions[she].type, EntityType::kPerson);
  for (size_t i = 1; i < doc.mentions.size(); ++i)
    EXPECT_LE(doc.mentions[i - 1].span.begin, doc.mentions[i].span.begin);
}

TEST(CorefSieve, ExactNameMatch) {
  Document doc = analyse("Angela Merkel arrived in Paris on Monday. Angela Merkel met the French president.");
  int a = mention(doc, "Angela Merkel"), b = mention(doc, "Angela Merkel", 1);
  EXPECT_TRUE(same_chain(doc, a, b));
  EXPECT_EQ(static_cast<int>(doc.mentions[b].sieve), static_cast<int>(entities::kSieveExact));
  EXPECT_EQ(doc.mentions[b].antecedent, a);
  EXPECT_FALSE(same_chain(doc, a, mention(doc, "Paris")));
}

TEST(CorefSieve, SurnameAndTitleMatchTheFullName) {
  Document doc = analyse(
      "Wang Yi arrived in Kyiv on Tuesday. Mr. Wang said the talks went well. Later, Wang left the city.");
  int full = mention(doc, "Wang Yi"), mr = mention(doc, "Mr. Wang"), bare = mention(doc, "Wang", 0);
  EXPECT_TRUE(same_chain(doc, full, mr));
  EXPECT_TRUE(same_chain(doc, full, bare));
  EXPECT_EQ(static_cast<int>(doc.mentions[mr].sieve), static_cast<int>(entities::kSieveName));
  EXPECT_EQ(canonical_of(doc, bare), "Wang Yi");
}

TEST(CorefSieve, AcronymMatchesTheName) {
  Document doc = analyse("The European Union announced new sanctions. The EU said they would start in May.");
  int full = mention(doc, "European Union"), acronym = mention(doc, "EU");
  EXPECT_TRUE(same_chain(doc, full, acronym));
  EXPECT_EQ(static_cast<int>(doc.mentions[acronym].sieve), static_cast<int>(entities::kSieveName));
}

TEST(CorefSieve, RoleDescriptionLinksToThePersonWithThatTitle) {
  Document doc = analyse(
      "Chinese Foreign Minister Wang Yi met Ukrainian Foreign Minister Dmytro Kuleba in Guangzhou on Monday. "
      "The Chinese foreign minister said both sides wanted peace.");
  int wang = -1;  // its span may or may not hold "Chinese" (an adjective before the name)
  for (size_t i = 0; i < doc.mentions.size(); ++i)
    if (doc.str(doc.mentions[i].span).ends_with("Minister Wang Yi")) wang = static_cast<int>(i);
  int role = mention(doc, "The Chinese foreign minister");
  EXPECT_TRUE(same_chain(doc, wang, role));
  if (role >= 0) {
    EXPECT_EQ(static_cast<int>(doc.mentions[role].sieve), static_cast<int>(entities::kSieveRole));
  }
  EXPECT_EQ(canonical_of(doc, role), "Wang Yi");
}

TEST(CorefSieve, CounterpartNeedsItsNationality) {
  Document doc = analyse(
      "Ukrainian Foreign Minister Dmytro Kuleba arrived in Beijing. "
      "Chinese Foreign Minister Wang Yi welcomed his Ukrainian counterpart at the airport.");
  int counterpart = mention(doc, "his Ukrainian counterpart");
  EXPECT_EQ(canonical_of(doc, counterpart), "Dmytro Kuleba");
}

TEST(CorefSieve, PlaceDescriptionTakesTheLastPlaceOfItsType) {
  Document doc;
  Status st = io::read_bytes("t.txt", "Officials visited Kharkiv on Monday. The city was quiet, but the company closed.",
                             io::InputFormat::kText, [&](Document&& d) { doc = std::move(d); },
                             [](const std::string&) {});
  ASSERT_TRUE(st.ok());
  pipeline().process(doc);
  entities::add_name_mentions_from_parse(doc);
  int kharkiv = mention(doc, "Kharkiv");
  ASSERT_GE(kharkiv, 0);
  doc.mentions[kharkiv].type = EntityType::kGpe;  // as the NER types it
  entities::add_nominal_and_pronoun_mentions(doc);
  entities::resolve_coreference(doc);
  kharkiv = mention(doc, "Kharkiv");
  int city = mention(doc, "The city");
  EXPECT_TRUE(same_chain(doc, kharkiv, city));
  EXPECT_EQ(static_cast<int>(doc.mentions[city].sieve), static_cast<int>(entities::kSieveRole));
  EXPECT_FALSE(same_chain(doc, kharkiv, mention(doc, "the company")));
}

TEST(CorefSieve, AppositionJoinsNameAndDescription) {
  Document doc = analyse("Dai Bing, the deputy representative, spoke at the meeting.");
  int name = mention(doc, "Dai Bing"), desc = mention(doc, "the deputy representative");
  EXPECT_TRUE(same_chain(doc, name, desc));
}

TEST(CorefSieve, PronounsAgreeInGender) {
  Document doc = analyse("Mrs. Smith met Mr. Jones in London. She thanked him for the invitation.");
  int smith = mention(doc, "Mrs. Smith"), jones = mention(doc, "Mr. Jones");
  int she = mention(doc, "She"), him = mention(doc, "him");
  EXPECT_TRUE(same_chain(doc, smith, she));
  EXPECT_TRUE(same_chain(doc, jones, him));
  EXPECT_FALSE(same_chain(doc, smith, jones));
  EXPECT_EQ(static_cast<int>(doc.mentions[she].sieve), static_cast<int>(entities::kSievePronoun));
}

TEST(CorefSieve, PronounPrefersThePreviousSubject) {
  Document doc = analyse("Dmytro Kuleba met the envoy in Brussels on Monday. He said the meeting was useful.");
  EXPECT_EQ(canonical_of(doc, mention(doc, "He")), "Dmytro Kuleba");
}

TEST(CorefSieve, ItAndTheyAgreeInNumberAndAnimacy) {
  Document doc = analyse(
      "The ministry issued a statement on Friday. It said the two foreign ministers had met. "
      "They agreed to meet again.");
  EXPECT_TRUE(same_chain(doc, mention(doc, "The ministry"), mention(doc, "It")));
  EXPECT_TRUE(same_chain(doc, mention(doc, "the two foreign ministers"), mention(doc, "They")));
}

TEST(CorefSieve, PossessiveAndReflexiveTakeTheSubject) {
  Document doc = analyse("Dmytro Kuleba said his country would defend itself. Kuleba blamed himself for the delay.");
  int kuleba = mention(doc, "Dmytro Kuleba");
  EXPECT_TRUE(same_chain(doc, kuleba, mention(doc, "his")));
  EXPECT_TRUE(same_chain(doc, kuleba, mention(doc, "himself")));
  EXPECT_FALSE(same_chain(doc, kuleba, mention(doc, "itself")));
}

TEST(CorefSieve, DescriptionGenderBlocksThePronoun) {
  Document doc = analyse("The president met his sister in Paris. He thanked her for the visit.");
  EXPECT_TRUE(same_chain(doc, mention(doc, "The president"), mention(doc, "He")));
  EXPECT_TRUE(same_chain(doc, mention(doc, "his sister"), mention(doc, "her")));
  EXPECT_FALSE(same_chain(doc, mention(doc, "his sister"), mention(doc, "He")));
}

TEST(CorefSieve, PluralDescriptionIsNotLinkedToOnePerson) {
  Document doc = analyse("Wang Yi met Dmytro Kuleba in Beijing. The two foreign ministers discussed the war.");
  int both = mention(doc, "The two foreign ministers");
  EXPECT_EQ(doc.mentions[both].antecedent, -1);
  EXPECT_FALSE(same_chain(doc, both, mention(doc, "Wang Yi")));
  EXPECT_FALSE(same_chain(doc, both, mention(doc, "Dmytro Kuleba")));
}

TEST(CorefSieve, PronounTooFarBackStaysAlone) {
  Document doc = analyse(
      "Mr. Jones arrived. The rain fell. The roads flooded. The trains stopped. He was late.");
  int he = mention(doc, "He");
  EXPECT_EQ(doc.mentions[he].antecedent, -1);
}

// ---- Scorer: values worked out by hand from the metric definitions ----------

TEST(CorefScorer, TwoClustersSplitDifferently) {
  eval::CorefScores s;
  s.add_document({{1, 2, 3}, {4, 5}}, {{1, 2}, {3, 4, 5}});
  // MUC: recall (3-2 + 2-1) / (2 + 1); precision (2-1 + 3-2) / (1 + 2).
  EXPECT_NEAR(s.muc.recall(), 2.0 / 3, 1e-9);
  EXPECT_NEAR(s.muc.precision(), 2.0 / 3, 1e-9);
  // B³: recall (4/3 + 1/3 + 4/2) / 5; precision (4/2 + 1/3 + 4/3) / 5.
  EXPECT_NEAR(s.b3.recall(), 11.0 / 15, 1e-9);
  EXPECT_NEAR(s.b3.precision(), 11.0 / 15, 1e-9);
  // CEAFe: best pairing {1,2,3}-{1,2} (2·2/5) and {4,5}-{3,4,5} (2·2/5) over 2 entities each.
  EXPECT_NEAR(s.ceafe.recall(), 0.8, 1e-9);
  EXPECT_NEAR(s.ceafe.precision(), 0.8, 1e-9);
  EXPECT_NEAR(s.conll_f1(), (2.0 / 3 + 11.0 / 15 + 0.8) / 3, 1e-9);
}

TEST(CorefScorer, TwinlessMentionsCountAgainst) {
  eval::CorefScores s;
  s.add_document({{1, 2}}, {{1, 3}});
  EXPECT_NEAR(s.muc.recall(), 0, 1e-9);
  EXPECT_NEAR(s.muc.precision(), 0, 1e-9);
  EXPECT_NEAR(s.b3.recall(), 0.25, 1e-9);  // (1²/2) / 2
  EXPECT_NEAR(s.b3.precision(), 0.25, 1e-9);
  EXPECT_NEAR(s.ceafe.f1(), 0.5, 1e-9);  // φ4 = 2·1/4
}

TEST(CorefScorer, AsymmetricAndSummedOverDocuments) {
  eval::CorefScores s;
  s.add_document({{1, 2, 3, 4}}, {{1, 2}, {3, 4}});
  // MUC recall (4-2)/3, precision (1+1)/(1+1); B³ recall (4/4+4/4)/4, precision 1.
  EXPECT_NEAR(s.muc.recall(), 2.0 / 3, 1e-9);
  EXPECT_NEAR(s.muc.precision(), 1.0, 1e-9);
  EXPECT_NEAR(s.b3.recall(), 0.5, 1e-9);
  EXPECT_NEAR(s.b3.precision(), 1.0, 1e-9);
  s.add_document({{7, 8}}, {{7, 8}});
  EXPECT_NEAR(s.muc.recall(), 3.0 / 4, 1e-9);
  EXPECT_NEAR(s.b3.recall(), 4.0 / 6, 1e-9);
  // CEAFe: doc 1 φ4 = 2·2/6 = 2/3 over 1 key, 2 response entities; doc 2 φ4 = 1.
  EXPECT_NEAR(s.ceafe.recall(), (2.0 / 3 + 1) / 2, 1e-9);
  EXPECT_NEAR(s.ceafe.precision(), (2.0 / 3 + 1) / 3, 1e-9);
}

TEST(CorefScorer, PerfectResponseScoresOne) {
  eval::CorefScores s;
  s.add_document({{1, 2}, {3, 4, 5}}, {{3, 4, 5}, {1, 2}});
  EXPECT_NEAR(s.conll_f1(), 1.0, 1e-9);
}

// ---- GUM reader --------------------------------------------------------------

std::string row(int id, const std::string& form, const std::string& misc) {
  return std::to_string(id) + "\t" + form + "\t" + form + "\tX\tX\t_\t0\troot\t_\t" + misc + "\n";
}

TEST(CorefGumEntities, ReadsNestedMultiWordAndSameWordBrackets) {
  std::string text = "# newdoc id = GUM_news_fixture\n"
                     "# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity\n"
                     "# sent_id = f-1\n";
  text += row(1, "Foreign", "Entity=(1-person-new-sssss-cf1-3,4-coref-Wang_Yi");
  text += row(2, "Minister", "_");
  text += row(3, "Wang", "_");
  text += row(4, "Yi", "Entity=1)");
  text += row(5, "met", "_");
  text += row(6, "Jean-Paul", "Entity=(2-person-new-nnnnn-cf2-1,2-sgl-Jean-Paul_Smith");
  text += row(7, "Smith", "Entity=2)|SpaceAfter=No");
  text += "\n# sent_id = f-2\n";
  text += row(1, "He", "Entity=(1-person-giv:act-sssss-cf1-1-ana)");
  text += row(2, "met", "_");
  text += row(3, "his", "Entity=(3-person-new-nnnnn-cf2-2-coref(1-person-giv:act-sssss-cf1-1-ana)");
  text += row(4, "friend", "Entity=3)");
  text += "\n";
  auto corpus = io::parse_conllu(text, "fixture.conllu");
  ASSERT_TRUE(corpus.ok()) << corpus.status().message();
  auto ms = io::gum_mentions(corpus.value());
  ASSERT_EQ(ms.size(), 5u);
  EXPECT_EQ(ms[0].group, 1);
  EXPECT_EQ(ms[0].first_word, 0u);
  EXPECT_EQ(ms[0].word_count, 4u);
  EXPECT_EQ(ms[0].type, "person");
  EXPECT_EQ(ms[0].identity, "Wang_Yi");
  EXPECT_EQ(ms[0].min_words, (std::vector<uint32_t>{2, 3}));
  EXPECT_EQ(ms[1].identity, "Jean-Paul_Smith");
  EXPECT_EQ(ms[1].first_word, 5u);
  EXPECT_EQ(ms[1].word_count, 2u);
  EXPECT_EQ(ms[2].group, 1);
  EXPECT_EQ(ms[2].sentence, 1u);
  EXPECT_EQ(ms[2].first_word, 7u);
  EXPECT_EQ(ms[2].word_count, 1u);
  EXPECT_EQ(ms[3].group, 3);  // "his friend": opened first on word 9, closed on word 10
  EXPECT_EQ(ms[3].first_word, 9u);
  EXPECT_EQ(ms[3].word_count, 2u);
  EXPECT_EQ(ms[3].min_words, (std::vector<uint32_t>{10}));
  EXPECT_EQ(ms[4].group, 1);  // "his", inside it
  EXPECT_EQ(ms[4].first_word, 9u);
  EXPECT_EQ(ms[4].word_count, 1u);
}

}  // namespace
}  // namespace sitrep
