// Time expressions against a fixed document date, and document-date inference.
#include "time/time_expressions.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "text/blocks.h"
#include "text/tokenizer.h"

namespace sitrep::timex {
namespace {

Document tokenized(const std::string& text, Date date = {}) {
  Document doc;
  doc.text = text;
  doc.date = date;
  text::classify_blocks(doc);
  text::Tokenizer().process(doc);
  return doc;
}

// Tuesday 12 April 2022.
const Date kTue{2022, 4, 12};

struct Found {
  std::string text, value, anchor;
  TimeGranularity granularity = TimeGranularity::kUnknown;
};

std::vector<Found> times(const std::string& text, Date date = kTue) {
  Document doc = tokenized(text, date);
  find_times(doc);
  std::vector<Found> out;
  for (const TimeExpr& t : doc.times) out.push_back({std::string(doc.str(t.span)), t.value, t.anchor, t.granularity});
  return out;
}

// The single expression of `text`, as "words=value".
std::string one(const std::string& text, Date date = kTue) {
  auto f = times(text, date);
  if (f.size() != 1) return "found " + std::to_string(f.size());
  return f[0].text + "=" + f[0].value;
}

TEST(CalendarTest, WeekdayDayAndTimeOfDay) {
  EXPECT_EQ(weekday_of(Date{2022, 4, 11}), 0);  // a Monday
  EXPECT_EQ(weekday_of(Date{1970, 1, 1}), 3);   // a Thursday
  EXPECT_EQ(iso_week(Date{2022, 4, 12}), "2022-W15");
  EXPECT_EQ(iso_week(Date{2021, 1, 3}), "2020-W53");
  EXPECT_EQ(civil_from_days(days_from_civil(Date{2024, 2, 29}) + 1), (Date{2024, 3, 1}));
}

TEST(TimeShapesTest, WeekdayWithMonthAndDay) {
  EXPECT_EQ(one("The council met on Monday, April 11, in New York."), "Monday, April 11=2022-04-11");
  EXPECT_EQ(one("The strike happened last Thursday, April 7."), "last Thursday, April 7=2022-04-07");
}

TEST(TimeShapesTest, BareWeekdayIsTheMostRecentOneUnlessFuture) {
  EXPECT_EQ(one("The minister spoke on Monday."), "Monday=2022-04-11");
  EXPECT_EQ(one("The minister spoke Tuesday."), "Tuesday=2022-04-12");    // the document's own day
  EXPECT_EQ(one("The minister spoke Wednesday."), "Wednesday=2022-04-06");
  EXPECT_EQ(one("The talks will resume on Friday."), "Friday=2022-04-15");
  EXPECT_EQ(one("The talks resume next Monday."), "next Monday=2022-04-18");
  EXPECT_EQ(one("Rebels attacked the base last Friday."), "last Friday=2022-04-08");
  EXPECT_EQ(one("Rebels attacked the base last Tuesday."), "last Tuesday=2022-04-05");
}

TEST(TimeShapesTest, PartOfDay) {
  EXPECT_EQ(one("Tuesday night's call was the first contact."), "Tuesday night=2022-04-12TNI");
  EXPECT_EQ(one("Shelling resumed last night."), "last night=2022-04-11TNI");
  EXPECT_EQ(one("He spoke this morning."), "this morning=2022-04-12TMO");
  EXPECT_EQ(one("He will speak tonight."), "tonight=2022-04-12TNI");
}

TEST(TimeShapesTest, MonthAndDay) {
  EXPECT_EQ(one("The offensive began on March 1."), "March 1=2022-03-01");
  EXPECT_EQ(one("The offensive began on March 1, 2021."), "March 1, 2021=2021-03-01");
  EXPECT_EQ(one("The offensive began on 1 March 2021."), "1 March 2021=2021-03-01");
  EXPECT_EQ(one("Troops crossed the border on Feb. 24."), "Feb. 24=2022-02-24");
  EXPECT_EQ(one("The vote is set for Sept. 3."), "Sept. 3=2022-09-03");
  EXPECT_EQ(one("The attack came on April 7th."), "April 7th=2022-04-07");
  // In a document of early January, "December 28" is last year's.
  EXPECT_EQ(one("Fighting resumed on December 28.", Date{2022, 1, 5}), "December 28=2021-12-28");
}

TEST(TimeShapesTest, MonthsYearsAndIso) {
  EXPECT_EQ(one("Prices rose in March 2022."), "March 2022=2022-03");
  EXPECT_EQ(one("Prices rose in 2021."), "2021=2021");
  EXPECT_EQ(one("The report is dated 2022-03-02."), "2022-03-02=2022-03-02");
  EXPECT_EQ(one("Prices rose in March."), "March=2022-03");
  EXPECT_TRUE(times("He sold 2000 tickets and you may go.").empty());
  // A bare month after the document's month is last year's, unless the verb is future.
  EXPECT_EQ(one("The ceasefire collapsed in October."), "October=2021-10");
  EXPECT_EQ(one("Elections will be held in October."), "October=2022-10");
  EXPECT_EQ(one("Talks may resume in May."), "May=2022-05");
  EXPECT_EQ(one("The deal was signed last summer."), "last summer=2021-SU");
}

// A month or a day with "last year", "next year" or "this year" is that year's; a month
// written short without its dot is a month only with its day or year ("Mar del Plata").
TEST(TimeShapesTest, MonthsOfARelativeYearAndShortMonthsAlone) {
  EXPECT_EQ(one("He was arrested in June last year."), "June last year=2021-06");
  EXPECT_EQ(one("A bomber struck in October last year."), "October last year=2021-10");
  EXPECT_EQ(one("They met on March 3 last year."), "March 3 last year=2021-03-03");
  EXPECT_EQ(one("Elections are due in May next year."), "May next year=2023-05");
  EXPECT_TRUE(times("Police arrested 65 people in Mar del Plata.").empty());
  EXPECT_EQ(one("He was arrested in Mar 2005."), "Mar 2005=2005-03");
}

TEST(TimeShapesTest, PresentAndComparatives) {
  EXPECT_EQ(one("The town is now under siege."), "now=PRESENT_REF");
  EXPECT_TRUE(times("The harvest began a month earlier than usual.").empty());
}

TEST(TimeShapesTest, RelativeDaysAndPeriods) {
  EXPECT_EQ(one("The envoy arrived yesterday."), "yesterday=2022-04-11");
  EXPECT_EQ(one("The envoy arrives today."), "today=2022-04-12");
  EXPECT_EQ(one("The envoy left two days ago."), "two days ago=2022-04-10");
  EXPECT_EQ(one("The envoy left 3 days ago."), "3 days ago=2022-04-09");
  EXPECT_EQ(one("Talks were held this week."), "this week=2022-W15");
  EXPECT_EQ(one("Talks were held last week."), "last week=2022-W14");
  EXPECT_EQ(one("Talks will be held next week."), "next week=2022-W16");
  EXPECT_EQ(one("Talks were held earlier this month."), "earlier this month=2022-04");
  EXPECT_EQ(one("Exports fell last year."), "last year=2021");
  EXPECT_EQ(one("Exports fell this year."), "this year=2022");
}

TEST(TimeShapesTest, LaterIsRelativeToThePreviousTime) {
  auto f = times("The siege began on March 1. A month later, the city fell.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].text, "A month later");
  EXPECT_EQ(f[1].value, "2022-04");
  EXPECT_EQ(f[1].anchor, "previous time 2022-03-01");
  f = times("A week later, the city fell.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].anchor, "document date 2022-04-12");
}

TEST(TimeShapesTest, UnknownYearIsNeverToday) {
  auto f = times("The strike happened on April 7.", Date{});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value, "XXXX-04-07");
  EXPECT_EQ(f[0].anchor, "year unknown");
  f = times("The minister spoke on Monday.", Date{});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value.substr(0, 4), "XXXX");
}

TEST(DocumentDateTest, FromAFullDateInTheText) {
  Document doc = tokenized("Talks began on March 2, 2022. They resumed on March 10, 2022 and failed.");
  resolve_document_date(doc);
  EXPECT_EQ(doc.date, (Date{2022, 3, 10}));
  EXPECT_NE(doc.date_source.find("full date"), std::string::npos);
}

TEST(DocumentDateTest, FromWeekdayMonthAndDay) {
  Document doc = tokenized("The council met on Monday, April 11, to discuss the strike.");
  resolve_document_date(doc);
  EXPECT_EQ(doc.date, (Date{2022, 4, 11}));  // April 11 was a Monday in 2016 and 2022
  // With a year mentioned, the candidate nearest to it.
  doc = tokenized("The council met on Monday, April 11, as in 2016.");
  EXPECT_EQ(infer_document_date(doc), (Date{2016, 4, 11}));
  // Two pairs narrow the years: Friday, March 1 and Tuesday, March 5 hold in 2019 and 2024.
  doc = tokenized("Talks opened Friday, March 1, and closed Tuesday, March 5.");
  Date d = infer_document_date(doc, {Date{2019, 6, 1}});
  EXPECT_EQ(d, (Date{2019, 3, 5}));
  // Then the relative times resolve against it.
  doc = tokenized("The council met on Monday, April 11. Rebels attacked two days ago.");
  resolve_document_date(doc);
  find_times(doc);
  ASSERT_EQ(doc.times.size(), 2u);
  EXPECT_EQ(doc.times[1].value, "2022-04-09");
}

TEST(DocumentDateTest, LatestDayWrittenWithTheBatchsYear) {
  // Days without a year: the latest one written, in the batch's year; then "Monday" resolves before it.
  Document doc = tokenized("They last met on March 1. Offices stay shut through April 5. Talks resumed on Monday.");
  resolve_document_date(doc, {Date{2022, 4, 11}, Date{2022, 3, 2}});
  EXPECT_EQ(doc.date, (Date{2022, 4, 5}));
  find_times(doc);
  ASSERT_EQ(doc.times.size(), 3u);
  EXPECT_EQ(doc.times[2].value, "2022-04-04");
  // A December day in a January batch belongs to the year before.
  Document dec = tokenized("The ceasefire has held since December 30.");
  EXPECT_EQ(infer_document_date(dec, {Date{2023, 1, 4}}), (Date{2022, 12, 30}));
}

TEST(DocumentDateTest, BatchFallbackThenUnknown) {
  Document doc = tokenized("Rebels attacked the town on Monday.");
  EXPECT_FALSE(text_dates_document(doc));
  resolve_document_date(doc, {Date{2022, 4, 12}, Date{2022, 4, 13}, Date{2021, 1, 1}});
  EXPECT_EQ(doc.date, (Date{2022, 4, 12}));
  EXPECT_NE(doc.date_source.find("batch"), std::string::npos);

  Document lone = tokenized("Rebels attacked the town on Monday.");
  resolve_document_date(lone);
  EXPECT_FALSE(lone.date.known());
  ASSERT_FALSE(lone.warnings.empty());
  EXPECT_NE(lone.warnings.back().find("document date unknown"), std::string::npos);
}

TEST(DocumentDateTest, MetadataDateIsKept) {
  Document doc = tokenized("Talks began on March 2, 2020.", kTue);
  resolve_document_date(doc);
  EXPECT_EQ(doc.date, kTue);
  EXPECT_EQ(doc.date_source, "metadata");
}

// ---- The command line ---------------------------------------------------------

namespace fs = std::filesystem;

fs::path temp_dir() {
  fs::path dir = fs::temp_directory_path() /
                 (std::string("sitrep_time_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Runs `sitrep ARGS`; returns the exit status and standard output.
std::pair<int, std::string> sitrep(const std::string& args, const fs::path& dir) {
  std::string out = (dir / "stdout").string();
  int rc = std::system((std::string(SITREP_BINARY) + " " + args + " >" + out + " 2>" + (dir / "stderr").string()).c_str());
  std::ifstream in(out);
  std::stringstream ss;
  ss << in.rdbuf();
  return {WEXITSTATUS(rc), ss.str()};
}

std::vector<nlohmann::json> lines(const std::string& out) {
  std::vector<nlohmann::json> v;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);) v.push_back(nlohmann::json::parse(l));
  return v;
}

TEST(TimesCommandTest, BatchDatesAnUndatedDocumentAndOffsetsPointAtTheText) {
  fs::path dir = temp_dir();
  const std::string a = "date 2022-04-12\n\nRebels attacked the town on Monday.\n";
  const std::string b = "Troops left the city on Friday.\n";
  std::ofstream(dir / "a.txt") << a;
  std::ofstream(dir / "b.txt") << b;
  auto [rc, out] = sitrep("times --until tokenize " + (dir / "a.txt").string() + " " + (dir / "b.txt").string(), dir);
  ASSERT_EQ(rc, 0);
  auto objs = lines(out);
  ASSERT_EQ(objs.size(), 2u);
  EXPECT_EQ(objs[0]["doc"], "a");
  EXPECT_EQ(objs[0]["value"], "2022-04-11");
  EXPECT_EQ(a.substr(objs[0]["start"].get<size_t>(), objs[0]["end"].get<size_t>() - objs[0]["start"].get<size_t>()), "Monday");
  EXPECT_EQ(objs[1]["doc"], "b");
  EXPECT_EQ(objs[1]["value"], "2022-04-08");  // dated by the batch: the Friday before 2022-04-12
  EXPECT_EQ(objs[1]["granularity"], "day");
  EXPECT_NE(objs[1]["doc_date_source"].get<std::string>().find("batch"), std::string::npos);
}

TEST(TimesCommandTest, DateOptionAndBadInput) {
  fs::path dir = temp_dir();
  std::ofstream(dir / "b.txt") << "Troops left the city last week.\n";
  auto [rc, out] = sitrep("times --until tokenize --date 2022-04-12 " + (dir / "b.txt").string(), dir);
  ASSERT_EQ(rc, 0);
  auto objs = lines(out);
  ASSERT_EQ(objs.size(), 1u);
  EXPECT_EQ(objs[0]["value"], "2022-W14");
  EXPECT_EQ(sitrep("times --date yesterday " + (dir / "b.txt").string(), dir).first, 2);
  EXPECT_EQ(sitrep("times " + (dir / "missing.txt").string(), dir).first, 2);
}

TEST(EvalTimesCommandTest, ScoresSpansAndValuesOnTimeML) {
  fs::path dir = temp_dir();
  std::ofstream(dir / "one.tml")
      << "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2022-04-12\">April 12, 2022</TIMEX3></DCT>\n"
         "<TEXT>\nRebels attacked on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2022-04-11\">Monday</TIMEX3> "
         "and again <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2022-04-01\">yesterday</TIMEX3>, "
         "after <TIMEX3 tid=\"t3\" type=\"DURATION\" value=\"P2D\">two days</TIMEX3> of calm &amp; talks.\n</TEXT></TimeML>\n";
  auto [rc, out] = sitrep("eval times --until tokenize --json --gold " + dir.string(), dir);
  ASSERT_EQ(rc, 0) << out;
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["gold"], 2);  // the duration does not count
  EXPECT_EQ(j["predicted"], 2);
  EXPECT_DOUBLE_EQ(j["f1"].get<double>(), 100.0);
  EXPECT_DOUBLE_EQ(j["value_accuracy"].get<double>(), 50.0);  // "yesterday" is 2022-04-11, not the gold's value
}

}  // namespace
}  // namespace sitrep::timex
