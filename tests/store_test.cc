// The store: what a user relies on when ingesting a corpus again and again,
// and querying it. Documents are built by hand from sentences we wrote.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "postgres_test_util.h"
#include "store/minhash.h"
#include "store/queries.h"
#include "store/store.h"

namespace sitrep::store {

// The backend as test names show it ("Backends/StoreOn.Name/postgres").
void PrintTo(Backend b, std::ostream* os) { *os << (b == Backend::kSqlite ? "sqlite" : "postgres"); }

namespace {

namespace fs = std::filesystem;

std::string temp_db(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / "sitrep_store_test";
  fs::create_directories(dir);
  std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::replace(test.begin(), test.end(), '/', '_');  // a parameterised test's name: "Name/sqlite"
  fs::path p = dir / (test + "_" + name + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
  return p.string();
}

// A document whose sentences end at ". ".
Document make_doc(const std::string& id, const std::string& text, const std::string& source = "",
                  Date date = {2022, 4, 4}) {
  Document d;
  d.id = id;
  d.path = "/corpus/" + id + ".txt";
  d.text = text;
  d.source = source;
  d.date = date;
  uint32_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find(". ", begin);
    end = end == std::string::npos ? text.size() : end + 1;
    d.sentences.push_back(Sentence{Span{begin, static_cast<uint32_t>(end)}});
    begin = static_cast<uint32_t>(end);
    while (begin < text.size() && text[begin] == ' ') ++begin;
  }
  return d;
}

Event make_event(const std::string& source, const std::string& target, const std::string& code, Date date,
                 uint32_t sentence = 0) {
  Event e;
  e.sentence = sentence;
  e.source.code = source;
  e.target.code = target;
  e.code = code;
  e.date = date;
  e.confidence = 0.9f;
  return e;
}

// The same, coded by a symmetric pattern ("held a phone call with", "consulted each other").
Event mutual_event(const std::string& source, const std::string& target, const std::string& code, Date date,
                   uint32_t sentence = 0) {
  Event e = make_event(source, target, code, date, sentence);
  e.mutual = true;
  return e;
}

Store open_store(const std::string& path, StoreOptions options = {}) {
  auto s = Store::open(path, options);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return std::move(s).value();
}

std::vector<nlohmann::json> events_of(Store& store, EventFilter filter = {}) {
  std::vector<nlohmann::json> rows;
  Status st = query_events(store, filter, [&](const nlohmann::json& r) { rows.push_back(r); });
  EXPECT_TRUE(st.ok()) << st.message();
  return rows;
}

std::vector<nlohmann::json> search(Store& store, const std::string& q, bool syntax = false, Status* status = nullptr) {
  std::vector<nlohmann::json> rows;
  SearchOptions o;
  o.query = q;
  o.syntax = syntax;
  Status st = search_sentences(store, o, [&](const nlohmann::json& r) { rows.push_back(r); });
  if (status) *status = st;
  else EXPECT_TRUE(st.ok()) << st.message();
  return rows;
}

const char* kCallText =
    "The foreign ministers of two countries spoke by telephone on Monday. They discussed the grain corridor "
    "and the safety of ships leaving the southern ports. Both sides agreed to keep talking in the coming weeks.";

// A long article of our own for near-duplicate tests.
const char* kLongText =
    "Flood waters rose along the river valley on Tuesday after three days of heavy rain, forcing hundreds of "
    "families to leave their homes. Local officials opened schools and sports halls as shelters and asked "
    "volunteers to bring blankets, bottled water and dry food. The regional governor said the army would send "
    "boats and trucks to the worst hit villages before nightfall. Farmers reported that large parts of the harvest "
    "had been lost and that cattle were stranded on higher ground. Forecasters expect the rain to ease by the "
    "weekend, but warned that the river could stay above its banks for several more days.";

// The store's behaviours hold on both backends: each test below runs on an SQLite file
// and on a PostgreSQL store (a throwaway server, tests/postgres_test_util.h; skipped,
// saying why, where the PostgreSQL binaries are absent).
class StoreOn : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kPostgres) SITREP_REQUIRE_POSTGRES();
  }
  bool postgres() const { return GetParam() == Backend::kPostgres; }
  // A new, empty store of this test's backend.
  std::string temp_db(const std::string& name) {
    return postgres() ? sitrep::testing::fresh_postgres_store(name) : store::temp_db(name);
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreOn, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return info.param == Backend::kSqlite ? "sqlite" : "postgres"; });

