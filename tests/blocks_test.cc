#include "text/blocks.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/text_util.h"

namespace sitrep::text {
namespace {

struct Cut {
  std::string text;
  BlockKind kind;
};

std::vector<Cut> classify(const std::string& text, const std::string& title = "") {
  Document doc;
  doc.text = text;
  doc.title = title;
  classify_blocks(doc);
  std::vector<Cut> out;
  for (const Block& b : doc.blocks) out.push_back({std::string(doc.str(b.span)), b.kind});
  return out;
}

BlockKind kind_of(const std::string& paragraph) {
  // The paragraph after a news paragraph, as it would appear in an article.
  auto cuts = classify("Rebels seized the airport on Sunday, the army said.\n\n" + paragraph);
  EXPECT_EQ(cuts.size(), 2u) << paragraph;
  return cuts.size() == 2 ? cuts[1].kind : BlockKind::kNews;
}

const std::string kNews1 = "Government troops retook the northern town of Kela on Friday after a week of fighting, the defence ministry said.";
const std::string kNews2 = "At least 14 civilians were killed, according to a local hospital director who asked not to be named.";

TEST(SplitParagraphsTest, BlankLinesSeparateAndSpansExcludeWhitespace) {
  Document doc;
  doc.text = "  First paragraph\ncontinues here.  \n\n \t\nSecond one.\n";
  split_paragraphs(doc);
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.str(doc.blocks[0].span), "First paragraph\ncontinues here.");
  EXPECT_EQ(doc.str(doc.blocks[1].span), "Second one.");
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kNews);
}

TEST(SplitParagraphsTest, StartsAtOffset) {
  Document doc;
  doc.text = "Header\n\nBody text.";
  split_paragraphs(doc, 8);
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.str(doc.blocks[0].span), "Body text.");
}

TEST(ClassifyBlocksTest, OrdinaryNewsStaysNews) {
  auto cuts = classify(kNews1 + "\n\n" + kNews2);
  ASSERT_EQ(cuts.size(), 2u);
  EXPECT_EQ(cuts[0].kind, BlockKind::kNews);
  EXPECT_EQ(cuts[1].kind, BlockKind::kNews);
}

TEST(ClassifyBlocksTest, HardWrappedLinesStayOneBlock) {
  auto cuts = classify("Police said the convoy was stopped near the\nborder crossing on Monday and that Mr.\nHassan was detained.");
  ASSERT_EQ(cuts.size(), 1u);
}

TEST(ClassifyBlocksTest, LineAfterCompleteSentenceStartsNewBlock) {
  auto cuts = classify(kNews1 + "\n" + kNews2);
  ASSERT_EQ(cuts.size(), 2u);
  EXPECT_EQ(cuts[1].text, kNews2);
}

TEST(ClassifyBlocksTest, NewsletterPrompts) {
  EXPECT_EQ(kind_of("Sign up to receive our latest news!"), BlockKind::kBoilerplate);
  EXPECT_EQ(kind_of("Subscribe to our newsletter"), BlockKind::kBoilerplate);
  EXPECT_EQ(kind_of("By submitting this form, I agree to the terms."), BlockKind::kBoilerplate);
  EXPECT_EQ(kind_of("Enter your email"), BlockKind::kBoilerplate);
  EXPECT_EQ(kind_of("Get the best of our reporting delivered to your inbox with the daily newsletter."),
            BlockKind::kBoilerplate);
}

TEST(ClassifyBlocksTest, NewsMentioningSignUpOrSubscribeStaysNews) {
  EXPECT_EQ(kind_of("Thousands of men queued outside recruitment offices to sign up for the reserves, officials said."),
            BlockKind::kNews);
  EXPECT_EQ(kind_of("Sign up for the territorial defence, the mayor urged residents in a televised address."),
            BlockKind::kNews);
  EXPECT_EQ(kind_of("Subscribers to the state broadcaster lost access on Tuesday after the transmitter was hit."),
            BlockKind::kNews);
  EXPECT_EQ(kind_of("Get our soldiers home, protesters chanted outside parliament on Sunday."), BlockKind::kNews);
  EXPECT_EQ(kind_of("Get our daily briefing"), BlockKind::kBoilerplate);
}

