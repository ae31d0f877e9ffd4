// Named-entity recognition: the IOB2 and GUM readers, the GUM-to-NER rules,
// span decoding, the model file, and the shipped model on sentences we wrote.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "core/locate.h"
#include "core/model_file.h"
#include "entities/ner.h"
#include "entities/ner_features.h"
#include "entities/ner_gold.h"
#include "entities/ner_lexicon.h"
#include "io/gum_entities.h"
#include "io/iob2_reader.h"
#include "io/readers.h"
#include "pipeline/pipeline.h"

namespace sitrep {
namespace {

TEST(Iob2ReaderTest, ReadsSentencesTagsAndSpaces) {
  const std::string file =
      "# newdoc id = d1\n# sent_id = d1-1\n# text = Ana met the Red Cross in Lyon.\n"
      "1\tAna\tB-PER\t-\tx\n2\tmet\tO\t-\t-\n3\tthe\tO\t-\t-\n4\tRed\tB-ORG\t-\tx\n5\tCross\tI-ORG\t-\tx\n"
      "6\tin\tO\t-\t-\n7\tLyon\tB-LOC\t-\tx\n8\t.\tO\t-\t-\n\n"
      "# sent_id = d1-2\n# text = Paris Hilton left\n1\tParis\tI-PER\t-\t-\n2\tHilton\tI-PER\t-\t-\n3\tleft\tO\t-\t-\n";
  auto r = io::parse_iob2(file, "fixture.iob2");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const auto& c = r.value();
  ASSERT_EQ(c.corpus.sentences.size(), 2u);
  EXPECT_EQ(c.corpus.sentences[0].doc_id, "d1");
  EXPECT_EQ(c.corpus.words.size(), 11u);
  EXPECT_FALSE(c.corpus.tokens[6].space_after);  // "Lyon" before "."
  EXPECT_TRUE(c.corpus.tokens[0].space_after);
  ASSERT_EQ(c.spans.size(), 4u);
  EXPECT_EQ(c.spans[1].type, "ORG");
  EXPECT_EQ(c.spans[1].first_word, 3u);
  EXPECT_EQ(c.spans[1].word_count, 2u);
  // An I- without its B- starts a span.
  EXPECT_EQ(c.spans[3].type, "PER");
  EXPECT_EQ(c.spans[3].sentence, 1u);
  EXPECT_EQ(c.spans[3].word_count, 2u);
}

TEST(Iob2ReaderTest, RejectsABadTagWithItsLine) {
  auto r = io::parse_iob2("# text = x\n1\tx\tB\n", "bad.iob2");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad.iob2:2"), std::string::npos);
}

// Our own sentence in GUM's format: nested mentions, a one-word mention, identities.
const char* kGum =
    "# newdoc id = GUM_news_fixture\n"
    "# sent_id = f-1\n"
    "# text = The British Prime Minister Theresa May visited the River Thames in London.\n"
    "1\tThe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(1-person-new-nnnnn-cf1-5,6-sgl-Theresa_May(2-place-new-nnnnn-cf2-1-sgl-United_Kingdom\n"
    "2\tBritish\tBritish\tADJ\tJJ\t_\t5\tamod\t_\tEntity=2)\n"
    "3\tPrime\tPrime\tPROPN\tNNP\t_\t4\tcompound\t_\t_\n"
    "4\tMinister\tMinister\tPROPN\tNNP\t_\t5\tcompound\t_\t_\n"
    "5\tTheresa\tTheresa\tPROPN\tNNP\t_\t7\tnsubj\t_\t_\n"
    "6\tMay\tMay\tPROPN\tNNP\t_\t5\tflat\t_\tEntity=1)\n"
    "7\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "8\tthe\tthe\tDET\tDT\t_\t10\tdet\t_\tEntity=(3-place-new-nnnnn-cf3-2,3-sgl-Thames\n"
    "9\tRiver\tRiver\tPROPN\tNNP\t_\t10\tcompound\t_\t_\n"
    "10\tThames\tThames\tPROPN\tNNP\t_\t7\tobj\t_\tEntity=3)\n"
    "11\tin\tin\tADP\tIN\t_\t12\tcase\t_\t_\n"
    "12\tLondon\tLondon\tPROPN\tNNP\t_\t7\tobl\t_\tEntity=(4-place-new-nnnnn-cf4-1-sgl-London)|SpaceAfter=No\n"
    "13\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n\n";

TEST(GumEntitiesTest, ReadsNestedBracketsAndIdentities) {
  auto c = io::parse_conllu(kGum, "fixture.conllu");
  ASSERT_TRUE(c.ok()) << c.status().message();
  auto m = io::gum_mentions(c.value());
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0].type, "person");  // longest first at the same word
  EXPECT_EQ(m[0].word_count, 6u);
  EXPECT_EQ(m[0].identity, "Theresa_May");
  EXPECT_EQ(m[0].group, 1);
  EXPECT_EQ(m[0].min_words, (std::vector<uint32_t>{4, 5}));
  EXPECT_EQ(m[1].type, "place");
  EXPECT_EQ(m[1].word_count, 2u);
  EXPECT_EQ(m[3].first_word, 11u);
  EXPECT_EQ(m[3].word_count, 1u);
  EXPECT_EQ(m[3].identity, "London");
}

TEST(NerGoldTest, GumMentionsBecomeFlatNames) {
  auto c = io::parse_conllu(kGum, "fixture.conllu");
  ASSERT_TRUE(c.ok());
  auto spans = entities::gum_ner_spans(c.value());
  auto has = [&](uint32_t first, uint32_t count, EntityType t) {
    for (const auto& s : spans)
      if (s.first_word == first && s.word_count == count && s.type == t) return true;
    return false;
  };
  EXPECT_TRUE(has(4, 2, EntityType::kPerson));  // "Theresa May", without determiner and titles
  EXPECT_TRUE(has(8, 2, EntityType::kLoc));     // "River Thames": a geographic feature
  EXPECT_TRUE(has(11, 1, EntityType::kGpe));    // "London"
  EXPECT_TRUE(has(1, 1, EntityType::kNorp));    // "British"
  EXPECT_EQ(spans.size(), 4u);
}

// Our own GUM-style sentence: a title with its own nmod ("Governor of Texas"), a name in
// apposition to a common noun, and a description of a person that is not a name.
const char* kGumTitles =
    "# newdoc id = GUM_news_titles\n"
    "# sent_id = t-1\n"
    "# text = Governor of Texas Ann Smith, Republican, thanked his aide Tom Brown.\n"
    "1\tGovernor\tGovernor\tPROPN\tNNP\t_\t4\tnmod:desc\t_\tEntity=(1-person-new-nnnnn-cf1-1-coref-Ann_Smith\n"
    "2\tof\tof\tADP\tIN\t_\t3\tcase\t_\t_\n"
    "3\tTexas\tTexas\tPROPN\tNNP\t_\t4\tnmod\t_\tEntity=(2-place-new-nnnnn-cf2-1-sgl-Texas)\n"
    "4\tAnn\tAnn\tPROPN\tNNP\t_\t9\tnsubj\t_\t_\n"
    "5\tSmith\tSmith\tPROPN\tNNP\t_\t4\tflat\t_\tEntity=1)|SpaceAfter=No\n"
    "6\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
    "7\tRepublican\tRepublican\tPROPN\tNNP\t_\t4\tappos\t_\tEntity=(1-person-giv-nnnnn-cf1-1-appos-Ann_Smith)|SpaceAfter=No\n"
    "8\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
    "9\tthanked\tthank\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "10\this\this\tPRON\tPRP$\t_\t11\tnmod:poss\t_\tEntity=(3-person-new-nnnnn-cf3-2-sgl\n"
    "11\taide\taide\tNOUN\tNN\t_\t9\tobj\t_\t_\n"
    "12\tTom\tTom\tPROPN\tNNP\t_\t11\tappos\t_\t_\n"
    "13\tBrown\tBrown\tPROPN\tNNP\t_\t12\tflat\t_\tEntity=3)|SpaceAfter=No\n"
    "14\t.\t.\tPUNCT\t.\t_\t9\tpunct\t_\t_\n\n";

TEST(NerGoldTest, PersonNamesLeaveTitlesAndDescriptionsOut) {
  auto c = io::parse_conllu(kGumTitles, "titles.conllu");
  ASSERT_TRUE(c.ok()) << c.status().message();
  std::vector<std::string> got;
  for (const auto& sp : entities::gum_ner_spans(c.value())) {
    std::string text;
    for (uint32_t w = sp.first_word; w < sp.first_word + sp.word_count; ++w)
      text += (text.empty() ? "" : " ") + c.value().words[w].form;
    got.push_back(std::string(entity_type_name(sp.type)) + " " + text);
  }
  EXPECT_EQ(got, (std::vector<std::string>{"GPE Texas", "PERSON Ann Smith", "PERSON Tom Brown"}));
}

TEST(NerLexiconTest, LongestCaseInsensitiveMatchWithPositions) {
  entities::NerLexicon lex;
  lex.add("New York", entities::NerLexicon::kPlace);
  lex.add("York", entities::NerLexicon::kPlace);
  lex.add("york", entities::NerLexicon::kPersonName);  // same key: both categories
  lex.add("Anna", entities::NerLexicon::kGivenName);
  lex.index();
  EXPECT_EQ(lex.size(), 3u);
  std::vector<uint64_t> h;
  std::string lower;
  for (const char* w : {"ANNA", "left", "new", "YORK", "for", "York"}) {
    tagger::detail::lower_into(w, lower);
    h.push_back(tagger::detail::hash_bytes(lower));
  }
  std::vector<uint8_t> out(h.size());
  lex.annotate(h.data(), h.size(), out.data());
  using L = entities::NerLexicon;
  EXPECT_EQ(out[0], (L::kGivenName << 2) | 3);
  EXPECT_EQ(out[1], 0);
  EXPECT_EQ(out[2], (L::kPlace << 2) | 1);  // "new YORK": the two-word entry wins
  EXPECT_EQ(out[3], (L::kPlace << 2) | 2);
  EXPECT_EQ(out[5], ((L::kPlace | L::kPersonName) << 2) | 3);
  entities::NerLexicon again;
  ASSERT_TRUE(again.deserialize(lex.serialize()));
  std::vector<uint8_t> out2(h.size());
  again.annotate(h.data(), h.size(), out2.data());
  EXPECT_EQ(out, out2);
  EXPECT_FALSE(again.deserialize("xx"));
  EXPECT_FALSE(lex.add_spec("CITY=/nonexistent").ok());
}

TEST(NerDocHintsTest, OtherSentencesOnly) {
  using namespace entities::detail;
  // Two sentences: "Winston spoke ." / "Winston left ." with Winston a person in the first only.
  std::vector<NerWord> w(6);
  const char* forms[] = {"Winston", "spoke", ".", "Winston", "left", "."};
  for (size_t i = 0; i < w.size(); ++i) w[i].form = forms[i];
  const uint32_t begin[] = {0, 3, 6};
  const uint8_t u_per = static_cast<uint8_t>(cls(EntityType::kPerson, kU));
  const uint8_t classes[] = {u_per, 0, 0, 0, 0, 0};
  DocHints hints;
  std::vector<uint64_t> lower;
  std::string scratch;
  EXPECT_TRUE(set_doc_hints(w.data(), begin, 2, classes, hints, lower, scratch));
  EXPECT_EQ(w[3].hint, u_per);  // the second "Winston": a person elsewhere
  EXPECT_EQ(w[0].hint, 0);      // the first: the other occurrence was O
  EXPECT_EQ(w[1].hint, 0);          // "spoke" occurs nowhere else
}

TEST(NerDecodeTest, ViterbiKeepsSpansWellFormed) {
  using namespace entities::detail;
  // Emissions that alone would say I-PERSON for both words (not a valid start).
  std::vector<int32_t> emit(2 * kClasses, 0), trans((kClasses + 1) * kClasses, 0), score;
  std::vector<uint8_t> back, out(2);
  const int i_per = cls(EntityType::kPerson, kI), b_per = cls(EntityType::kPerson, kB),
            l_per = cls(EntityType::kPerson, kL);
  emit[i_per] = emit[kClasses + i_per] = 100;
  emit[b_per] = 10;
  emit[kClasses + l_per] = 10;
  viterbi(emit.data(), 2, trans.data(), nullptr, score, back, out.data());
  EXPECT_EQ(out[0], b_per);
  EXPECT_EQ(out[1], l_per);
  EXPECT_FALSE(transition_ok(-1, i_per));
  EXPECT_FALSE(end_ok(b_per));
  EXPECT_TRUE(transition_ok(b_per, l_per));
  EXPECT_FALSE(transition_ok(b_per, cls(EntityType::kOrg, kL)));
}

Document analysed(const std::string& text) {
  static auto pipeline = Pipeline::load_default();
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().message();
  std::vector<Document> docs;
  Status st = io::read_bytes("test.txt", text, io::InputFormat::kText, [&](Document&& d) { docs.push_back(std::move(d)); },
                             [](const std::string&) {});
  EXPECT_TRUE(st.ok());
  pipeline.value().process(docs.at(0));
  return std::move(docs.at(0));
}

const entities::Ner& shipped() {
  static auto ner = entities::Ner::load_default();
  EXPECT_TRUE(ner.ok()) << ner.status().message();
  return ner.value();
}

// Two recognizers find the same mentions in `text`.
void expect_same_mentions(const entities::Ner& x, const entities::Ner& y, const std::string& text) {
  Document a = analysed(text);
  Document b = a;
  x.tag(a);
  y.tag(b);
  ASSERT_EQ(a.mentions.size(), b.mentions.size());
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    EXPECT_EQ(a.mentions[i].span, b.mentions[i].span);
    EXPECT_EQ(a.mentions[i].type, b.mentions[i].type);
  }
}

// "TYPE text" of every mention.
std::vector<std::string> found(const std::string& text) {
  Document doc = analysed(text);
  shipped().tag(doc);
  std::vector<std::string> out;
  for (const Mention& m : doc.mentions) {
    EXPECT_EQ(m.kind, MentionKind::kName);
    EXPECT_GE(m.head_word, m.first_word);
    EXPECT_LT(m.head_word, m.first_word + m.word_count);
    out.push_back(std::string(entity_type_name(m.type)) + " " + std::string(doc.str(m.span)));
  }
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(NerModelTest, FindsObviousNames) {
  auto a = found("The foreign minister, Wang Yi, met Dmytro Kuleba in Beijing on Monday to discuss the war.");
  EXPECT_TRUE(contains(a, "PERSON Wang Yi")) << testing::PrintToString(a);
  EXPECT_TRUE(contains(a, "PERSON Dmytro Kuleba")) << testing::PrintToString(a);
  EXPECT_TRUE(contains(a, "GPE Beijing")) << testing::PrintToString(a);
  EXPECT_TRUE(contains(a, "DATE Monday")) << testing::PrintToString(a);
  auto b = found("Angela Merkel told reporters in Berlin that the European Union would respond.");
  EXPECT_TRUE(contains(b, "PERSON Angela Merkel")) << testing::PrintToString(b);
  EXPECT_TRUE(contains(b, "GPE Berlin")) << testing::PrintToString(b);
  EXPECT_TRUE(contains(b, "ORG European Union") || contains(b, "ORG the European Union")) << testing::PrintToString(b);
}

TEST(NerModelTest, MentionsStayInTextOrderWithinSentences) {
  Document doc = analysed("Pedro Sanchez flew to Madrid. Later, Emmanuel Macron arrived in Paris.");
  shipped().tag(doc);
  ASSERT_GE(doc.mentions.size(), 2u);
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    const Sentence& s = doc.sentences[m.sentence];
    EXPECT_GE(m.first_word, s.first_word);
    EXPECT_LE(m.first_word + m.word_count, s.first_word + s.word_count);
    if (i) {
      EXPECT_LT(doc.mentions[i - 1].span.begin, m.span.begin);
    }
  }
}

// The shipped recognizer reads no data files: loaded where no data folder can be found, it
// recognises exactly what it recognises beside data/.
TEST(NerModelTest, TheShippedModelReadsNoDataFiles) {
  const entities::Ner& ner = shipped();
  auto path = locate(Shipped::kModels, "ner.bin");
  ASSERT_TRUE(path.ok());
  const char* before = std::getenv("SITREP_DATA");
  std::string saved = before ? before : "";
  setenv("SITREP_DATA", "/nonexistent/sitrep-data", 1);
  EXPECT_FALSE(locate(Shipped::kData, "actors").ok());
  auto alone = entities::Ner::load(path.value());
  if (before) {
    setenv("SITREP_DATA", saved.c_str(), 1);
  } else {
    unsetenv("SITREP_DATA");
  }
  ASSERT_TRUE(alone.ok()) << alone.status().message();
  expect_same_mentions(ner, alone.value(),
                       "Vladimir Putin met Xi Jinping in Beijing as Ukrainian and Russian officials met in Istanbul.");
}

// A model trained with gazetteer features carries that gazetteer in its file: one without
// the section is refused, one with it loads the same entries.
TEST(NerModelTest, AGazetteerModelCarriesItsGazetteer) {
  ModelFile m = shipped().to_model_file("test");
  for (auto& [name, bytes] : m.sections)
    if (name == "weights") bytes[4] = 1;  // after u32 classes: the uses-gazetteer flag
  auto without = entities::Ner::from_model_file(m, "old.bin");
  ASSERT_FALSE(without.ok());
  EXPECT_NE(without.status().message().find("missing section \"gazetteer\""), std::string::npos)
      << without.status().message();
  entities::Gazetteer gaz;
  gaz.add("Kyiv", entities::Gazetteer::kCity);
  gaz.add("United Nations", entities::Gazetteer::kIgo);
  m.add("gazetteer", gaz.serialize());
  auto with = entities::Ner::from_model_file(m, "new.bin");
  ASSERT_TRUE(with.ok()) << with.status().message();
  EXPECT_TRUE(with.value().uses_gazetteer());
  EXPECT_EQ(with.value().gazetteer().size(), 2u);
  ModelFile again = with.value().to_model_file("test");
  ASSERT_NE(again.section("gazetteer"), nullptr);
  EXPECT_EQ(*again.section("gazetteer"), gaz.serialize());
}

TEST(NerModelTest, RoundTripsThroughTheModelFile) {
  const entities::Ner& ner = shipped();
  auto bytes = encode_model_file(ner.to_model_file("test"));
  auto file = decode_model_file(bytes, "memory");
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file.value().kind, "ner");
  auto again = entities::Ner::from_model_file(file.value(), "memory");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again.value().feature_count(), ner.feature_count());
  EXPECT_EQ(again.value().lexicon().size(), ner.lexicon().size());
  EXPECT_EQ(again.value().uses_doc_hints(), ner.uses_doc_hints());
  EXPECT_EQ(again.value().clusters().size(), ner.clusters().size());
  expect_same_mentions(ner, again.value(), "Officials in Kyiv said Russian troops had left the region on Tuesday.");
}

TEST(NerModelTest, RejectsAnotherKindOfModel) {
  ModelFile m;
  m.kind = "tagger";
  m.kind_version = 1;
  auto r = entities::Ner::from_model_file(m, "x.bin");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("not a ner model"), std::string::npos);
}

}  // namespace
}  // namespace sitrep