TEST_P(StoreOn, ReingestingTheSameArticlesIsANoOp) {
  std::string path = temp_db("db");
  Store store = open_store(path);
  std::vector<Document> docs = {make_doc("a", kCallText, "Daily One"), make_doc("b", kLongText, "Evening Two")};
  docs[0].events.push_back(make_event("CHNGOV", "UKRGOV", "041", {2022, 4, 4}));
  ASSERT_TRUE(store.begin().ok());
  for (auto& d : docs) EXPECT_EQ(store.ingest(d).value().outcome, IngestOutcome::kAdded);
  ASSERT_TRUE(store.commit().ok());
  StoreCounts first = store.counts().value();
  EXPECT_EQ(first.documents, 2);
  EXPECT_EQ(first.events, 1);
  EXPECT_EQ(first.sentences, 3 + 5);

  ASSERT_TRUE(store.begin().ok());
  for (auto& d : docs) EXPECT_EQ(store.ingest(d).value().outcome, IngestOutcome::kUnchanged);
  ASSERT_TRUE(store.commit().ok());
  StoreCounts second = store.counts().value();
  EXPECT_EQ(second.documents, first.documents);
  EXPECT_EQ(second.sentences, first.sentences);
  EXPECT_EQ(second.events, first.events);
  EXPECT_EQ(second.event_mentions, first.event_mentions);
  EXPECT_EQ(events_of(store)[0]["mentions"], 1);
}

TEST_P(StoreOn, AChangedArticleReplacesItsOldVersion) {
  Store store = open_store(temp_db("db"));
  Document v1 = make_doc("report", "Ministers met in Zanzibar on Monday. The talks lasted two hours.", "Wire");
  v1.events.push_back(make_event("FRAGOV", "DEUGOV", "040", {2022, 4, 4}));
  Document v2 = make_doc("report", "Ministers met in Quagmire on Monday. The army shelled the border town.", "Wire");
  v2.events.push_back(make_event("RUSMIL", "UKR", "195", {2022, 4, 4}, 1));
  ASSERT_EQ(store.ingest(v1).value().outcome, IngestOutcome::kAdded);
  ASSERT_EQ(store.ingest(v2).value().outcome, IngestOutcome::kReplaced);
  StoreCounts c = store.counts().value();
  EXPECT_EQ(c.documents, 1);
  EXPECT_EQ(c.sentences, 2);
  EXPECT_EQ(c.events, 1);
  EXPECT_EQ(c.event_mentions, 1);
  EXPECT_TRUE(search(store, "Zanzibar").empty());  // the old text left the full-text index too
  EXPECT_EQ(search(store, "Quagmire").size(), 1u);
  auto events = events_of(store);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["code"], "195");
  EXPECT_EQ(events[0]["source"]["code"], "RUSMIL");
}

TEST_P(StoreOn, OneEventPerHappeningWithGdeltCounts) {
  Store store = open_store(temp_db("db"));
  Document a = make_doc("a", kCallText, "Daily One");
  a.events.push_back(mutual_event("CHNGOV", "UKRGOV", "041", {2022, 4, 4}));
  a.events.push_back(mutual_event("UKRGOV", "CHNGOV", "041", {2022, 4, 4}));  // the symmetric direction, same sentence
  // Another outlet, coded the other way round, dated a day later, with a finer role.
  Document b = make_doc("b", "Kyiv said the minister had a phone call with his counterpart. Nothing else was said.",
                        "Evening Two");
  b.events.push_back(mutual_event("UKRGOVFRM", "CHNGOV", "041", {2022, 4, 5}));
  // A syndicated copy of `a` from a third outlet: a mention, not a new article or source.
  std::string copy = std::string(kCallText) + " Reporting by our staff.";
  Document c = make_doc("c", copy, "Daily Three");
  c.events.push_back(mutual_event("CHNGOV", "UKRGOV", "041", {2022, 4, 4}));
  // A different article of the first outlet: a new article, not a new source.
  Document d = make_doc("d", "In a later edition the paper said both ministers talked by phone again.", "Daily One");
  d.events.push_back(mutual_event("CHNGOV", "UKRGOV", "041", {2022, 4, 4}));
  for (Document* doc : {&a, &b, &c, &d}) ASSERT_TRUE(store.ingest(*doc).ok());

  auto events = events_of(store);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["mentions"], 4);  // a (both directions: one sentence), b, c, d
  EXPECT_EQ(events[0]["articles"], 3);  // a (with its copy c), b, d
  EXPECT_EQ(events[0]["sources"], 2);   // Daily One, Evening Two
  EXPECT_EQ(events[0]["doc"], "a");
  EXPECT_EQ(events[0]["quad"], 1);
}

TEST_P(StoreOn, ReplacingAnOriginalFreesItsCopies) {
  Store store = open_store(temp_db("db"));
  Document a = make_doc("a", kLongText, "Wire");
  Document b = make_doc("b", std::string(kLongText) + " More to follow.", "Paper");
  for (Document* d : {&a, &b}) {
    d->events.push_back(make_event("DEUGOV", "FRAGOV", "071", {2022, 4, 4}));
    ASSERT_TRUE(store.ingest(*d).ok());
  }
  auto events = events_of(store);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["articles"], 1);
  EXPECT_EQ(events[0]["sources"], 1);
  EXPECT_EQ(events[0]["mentions"], 2);
  // The original changes into another story: its copy now stands alone.
  Document a2 = make_doc("a", kCallText, "Wire");
  ASSERT_EQ(store.ingest(a2).value().outcome, IngestOutcome::kReplaced);
  events = events_of(store);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["articles"], 1);
  EXPECT_EQ(events[0]["mentions"], 1);
  EXPECT_EQ(events[0]["doc"], "b");
  EXPECT_EQ(events[0]["quad"], 2);
  EXPECT_EQ(store.counts().value().duplicates, 0);
}

