#include "core/document.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(DateTest, IsoFormatsKnownPartsOnly) {
  EXPECT_EQ((Date{2022, 3, 2}).iso(), "2022-03-02");
  EXPECT_EQ((Date{2022, 4, 0}).iso(), "2022-04");
  EXPECT_EQ(Date{}.iso(), "");
}

TEST(DocumentTest, SpansViewTheText) {
  Document doc;
  doc.text = "Mr. Wang said.";
  doc.tokens.push_back(Token{{0, 3}});
  EXPECT_EQ(doc.token_text(0), "Mr.");
  EXPECT_EQ(doc.str(Span{4, 8}), "Wang");
}

}  // namespace
}  // namespace sitrep
