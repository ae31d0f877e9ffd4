#include "core/document.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(DateTest, IsoFormatsKnownPartsOnly) {
  EXPECT_EQ((Date{2022, 3, 2}).iso(), "2022-03-02");
  EXPECT_EQ((Date{2022, 4, 0}).iso(), "2022-04");
  EXPECT_EQ(Date{}.iso(), "");
}

TEST(DateTest, ParseIsoAcceptsOnlyDaysOnTheCalendar) {
  EXPECT_EQ(Date::parse_iso("2022-04-12"), (Date{2022, 4, 12}));
  EXPECT_EQ(Date::parse_iso("2024-02-29"), (Date{2024, 2, 29}));  // leap year
  EXPECT_EQ(Date::parse_iso("2000-02-29"), (Date{2000, 2, 29}));  // divisible by 400
  for (const char* bad : {"2022-02-30", "2022-04-31", "2023-02-29", "1900-02-29", "2022-13-01", "2022-00-10",
                          "2022-01-00", "2022-4-12", "2022/04/12", "2022-04-12T10", "20a2-04-12", ""})
    EXPECT_FALSE(Date::parse_iso(bad)) << bad;
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