// Counts are kept as reports arrive and recounted when a document goes: whatever the
// order of adds, copies and replacements, a merged event's counts are those of a store
// that received only the articles standing at the end.
TEST_P(StoreOn, CountsAfterAddsCopiesAndReplacementsAreThoseOfTheFinalArticles) {
  auto reporting = [](Document d) {
    d.events.push_back(make_event("DEUGOV", "FRAGOV", "071", {2022, 4, 4}));
    return d;
  };
  Document a = reporting(make_doc("a", kLongText, "Wire"));
  Document copy = reporting(make_doc("copy", std::string(kLongText) + " More to follow.", "Paper"));
  Document c = reporting(make_doc("c", kCallText, "Paper"));
  Document c2 = reporting(make_doc("c", std::string(kCallText) + " Updated.", "Paper"));
  Document d = reporting(make_doc("d", "The paper printed a second story on the aid. It was short.", "Paper"));
  Document e = reporting(make_doc("e", "Nobody knows who wrote this story on the aid. It was short.", ""));
  Document a2 = reporting(make_doc("a", "The wire rewrote its story on the aid entirely. It was short.", "Wire"));

  Store store = open_store(temp_db("seq"));
  for (Document* doc : {&a, &copy, &c, &c2, &d, &e, &a2}) ASSERT_TRUE(store.ingest(*doc).ok());
  Store fresh = open_store(temp_db("fresh"));
  for (Document* doc : {&copy, &c2, &d, &e, &a2}) ASSERT_TRUE(fresh.ingest(*doc).ok());

  auto got = events_of(store), want = events_of(fresh);
  ASSERT_EQ(got.size(), 1u);
  ASSERT_EQ(want.size(), 1u);
  EXPECT_EQ(want[0]["mentions"], 5);
  EXPECT_EQ(want[0]["articles"], 5);  // the copy stands alone once its original changed
  EXPECT_EQ(want[0]["sources"], 3);   // Paper, Wire, and the article of no outlet
  for (const char* count : {"mentions", "articles", "sources"}) EXPECT_EQ(got[0][count], want[0][count]) << count;
}

TEST_P(StoreOn, EventsThatDifferAreNotMerged) {
  Store store = open_store(temp_db("db"));
  Document a = make_doc("a", "One. Two. Three. Four. Five. Six. Seven.", "X");
  a.events = {
      make_event("RUSMIL", "UKR", "190", {2022, 4, 8}, 0),
      make_event("UKR", "RUSMIL", "190", {2022, 4, 8}, 1),     // fighting back is another event
      make_event("CHNGOV", "UKRGOV", "041", {2022, 4, 4}, 2),
      make_event("CHNGOV", "UKRGOV", "041", {2022, 4, 7}, 3),  // three days later
      make_event("CHNGOV", "UKRGOV", "042", {2022, 4, 4}, 4),  // a visit is not a call
  };
  Event negated = make_event("CHNGOV", "UKRGOV", "041", {2022, 4, 4}, 5);
  negated.negated = true;
  a.events.push_back(negated);
  a.events.push_back(make_event("CHNMIL", "UKRGOV", "041", {2022, 4, 4}, 6));  // another role
  ASSERT_TRUE(store.ingest(a).ok());
  EXPECT_EQ(store.counts().value().events, 7);

  Document b = make_doc("b", "The two governments consulted each other. China called Ukraine.", "Y");
  b.events.push_back(mutual_event("UKRGOV", "CHNGOV", "040", {2022, 4, 4}));  // generic consult: the same call
  ASSERT_TRUE(store.ingest(b).ok());
  EXPECT_EQ(store.counts().value().events, 7);
  // A bare country code is the same actor as its government at this level... but which role?
  // It joins the first matching event: the government's call, the oldest.
  b = make_doc("c", "China called Ukraine on Monday.", "Z");
  b.events.push_back(make_event("CHN", "UKR", "041", {2022, 4, 4}));
  ASSERT_TRUE(store.ingest(b).ok());
  EXPECT_EQ(store.counts().value().events, 7);
  EventFilter f;
  f.actor = "CHNGOV";
  f.code = "041";
  f.include_negated = false;
  auto rows = events_of(store, f);
  ASSERT_EQ(rows.size(), 2u);  // 2022-04-07 first (newest), then the merged call
  EXPECT_EQ(rows[1]["date"], "2022-04-04");
  EXPECT_EQ(rows[1]["mentions"], 3);
  EXPECT_EQ(rows[1]["sources"], 3);
}

