#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include "tokenizer_test_util.h"

namespace sitrep {
namespace {

using ::sitrep::testing::expect_invariants;
using ::sitrep::testing::sentence_texts;
using ::sitrep::testing::tokenize;
using Strings = std::vector<std::string>;

TEST(SentenceTest, SplitsAtFinalPunctuation) {
  Document doc = tokenize("The river rose overnight. Schools closed on Monday! Will the bridge hold?");
  EXPECT_EQ(sentence_texts(doc), (Strings{"The river rose overnight.", "Schools closed on Monday!",
                                          "Will the bridge hold?"}));
  expect_invariants(doc);
}

TEST(SentenceTest, HeadlineBlockIsOneSentence) {
  Document doc = testing::make_doc({{BlockKind::kTitle, "Flood Waters Rise In Three Provinces As Rain Continues"},
                                    {BlockKind::kNews, "Rain fell for a week. Rivers burst their banks."}});
  testing::default_tokenizer().process(doc);
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_EQ(doc.sentences[0].block, 0u);
  EXPECT_EQ(doc.sentences[0].token_count, 9u);
  EXPECT_EQ(doc.sentences[1].block, 1u);
  EXPECT_EQ(doc.sentences[2].block, 1u);
  expect_invariants(doc);
}

TEST(SentenceTest, HeadlineWithInnerPeriodsStaysOneSentence) {
  Document doc = tokenize("Talks Fail. Strike Goes On", BlockKind::kTitle);
  EXPECT_EQ(doc.sentences.size(), 1u);
}

TEST(SentenceTest, SentencesNeverCrossBlocks) {
  // No final punctuation at the end of the first paragraph.
  Document doc = testing::make_doc({{BlockKind::kNews, "The mayor spoke on Tuesday"},
                                    {BlockKind::kNews, "and the council voted later."}});
  testing::default_tokenizer().process(doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[0].block, 0u);
  EXPECT_EQ(doc.sentences[1].block, 1u);
  expect_invariants(doc);
}

TEST(SentenceTest, QuotationSpanningSentences) {
  Document doc = tokenize(
      "The minister said: \u201cWe will rebuild the school. The children will not wait.\u201d Then she left the "
      "village.");
  Strings s = sentence_texts(doc);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "The minister said: \u201cWe will rebuild the school.");
  EXPECT_EQ(s[1], "The children will not wait.\u201d");  // the closing quote stays with its sentence
  EXPECT_EQ(s[2], "Then she left the village.");
  expect_invariants(doc);
}

// A wire dateline ends a sentence of its own, flagged; a sentence that only opens with
// a name and a dash is no dateline.
TEST(SentenceTest, DatelineIsASentenceOfItsOwn) {
  for (const char* text : {"KABUL (Reuters) - Government troops returned fire.",
                           "Jerusalem, Nov. 1 (Xinhua) -- A spokesman confirmed the raid.",
                           "NEW DELHI, Dec. 5 \u2014 Police arrested 40 protesters."}) {
    Document doc = tokenize(text);
    ASSERT_EQ(doc.sentences.size(), 2u) << text;
    EXPECT_TRUE(doc.sentences[0].dateline) << text;
    EXPECT_FALSE(doc.sentences[1].dateline) << text;
    expect_invariants(doc);
  }
  for (const char* text : {"Hamas - the group that rules Gaza - denied it.", "Paris - a city of light - slept.",
                           "The Ukrainian side (Kuleba) - said nothing.",
                           "UN Secretary-General Ana Ruiz called for a ceasefire."}) {
    Document doc = tokenize(text);
    ASSERT_EQ(doc.sentences.size(), 1u) << text;
    EXPECT_FALSE(doc.sentences[0].dateline) << text;
  }
}

TEST(SentenceTest, StraightQuotesSpanningSentences) {
  Document doc = tokenize("\"Prices doubled. Nobody can pay,\" a trader said. Markets shut early.");
  Strings s = sentence_texts(doc);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "\"Prices doubled.");
  EXPECT_EQ(s[1], "Nobody can pay,\" a trader said.");
  EXPECT_EQ(s[2], "Markets shut early.");
}

TEST(SentenceTest, TitlesDatesAndCountryAbbreviationsDoNotSplit) {
  Document doc = tokenize("Talks with Mr. Wang resumed on Jan. 5 in Geneva. The U.S. President welcomed them. "
                          "Gen. Otieno and Dr. Haas met St. Clair officials.");
  Strings s = sentence_texts(doc);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "Talks with Mr. Wang resumed on Jan. 5 in Geneva.");
  EXPECT_EQ(s[1], "The U.S. President welcomed them.");
  EXPECT_EQ(s[2], "Gen. Otieno and Dr. Haas met St. Clair officials.");
}

TEST(SentenceTest, StateAbbreviationAfterAHyphenKeepsItsPeriod) {
  Document doc = tokenize("Rep. Ann Kuster (D-N.H.) and Sen. Ed Markey (D-Mass.) voted against it.");
  EXPECT_EQ(doc.sentences.size(), 1u);
  EXPECT_GE(testing::find_token(doc, "Mass."), 0);
  EXPECT_GE(testing::find_token(doc, "N.H."), 0);
}

