// Truecasing caseless text (src/text/truecase.h): names and sentence starts get
// their capitals back, common words keep their case, byte offsets never move.
#include <gtest/gtest.h>

#include "text/truecase.h"

namespace sitrep::text {
namespace {

TEST(Truecase, TellsCaselessTextFromMixedText) {
  EXPECT_EQ(text_case("police arrested forty protesters in the capital on sunday evening."), TextCase::kLower);
  EXPECT_EQ(text_case("POLICE ARRESTED FORTY PROTESTERS IN THE CAPITAL ON SUNDAY EVENING."), TextCase::kUpper);
  EXPECT_EQ(text_case("Police arrested forty protesters in the capital on Sunday evening."), TextCase::kMixed);
  EXPECT_EQ(text_case("too short"), TextCase::kMixed);
  EXPECT_EQ(text_case("NATO and EU"), TextCase::kMixed);  // acronyms, not a headline in capitals
  // A headline or one short sentence wholly in one case is caseless.
  EXPECT_EQ(text_case("china called on ukraine to negotiate."), TextCase::kLower);
  EXPECT_EQ(text_case("CHINA CALLS ON UKRAINE TO NEGOTIATE"), TextCase::kUpper);
  EXPECT_EQ(text_case("China calls on Ukraine"), TextCase::kMixed);
}

TEST(Truecase, RestoresNamesLongestFirstAndSentenceStarts) {
  Truecaser t({"United Nations", "United States", "U.N.", "Minsk", "Joe Biden", "US"});
  std::string in = "police in minsk detained 40 people on sunday. the united nations and joe biden protested.";
  std::string out = t.restore(in, TextCase::kLower);
  EXPECT_EQ(out, "Police in Minsk detained 40 people on Sunday. The United Nations and Joe Biden protested.");
  EXPECT_EQ(out.size(), in.size());
}

// A hyphened word no phrase names gets the capitals of its parts that are names.
TEST(Truecase, PartsOfHyphenedWordsThatAreNames) {
  Truecaser t({"Saudi", "British", "Australian", "Al-Qaeda"});
  std::string in = "a saudi-led strike hit al-qaeda. a british-australian academic and a well-known man.";
  EXPECT_EQ(t.restore(in, TextCase::kLower),
            "A Saudi-led strike hit Al-Qaeda. A British-Australian academic and a well-known man.");
}

// With how running text writes each word (here a small table; in the pipeline the tagger's
// counts): words always capitalised are, and so are the unknown words of a name after a title
// or of a place after what it is, and the title before a name.
TEST(Truecase, NamesAfterTitlesAndWordsAlwaysCapitalised) {
  Truecaser t({"Croatia", "Serbian"});
  auto caps = [](std::string_view w) -> uint8_t {
    if (w == "european") return 5;
    if (w == "apologized" || w == "shelled" || w == "troops" || w == "the" || w == "met" || w == "leader" ||
        w == "opposition" || w == "was" || w == "ship")
      return 1;
    return 0;  // "boris", "tadic", "tskhinvali": never seen
  };
  std::string in = "serbian president boris tadic apologized to croatia and the european union.";
  std::string out = t.restore(in, TextCase::kLower, caps);
  EXPECT_EQ(out, "Serbian President Boris Tadic apologized to Croatia and the European union.");
  EXPECT_EQ(out.size(), in.size());
  EXPECT_EQ(t.restore("troops shelled the capital tskhinvali.", TextCase::kLower, caps),
            "Troops shelled the capital Tskhinvali.");
  // A title before words running text writes in lower case is no name's.
  EXPECT_EQ(t.restore("the president met troops.", TextCase::kLower, caps), "The president met troops.");
  // Descriptions before a name stay in lower case, as news writes them.
  EXPECT_EQ(t.restore("the opposition leader boris tadic met troops.", TextCase::kLower, caps),
            "The opposition leader Boris Tadic met troops.");
  // A sentence opening on two words running text never wrote, with no English ending, opens
  // on a name; "pirates hijacked" (plural, past) is no name.
  EXPECT_EQ(t.restore("li zhaokun was detained. pirates hijacked the ship.", TextCase::kLower, caps),
            "Li Zhaokun was detained. Pirates hijacked the ship.");
  // Without the counts, only the name list.
  EXPECT_EQ(t.restore(in, TextCase::kLower), "Serbian president boris tadic apologized to Croatia and the european union.");
}

// A middle initial is a name's, not a sentence's end: capitalised with the name around it,
// whatever word the surname is ("bush" is an English word) and however running text writes
// the letter; and the word after it starts no sentence.
TEST(Truecase, AMiddleInitialIsPartOfTheName) {
  Truecaser t({"Congress"});
  auto caps = [](std::string_view w) -> uint8_t {
    if (w == "w" || w == "urged" || w == "bush") return 2;
    return 0;
  };
  EXPECT_EQ(t.restore("president george w. bush urged congress to act.", TextCase::kLower, caps),
            "President George W. Bush urged Congress to act.");
  // One letter after an English word is no initial: the sentence ends there.
  EXPECT_EQ(t.restore("the vote was on plan b. it failed.", TextCase::kLower, caps), "The vote was on plan b. It failed.");
}

TEST(Truecase, PossessivesKeepTheirNames) {
  Truecaser t({"Pakistan", "Philippines", "Joe Biden"});
  EXPECT_EQ(t.restore("india rejected pakistan's offer and joe biden's plan at the philippines' embassy.",
                      TextCase::kLower),
            "India rejected Pakistan's offer and Joe Biden's plan at the Philippines' embassy.");
}

TEST(Truecase, CommonWordsThatAreAlsoNamesKeepTheirCase) {
  Truecaser t({"US", "WHO", "May"});
  EXPECT_EQ(t.restore("let us see who may come in the morning.", TextCase::kLower),
            "Let us see who may come in the morning.");
}

// "car" is a word before it is the Central African Republic's acronym.
TEST(Truecase, EverydayWordsThatAreAcronymsKeepTheirCase) {
  Truecaser t({"CAR", "Kabul"});
  EXPECT_EQ(t.restore("police arrested four persons in the car in kabul.", TextCase::kLower),
            "Police arrested four persons in the car in Kabul.");
}

// "us" is the pronoun, but "us troops", "us officials", "us-led" are the United States'.
TEST(Truecase, UsBeforeWhatTheUnitedStatesCommandsIsTheCountry) {
  Truecaser t({"US", "Kabul"});
  EXPECT_EQ(t.restore("us troops and us-led forces left kabul. they told us nothing.", TextCase::kLower),
            "US troops and US-led forces left Kabul. They told us nothing.");
  EXPECT_EQ(t.restore("LET US SEE. US OFFICIALS SAID SO.", TextCase::kUpper), "Let us see. US officials said so.");
}

TEST(Truecase, UpperCaseTextIsLoweredFirst) {
  Truecaser t({"Kabul", "NATO"});
  std::string in = "NATO TROOPS LEFT KABUL. THEY WILL RETURN.";
  std::string out = t.restore(in, TextCase::kUpper);
  EXPECT_EQ(out, "NATO troops left Kabul. They will return.");
  EXPECT_EQ(out.size(), in.size());
}

TEST(Truecase, AbbreviationDotsDoNotStartASentence) {
  Truecaser t({"U.S."});
  EXPECT_EQ(t.restore("the u.s. troops left.", TextCase::kLower), "The U.S. troops left.");
}

TEST(Truecase, TypographicQuotesEndWordsAndLettersBeyondAsciiKeepTheirCase) {
  Truecaser t({"Minsk"});
  std::string in = "\u00e9lan was high. \u201cthe police came to minsk.\u201d and then to minsk\u201d";
  std::string out = t.restore(in, TextCase::kLower);
  EXPECT_EQ(out, "\u00e9lan was high. \u201cThe police came to Minsk.\u201d And then to Minsk\u201d");
  EXPECT_EQ(out.size(), in.size());
}

TEST(Truecase, HardWrappedLinesGoOnTheirSentence) {
  Truecaser t({});
  EXPECT_EQ(t.restore("the talks went on\nand on.\n\nthen they ended", TextCase::kLower),
            "The talks went on\nand on.\n\nThen they ended");
}

}  // namespace
}  // namespace sitrep::text