TEST_P(StoreOn, AnArticleWithoutOutletCountsAsItsOwnSource) {
  Store store = open_store(temp_db("db"));
  Document a = make_doc("a", "The ministers spoke by phone on Monday.");
  Document b = make_doc("b", "A telephone conversation took place between the two ministers.");
  for (Document* d : {&a, &b}) {
    d->events.push_back(make_event("CHNGOV", "UKRGOV", "041", {2022, 4, 4}));
    ASSERT_TRUE(store.ingest(*d).ok());
  }
  auto events = events_of(store);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["sources"], 2);
}

TEST_P(StoreOn, NearDuplicatesAreLinked) {
  Store store = open_store(temp_db("db"));
  Document original = make_doc("original", kLongText, "Wire");
  std::string edited = kLongText;
  edited.replace(edited.find("Tuesday"), 7, "Wednesday");  // an update of the same wire story
  Document update = make_doc("update", edited, "Other paper");
  // Half of the story rewritten: related, but not a copy.
  std::string half = std::string(kLongText).substr(0, 250) +
                     " Rescue teams searched abandoned houses through the night while engineers inspected two bridges "
                     "that had been closed to traffic because the water had damaged their supports.";
  Document related = make_doc("related", half, "Third");
  Document other = make_doc("other", kCallText, "Wire");
  auto r1 = store.ingest(original).value();
  auto r2 = store.ingest(update).value();
  auto r3 = store.ingest(related).value();
  auto r4 = store.ingest(other).value();
  EXPECT_EQ(r1.duplicate_of, 0);
  EXPECT_EQ(r2.duplicate_of, r1.document);
  EXPECT_GE(r2.jaccard, kDuplicateJaccard);
  EXPECT_EQ(r3.duplicate_of, 0);
  EXPECT_EQ(r4.duplicate_of, 0);
  EXPECT_EQ(store.counts().value().duplicates, 1);
}

TEST(Store, MinHashEstimatesJaccard) {
  Signature a, b, c;
  ASSERT_TRUE(minhash(kLongText, a));
  ASSERT_TRUE(minhash(std::string(kLongText) + "", b));
  ASSERT_TRUE(minhash(kCallText, c));
  EXPECT_EQ(estimated_jaccard(a, b), 1.0);
  EXPECT_LT(estimated_jaccard(a, c), 0.1);
  // Case and punctuation do not matter; words do.
  Signature upper;
  std::string shouted = kLongText;
  for (char& ch : shouted) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  ASSERT_TRUE(minhash(shouted, upper));
  EXPECT_EQ(estimated_jaccard(a, upper), 1.0);
  EXPECT_FALSE(minhash(" ,.; ", c));
}

TEST_P(StoreOn, HostileSearchStringsAreText) {
  Store store = open_store(temp_db("db"));
  ASSERT_TRUE(store.ingest(make_doc("a", "Robert'); DROP TABLE documents; -- was quoted. Nothing else.")).ok());
  ASSERT_TRUE(store.ingest(make_doc("b", kCallText)).ok());
  for (const char* q : {"'; DROP TABLE documents; --", "\" OR 1=1 --", "NEAR(", "*", "a\"b", ") AND (", "sentences_fts",
                        "^", "NOT", "\xE2\x80\x9C" "quoted" "\xE2\x80\x9D", "col:value"}) {
    Status st;
    search(store, q, false, &st);
    EXPECT_TRUE(st.ok()) << q << ": " << st.message();
  }
  EXPECT_EQ(store.counts().value().documents, 2);
  auto hits = search(store, "DROP TABLE");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["doc"], "a");
  EXPECT_NE(hits[0]["snippet"].get<std::string>().find("[DROP]"), std::string::npos);
  // The backend's query syntax on request (FTS5's, PostgreSQL's to_tsquery); a malformed
  // query is a clear error, not a crash.
  EXPECT_EQ(search(store, postgres() ? "telephone | Zanzibar" : "telephone OR Zanzibar", true).size(), 1u);
  Status st;
  search(store, postgres() ? "telephone &" : "\"unbalanced", true, &st);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("search: bad query"), std::string::npos) << st.message();
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);  // the user's query: a 400, exit status 2
}

TEST_P(StoreOn, SearchRanksTheBetterMatchFirst) {
  Store store = open_store(temp_db("db"));
  ASSERT_TRUE(store.ingest(make_doc("a", "The grain corridor was discussed briefly among many other topics of trade, "
                                         "energy, transport and the weather.")).ok());
  ASSERT_TRUE(store.ingest(make_doc("b", "Grain corridor talks: the grain corridor stays open.")).ok());
  auto hits = search(store, "grain corridor");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0]["doc"], "b");
}