TEST(SentenceTest, InitialsDoNotEndSentences) {
  Document doc = tokenize("The report by J. K. Adeyemi was published today.");
  EXPECT_EQ(doc.sentences.size(), 1u);
}

// Lower-cased text (scraped pages): an initial before a lower-case word is still an initial.
TEST(SentenceTest, InitialsInLowerCasedTextDoNotEndSentences) {
  Document doc = tokenize("president george w. bush urged congress to act. the senate agreed.");
  EXPECT_EQ(sentence_texts(doc), (Strings{"president george w. bush urged congress to act.", "the senate agreed."}));
  expect_invariants(doc);
}

TEST(SentenceTest, LongSentenceWithoutPunctuationIsOneSentence) {
  std::string text;
  for (int i = 0; i < 150; ++i) {
    if (i) text += ' ';
    text += i % 2 ? "trucks" : "carried";
  }
  Document doc = tokenize(text);
  ASSERT_EQ(doc.tokens.size(), 150u);
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.sentences[0].token_count, 150u);
  expect_invariants(doc);
}

TEST(SentenceTest, LineBreakInsideABlockEndsASentence) {
  Document doc = tokenize("Casualties\n\nThe toll rose to nine.");
  ASSERT_GE(doc.sentences.size(), 2u);
  EXPECT_EQ(sentence_texts(doc)[0], "Casualties");
}

TEST(SentenceTest, AbbreviationList) {
  bool title = false;
  EXPECT_TRUE(text::is_abbreviation("Mr", &title));
  EXPECT_TRUE(title);
  EXPECT_TRUE(text::is_abbreviation("Inc", &title));
  EXPECT_FALSE(title);
  EXPECT_FALSE(text::is_abbreviation("cat", &title));
  EXPECT_FALSE(text::is_abbreviation("", &title));
}

TEST(SentenceTest, ModelFileRoundTrip) {
  text::SentenceModel m;
  m.weights.assign(1u << text::kSentenceHashBits, 0);
  m.weights[5] = -7;
  m.weights[17] = 1234;
  m.threshold = -3;
  ModelFile f = m.to_model_file("test note");
  auto back = text::SentenceModel::from_model_file(decode_model_file(encode_model_file(f, 3), "mem").value(), "mem");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back.value()->weights, m.weights);
  EXPECT_EQ(back.value()->threshold, -3);
  ModelFile wrong = f;
  wrong.kind = "tagger";
  EXPECT_FALSE(text::SentenceModel::from_model_file(wrong, "mem").ok());
}

// A line with no sentence end (a flattened list, a page without punctuation)
// is cut into sentences of at most kMaxSentenceTokens, at a comma in the
// second half of each when there is one, and the document says so.
TEST(SentenceTest, OverLongRunIsCutPreferablyAtACommaWithAWarning) {
  std::string text;
  for (int i = 0; i < 120; ++i) text += "word" + std::to_string(i) + " and more words, ";
  Document doc = tokenize(text);  // 120 x 5 = 600 tokens, no final punctuation
  ASSERT_GE(doc.sentences.size(), 3u);
  uint32_t covered = 0;
  for (const Sentence& s : doc.sentences) {
    EXPECT_LE(s.token_count, text::kMaxSentenceTokens);
    covered += s.token_count;
    if (&s != &doc.sentences.back()) EXPECT_EQ(doc.token_text(s.first_token + s.token_count - 1), ",");
  }
  EXPECT_EQ(covered, doc.tokens.size());
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_NE(doc.warnings[0].find("cut at 200 tokens"), std::string::npos) << doc.warnings[0];
  expect_invariants(doc);
}

// The cut may fall on an abbreviation whose period becomes a token of its own; the
// sentence still keeps to the cap (a fuzzer found 201 tokens).
TEST(SentenceTest, ACutOnAnAbbreviationStaysWithinTheCap) {
  for (int before = 195; before <= 201; ++before) {
    std::string text;
    for (int i = 0; i < before; ++i) text += "word ";
    text += "etc. ";
    for (int i = 0; i < 150; ++i) text += "word ";
    Document doc = tokenize(text);
    for (const Sentence& s : doc.sentences) EXPECT_LE(s.token_count, text::kMaxSentenceTokens) << before;
    expect_invariants(doc);
  }
}

TEST(SentenceTest, OverLongHeadlineIsCutAtTheCapWithoutPunctuation) {
  std::string text;
  for (int i = 0; i < 450; ++i) text += "Word ";
  Document doc = tokenize(text, BlockKind::kTitle);
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_EQ(doc.sentences[0].token_count, text::kMaxSentenceTokens);
  EXPECT_EQ(doc.sentences[2].token_count, 50u);
  expect_invariants(doc);
}

TEST(SentenceTest, SentencesUnderTheCapAreNotCutAndCarryNoWarning) {
  Document doc = tokenize("The river rose overnight, and schools closed on Monday.");
  EXPECT_EQ(doc.sentences.size(), 1u);
  EXPECT_TRUE(doc.warnings.empty());
}

}  // namespace
}  // namespace sitrep
