// Quotes of every shape and their speakers, on passages written for these tests;
// the brat reader and the scorer on a small fixture.
#include "quotes/quotes.h"

#include <gtest/gtest.h>

#include <string>

#include "eval/quotes_eval.h"
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
  Status st = io::read_bytes("test.txt", text, io::InputFormat::kText, [&](Document&& d) { doc = std::move(d); },
                             [](const std::string&) {});
  EXPECT_TRUE(st.ok()) << st.message();
  pipeline().process(doc);
  find_quotes(doc);
  return doc;
}

// The quote whose content contains `part`; nullptr when none.
const Quote* quote_with(const Document& doc, std::string_view part) {
  for (const Quote& q : doc.quotes)
    if (doc.str(q.span).find(part) != std::string_view::npos) return &q;
  return nullptr;
}

std::string speaker(const Document& doc, const Quote* q) { return q ? std::string(doc.str(q->speaker)) : "<no quote>"; }

TEST(CueLexiconTest, DefaultListHasTheCommonVerbs) {
  const CueLexicon* cues = CueLexicon::shared();
  ASSERT_NE(cues, nullptr);
  for (std::string_view v : {"say", "tell", "add", "stress", "write", "warn", "insist", "announce", "tweet"})
    EXPECT_NE(cues->find(v), nullptr) << v;
  EXPECT_EQ(cues->find("eat"), nullptr);
}

TEST(CueLexiconTest, ParseErrorsNameTheLine) {
  auto bad = CueLexicon::parse("say speech\n# comment\nshout loudly\n", "cues.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("cues.txt:3"), std::string::npos) << bad.status().message();
  EXPECT_FALSE(CueLexicon::parse("say speech\nsay belief\n", "x").ok());
  auto good = CueLexicon::parse("say speech\n\nthink belief\n", "x");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good.value().size(), 2u);
}

TEST(QuotesTest, StraightQuoteWithSpeakerAfter) {
  Document doc = analyse("\"We will not give up,\" Kuleba said on Monday.\n");
  const Quote* q = quote_with(doc, "We will not give up");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(doc.str(q->span), "We will not give up");
  EXPECT_TRUE(q->direct);
  EXPECT_EQ(speaker(doc, q), "Kuleba");
  EXPECT_EQ(doc.str(q->cue), "said");
}

TEST(QuotesTest, CurlyQuoteWithInvertedSpeaker) {
  Document doc = analyse("\u201CThe talks were useful and frank,\u201D said Wang Yi.\n");
  const Quote* q = quote_with(doc, "talks were useful");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(doc.str(q->span), "The talks were useful and frank");
  EXPECT_EQ(speaker(doc, q), "Wang Yi");
}

TEST(QuotesTest, SpeakerBeforeWithColon) {
  Document doc = analyse("The minister told reporters: \u201CWe are ready to negotiate.\u201D\n");
  const Quote* q = quote_with(doc, "ready to negotiate");
  ASSERT_NE(q, nullptr);
  EXPECT_TRUE(q->direct);
  EXPECT_EQ(speaker(doc, q), "The minister");
}

TEST(QuotesTest, PartialQuoteInsideASentence) {
  Document doc = analyse("Wang called the attack on the hospital \u201Ca tragedy for everyone\u201D.\n");
  const Quote* q = nullptr;  // the direct quote (the call as a whole is reported speech too)
  for (const Quote& x : doc.quotes)
    if (x.direct) q = &x;
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(doc.str(q->span), "a tragedy for everyone");
  EXPECT_EQ(speaker(doc, q), "Wang");
}

TEST(QuotesTest, QuoteOverSeveralSentencesIsOneQuote) {
  Document doc = analyse("\u201CWe tried everything. We failed. Now we start again,\u201D the mayor said.\n");
  const Quote* q = quote_with(doc, "We tried everything");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(doc.str(q->span), "We tried everything. We failed. Now we start again");
  EXPECT_EQ(speaker(doc, q), "the mayor");
}