// A merged event keeps each report's tolls and claims: the range across outlets, who says
// what, with the report it came from.
TEST_P(StoreOn, MergedEventShowsTheRangeOfReportedTollsAndEveryClaim) {
  Store store = open_store(temp_db("db"));
  Document a = make_doc("a", "A strike killed more than 50 people. Moscow blamed Kyiv.", "Outlet A", {2022, 4, 8});
  Event ea = make_event("", "UKRCVL", "195", {2022, 4, 8}, 0);
  ea.size.dead = Figure{50, -1, a.sentences[0].span, 0};
  ea.claims.push_back(Claim{EventActor{"RUS", {}, -1}, "blames", EventActor{"UKR", {}, -1}, 1, a.sentences[1].span});
  a.events = {ea};
  Document b = make_doc("b", "The strike killed 57 people and injured 109. Kyiv blamed Moscow.", "Outlet B", {2022, 4, 8});
  Event eb = make_event("", "UKRCVL", "195", {2022, 4, 8}, 0);
  eb.size.dead = Figure{57, 57, b.sentences[0].span, 0};
  eb.size.injured = Figure{109, 109, b.sentences[0].span, 0};
  eb.claims.push_back(Claim{EventActor{"UKR", {}, -1}, "blames", EventActor{"RUS", {}, -1}, 1, b.sentences[1].span});
  b.events = {eb};
  ASSERT_TRUE(store.ingest(a).ok());
  ASSERT_TRUE(store.ingest(b).ok());
  auto rows = events_of(store);
  ASSERT_EQ(rows.size(), 1u);  // one happening, two reports
  const auto& e = rows[0];
  EXPECT_EQ(e["articles"], 2);
  EXPECT_EQ(e["size"]["dead"]["min"], 50);
  EXPECT_EQ(e["size"]["dead"]["max"], 57);
  ASSERT_EQ(e["size"]["dead"]["reports"].size(), 2u);
  EXPECT_TRUE(e["size"]["dead"]["reports"][0]["max"].is_null());  // "more than 50": open
  EXPECT_EQ(e["size"]["injured"]["min"], 109);
  ASSERT_EQ(e["claims"].size(), 2u);
  EXPECT_EQ(e["claims"][0]["doc"], "a");
  EXPECT_EQ(e["claims"][1]["party"]["code"], "RUS");
  EXPECT_EQ(e["contested"], true);  // the reports blame different doers
}

// A listing of many events reads their reports in batches: each event still gets its own
// reports, past the first batch too, whatever order the events come in.
TEST_P(StoreOn, EveryEventOfALongListingHasItsOwnReports) {
  Store store = open_store(temp_db("db"));
  constexpr int kEvents = 150;  // more than two of the query's batches
  for (int i = 0; i < kEvents; ++i) {
    // Two days apart: never one happening.
    Date day{2022, static_cast<uint8_t>(1 + i / 14), static_cast<uint8_t>(1 + 2 * (i % 14))};
    Document d = make_doc("d" + std::to_string(i), "Strike number " + std::to_string(i) + " killed people.", "Outlet A", day);
    Event e = make_event("RUSMIL", "UKRCVL", "195", day, 0);
    e.size.dead = Figure{i + 1, i + 1, d.sentences[0].span, 0};
    d.events = {e};
    ASSERT_TRUE(store.ingest(d).ok());
  }
  auto rows = events_of(store);
  ASSERT_EQ(rows.size(), static_cast<size_t>(kEvents));
  std::set<int> tolls;
  for (const auto& e : rows) {
    ASSERT_EQ(e["articles"], 1);
    ASSERT_EQ(e["size"]["dead"]["reports"].size(), 1u);
    int dead = e["size"]["dead"]["min"];
    EXPECT_EQ(e["doc"], "d" + std::to_string(dead - 1));  // the toll of its own article
    tolls.insert(dead);
  }
  EXPECT_EQ(tolls.size(), static_cast<size_t>(kEvents));
}

// A sentence of the article that tells an event again ("57 people were killed", after "more
// than 50" in the strike's own sentence) is another report of it: one event, each report
// with its own figure, the range across them.
TEST_P(StoreOn, AReportOfAnEventInItsArticleIsAMentionOfIt) {
  Store store = open_store(temp_db("db"));
  Document a = make_doc("a", "A strike killed more than 50 people. Officials said 57 people were killed.", "Outlet A",
                        {2022, 4, 8});
  Event strike = make_event("RUSMIL", "UKRCVL", "195", {2022, 4, 8}, 0);
  strike.told.dead = Figure{50, -1, a.sentences[0].span, 0};
  strike.size.dead = Figure{57, 57, a.sentences[1].span, 1};  // the article's word, merged
  Event toll = make_event("", "UKRCVL", "1823", {2022, 4, 8}, 1);
  toll.told.dead = toll.size.dead = Figure{57, 57, a.sentences[1].span, 1};
  toll.reports = 0;
  Event wounded = make_event("", "UKRCVL", "182", {2022, 4, 8}, 1);  // "... and 109 wounded": same sentence
  wounded.told.injured = wounded.size.injured = Figure{109, 109, a.sentences[1].span, 1};
  wounded.reports = 0;
  a.events = {strike, toll, wounded};
  ASSERT_TRUE(store.ingest(a).ok());
  auto rows = events_of(store);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["size"]["injured"]["min"], 109);  // one report row carries both of its figures
  EXPECT_EQ(rows[0]["code"], "195");
  EXPECT_EQ(rows[0]["mentions"], 2);
  EXPECT_EQ(rows[0]["size"]["dead"]["min"], 50);
  EXPECT_EQ(rows[0]["size"]["dead"]["max"], 57);
  ASSERT_EQ(rows[0]["size"]["dead"]["reports"].size(), 2u);
  EXPECT_TRUE(rows[0]["size"]["dead"]["reports"][0]["max"].is_null());  // "more than 50"
}

