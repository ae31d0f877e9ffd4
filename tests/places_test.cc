// Places: the gazetteer and places learned from context, on sentences we wrote.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "entities_test_util.h"
#include "places/places.h"
#include "time/time_expressions.h"

namespace sitrep::places {
namespace {

using testing_util::analyse;
using testing_util::dictionary;

const Gazetteer& gazetteer() {
  static const Gazetteer g = Gazetteer::load_default(dictionary()).value();
  return g;
}

// Marks every occurrence of the word run `name` as a GPE name mention, as a NER would.
void mark(Document& doc, const std::string& name) {
  for (uint32_t w = 0; w < doc.words.size(); ++w) {
    std::string_view rest = std::string_view(doc.text).substr(doc.words[w].span.begin);
    if (!rest.starts_with(name)) continue;
    uint32_t e = w;
    while (e < doc.words.size() && doc.words[e].span.end <= doc.words[w].span.begin + name.size()) ++e;
    if (e == w || doc.words[e - 1].span.end != doc.words[w].span.begin + name.size()) continue;
    Mention m;
    m.span = {doc.words[w].span.begin, doc.words[e - 1].span.end};
    m.first_word = w, m.word_count = e - w, m.head_word = e - 1, m.type = EntityType::kGpe;
    for (uint32_t s = 0; s < doc.sentences.size(); ++s)
      if (w >= doc.sentences[s].first_word) m.sentence = s;
    doc.mentions.push_back(m);
  }
  std::sort(doc.mentions.begin(), doc.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
}

Document run(const std::string& text, const std::vector<std::string>& names) {
  Document doc = analyse(text);
  for (const auto& n : names) mark(doc, n);
  timex::find_times(doc);  // as the pipeline: times before places
  resolve_places(doc, gazetteer(), dictionary());
  return doc;
}

const Place* place(const Document& doc, std::string_view text, size_t nth = 0) {
  for (const auto& p : doc.places)
    if (doc.str(p.span) == text && nth-- == 0) return &p;
  return nullptr;
}

TEST(Gazetteer, CountriesCitiesAndSubdivisions) {
  const auto& g = gazetteer();
  ASSERT_TRUE(g.find("Kyiv"));
  EXPECT_EQ(g.find("Kyiv")->country, "UKR");
  EXPECT_EQ(g.find("Kyiv")->admin1, "UA-30");
  EXPECT_EQ(g.find("Kiev")->country, "UKR");
  EXPECT_EQ(g.find("the United States")->country, "USA");
  if (std::filesystem::exists("/usr/share/iso-codes/json/iso_3166-2.json")) {
    ASSERT_TRUE(g.find("Texas"));
    EXPECT_EQ(g.find("Texas")->admin1, "US-TX");
    EXPECT_EQ(g.find("Texas")->country, "USA");
    // As English news writes subdivisions: without the ISO name's diacritics ("Khōst"),
    // and with their kind ("Khost province", "Diyala governorate").
    for (const char* name : {"Khōst", "Khost", "Khost province", "Diyala governorate"}) {
      ASSERT_TRUE(g.find(name)) << name;
      EXPECT_EQ(g.find(name)->country, std::string_view(name).starts_with("Kh") ? "AFG" : "IRQ") << name;
    }
    EXPECT_FALSE(g.find("Khost city"));
  }
  EXPECT_FALSE(g.find("Atlantis"));
}

TEST(Gazetteer, MissingIsoCodesFileLeavesCountriesAndCities) {
  auto g = Gazetteer::load(dictionary(), "/nonexistent/iso_3166-2.json");
  ASSERT_TRUE(g.ok());
  EXPECT_NE(g.value().warning().find("not found"), std::string::npos);
  EXPECT_EQ(g.value().find("Lviv")->country, "UKR");
  EXPECT_FALSE(g.value().find("Texas"));
}

TEST(Places, GazetteerMentionsAndMissedCities) {
  Document doc = run("Shells hit Kharkiv and Odesa on Monday, officials in Kyiv said.", {"Kharkiv"});
  ASSERT_TRUE(place(doc, "Kharkiv"));
  EXPECT_EQ(place(doc, "Kharkiv")->country, "UKR");
  EXPECT_EQ(place(doc, "Kharkiv")->admin1, "UA-63");
  EXPECT_EQ(place(doc, "Kharkiv")->mention, 0);
  ASSERT_TRUE(place(doc, "Odesa"));  // no mention: found by the gazetteer scan
  EXPECT_EQ(place(doc, "Odesa")->mention, -1);
  EXPECT_EQ(place(doc, "Odesa")->country, "UKR");
}

TEST(Places, AppositionWithPlaceNoun) {
  Document doc = run("Horenka, the village northwest of Kyiv, was shelled overnight.", {"Horenka"});
  ASSERT_TRUE(place(doc, "Horenka"));
  EXPECT_EQ(place(doc, "Horenka")->country, "UKR");
  EXPECT_NE(place(doc, "Horenka")->evidence.find("apposition: the village northwest of Kyiv"), std::string::npos)
      << place(doc, "Horenka")->evidence;
}

TEST(Places, CommaCountry) {
  Document doc = run("Protesters gathered in Vilkovo, Romania, on Sunday.", {"Vilkovo"});
  ASSERT_TRUE(place(doc, "Vilkovo"));
  EXPECT_EQ(place(doc, "Vilkovo")->country, "ROU");
}

TEST(Places, InRegionOfCountryAndLaterMentions) {
  Document doc = run("Rockets struck Druzhkivka, in eastern Ukraine, at dawn. Later the Druzhkivka bus station was closed.",
                     {"Druzhkivka"});
  ASSERT_TRUE(place(doc, "Druzhkivka", 0));
  EXPECT_EQ(place(doc, "Druzhkivka", 0)->country, "UKR");
  ASSERT_TRUE(place(doc, "Druzhkivka", 1));
  EXPECT_EQ(place(doc, "Druzhkivka", 1)->country, "UKR");
  EXPECT_NE(place(doc, "Druzhkivka", 1)->evidence.find("learned in this text"), std::string::npos);
}

TEST(Places, NationalityCityOf) {
  Document doc = run("Fighting continued near the Ukrainian city of Vuhledar.", {"Vuhledar"});
  ASSERT_TRUE(place(doc, "Vuhledar"));
  EXPECT_EQ(place(doc, "Vuhledar")->country, "UKR");
}

TEST(Places, UnknownPlaceStaysUnknown) {
  Document doc = run("They met in Zarnovia on Monday.", {"Zarnovia"});
  ASSERT_TRUE(place(doc, "Zarnovia"));
  EXPECT_EQ(place(doc, "Zarnovia")->country, "");
}

// ACLED's geo_precision: a town 1, a region 2, a country 3; a country naming whose a
// thing is ("a US patrol") is no place at all.
TEST(Places, PrecisionOfTownRegionAndCountry) {
  Document doc = run("Shells hit Kharkiv, the Golan Heights and northern Iraq as Ukraine and a US patrol watched.",
                     {"Kharkiv", "Golan Heights", "Iraq", "Ukraine", "US"});
  ASSERT_TRUE(place(doc, "Kharkiv"));
  EXPECT_EQ(place(doc, "Kharkiv")->precision, 1);
  ASSERT_TRUE(place(doc, "Golan Heights"));
  EXPECT_EQ(place(doc, "Golan Heights")->precision, 2);
  ASSERT_TRUE(place(doc, "northern Iraq"));
  EXPECT_EQ(place(doc, "northern Iraq")->precision, 2);
  ASSERT_TRUE(place(doc, "Ukraine"));
  EXPECT_EQ(place(doc, "Ukraine")->precision, 3);
  EXPECT_FALSE(place(doc, "US"));
  // A country before a day name is still where it happened (AP style: "in Iraq Sunday").
  Document ap = run("A bomb exploded in Iraq Sunday.", {"Iraq"});
  EXPECT_TRUE(place(ap, "Iraq"));
}

}  // namespace
}  // namespace sitrep::places