TEST(ClassifyBlocksTest, ShareAndFollowLines) {
  EXPECT_EQ(kind_of("Share this article"), BlockKind::kBoilerplate);
  EXPECT_EQ(kind_of("Follow us on Twitter"), BlockKind::kBoilerplate);
  EXPECT_EQ(kind_of("Click here to read the full statement"), BlockKind::kBoilerplate);
  EXPECT_EQ(kind_of("Facebook Twitter WhatsApp Email"), BlockKind::kBoilerplate);
  EXPECT_EQ(kind_of("Follow-up talks are planned in Geneva next week, the envoy said."), BlockKind::kNews);
  EXPECT_EQ(kind_of("Join us on Telegram for live updates"), BlockKind::kBoilerplate);
  EXPECT_EQ(kind_of("Follow our lead, the president urged European allies on Monday."), BlockKind::kNews);
}

TEST(ClassifyBlocksTest, LegalLines) {
  EXPECT_EQ(kind_of("\xC2\xA9 2022 Example Media Group. All rights reserved."), BlockKind::kBoilerplate);
  EXPECT_EQ(kind_of("Copyright 2021 The Daily Courier"), BlockKind::kBoilerplate);
  EXPECT_EQ(kind_of("The court ruled that copyright claims against the broadcaster could proceed."), BlockKind::kNews);
  EXPECT_EQ(kind_of("Copyright holders sued the broadcaster on Monday over the footage."), BlockKind::kNews);
  EXPECT_EQ(kind_of("Copyright \xC2\xA9 Example Media"), BlockKind::kBoilerplate);
}

TEST(ClassifyBlocksTest, PageFurnitureAndBylines) {
  EXPECT_EQ(kind_of("Advertisement"), BlockKind::kBoilerplate);
  EXPECT_EQ(kind_of("Story continues below"), BlockKind::kBoilerplate);
  EXPECT_EQ(kind_of("By Jane Doe and Ali Khan, Reuters"), BlockKind::kBoilerplate);
  EXPECT_EQ(kind_of("By Monday, most of the displaced families had returned home."), BlockKind::kNews);
  EXPECT_EQ(kind_of("By then the convoy had left"), BlockKind::kNews);
}

TEST(ClassifyBlocksTest, PhotoCaptionsAndCredits) {
  EXPECT_EQ(kind_of("Firefighters work at the site of a shelled apartment block in Odesa on March 3. AFP via Getty Images"),
            BlockKind::kCaption);
  EXPECT_EQ(kind_of("A man walks past a destroyed tank in the village of Lukashivka. REUTERS/Gleb Garanich"),
            BlockKind::kCaption);
  EXPECT_EQ(kind_of("Soldiers patrol the harbour in Port Sudan on Monday. Photo: Ahmed Saleh/AFP"), BlockKind::kCaption);
  EXPECT_EQ(kind_of("Residents queue for bread in the city centre. MARIA IVANOVA"), BlockKind::kCaption);
  EXPECT_EQ(kind_of("The president addresses parliament in Nairobi, Kenya, April 2, 2022. (Reuters)"), BlockKind::kCaption);
  EXPECT_EQ(kind_of("Prime Minister Lena Varga speaks to reporters in Budapest. File photo"), BlockKind::kCaption);
  EXPECT_EQ(kind_of("This combination of photographs shows the two leaders at separate events last year."),
            BlockKind::kCaption);
  EXPECT_EQ(kind_of("Pictured: rescue workers search the rubble of the market."), BlockKind::kCaption);
  EXPECT_EQ(kind_of("This undated handout photo provided by the navy shows the frigate at sea."), BlockKind::kCaption);
  EXPECT_EQ(kind_of("Photograph: Jana Novak/EPA"), BlockKind::kCaption);
}