TEST(QuotesTest, QuoteOverParagraphsContinuesAtAnOpeningMark) {
  // News convention: no closing mark at the end of the first paragraph.
  Document doc = analyse(
      "\u201CThe first problem is the water supply in the north.\n\n"
      "\u201CThe second problem is the roads,\u201D the governor said.\n");
  const Quote* q = quote_with(doc, "first problem");
  ASSERT_NE(q, nullptr);
  EXPECT_NE(doc.str(q->span).find("the roads"), std::string_view::npos) << doc.str(q->span);
  EXPECT_EQ(speaker(doc, q), "the governor");
  EXPECT_EQ(doc.quotes.size(), 1u);
}

TEST(QuotesTest, QuoteAloneInAParagraphContinuesTheSpeaker) {
  Document doc = analyse(
      "\u201CWe will rebuild the bridge,\u201D Mayor Anna Smith said on Tuesday.\n\n"
      "\u201CIt will take two years and a lot of money.\u201D\n");
  const Quote* q = quote_with(doc, "two years");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(speaker(doc, q), "Mayor Anna Smith");
}

TEST(QuotesTest, QuoteInsideAQuote) {
  Document doc = analyse(
      "\u201CThe general told me, \u2018We will hold the city,\u2019 and I believed him,\u201D Jones said.\n");
  const Quote* outer = quote_with(doc, "and I believed him");
  ASSERT_NE(outer, nullptr);
  EXPECT_EQ(speaker(doc, outer), "Jones");
  // The single marks do not end the outer quote; the inner one is found too.
  EXPECT_NE(doc.str(outer->span).find("The general told me"), std::string_view::npos);
  const Quote* inner = nullptr;
  for (const Quote& q : doc.quotes)
    if (doc.str(q.span) == "We will hold the city") inner = &q;
  ASSERT_NE(inner, nullptr);
  EXPECT_EQ(speaker(doc, inner), "The general");
}

TEST(QuotesTest, IndirectSpeechWithThat) {
  Document doc = analyse("Wang said that China would continue to support the peace talks.\n");
  const Quote* q = quote_with(doc, "China would continue");
  ASSERT_NE(q, nullptr);
  EXPECT_FALSE(q->direct);
  EXPECT_EQ(doc.str(q->span), "that China would continue to support the peace talks");
  EXPECT_EQ(speaker(doc, q), "Wang");
  EXPECT_EQ(doc.str(q->cue), "said");
}

TEST(QuotesTest, IndirectSpeechWithToldAndNoThat) {
  Document doc = analyse("The foreign minister told reporters the war would end within months.\n");
  const Quote* q = quote_with(doc, "the war would end");
  ASSERT_NE(q, nullptr);
  EXPECT_FALSE(q->direct);
  EXPECT_EQ(speaker(doc, q), "The foreign minister");
  EXPECT_EQ(doc.str(q->cue), "told");
}

TEST(QuotesTest, AccordingTo) {
  Document doc = analyse("Three bridges were destroyed overnight, according to the regional governor.\n");
  const Quote* q = quote_with(doc, "bridges were destroyed");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(doc.str(q->span), "Three bridges were destroyed overnight");
  EXPECT_EQ(speaker(doc, q), "the regional governor");
  EXPECT_EQ(doc.str(q->cue), "according to");
}

TEST(QuotesTest, SpeakerAfterIndirectClause) {
  Document doc = analyse("The border will stay closed until Friday, the interior ministry said.\n");
  const Quote* q = quote_with(doc, "border will stay closed");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(speaker(doc, q), "the interior ministry");
}

TEST(QuotesTest, InAStatement) {
  Document doc = analyse("In a statement, the ministry said the border would remain closed.\n");
  const Quote* q = quote_with(doc, "border would remain closed");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(speaker(doc, q), "the ministry");
}

TEST(QuotesTest, StatementOfSomeoneSpeaksForThem) {
  Document doc = analyse("The ministry's statement said the border would remain closed.\n");
  const Quote* q = quote_with(doc, "border would remain closed");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(speaker(doc, q), "The ministry");
}

