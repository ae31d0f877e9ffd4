// Scoring of coded events against gold records (src/eval/events_eval.h).
#include <gtest/gtest.h>

#include "eval/events_eval.h"

namespace sitrep::eval {
namespace {

// A gold event written with an unknown source ("---") and the same event coded with none
// are one event at every level, exact too: the record is fully right.
TEST(EventsEval, AnUnknownActorIsTheSameWrittenOrLeftEmpty) {
  EventRecord r;
  r.expected = {{"---", "USAMIL", "190"}};
  EventScores s;
  EXPECT_TRUE(score_record(r, {{"", "USAMIL", "190"}}, s));
  EXPECT_EQ(s.tp, 1u);
  EXPECT_EQ(s.fp, 0u);
  EXPECT_EQ(s.level[static_cast<int>(EventLevel::kRootCountry)].tp, 1u);
  // A different source is still wrong.
  EventScores t;
  EXPECT_FALSE(score_record(r, {{"IRQREB", "USAMIL", "190"}}, t));
  EXPECT_EQ(t.tp, 0u);
  EXPECT_EQ(t.fn, 1u);
}

}  // namespace
}  // namespace sitrep::eval