// Where on the map and how precise: the place's point, ACLED's precision codes and the
// PLOVER type are kept per report and read back with the event.
TEST_P(StoreOn, EventsKeepTheirPointPrecisionAndPloverType) {
  Store store = open_store(temp_db("db"));
  Document a = make_doc("a", "Police arrested 40 protesters in Minsk on Sunday. They talked.", "Outlet A", {2022, 4, 8});
  Place minsk;
  minsk.span = {33, 38};
  minsk.name = "Minsk";
  minsk.country = "BLR";
  minsk.precision = 1;
  minsk.point = {53.9, 27.5667, true};
  a.places = {minsk};
  TimeExpr sunday;
  sunday.span = {42, 48};
  sunday.granularity = TimeGranularity::kDay;
  a.times = {sunday};
  Event arrest = make_event("BLRCOP", "BLROPP", "173", {2022, 4, 3}, 0);
  arrest.place = 0;
  arrest.time = 0;
  Event talk = make_event("BLRGOV", "BLROPP", "046", {}, 1);  // no place, no date
  a.events = {arrest, talk};
  ASSERT_TRUE(store.ingest(a).ok());
  auto rows = events_of(store);
  ASSERT_EQ(rows.size(), 2u);
  const auto& e = rows[0]["code"] == "173" ? rows[0] : rows[1];
  const auto& t = rows[0]["code"] == "173" ? rows[1] : rows[0];
  EXPECT_EQ(e["location"]["name"], "Minsk");
  EXPECT_DOUBLE_EQ(e["location"]["lat"].get<double>(), 53.9);
  EXPECT_DOUBLE_EQ(e["location"]["lon"].get<double>(), 27.5667);
  EXPECT_EQ(e["geo_precision"], 1);
  EXPECT_EQ(e["time_precision"], 1);
  EXPECT_EQ(e["plover"], "COERCE");
  EXPECT_TRUE(t["location"].is_null());
  EXPECT_TRUE(t["geo_precision"].is_null());
  EXPECT_TRUE(t["time_precision"].is_null());
  EXPECT_EQ(t["plover"], "CONSULT");
}

TEST_P(StoreOn, QueriesFilterEvents) {
  Store store = open_store(temp_db("db"));  // Goldstein scores from the CAMEO table: 041 +1.0, 190 -10.0
  Document a = make_doc("a", "One. Two. Three.", "X", {2022, 4, 4});
  a.events = {make_event("CHNGOV", "UKRGOV", "041", {2022, 4, 4}, 0), make_event("RUSMIL", "UKR", "190", {2022, 4, 8}, 1),
              make_event("RUSMIL", "UKRMIL", "190", {2022, 4, 12}, 2)};
  ASSERT_TRUE(store.ingest(a).ok());
  EventFilter f;
  f.actor = "CHN";
  EXPECT_EQ(events_of(store, f).size(), 1u);
  f = {};
  f.target = "UKR";
  EXPECT_EQ(events_of(store, f).size(), 3u);
  f.code = "19";
  EXPECT_EQ(events_of(store, f).size(), 2u);
  f.from = "2022-04-10";
  auto rows = events_of(store, f);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["date"], "2022-04-12");
  EXPECT_EQ(rows[0]["goldstein"], -10.0);
  EXPECT_EQ(rows[0]["quad"], 4);
  f = {};
  f.involving = "'; DROP TABLE events; --";
  EXPECT_TRUE(events_of(store, f).empty());
  f = {};
  f.from = "April";
  EXPECT_FALSE(query_events(store, f, [](const nlohmann::json&) {}).ok());

  std::vector<nlohmann::json> dyads;
  DyadOptions d;
  d.by = "month";
  ASSERT_TRUE(query_dyads(store, d, [&](const nlohmann::json& r) { dyads.push_back(r); }).ok());
  ASSERT_EQ(dyads.size(), 2u);  // CHN-UKR and RUS-UKR in 2022-04
  EXPECT_EQ(dyads[1]["source"], "RUS");
  EXPECT_EQ(dyads[1]["events"], 2);
  EXPECT_EQ(dyads[1]["goldstein"], -20.0);
  d.by = "fortnight";
  EXPECT_FALSE(query_dyads(store, d, [](const nlohmann::json&) {}).ok());
}