TEST(QuotesTest, ScareQuotesWithoutSpeakerAreNotQuotes) {
  Document doc = analyse("The so-called \u201Cpeace plan\u201D collapsed within a week.\n");
  EXPECT_EQ(quote_with(doc, "peace plan"), nullptr);
}

TEST(QuotesTest, PronounSpeakerResolvesThroughTheChain) {
  Document doc = analyse("Wang Yi arrived in Moscow. \u201CWe want peace,\u201D he said.\n");
  // Coreference as the entities stage would give it: "Wang Yi" and "he", one chain.
  auto mention = [&](std::string_view text, uint32_t len) {
    Mention m;
    m.span.begin = static_cast<uint32_t>(doc.text.find(text));
    m.span.end = m.span.begin + len;
    m.chain = 0;
    return m;
  };
  doc.mentions = {mention("Wang Yi", 7), mention("he said", 2)};
  doc.chains = {Chain{"Wang Yi", EntityType::kPerson, "CHNGOV", ""}};
  find_quotes(doc);
  const Quote* q = quote_with(doc, "We want peace");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(speaker(doc, q), "he");
  EXPECT_EQ(q->speaker_chain, 0);
}

// Coreference mistakes stay out of the quote: one speaker is no group, a name
// is no other name, "he" is no place.
TEST(QuotesTest, ChainThatCannotBeTheSpeakerIsNotTaken) {
  Document doc = analyse("Wang Yi met Dmytro Kuleba. \u201CWe want peace,\u201D he said. "
                         "\u201CTalks will go on,\u201D Kuleba said.\n");
  auto mention = [&](std::string_view text, uint32_t len, int32_t chain) {
    Mention m;
    m.span.begin = static_cast<uint32_t>(doc.text.find(text));
    m.span.end = m.span.begin + len;
    m.chain = chain;
    return m;
  };
  doc.mentions = {mention("Wang Yi", 7, 0), mention("Dmytro Kuleba", 13, 1), mention("he said", 2, 0),
                  mention("Kuleba said", 6, 2)};
  doc.chains = {Chain{"Wang Yi and Dmytro Kuleba", EntityType::kPerson, "", ""},
                Chain{"Dmytro Kuleba", EntityType::kPerson, "", ""}, Chain{"Kyiv", EntityType::kGpe, "", ""}};
  find_quotes(doc);
  const Quote* q = quote_with(doc, "We want peace");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker_chain, -1);  // a group
  const Quote* r = quote_with(doc, "Talks will go on");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(speaker(doc, r), "Kuleba");
  EXPECT_EQ(r->speaker_chain, -1);  // "Kuleba" is not "Kyiv"
  doc.chains[0] = Chain{"Ukraine", EntityType::kGpe, "", ""};
  find_quotes(doc);
  EXPECT_EQ(quote_with(doc, "We want peace")->speaker_chain, -1);  // "he" is no country
  doc.chains[0] = Chain{"Wang Yi", EntityType::kPerson, "", ""};
  doc.mentions[3].chain = 1;
  find_quotes(doc);
  EXPECT_EQ(quote_with(doc, "We want peace")->speaker_chain, 0);
  EXPECT_EQ(quote_with(doc, "Talks will go on")->speaker_chain, 1);
}

TEST(QuotesTest, ParticipleCueTakesTheSubjectOfItsClause) {
  Document doc = analyse("She refused to name the buyers, aside from saying they were European.\n\n"
                         "After saying the bridge was unsafe, the engineer was dismissed.\n");
  EXPECT_EQ(speaker(doc, quote_with(doc, "they were European")), "She");
  EXPECT_EQ(speaker(doc, quote_with(doc, "the bridge was unsafe")), "the engineer");
}

TEST(QuotesTest, PassiveCueDoesNotMakeTheAddresseeTheSpeaker) {
  Document doc = analyse("The pilots were told that the airport was closed.\n");
  const Quote* q = quote_with(doc, "the airport was closed");
  if (q) EXPECT_NE(speaker(doc, q), "The pilots");
}

