#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include "tokenizer_test_util.h"

namespace sitrep {
namespace {

using ::sitrep::testing::expect_invariants;
using ::sitrep::testing::find_token;
using ::sitrep::testing::token_texts;
using ::sitrep::testing::tokenize;
using ::sitrep::testing::words_of;
using Strings = std::vector<std::string>;

TEST(TokenizerTest, SplitsPunctuationFromWords) {
  Document doc = tokenize("Ferries stopped, and the port closed (briefly).");
  EXPECT_EQ(token_texts(doc), (Strings{"Ferries", "stopped", ",", "and", "the", "port", "closed", "(", "briefly", ")", "."}));
  expect_invariants(doc);
  EXPECT_FALSE(doc.tokens[1].space_after);  // "stopped" is followed by ","
  EXPECT_TRUE(doc.tokens[2].space_after);
}

TEST(TokenizerTest, NegativeContractionsAreMultiWordTokens) {
  Document doc = tokenize("Pilots don't fly, can't land and won't wait.");
  int dont = find_token(doc, "don't");
  ASSERT_GE(dont, 0);
  EXPECT_EQ(words_of(doc, dont), (Strings{"do", "n't"}));
  // Word spans lie inside the token: "do" is bytes 7..9, "n't" 9..12.
  const Token& t = doc.tokens[dont];
  EXPECT_EQ(t.span.begin, 7u);
  EXPECT_EQ(doc.words[t.first_word].span, (Span{7, 9}));
  EXPECT_EQ(doc.words[t.first_word + 1].span, (Span{9, 12}));
  EXPECT_EQ(words_of(doc, find_token(doc, "can't")), (Strings{"ca", "n't"}));
  EXPECT_EQ(words_of(doc, find_token(doc, "won't")), (Strings{"wo", "n't"}));
  expect_invariants(doc);
}

TEST(TokenizerTest, CliticsAndPossessivesAreMultiWordTokens) {
  Document doc = tokenize("I'm sure Ana's boat cannot sail; they're gonna swim and we've seen the pilots' hut.");
  EXPECT_EQ(words_of(doc, find_token(doc, "I'm")), (Strings{"I", "'m"}));
  EXPECT_EQ(words_of(doc, find_token(doc, "Ana's")), (Strings{"Ana", "'s"}));
  EXPECT_EQ(words_of(doc, find_token(doc, "cannot")), (Strings{"can", "not"}));
  EXPECT_EQ(words_of(doc, find_token(doc, "they're")), (Strings{"they", "'re"}));
  EXPECT_EQ(words_of(doc, find_token(doc, "gonna")), (Strings{"gon", "na"}));
  EXPECT_EQ(words_of(doc, find_token(doc, "we've")), (Strings{"we", "'ve"}));
  EXPECT_EQ(words_of(doc, find_token(doc, "pilots'")), (Strings{"pilots", "'"}));
  expect_invariants(doc);
}

TEST(TokenizerTest, TypographicApostrophesAndApostropheFreeContractions) {
  Document doc = tokenize("She didn\u2019t know the mayor\u2019s plan and i dont care");
  EXPECT_EQ(words_of(doc, find_token(doc, "didn\u2019t")), (Strings{"did", "n\u2019t"}));
  EXPECT_EQ(words_of(doc, find_token(doc, "mayor\u2019s")), (Strings{"mayor", "\u2019s"}));
  EXPECT_EQ(words_of(doc, find_token(doc, "dont")), (Strings{"do", "nt"}));
  expect_invariants(doc);
}

TEST(TokenizerTest, ItsBeforeNotOrAIsItPlusS) {
  Document doc = tokenize("its not fair, the club lost its coach and its a shame");
  int first = find_token(doc, "its");
  ASSERT_GE(first, 0);
  EXPECT_EQ(words_of(doc, first), (Strings{"it", "s"}));
  // "its coach" is the possessive: one word.
  int coach = find_token(doc, "coach");
  ASSERT_GE(coach, 1);
  EXPECT_EQ(words_of(doc, coach - 1), (Strings{"its"}));
  int shame = find_token(doc, "shame");
  ASSERT_GE(shame, 2);
  EXPECT_EQ(words_of(doc, shame - 2), (Strings{"it", "s"}));
  expect_invariants(doc);
}

TEST(TokenizerTest, DecadesAndNamesWithApostrophesStayOneWord) {
  Document doc = tokenize("In the 1990's O'Brien sailed.");
  int decade = find_token(doc, "1990's");
  ASSERT_GE(decade, 0);
  EXPECT_EQ(doc.tokens[decade].word_count, 1);
  int name = find_token(doc, "O'Brien");
  ASSERT_GE(name, 0);
  EXPECT_EQ(doc.tokens[name].word_count, 1);
}

TEST(TokenizerTest, HyphenatedCompoundsSplitButPrefixesStay) {
  Document doc = tokenize("A state-run search-engine firm hired a co-founder, sent an e-mail and a non-binding "
                          "anti-fraud re-elect plan to an ex-minister and a vice-chair.");
  Strings toks = token_texts(doc);
  for (const char* kept : {"co-founder", "e-mail", "non-binding", "anti-fraud", "re-elect", "ex-minister", "vice-chair"})
    EXPECT_GE(find_token(doc, kept), 0) << kept;
  EXPECT_EQ(find_token(doc, "state-run"), -1);
  int state = find_token(doc, "state");
  ASSERT_GE(state, 0);
  EXPECT_EQ(toks[state + 1], "-");
  EXPECT_EQ(toks[state + 2], "run");
  EXPECT_EQ(toks[state + 3], "search");
  EXPECT_EQ(toks[state + 4], "-");
  EXPECT_EQ(toks[state + 5], "engine");
  expect_invariants(doc);
}

TEST(TokenizerTest, PhoneNumbersAndIsoDatesStayRangesSplit) {
  Document doc = tokenize("Call 555-201-7788 before 2022-03-02 for 5-10 seats.");
  EXPECT_GE(find_token(doc, "555-201-7788"), 0);
  EXPECT_GE(find_token(doc, "2022-03-02"), 0);
  int five = find_token(doc, "5");
  ASSERT_GE(five, 0);
  EXPECT_EQ(doc.token_text(five + 1), "-");
  EXPECT_EQ(doc.token_text(five + 2), "10");
}

TEST(TokenizerTest, UrlsAndEmailsAreOneTokenWithoutTrailingPunctuation) {
  Document doc = tokenize("See https://news.example.org/a/b-c?id=7. Or mail ana.lopez@example.com, or (www.example.net).");
  EXPECT_GE(find_token(doc, "https://news.example.org/a/b-c?id=7"), 0);
  EXPECT_GE(find_token(doc, "ana.lopez@example.com"), 0);
  EXPECT_GE(find_token(doc, "www.example.net"), 0);
  expect_invariants(doc);
}

TEST(TokenizerTest, NumbersTimesAndMoney) {
  Document doc = tokenize("About 1,250 people paid $3.75 at 10:30 on 12/25/2021 after 7pm.");
  EXPECT_EQ(token_texts(doc), (Strings{"About", "1,250", "people", "paid", "$", "3.75", "at", "10:30", "on",
                                       "12/25/2021", "after", "7", "pm", "."}));
}

TEST(TokenizerTest, AbbreviationsAndInitialsKeepTheirPeriod) {
  Document doc = tokenize("Mr. Okafor met Dr. Lind and J. R. Moss in the U.S. on Jan. 5 at 9 a.m. sharp.");
  for (const char* a : {"Mr.", "Dr.", "J.", "R.", "U.S.", "Jan.", "a.m."}) EXPECT_GE(find_token(doc, a), 0) << a;
  EXPECT_EQ(doc.token_text(static_cast<uint32_t>(doc.tokens.size() - 1)), ".");
  EXPECT_EQ(doc.token_text(static_cast<uint32_t>(doc.tokens.size() - 2)), "sharp");
}

TEST(TokenizerTest, AbbreviationEndingASentenceGivesUpItsPeriod) {
  // EWT: "etc." at the end of a sentence is "etc" + "." (the period ends the sentence).
  Document doc = tokenize("They sold maps, boots, tents etc. Nobody bought any.");
  EXPECT_GE(find_token(doc, "etc"), 0);
  EXPECT_EQ(find_token(doc, "etc."), -1);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.str(doc.sentences[0].span), "They sold maps, boots, tents etc.");
  expect_invariants(doc);
}

TEST(TokenizerTest, BracketedInsertionInsideAWordStays) {
  Document doc = tokenize("We are [g]rateful for the help [sic].");
  EXPECT_GE(find_token(doc, "[g]rateful"), 0);
  EXPECT_GE(find_token(doc, "sic"), 0);  // a bracketed word alone is split
  EXPECT_GE(find_token(doc, "["), 0);
}

TEST(TokenizerTest, TypographicQuotesDashesAndEllipsis) {
  Document doc = tokenize("\u201cNever,\u201d she said \u2014 then\u2026 \u2018maybe\u2019 \u2013 wait... what?!");
  EXPECT_EQ(token_texts(doc), (Strings{"\u201c", "Never", ",", "\u201d", "she", "said", "\u2014", "then", "\u2026",
                                       "\u2018", "maybe", "\u2019", "\u2013", "wait", "...", "what", "?!"}));
  expect_invariants(doc);
}

TEST(TokenizerTest, EmoticonsAreOneToken) {
  Document doc = tokenize("Great game :) but the ending :-( hurt");
  EXPECT_GE(find_token(doc, ":)"), 0);
  EXPECT_GE(find_token(doc, ":-("), 0);
}

TEST(TokenizerTest, OnlyNewsAndTitleBlocksAreTokenized) {
  Document doc = testing::make_doc({{BlockKind::kHeader, "Source: Wire"},
                                    {BlockKind::kTitle, "Storm Hits Coast"},
                                    {BlockKind::kBoilerplate, "Share this story"},
                                    {BlockKind::kNews, "Roofs flew."}});
  testing::default_tokenizer().process(doc);
  EXPECT_EQ(token_texts(doc), (Strings{"Storm", "Hits", "Coast", "Roofs", "flew", "."}));
  expect_invariants(doc);
}

TEST(TokenizerTest, EmptyAndWhitespaceOnlyBlocks) {
  Document doc = testing::make_doc({{BlockKind::kNews, ""}, {BlockKind::kNews, "  \t \n "}, {BlockKind::kTitle, " "}});
  testing::default_tokenizer().process(doc);
  EXPECT_TRUE(doc.tokens.empty());
  EXPECT_TRUE(doc.sentences.empty());
  // A block past the end of the text is ignored, not read.
  Document bad;
  bad.text = "abc";
  bad.blocks.push_back({{1, 50}, BlockKind::kNews});
  testing::default_tokenizer().process(bad);
  expect_invariants(bad);
}

TEST(TokenizerTest, NonBreakingAndOtherUnicodeSpacesSeparateTokens) {
  Document doc = tokenize("Fifty\u00a0tonnes\u2009of\u3000grain");
  EXPECT_EQ(token_texts(doc), (Strings{"Fifty", "tonnes", "of", "grain"}));
  expect_invariants(doc);
}

TEST(TokenizerTest, GarbageBytesAndHugeWordsDoNotBreakAnything) {
  std::string garbage = "ok \xff\xfe\x80 x\xc3 \xe2\x80 '''''' ---- [[[[ ]]]] .... ::::: @@@ http:// @ a@b";
  Document doc = tokenize(garbage);
  expect_invariants(doc);
  std::string huge(200000, 'a');
  huge += "-" + std::string(100000, 'b') + "'s " + std::string(50000, '[') + std::string(50000, '-');
  Document big = tokenize(huge + ". Then more.");
  expect_invariants(big);
  EXPECT_GE(big.tokens.size(), 5u);
  std::string many_addresses;  // one chunk, thousands of addresses
  for (int i = 0; i < 3000; ++i) many_addresses += "a@b.cd,http://e.fg/";
  Document addresses = tokenize(many_addresses + " " + many_addresses.substr(0, 400));
  expect_invariants(addresses);
  EXPECT_GE(addresses.tokens.size(), 40u);
  for (int seed = 1; seed < 40; ++seed) {  // pseudo-random bytes
    std::string bytes;
    uint32_t x = static_cast<uint32_t>(seed) * 2654435761U;
    for (int i = 0; i < 3000; ++i) {
      x = x * 1664525U + 1013904223U;
      bytes.push_back(static_cast<char>(x >> 24));
    }
    Document d = tokenize(bytes);
    expect_invariants(d);
  }
}

TEST(TokenizerTest, RulesOnlyTokenizerWorksWithoutAModel) {
  text::Tokenizer rules;
  Document doc = testing::make_doc({{BlockKind::kNews, "The dam held. Villages were saved."}});
  rules.process(doc);
  EXPECT_EQ(doc.sentences.size(), 2u);
  expect_invariants(doc);
}

TEST(TokenizerTest, FindsTheDefaultModel) {
  auto tok = text::Tokenizer::load_default();
  ASSERT_TRUE(tok.ok()) << tok.status().message();
  EXPECT_NE(tok.value().sentence_model(), nullptr);
}

}  // namespace
}  // namespace sitrep