TEST_P(StoreOn, QuotesBySpeaker) {
  Store store = open_store(temp_db("db"));
  Document a = make_doc("a", "\"We will keep talking,\" the minister said. Nothing else.");
  a.chains.push_back(Chain{"Ana Silva", EntityType::kPerson, "BRAGOV", "test"});
  Quote q;
  q.span = {1, 22};
  q.speaker = {24, 36};
  q.speaker_chain = 0;
  a.quotes.push_back(q);
  ASSERT_TRUE(store.ingest(a).ok());
  std::vector<nlohmann::json> rows;
  QuoteFilter f;
  f.speaker = "silva";
  ASSERT_TRUE(query_quotes(store, f, [&](const nlohmann::json& r) { rows.push_back(r); }).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["text"], "We will keep talking,");
  EXPECT_EQ(rows[0]["speaker"]["canonical"], "Ana Silva");
  EXPECT_EQ(rows[0]["speaker"]["text"], "the minister");
  rows.clear();
  f.speaker = "Kuleba";
  ASSERT_TRUE(query_quotes(store, f, [&](const nlohmann::json& r) { rows.push_back(r); }).ok());
  EXPECT_TRUE(rows.empty());
}

std::vector<nlohmann::json> stories_of(Store& store) {
  std::vector<nlohmann::json> rows;
  EXPECT_TRUE(query_stories(store, [&](const nlohmann::json& r) { rows.push_back(r); }).ok());
  return rows;
}

TEST_P(StoreOn, ArticlesOnOneSubjectFormAStory) {
  Store store = open_store(temp_db("db"));
  // Background articles on other subjects, so that word weights mean something.
  const char* others[] = {
      "The central bank raised interest rates by half a point to slow inflation, its governor said.",
      "A new football stadium opened in the capital with a match between the two oldest clubs.",
      "Scientists reported a rare bird nesting on the island for the first time in fifty years.",
      "The parliament approved the budget after a long debate about pensions and hospital spending."};
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(store.ingest(make_doc("other" + std::to_string(i), others[i])).ok());
  Document a = make_doc("flood1", kLongText, "Wire", {2022, 5, 10});
  a.title = "Floods force families from river valley";
  Document b = make_doc("flood2",
                        "Volunteers filled sandbags in the river valley as flood waters kept rising. Families in "
                        "shelters waited for the rain to ease, and farmers counted the harvest lost to the floods.",
                        "Paper", {2022, 5, 11});
  b.title = "Valley floods: volunteers and farmers count losses";
  Document late = make_doc("flood3", "Flood waters rose again in the river valley and families left their homes.",
                           "Paper", {2022, 7, 1});  // the same words two months later: another story
  Document call = make_doc("call", kCallText, "Wire", {2022, 5, 10});
  call.events.push_back(make_event("CHNGOV", "UKRGOV", "041", {2022, 5, 10}));
  for (Document* d : {&a, &b, &late, &call}) ASSERT_TRUE(store.ingest(*d).ok());
  auto stories = stories_of(store);
  std::map<std::string, int64_t> docs_of;  // title -> documents
  for (auto& s : stories) docs_of[s["title"].get<std::string>()] = s["documents"].get<int64_t>();
  EXPECT_EQ(docs_of["Floods force families from river valley"], 2);
  EXPECT_EQ(stories.size(), 4u + 3u);  // the four others, the May floods, the July floods, the call
  // Events carry their story, and --story selects them.
  auto events = events_of(store);
  ASSERT_EQ(events.size(), 1u);
  ASSERT_FALSE(events[0]["story"].is_null());
  EventFilter f;
  f.story = events[0]["story"].get<int64_t>();
  EXPECT_EQ(events_of(store, f).size(), 1u);
}

TEST_P(StoreOn, ReadersSeeOnlyCommittedBatches) {
  std::string path = temp_db("db");
  Store writer = open_store(path);
  StoreOptions ro;
  ro.read_only = true;
  Store reader = open_store(path, ro);
  ASSERT_TRUE(writer.begin().ok());
  ASSERT_TRUE(writer.ingest(make_doc("a", kCallText)).ok());
  EXPECT_EQ(reader.counts().value().documents, 0);  // not blocked, and not seeing the open batch
  ASSERT_TRUE(writer.commit().ok());
  EXPECT_EQ(reader.counts().value().documents, 1);
}

TEST_P(StoreOn, AnUncommittedBatchLeavesNoTrace) {
  std::string path = temp_db("db");
  {
    Store store = open_store(path);
    ASSERT_TRUE(store.begin().ok());
    ASSERT_TRUE(store.ingest(make_doc("a", kCallText)).ok());
  }  // destroyed without commit: as if killed
  Store store = open_store(path);
  EXPECT_EQ(store.counts().value().documents, 0);
  EXPECT_TRUE(search(store, "telephone").empty());
}