TEST(QuotesTest, CoordinatedCueOpensItsOwnAttribution) {
  Document doc = analyse("The mayor said the bridge would reopen in May and added that tolls would rise.\n");
  const Quote* q = quote_with(doc, "the bridge would reopen");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(doc.str(q->span), "the bridge would reopen in May");
  const Quote* r = quote_with(doc, "tolls would rise");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(doc.str(r->cue), "added");
}

TEST(QuotesTest, ParticipleCueContinuesTheSpeaker) {
  Document doc = analyse("The governor said the dam was safe, adding that repairs would start in June.\n");
  const Quote* q = quote_with(doc, "the dam was safe");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(doc.str(q->span), "the dam was safe");
  const Quote* r = quote_with(doc, "repairs would start");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(speaker(doc, r), "The governor");
  EXPECT_EQ(doc.str(r->cue), "adding");
}

TEST(QuotesTest, ClauseAfterThoughIsNotAnAttributionOfAllBefore) {
  Document doc = analyse("The minister said the plan would cut costs, though she conceded it was risky.\n");
  const Quote* q = quote_with(doc, "the plan would cut costs");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(speaker(doc, q), "The minister");
  for (const Quote& x : doc.quotes)  // nothing of the first clause is attributed to "she"
    if (doc.str(x.speaker) == "she") EXPECT_EQ(doc.str(x.span).find("plan"), std::string_view::npos);
}

TEST(QuotesTest, AsideBetweenCommas) {
  Document doc = analyse("The factory was the town's largest employer, Ms. Okafor said, until it closed in 2009.\n");
  const Quote* q = quote_with(doc, "The factory was");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(doc.str(q->span), "The factory was the town's largest employer");
  EXPECT_EQ(speaker(doc, q), "Ms. Okafor");
}

TEST(QuotesTest, NounCueIssuedByANameBeforeIt) {
  Document doc = analyse("Analysts pointed to a Reuters report that the company had lost two major clients.\n");
  const Quote* q = quote_with(doc, "the company had lost");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(speaker(doc, q), "Reuters");
}

TEST(QuotesTest, OneQuotedWordInsideASentenceIsNoQuote) {
  Document doc = analyse("The senator called the proposal \u201Creckless\u201D during the debate.\n");
  for (const Quote& q : doc.quotes) EXPECT_FALSE(q.direct) << doc.str(q.span);
}

// ---- brat reader and scorer --------------------------------------------------------

// Characters before the spans are multi-byte, so code points and bytes differ.
const std::string kBratText = "\u201CNo,\u201D said \u00C9lise. Rain fell, according to Met.";
// Code points: “=0 N=1 o=2 ,=3 ”=4 ' '=5 s=6..9 ' '=10 É=11..15 .=16 ' '=17 Rain=18.. fell=23.. ,=27
const std::string kBratAnn =
    "T1\tContent 0 5\t\u201CNo,\u201D\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tSource 11 16\t\u00C9lise\n"
    "E1\tAttribution:T2 Cue:T2 Source:T3 Content:T1\n"
    "T4\tContent 18 22;23 27\tRain fell\n"
    "T5\tCue 29 41\taccording to\n"
    "E2\tAttribution-no-source:T5 Cue:T5 Content:T4\n"
    "#1\tAnnotatorNotes T1\tignored\n";

TEST(BratTest, ReadsSpansAsBytesWithPieces) {
  auto gold = eval::read_brat_attributions(kBratAnn, kBratText, "x.ann");
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  ASSERT_EQ(gold.value().size(), 2u);
  const auto& a = gold.value()[0];
  auto str = [&](Span s) { return kBratText.substr(s.begin, s.size()); };
  ASSERT_EQ(a.content.size(), 1u);
  EXPECT_EQ(str(a.content[0]), "\u201CNo,\u201D");
  ASSERT_EQ(a.source.size(), 1u);
  EXPECT_EQ(str(a.source[0]), "\u00C9lise");
  const auto& b = gold.value()[1];
  ASSERT_EQ(b.content.size(), 2u);
  EXPECT_EQ(str(b.content[0]), "Rain");
  EXPECT_EQ(str(b.content[1]), "fell");
  EXPECT_TRUE(b.source.empty());
}

