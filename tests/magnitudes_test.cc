// Magnitudes: counts in words and digits with their qualifiers, and the tolls the
// pipeline attaches to events, on sentences we wrote.
#include <gtest/gtest.h>

#include <string>

#include "events/magnitudes.h"

namespace sitrep::events {
namespace {

void expect_count(const char* phrase, int64_t min, int64_t max) {
  auto c = parse_count(phrase);
  ASSERT_TRUE(c.has_value()) << phrase;
  EXPECT_EQ(c->min, min) << phrase;
  EXPECT_EQ(c->max, max) << phrase;
}

TEST(Magnitudes, CountsInWordsAndDigitsWithTheirQualifiers) {
  expect_count("57 people", 57, 57);
  expect_count("at least 12 civilians", 12, -1);
  expect_count("more than 50 ukrainian civilians", 50, -1);
  expect_count("over 1,200 people", 1200, -1);
  expect_count("dozens", 24, -1);
  expect_count("hundreds of protesters", 200, -1);
  expect_count("tens of thousands", 20000, -1);
  expect_count("a dozen soldiers", 12, 12);
  expect_count("more than a dozen arrests", 12, -1);
  expect_count("as many as 300,000 people", 1, 300000);
  expect_count("between 10 and 15 people", 10, 15);
  expect_count("up to 15 people", 1, 15);
  expect_count("nearly 50 people", 50, 50);
  expect_count("nine people", 9, 9);
  expect_count("twenty-five soldiers", 25, 25);
  expect_count("twenty - seven traffickers", 27, 27);
  expect_count("two hundred and ten people", 210, 210);
  expect_count("1.5 million people", 1500000, 1500000);
  EXPECT_FALSE(parse_count("the people").has_value());
  EXPECT_FALSE(parse_count("civilians and soldiers").has_value());
}

}  // namespace
}  // namespace sitrep::events