void write_file(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }
std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(Store, ForeignOrCorruptedFilesAreRefusedByName) {
  std::string text = temp_db("text");
  write_file(text, "id,name\n1,not a database\n");
  auto r = Store::open(text);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find(text), std::string::npos);
  EXPECT_NE(r.status().message().find("not a sitrep database"), std::string::npos);

  std::string other = temp_db("other");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(other.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE accounts (id INTEGER, balance REAL)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  r = Store::open(other);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("another application"), std::string::npos) << r.status().message();
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);

  std::string newer = temp_db("newer");
  { open_store(newer); }
  ASSERT_EQ(sqlite3_open(newer.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO schema_version VALUES (99, 'later')", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  r = Store::open(newer);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("newer"), std::string::npos) << r.status().message();

  // A sitrep database whose first page (the schema) was overwritten.
  std::string corrupt = temp_db("corrupt");
  {
    Store s = open_store(corrupt);
    ASSERT_TRUE(s.ingest(make_doc("a", kLongText)).ok());
  }
  {
    std::fstream f(corrupt, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100);
    std::string junk(3000, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  r = Store::open(corrupt);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind(corrupt, 0), 0u) << r.status().message();

  // A directory, and a file in a missing folder.
  r = Store::open(fs::temp_directory_path().string());
  EXPECT_FALSE(r.ok());
  r = Store::open("/nonexistent-folder/sitrep.db");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent-folder/sitrep.db"), std::string::npos);
}

// Garbage inside the pages (not the header) of a valid store: the quick check on
// open refuses it for writers and readers alike, and the file is left as it was.
TEST(Store, DamagedPagesAreRefusedOnOpenAndNothingIsWritten) {
  std::string path = temp_db("damaged");
  {
    Store s = open_store(path);
    for (int i = 0; i < 40; ++i)
      ASSERT_TRUE(s.ingest(make_doc("a" + std::to_string(i), std::string(kLongText) + " Version " + std::to_string(i) + ".")).ok());
  }
  auto size = fs::file_size(path);
  ASSERT_GT(size, 64u * 1024);
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2 / 4096 * 4096));
    std::string junk(16384, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  std::string before = read_file(path);
  for (bool read_only : {false, true}) {
    StoreOptions options;
    options.read_only = read_only;
    auto r = Store::open(path, options);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().message().rfind(path + ": damaged database (", 0), 0u) << r.status().message();
    EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
    EXPECT_NE(r.status().message().find(".recover"), std::string::npos);
  }
  EXPECT_EQ(read_file(path), before);
  EXPECT_FALSE(fs::exists(path + "-wal") && fs::file_size(path + "-wal") > 0);
}

// A store written before an event's articles and outlets were kept (schema version 5):
// opening it for writing fills them from the stored reports, and later reports add to them.
TEST(Store, UpgradedStoreKeepsCountingItsEvents) {
  std::string path = temp_db("db");
  {
    Store store = open_store(path);
    Document a = make_doc("a", kCallText, "Daily One");
    Document b = make_doc("b", kLongText, "Evening Two");
    for (Document* d : {&a, &b}) {
      d->events.push_back(make_event("CHNGOV", "UKRGOV", "041", {2022, 4, 4}));
      ASSERT_TRUE(store.ingest(*d).ok());
    }
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  // What migrations 6 and 7 added, taken away: the store as version 5 left it.
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TABLE event_articles; DROP TABLE event_outlets; DROP INDEX lsh_bands_key_document; "
                         "CREATE INDEX lsh_bands_key ON lsh_bands(band_key); DELETE FROM schema_version WHERE version > 5",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);

  Store store = open_store(path);
  Document c = make_doc("c", "The paper said the two ministers spoke by phone. Nothing more.", "Daily One");
  Document d = make_doc("d", "A third outlet said the ministers had talked. Nothing more.", "Third");
  for (Document* doc : {&c, &d}) {
    doc->events.push_back(make_event("CHNGOV", "UKRGOV", "041", {2022, 4, 4}));
    ASSERT_TRUE(store.ingest(*doc).ok());
  }
  auto events = events_of(store);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["mentions"], 4);
  EXPECT_EQ(events[0]["articles"], 4);
  EXPECT_EQ(events[0]["sources"], 3);  // Daily One twice
}

TEST(Store, SchemaHasVersionAndApplicationId) {
  std::string path = temp_db("db");
  { open_store(path); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), 0x53495452);
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db, "SELECT max(version) FROM schema_version", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_GE(sqlite3_column_int(st, 0), 1);
  sqlite3_finalize(st);
  sqlite3_close(db);
  // Opening again migrates nothing and keeps the data.
  Store s = open_store(path);
  EXPECT_EQ(s.counts().value().documents, 0);
}

}  // namespace
}  // namespace sitrep::store