TEST(BratTest, BadLinesNameFileAndLine) {
  auto bad = eval::read_brat_attributions("T1\tContent 5 2\tx\n", kBratText, "x.ann");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("x.ann:1"), std::string::npos);
  EXPECT_FALSE(eval::read_brat_attributions("T1\tContent 0 999\tx\n", kBratText, "x.ann").ok());
  EXPECT_FALSE(eval::read_brat_attributions("E1\tAttribution:T1 Content:T9\n", kBratText, "x.ann").ok());
}

TEST(BratTest, ScoresOverlapAndSource) {
  auto gold = eval::read_brat_attributions(kBratAnn, kBratText, "x.ann").value();
  Document doc;
  doc.text = kBratText;
  auto find = [&](std::string_view s) {
    size_t b = doc.text.find(s);
    return Span{static_cast<uint32_t>(b), static_cast<uint32_t>(b + s.size())};
  };
  Quote no;  // "No," without its marks: 3 of the 9 gold bytes, under half
  no.span = find("No,");
  no.speaker = find("\u00C9lise");
  Quote rain;  // covers "Rain fell" (a piece of 4 bytes + one of 4): matches the piece "Rain"
  rain.span = find("Rain");
  rain.speaker = find("Met");  // the gold has no source: wrong
  Quote extra;
  extra.span = find("said");
  doc.quotes = {no, rain, extra};
  eval::QuoteScores s;
  eval::score_quotes(doc, gold, s);
  EXPECT_EQ(s.gold, 2u);
  EXPECT_EQ(s.predicted, 3u);
  EXPECT_EQ(s.gold_matched, 1u);       // "No," is 3 bytes of the 9-byte gold: under half
  EXPECT_EQ(s.predicted_matched, 1u);
  EXPECT_EQ(s.source_right, 0u);
  doc.quotes[0].span = find("No,\u201D");  // 6 of 9 bytes: a match, with the right source
  doc.quotes[1].speaker = {};
  eval::QuoteScores t;
  eval::score_quotes(doc, gold, t);
  EXPECT_EQ(t.gold_matched, 2u);
  EXPECT_EQ(t.source_right, 2u);
  EXPECT_NEAR(t.precision(), 200.0 / 3, 1e-9);
  EXPECT_NEAR(t.recall(), 100.0, 1e-9);
}

TEST(BratTest, OverlapOverTheGoldIsLenientWithLongPredictions) {
  auto gold = eval::read_brat_attributions(kBratAnn, kBratText, "x.ann").value();
  Document doc;
  doc.text = kBratText;
  size_t b = doc.text.find("Rain fell, according");
  Quote q;  // 20 bytes covering the 4-byte piece "Rain"
  q.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(b + std::string("Rain fell, according").size())};
  doc.quotes = {q};
  eval::QuoteScores longer, over_gold;
  eval::score_quotes(doc, gold, longer);
  eval::score_quotes(doc, gold, over_gold, nullptr, eval::OverlapBase::kGold);
  EXPECT_EQ(longer.gold_matched, 0u);
  EXPECT_EQ(over_gold.gold_matched, 1u);
}

TEST(QuotesTest, NameBeforeAnAsideSpeaksWhenTheParseLeavesTheCueWithoutSubject) {
  Document doc = analyse(
      "At a council session on Friday, Maria Lopez, Chile's deputy envoy to the OAS, said Chile \"rejects the "
      "proposal in every form.\"\n");
  const Quote* q = quote_with(doc, "rejects the proposal");
  ASSERT_NE(q, nullptr);
  EXPECT_NE(speaker(doc, q).find("Maria Lopez"), std::string::npos) << speaker(doc, q);
}

}  // namespace
}  // namespace sitrep
