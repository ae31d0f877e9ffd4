// Event and quote writers on hand-built Documents: JSONL fields, TSV columns,
// GDELT 2.0 columns, quote fields.
#include "events/plover.h"
#include "entities_test_util.h"
#include "io/event_writers.h"
#include "output/records.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include <unistd.h>

using namespace sitrep;
using nlohmann::json;

namespace {

Span span_of(const Document& doc, std::string_view needle) {
  size_t at = doc.text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

const events::Ontology& ontology() {
  static const events::Ontology o = [] {
    // (One file per process: ctest runs the cases of this file as parallel processes, and a
    // shared name let one case read the file while another was rewriting it.)
    auto p = std::filesystem::temp_directory_path() /
             ("sitrep_event_writers_ontology_" + std::to_string(::getpid()) + ".tsv");
    std::ofstream(p) << "code\tname\troot\tlevel\tgoldstein\tquad\n"
                        "041\tDiscuss by telephone\t04\t2\t1.0\t1\n"
                        "111\tCriticize or denounce\t11\t2\t-2.0\t3\n"
                        "1823\tKill by physical assault\t18\t3\t-10.0\t4\n";
    auto loaded = events::Ontology::load(p.string()).value();
    std::filesystem::remove(p);
    return loaded;
  }();
  return o;
}

// "Russia condemned the attack in Kyiv on Monday, Lavrov said.\n\"We will respond,\" he said."
Document sample() {
  Document doc;
  doc.id = "doc-1";
  doc.url = "https://example.org/a";
  doc.date = Date{2022, 4, 12};
  doc.text = "Russia condemned the attack in Kyiv on Monday, Lavrov said.\n\"We will respond,\" he said. Kyiv\tcalm.";
  doc.blocks = {{span_of(doc, "Russia condemned the attack in Kyiv on Monday, Lavrov said."), BlockKind::kNews},
                {span_of(doc, "\"We will respond,\" he said. Kyiv\tcalm."), BlockKind::kNews}};
  Sentence s0, s1;
  s0.span = doc.blocks[0].span;
  s0.block = 0;
  s1.span = doc.blocks[1].span;
  s1.block = 1;
  doc.sentences = {s0, s1};
  doc.chains = {Chain{"Sergei Lavrov", EntityType::kPerson, "RUSGOV", "dictionary"}};
  TimeExpr monday;
  monday.span = span_of(doc, "Monday");
  monday.value = "2022-04-11";
  monday.date = Date{2022, 4, 11};
  monday.granularity = TimeGranularity::kDay;
  doc.times = {monday};
  Place kyiv;
  kyiv.span = span_of(doc, "Kyiv");
  kyiv.name = "Kyiv";
  kyiv.country = "UKR";
  doc.places = {kyiv};

  Event e;
  e.sentence = 0;
  e.span = span_of(doc, "condemned");
  e.source = EventActor{"RUSGOV", span_of(doc, "Russia"), -1};
  e.target = EventActor{"", span_of(doc, "the attack"), -1};
  e.code = "111";
  e.pattern = "11-disapprove.txt:12";
  e.date = Date{2022, 4, 11};
  e.time = 0;
  e.place = 0;
  e.reported_by = EventActor{"RUSGOV", span_of(doc, "Lavrov"), 0};
  e.confidence = 0.75f;
  Event f;  // a bare event: no target, no date, no place, an unknown code
  f.sentence = 1;
  f.span = span_of(doc, "Kyiv\tcalm");
  f.source = EventActor{"", Span{}, -1};
  f.code = "999";
  f.negated = true;
  f.future = true;
  f.confidence = 0.5f;
  doc.events = {e, f};

  Quote q;
  q.span = span_of(doc, "We will respond,");
  q.sentence = 1;
  q.speaker = span_of(doc, "he");
  q.speaker_chain = 0;
  q.cue = span_of(doc, "said.\n") ;
  q.cue.end -= 2;  // "said"
  q.direct = true;
  Quote r;  // indirect, no speaker found
  r.span = span_of(doc, "the attack in Kyiv");
  r.direct = false;
  doc.quotes = {q, r};
  return doc;
}

std::vector<json> lines_as_json(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
  return out;
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t at = line.find(sep, start);
    out.push_back(line.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

}  // namespace

// A material event's size: every kind, null where the text states none, max null when open.
TEST(EventWriters, MaterialEventsCarryTheirSize) {
  Document doc = sample();
  doc.events.resize(1);
  doc.events[0].code = "190";
  doc.events[0].size.dead = Figure{57, 57, doc.events[0].source.text, 0};
  doc.events[0].size.arrested = Figure{24, -1, {}, 0};
  doc.events[0].claims.push_back(Claim{doc.events[0].reported_by, "blames", doc.events[0].source, 0, doc.events[0].span});
  doc.events[0].contested = true;
  std::ostringstream out;
  io::write_events_jsonl(doc, ontology(), out);
  auto rows = lines_as_json(out.str());
  ASSERT_EQ(rows.size(), 1u);
  const json& size = rows[0]["size"];
  ASSERT_TRUE(size.is_object()) << rows[0].dump();
  EXPECT_EQ(size.size(), 4u);
  EXPECT_EQ(size["dead"]["min"], 57);
  EXPECT_EQ(size["dead"]["max"], 57);
  EXPECT_EQ(size["dead"]["text"], "Russia");
  EXPECT_EQ(size["arrested"]["min"], 24);
  EXPECT_TRUE(size["arrested"]["max"].is_null());
  EXPECT_TRUE(size["injured"].is_null());
  EXPECT_TRUE(size["displaced"].is_null());
  ASSERT_EQ(rows[0]["claims"].size(), 1u);
  const json& claim = rows[0]["claims"][0];
  EXPECT_EQ(claim["by"]["text"], "Lavrov");
  EXPECT_EQ(claim["stance"], "blames");
  EXPECT_EQ(claim["party"]["code"], "RUSGOV");
  EXPECT_EQ(claim["sent"], 1);
  EXPECT_EQ(claim["evidence"], "condemned");
  EXPECT_EQ(rows[0]["contested"], true);
}

TEST(EventWriters, JsonlHasEveryFieldOfTheIssue) {
  Document doc = sample();
  std::ostringstream out;
  io::write_events_jsonl(doc, ontology(), out);
  auto rows = lines_as_json(out.str());
  ASSERT_EQ(rows.size(), 2u);
  const json& e = rows[0];
  for (const char* key : {"doc", "sent", "date", "date_text", "source", "target", "code", "root", "goldstein", "quad",
                          "plover", "negated", "future", "reported_by", "location", "time_precision", "geo_precision",
                          "size", "claims", "contested", "evidence", "pattern", "confidence"})
    EXPECT_TRUE(e.contains(key)) << key;
  EXPECT_EQ(e.size(), 23u);
  EXPECT_EQ(e["plover"], "ACCUSE");  // 111 criticize
  EXPECT_TRUE(rows[1]["plover"].is_null());  // 999 is no CAMEO code
  EXPECT_TRUE(e["location"]["lat"].is_null());  // the hand-built place has no point
  EXPECT_EQ(e["claims"], json::array());
  EXPECT_EQ(e["contested"], false);
  EXPECT_EQ(e["time_precision"], 1);  // "on Monday": the day
  EXPECT_TRUE(e["geo_precision"].is_null());  // the hand-built place has no precision
  EXPECT_TRUE(e["size"].is_null());  // 111 is no material event
  EXPECT_EQ(e["doc"], "doc-1");
  EXPECT_EQ(e["sent"], 1);
  EXPECT_EQ(e["date"], "2022-04-11");
  EXPECT_EQ(e["date_text"], "Monday");
  EXPECT_EQ(e["source"]["code"], "RUSGOV");
  EXPECT_EQ(e["source"]["text"], "Russia");
  EXPECT_TRUE(e["target"]["code"].is_null());
  EXPECT_EQ(e["target"]["text"], "the attack");
  EXPECT_EQ(e["code"], "111");
  EXPECT_EQ(e["root"], "11");
  EXPECT_DOUBLE_EQ(e["goldstein"].get<double>(), -2.0);
  EXPECT_EQ(e["quad"], 3);
  EXPECT_EQ(e["negated"], false);
  EXPECT_EQ(e["future"], false);
  EXPECT_EQ(e["reported_by"]["code"], "RUSGOV");
  EXPECT_EQ(e["reported_by"]["text"], "Lavrov");
  EXPECT_EQ(e["location"]["name"], "Kyiv");
  EXPECT_EQ(e["location"]["country"], "UKR");
  EXPECT_EQ(e["evidence"], "condemned");
  EXPECT_EQ(e["pattern"], "11-disapprove.txt:12");
  EXPECT_NEAR(e["confidence"].get<double>(), 0.75, 1e-6);

  const json& f = rows[1];
  EXPECT_TRUE(f["pattern"].is_null());  // coded by no dictionary line
  EXPECT_EQ(f["sent"], 2);
  EXPECT_TRUE(f["date"].is_null());
  EXPECT_TRUE(f["date_text"].is_null());
  EXPECT_TRUE(f["source"]["code"].is_null());
  EXPECT_TRUE(f["target"]["text"].is_null());
  EXPECT_EQ(f["root"], "99");
  EXPECT_TRUE(f["goldstein"].is_null());  // not in the ontology
  EXPECT_TRUE(f["quad"].is_null());
  EXPECT_TRUE(f["time_precision"].is_null());  // no date
  EXPECT_EQ(f["negated"], true);
  EXPECT_EQ(f["future"], true);
  EXPECT_TRUE(f["reported_by"].is_null());
  EXPECT_TRUE(f["location"].is_null());
  EXPECT_EQ(f["evidence"], "Kyiv\tcalm");  // escaped by JSON, read back intact
}

TEST(EventWriters, TsvHeaderAndRowsHaveTheSameColumns) {
  Document doc = sample();
  std::ostringstream out;
  io::write_events_tsv_header(out);
  io::write_events_tsv(doc, ontology(), out);
  auto lines = split(out.str(), '\n');
  ASSERT_EQ(lines.size(), 4u);  // header, two rows, the empty string after the last newline
  EXPECT_EQ(lines[3], "");
  auto header = split(lines[0], '\t');
  auto row = split(lines[1], '\t');
  auto bare = split(lines[2], '\t');
  ASSERT_EQ(header.size(), 20u);
  ASSERT_EQ(row.size(), header.size());
  ASSERT_EQ(bare.size(), header.size());
  auto col = [&](const std::vector<std::string>& r, const std::string& name) {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return r[i];
    ADD_FAILURE() << "no column " << name;
    return std::string();
  };
  EXPECT_EQ(col(row, "doc"), "doc-1");
  EXPECT_EQ(col(row, "source_code"), "RUSGOV");
  EXPECT_EQ(col(row, "target_code"), "");
  EXPECT_EQ(col(row, "target_text"), "the attack");
  EXPECT_EQ(col(row, "goldstein"), "-2.0");
  EXPECT_EQ(col(row, "quad"), "3");
  EXPECT_EQ(col(row, "reported_by_text"), "Lavrov");
  EXPECT_EQ(col(row, "location_country"), "UKR");
  EXPECT_EQ(col(bare, "negated"), "true");
  EXPECT_EQ(col(bare, "evidence"), "Kyiv calm");  // the tab became a space
  EXPECT_EQ(col(bare, "date"), "");
}

TEST(EventWriters, GdeltRowsHave61ColumnsInGdeltsOrder) {
  Document doc = sample();
  std::ostringstream out;
  uint64_t next_id = 100;
  io::write_events_gdelt(doc, ontology(), nullptr, &next_id, out);
  EXPECT_EQ(next_id, 102u);
  auto lines = split(out.str(), '\n');
  ASSERT_EQ(lines.size(), 3u);
  auto row = split(lines[0], '\t');
  ASSERT_EQ(row.size(), 61u);
  auto col = [&](const std::vector<std::string>& r, const std::string& name) {
    for (int i = 0; i < io::kGdeltColumns; ++i)
      if (name == io::kGdeltColumnNames[i]) return r[i];
    ADD_FAILURE() << "no column " << name;
    return std::string();
  };
  EXPECT_STREQ(io::kGdeltColumnNames[0], "GLOBALEVENTID");
  EXPECT_STREQ(io::kGdeltColumnNames[26], "EventCode");
  EXPECT_STREQ(io::kGdeltColumnNames[60], "SOURCEURL");
  EXPECT_EQ(col(row, "GLOBALEVENTID"), "100");
  EXPECT_EQ(col(row, "SQLDATE"), "20220411");
  EXPECT_EQ(col(row, "MonthYear"), "202204");
  EXPECT_EQ(col(row, "Year"), "2022");
  EXPECT_EQ(col(row, "FractionDate"), "2022.2767");  // day 101 of 365
  EXPECT_EQ(col(row, "Actor1Code"), "RUSGOV");
  EXPECT_EQ(col(row, "Actor1Name"), "Russia");
  EXPECT_EQ(col(row, "Actor2Name"), "the attack");
  EXPECT_EQ(col(row, "IsRootEvent"), "1");
  EXPECT_EQ(col(row, "EventCode"), "111");
  EXPECT_EQ(col(row, "EventBaseCode"), "111");
  EXPECT_EQ(col(row, "EventRootCode"), "11");
  EXPECT_EQ(col(row, "QuadClass"), "3");
  EXPECT_EQ(col(row, "GoldsteinScale"), "-2.0");
  EXPECT_EQ(col(row, "NumMentions"), "1");
  EXPECT_EQ(col(row, "AvgTone"), "");
  EXPECT_EQ(col(row, "ActionGeo_FullName").substr(0, 4), "Kyiv");
  EXPECT_EQ(col(row, "DATEADDED"), "20220412000000");
  EXPECT_EQ(col(row, "SOURCEURL"), "https://example.org/a");
  if (!io::actor_country("RUSGOV").empty()) {  // iso-codes installed
    EXPECT_EQ(col(row, "Actor1CountryCode"), "RUS");
    EXPECT_EQ(col(row, "Actor1Type1Code"), "GOV");
    EXPECT_EQ(col(row, "ActionGeo_Type"), "4");
    EXPECT_EQ(col(row, "ActionGeo_FullName"), "Kyiv, Ukraine");
  }
  auto bare = split(lines[1], '\t');
  ASSERT_EQ(bare.size(), 61u);
  EXPECT_EQ(col(bare, "GLOBALEVENTID"), "101");
  EXPECT_EQ(col(bare, "SQLDATE"), "");
  EXPECT_EQ(col(bare, "IsRootEvent"), "0");
  EXPECT_EQ(col(bare, "EventBaseCode"), "999");
  EXPECT_EQ(col(bare, "QuadClass"), "");
}

// The geo columns, with the shipped gazetteer's FIPS codes and points: the event's place
// (a town 4, a region 5, a country 1), each actor where the event is when it is of that
// country, else at its own country.
TEST(EventWriters, GdeltGeoColumnsCarryFipsCodesAndPoints) {
  if (io::actor_country("RUSGOV").empty()) GTEST_SKIP() << "iso-codes is not installed";
  const entities::ActorDictionary& dict = testing_util::dictionary();
  Document doc = sample();
  doc.places[0].precision = 1;
  doc.places[0].point = {50.45, 30.52, true};
  doc.events[0].target.code = "UKRCVL";
  auto row_of = [&](const Document& d) {
    std::ostringstream out;
    uint64_t next_id = 1;
    io::write_events_gdelt(d, ontology(), &dict, &next_id, out);
    return split(split(out.str(), '\n')[0], '\t');
  };
  auto col = [&](const std::vector<std::string>& r, const std::string& name) {
    for (int i = 0; i < io::kGdeltColumns; ++i)
      if (name == io::kGdeltColumnNames[i]) return r[i];
    ADD_FAILURE() << "no column " << name;
    return std::string();
  };
  auto row = row_of(doc);
  EXPECT_EQ(col(row, "ActionGeo_Type"), "4");
  EXPECT_EQ(col(row, "ActionGeo_FullName"), "Kyiv, Ukraine");
  EXPECT_EQ(col(row, "ActionGeo_CountryCode"), "UP");  // FIPS, not ISO
  EXPECT_EQ(col(row, "ActionGeo_Lat"), "50.4500");
  EXPECT_EQ(col(row, "ActionGeo_Long"), "30.5200");
  EXPECT_EQ(col(row, "Actor2Geo_FullName"), "Kyiv, Ukraine");  // Ukrainians where it happened
  EXPECT_EQ(col(row, "Actor1Geo_Type"), "1");                  // Russia's government: Russia
  EXPECT_EQ(col(row, "Actor1Geo_FullName"), "Russian Federation");
  EXPECT_EQ(col(row, "Actor1Geo_CountryCode"), "RS");
  double lat = std::stod(col(row, "Actor1Geo_Lat")), lon = std::stod(col(row, "Actor1Geo_Long"));
  EXPECT_TRUE(lat > 50 && lat < 70 && lon > 40 && lon < 140) << lat << " " << lon;  // inside Russia
  doc.places[0].precision = 2;  // a region: GDELT's world state
  EXPECT_EQ(col(row_of(doc), "ActionGeo_Type"), "5");
  doc.places[0].point.of_country = true;  // its country's point standing in: no lat/long of its own
  EXPECT_EQ(col(row_of(doc), "ActionGeo_Lat"), "");
  EXPECT_EQ(col(row_of(doc), "ActionGeo_CountryCode"), "UP");
  doc.places[0].precision = 3;
  doc.places[0].name = "Ukraine";
  doc.places[0].point = {};  // a country without a point of its own: the gazetteer's
  row = row_of(doc);
  EXPECT_EQ(col(row, "ActionGeo_Type"), "1");
  EXPECT_EQ(col(row, "ActionGeo_FullName"), "Ukraine");
  lat = std::stod(col(row, "ActionGeo_Lat")), lon = std::stod(col(row, "ActionGeo_Long"));
  EXPECT_TRUE(lat > 45 && lat < 52 && lon > 22 && lon < 40) << lat << " " << lon;  // inside Ukraine
}

TEST(EventWriters, ActorCountryOnlyForIsoPrefixes) {
  if (io::actor_country("USAGOV").empty()) GTEST_SKIP() << "iso-codes is not installed";
  EXPECT_EQ(io::actor_country("USAGOV"), "USA");
  EXPECT_EQ(io::actor_country("UKR"), "UKR");
  EXPECT_EQ(io::actor_country("GOV"), "");
  EXPECT_EQ(io::actor_country("IGOUNO"), "");
  EXPECT_EQ(io::actor_country("US"), "");
}

// `sitrep quotes` and the Python package's quotes (src/output).
TEST(EventWriters, QuotesJsonl) {
  Document doc = sample();
  std::ostringstream out;
  output::write_quotes_jsonl(doc, out);
  auto rows = lines_as_json(out.str());
  ASSERT_EQ(rows.size(), 2u);
  const json& q = rows[0];
  EXPECT_EQ(q.size(), 8u);
  EXPECT_EQ(q["doc"], "doc-1");
  EXPECT_EQ(q["sent"], 2);
  EXPECT_EQ(q["text"], "We will respond,");
  EXPECT_EQ(q["speaker"]["text"], "he");
  EXPECT_EQ(q["speaker"]["canonical"], "Sergei Lavrov");
  EXPECT_EQ(q["speaker"]["actor"], "RUSGOV");
  EXPECT_EQ(q["cue"], "said");
  EXPECT_EQ(q["direct"], true);
  EXPECT_EQ(doc.text.substr(q["start"].get<size_t>(), q["end"].get<size_t>() - q["start"].get<size_t>()),
            "We will respond,");
  const json& r = rows[1];
  EXPECT_TRUE(r["speaker"].is_null());  // no speaker found
  EXPECT_TRUE(r["cue"].is_null());
  EXPECT_EQ(r["direct"], false);
}

TEST(EventWriters, FormatNames) {
  EXPECT_EQ(io::parse_event_format("gdelt").value(), io::EventFormat::kGdelt);
  EXPECT_EQ(io::parse_event_format("tsv").value(), io::EventFormat::kTsv);
  EXPECT_EQ(io::parse_event_format("jsonl").value(), io::EventFormat::kJsonl);
  EXPECT_FALSE(io::parse_event_format("csv").ok());
}

// PLOVER: the crosswalk gives every CAMEO code outside plain statements one of the 16
// types; the writer makes one record per happening.
TEST(Plover, CrosswalkCoversEveryCodeWithTheSixteenTypes) {
  for (const auto& row : events::plover_crosswalk()) {
    if (row.event.empty()) continue;
    bool known = false;
    for (std::string_view t : events::kPloverTypes) known = known || row.event == t;
    EXPECT_TRUE(known) << row.code << " " << row.event;
  }
  for (const auto& c : events::Ontology::builtin().codes()) {
    const events::PloverType* t = events::plover_of(c.code);
    if (c.root == "01" && c.code != "015" && c.code != "016" && c.code != "018" && c.code != "019") {
      EXPECT_EQ(t, nullptr) << c.code;
    } else if (c.level > 1) {
      EXPECT_NE(t, nullptr) << c.code << " " << c.name;
    }
  }
  EXPECT_EQ(events::plover_of("041")->event, "CONSULT");
  EXPECT_EQ(events::plover_of("041")->mode, "phone");
  EXPECT_EQ(events::plover_of("195")->event, "ASSAULT");
  EXPECT_EQ(events::plover_of("195")->mode, "aerial");
  EXPECT_EQ(events::plover_of("1823")->event, "ASSAULT");
  EXPECT_EQ(events::plover_of("1832")->mode, "explosives");  // 183's row
  EXPECT_EQ(events::plover_of("173")->event, "COERCE");
  EXPECT_EQ(events::plover_of("010"), nullptr);
}

TEST(Plover, OneRecordPerHappening) {
  Document doc = sample();
  Event call;  // "A and B spoke by phone": both directions of one mutual event
  call.sentence = 0;
  call.span = span_of(doc, "condemned");
  call.code = "041";
  call.mutual = true;
  call.date = Date{2022, 4, 11};
  call.source = EventActor{"UKRGOV", span_of(doc, "Russia"), -1};
  call.target = EventActor{"CHNGOV", span_of(doc, "Lavrov"), -1};
  Event back = call;
  std::swap(back.source, back.target);
  Event again = call;  // told again in the next sentence, with a country alone
  again.sentence = 1;
  again.span = span_of(doc, "respond");
  again.source.code = "UKR";
  Event strike;  // two attackers of one target: one record, two actors
  strike.sentence = 1;
  strike.span = span_of(doc, "calm");
  strike.code = "195";
  strike.source = EventActor{"RUSMIL", span_of(doc, "We"), -1};
  strike.target = EventActor{"UKR", span_of(doc, "Kyiv"), -1};
  strike.size.dead = Figure{57, 57, span_of(doc, "Kyiv"), 1};
  Event strike2 = strike;
  strike2.source = EventActor{"BLRMIL", span_of(doc, "he"), -1};
  Event statement = strike;  // a plain statement is no PLOVER event
  statement.code = "010";
  Event retold = strike;  // the strike told again elsewhere, with its injured
  retold.sentence = 0;
  retold.span = span_of(doc, "Russia");
  retold.size = Magnitudes{};
  retold.size.injured = Figure{109, 109, span_of(doc, "Lavrov"), 0};
  Event retold2 = strike2;
  retold2.sentence = 0;
  retold2.span = retold.span;
  retold2.size = Magnitudes{};
  doc.events = {call, back, again, strike, strike2, statement, retold, retold2};
  std::ostringstream out;
  io::write_events_plover(doc, out);
  auto rows = lines_as_json(out.str());
  ASSERT_EQ(rows.size(), 2u) << out.str();
  const json& c = rows[0];
  EXPECT_EQ(c["id"], "doc-1-1");
  EXPECT_EQ(c["event"], "CONSULT");
  EXPECT_EQ(c["mode"], "phone");
  EXPECT_EQ(c["date"], "2022-04-11");
  ASSERT_EQ(c["actor"].size(), 1u);
  EXPECT_EQ(c["actor"][0]["code"], "UKRGOV");
  EXPECT_EQ(c["actor"][0]["sector"], "GOV");
  EXPECT_EQ(c["recipient"][0]["code"], "CHNGOV");
  EXPECT_EQ(c["cite_info"]["url"], "https://example.org/a");
  EXPECT_EQ(c["text_info"]["sentence"], 1);
  const json& a = rows[1];
  EXPECT_EQ(a["event"], "ASSAULT");
  EXPECT_EQ(a["mode"], "aerial");
  EXPECT_EQ(a["context"], json::array({"military"}));
  ASSERT_EQ(a["actor"].size(), 2u);
  EXPECT_EQ(a["actor"][1]["code"], "BLRMIL");
  EXPECT_EQ(a["recipient"][0]["code"], "UKR");
  EXPECT_EQ(a["size"]["dead"]["min"], 57);
  EXPECT_EQ(a["size"]["injured"]["min"], 109);  // from the retelling
  EXPECT_EQ(a["event_loc"], nullptr);
  // A toll sentence that reports the strike ("57 people were killed": another code, no
  // source) is a telling of its record, not a record of its own.
  Event toll;
  toll.sentence = 1;
  toll.span = span_of(doc, "respond");
  toll.code = "1823";
  toll.target = EventActor{"UKRCVL", span_of(doc, "Kyiv"), -1};
  toll.size.dead = Figure{57, 57, span_of(doc, "Kyiv"), 1};
  toll.reports = 3;  // the strike
  doc.events.push_back(toll);
  std::ostringstream again_out;
  io::write_events_plover(doc, again_out);
  EXPECT_EQ(lines_as_json(again_out.str()).size(), 2u) << again_out.str();
}