TEST(ClassifyBlocksTest, NewsMentioningPhotosStaysNews) {
  EXPECT_EQ(kind_of("The ministry released a photo of the damaged bridge and said repairs would take weeks."),
            BlockKind::kNews);
  EXPECT_EQ(kind_of("This photo op was staged to hide the losses, opposition lawmakers said on Tuesday."),
            BlockKind::kNews);
  EXPECT_EQ(kind_of("Police said NATO and EU observers were present when the ballots were counted."),
            BlockKind::kNews);
  EXPECT_EQ(kind_of("KYIV (Reuters) - Ukraine said on Tuesday that talks with Russia would resume."), BlockKind::kNews);
  // In text all in capitals, the words after an abbreviation's dot are no photographers' names.
  EXPECT_EQ(kind_of("THE INDIAN GOVERNMENT REJECTED A REPORT BY THE U.S. STATE DEPARTMENT ON RELIGIOUS FREEDOM."),
            BlockKind::kNews);
}

TEST(ClassifyBlocksTest, RepeatedHeadlineAfterBodyAndItsCaption) {
  auto cuts = classify(kNews1 + "\n\n" + kNews2 +
                       "\n\nRebels Retake Kela As Talks Stall\n"
                       "This combination of photographs shows the rebel commander and the defence minister.");
  ASSERT_EQ(cuts.size(), 4u);
  EXPECT_EQ(cuts[2].text, "Rebels Retake Kela As Talks Stall");
  EXPECT_EQ(cuts[2].kind, BlockKind::kRepeated);
  EXPECT_EQ(cuts[3].kind, BlockKind::kCaption);
}

TEST(ClassifyBlocksTest, BlockEqualToTitleIsRepeated) {
  auto cuts = classify("Army says border town retaken\n\n" + kNews1, "Army says border town retaken");
  ASSERT_EQ(cuts.size(), 2u);
  EXPECT_EQ(cuts[0].kind, BlockKind::kRepeated);
  EXPECT_EQ(cuts[1].kind, BlockKind::kNews);
}

TEST(ClassifyBlocksTest, TitleCaseLineBeforeAnyBodyIsNotRepeated) {
  auto cuts = classify("Rebels Retake Kela As Talks Stall\n\n" + kNews1);
  ASSERT_EQ(cuts.size(), 2u);
  EXPECT_EQ(cuts[0].kind, BlockKind::kNews);
}

TEST(ClassifyBlocksTest, KeepsBlocksSetByReader) {
  Document doc;
  doc.text = "date 2022-03-02\n\nTroops Advance\n\n" + kNews1;
  doc.blocks.push_back({Span{0, 15}, BlockKind::kHeader});
  doc.blocks.push_back({Span{17, 31}, BlockKind::kTitle});
  classify_blocks(doc);
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeader);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kTitle);
  EXPECT_EQ(doc.str(doc.blocks[2].span), kNews1);
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::kNews);
}

TEST(ClassifyBlocksTest, SecondCallChangesNothing) {
  Document doc;
  doc.text = kNews1 + "\n\nShare this article\n\n" + kNews2;
  classify_blocks(doc);
  std::vector<Block> first = doc.blocks;
  classify_blocks(doc);
  ASSERT_EQ(doc.blocks.size(), first.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(doc.blocks[i].span, first[i].span);
    EXPECT_EQ(doc.blocks[i].kind, first[i].kind);
  }
}

TEST(TextUtilTest, HeadlineShape) {
  EXPECT_TRUE(looks_like_headline("Army says border town retaken"));
  EXPECT_TRUE(looks_like_headline("Will the ceasefire hold?"));
  EXPECT_FALSE(looks_like_headline("Army says border town retaken."));
  EXPECT_FALSE(looks_like_headline("the army said on Monday"));
  EXPECT_TRUE(is_title_case("Ukraine, Poland Sign Grain Deal in Warsaw"));
  EXPECT_FALSE(is_title_case("Ukraine and Poland sign a grain deal in Warsaw"));
}

}  // namespace
}  // namespace sitrep::text
