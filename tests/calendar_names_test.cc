#include <gtest/gtest.h>

#include "text/text_util.h"

namespace sitrep::text {
namespace {

// Every stage reads days and months from one list: full names in any case, nothing else.
TEST(CalendarNamesTest, FullNamesInAnyCaseGiveTheirNumber) {
  EXPECT_EQ(weekday_number("Monday"), 0);
  EXPECT_EQ(weekday_number("SUNDAY"), 6);
  EXPECT_EQ(weekday_number("wednesday"), 2);
  EXPECT_EQ(weekday_number("Wed"), -1);  // abbreviations are each reader's own choice
  EXPECT_EQ(weekday_number("Mondays"), -1);
  EXPECT_EQ(month_number("January"), 1);
  EXPECT_EQ(month_number("may"), 5);
  EXPECT_EQ(month_number("DECEMBER"), 12);
  EXPECT_EQ(month_number("Sept"), 0);
  EXPECT_EQ(month_number(""), 0);
}

}  // namespace
}  // namespace sitrep::text
