// Actor dictionary and actor assignment, on sentences we wrote.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "entities/actors.h"
#include "entities/propn_mentions.h"
#include "entities_test_util.h"

namespace sitrep::entities {
namespace {

using testing_util::analyse;
using testing_util::dictionary;

// The actor code of the chain of the first mention whose text is `text`.
std::string actor_of(const Document& doc, std::string_view text) {
  for (const auto& m : doc.mentions)
    if (doc.str(m.span) == text) return m.chain >= 0 ? doc.chains[m.chain].actor : "<no chain>";
  return "<no mention " + std::string(text) + ">";
}
std::string evidence_of(const Document& doc, std::string_view text) {
  for (const auto& m : doc.mentions)
    if (doc.str(m.span) == text && m.chain >= 0) return doc.chains[m.chain].evidence;
  return {};
}

Document run(const std::string& text, const std::string& date = "2022-04-12") {
  Document doc = analyse(text, date);
  propn_mentions(doc, dictionary());
  assign_actors(doc, dictionary());
  return doc;
}

TEST(ActorDictionary, LoadsTheShippedFiles) {
  const auto& d = dictionary();
  EXPECT_GT(d.size(), 1500u);
  auto is = [&](std::string_view phrase, GazetteerCategory c, std::string_view code) {
    for (uint32_t e : d.lookup(phrase))
      if (d.entry(e).category == c && d.entry(e).code == code) return true;
    return false;
  };
  EXPECT_TRUE(is("Ukraine", GazetteerCategory::kCountryName, "UKR"));
  EXPECT_TRUE(is("U.S.", GazetteerCategory::kCountryName, "USA"));
  EXPECT_TRUE(is("Britain", GazetteerCategory::kCountryName, "GBR"));
  EXPECT_TRUE(is("Chinese", GazetteerCategory::kNationality, "CHN"));
  EXPECT_TRUE(is("Kiev", GazetteerCategory::kMetonym, "UKR"));
  EXPECT_TRUE(is("Kremlin", GazetteerCategory::kMetonym, "RUS"));
  EXPECT_TRUE(is("NATO", GazetteerCategory::kIgo, "IGOWSTNAT"));
  EXPECT_TRUE(is("UN Security Council", GazetteerCategory::kIgo, "IGOUNO"));
  EXPECT_TRUE(is("foreign minister", GazetteerCategory::kRole, "GOV"));
  EXPECT_TRUE(is("Troops", GazetteerCategory::kRole, "MIL"));  // roles ignore case
  EXPECT_TRUE(is("Zelenskyy", GazetteerCategory::kPerson, "UKRGOV"));
  EXPECT_TRUE(is("Kramatorsk", GazetteerCategory::kCity, "UKR"));
  EXPECT_FALSE(is("ukraine", GazetteerCategory::kCountryName, "UKR"));  // names keep their case
  for (uint32_t e : d.lookup("White House"))
    if (d.entry(e).category == GazetteerCategory::kMetonym) EXPECT_EQ(d.entry(e).role, "GOV");
}

class DictionaryFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           (std::string("sitrep_actors_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    write("countries.tsv",
          "code\tiso2\tnames\tadjectives\tmetonyms\tfips\tlat\tlon\n"
          "UKR\tUA\tUkraine\tUkrainian\tKyiv|Bankova=GOV\tUP\t49.2\t31.3\n");
    write("igos.tsv", "code\tnames\nIGOUNO\tUnited Nations|UN\n");
    write("roles.tsv", "role\twords\nGOV\tminister|foreign minister\n");
    write("persons.tsv", "name\taliases\tcode\tfrom\tto\toffice\nDmytro Kuleba\tKuleba\tUKRGOV\t2020-03-04\t2024-09-05\tforeign minister\n");
    write("cities.tsv", "name\tcountry\tadmin1\tlat\tlon\nLviv\tUKR\tUA-46\t49.8397\t24.0297\n");
  }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::string error() {
    auto r = ActorDictionary::load(dir_.string());
    return r.ok() ? std::string() : r.status().message();
  }
  std::filesystem::path dir_;
};

TEST_F(DictionaryFiles, SmallValidSetLoads) {
  auto r = ActorDictionary::load(dir_.string());
  ASSERT_TRUE(r.ok()) << r.status().message();
  auto e = r.value().lookup("Kuleba");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(r.value().entry(e[0]).to.iso(), "2024-09-05");
}

TEST_F(DictionaryFiles, ErrorsNameFileAndLine) {
  write("persons.tsv", "name\taliases\tcode\tfrom\tto\toffice\n# comment\nDmytro Kuleba\tKuleba\tUKRGOV\t2020-13-04\t\tminister\n");
  EXPECT_NE(error().find("persons.tsv:3: bad date in column from"), std::string::npos) << error();
  write("persons.tsv", "name\taliases\tcode\tfrom\tto\toffice\nDmytro Kuleba\tKuleba\tUKRGOV\n");
  EXPECT_NE(error().find("persons.tsv:2: 3 cells, expected 6"), std::string::npos) << error();
  write("persons.tsv", "name\tcode\n");
  EXPECT_NE(error().find("persons.tsv:1: the header must name the columns"), std::string::npos) << error();
}

TEST_F(DictionaryFiles, CityWithUnknownCountryIsAnError) {
  write("cities.tsv", "name\tcountry\tadmin1\tlat\tlon\nLviv\tXYZ\t\t\t\n");
  EXPECT_NE(error().find("cities.tsv:2: unknown country code XYZ"), std::string::npos) << error();
}

TEST_F(DictionaryFiles, BadRoleCodeIsAnError) {
  write("countries.tsv", "code\tiso2\tnames\tadjectives\tmetonyms\tfips\tlat\tlon\n"
                         "UKR\tUA\tUkraine\tUkrainian\tBankova=gov\t\t\t\n");
  EXPECT_NE(error().find("countries.tsv:2: bad role code"), std::string::npos) << error();
}

// Points on the map and in GDELT's geo columns: a city's and a country's are read, a
// malformed or out-of-range one names its row, and a row may have none.
TEST_F(DictionaryFiles, PointsAreReadAndCheckedWithTheirRow) {
  auto r = ActorDictionary::load(dir_.string());
  ASSERT_TRUE(r.ok()) << r.status().message();
  const ActorDictionary& d = r.value();
  for (uint32_t e : d.lookup("Lviv")) {
    ASSERT_TRUE(d.entry(e).point.known);
    EXPECT_NEAR(d.entry(e).point.lat, 49.8397, 1e-9);
    EXPECT_NEAR(d.entry(e).point.lon, 24.0297, 1e-9);
  }
  const ActorEntry& ukraine = d.entry(d.country("UKR"));
  EXPECT_EQ(ukraine.fips, "UP");
  EXPECT_TRUE(ukraine.point.known);
  write("cities.tsv", "name\tcountry\tadmin1\tlat\tlon\nLviv\tUKR\t\t\t\n");
  auto none = ActorDictionary::load(dir_.string());
  ASSERT_TRUE(none.ok()) << none.status().message();
  ASSERT_FALSE(none.value().lookup("Lviv").empty());
  for (uint32_t e : none.value().lookup("Lviv")) EXPECT_FALSE(none.value().entry(e).point.known);
  write("cities.tsv", "name\tcountry\tadmin1\tlat\tlon\nLviv\tUKR\t\t94.1\t24\n");
  EXPECT_NE(error().find("cities.tsv:2: lat and lon must be degrees"), std::string::npos) << error();
  write("cities.tsv", "name\tcountry\tadmin1\tlat\tlon\nLviv\tUKR\t\t49.8\t\n");
  EXPECT_NE(error().find("cities.tsv:2: lat and lon"), std::string::npos) << error();
  write("cities.tsv", "name\tcountry\tadmin1\tlat\tlon\nLviv\tUKR\t\t49,8\t24\n");
  EXPECT_NE(error().find("cities.tsv:2: lat and lon"), std::string::npos) << error();
}

TEST(ActorDictionary, MatchFindsLongestPhrases) {
  Document doc = analyse("The UN Security Council met in New York with Ukrainian Foreign Minister Dmytro Kuleba.");
  std::vector<GazetteerHit> hits;
  dictionary().match(doc, 0, hits);
  std::vector<std::string> seen;
  for (const auto& h : hits) {
    std::string t(doc.str({doc.words[h.first_word].span.begin, doc.words[h.first_word + h.word_count - 1].span.end}));
    seen.push_back(t + "/" + gazetteer_category_name(h.category));
  }
  auto has = [&](const std::string& s) { return std::find(seen.begin(), seen.end(), s) != seen.end(); };
  EXPECT_TRUE(has("UN Security Council/igo"));
  EXPECT_FALSE(has("UN/igo"));  // inside the longer phrase
  EXPECT_TRUE(has("New York/city"));
  EXPECT_TRUE(has("Ukrainian/nationality"));
  EXPECT_TRUE(has("Foreign Minister/role"));
  EXPECT_TRUE(has("Dmytro Kuleba/person"));
}

TEST(Actors, PersonsByDocumentDate) {
  std::string text = "Biden spoke with Trump about the talks.";
  Document d2022 = run(text, "2022-04-12");
  EXPECT_EQ(actor_of(d2022, "Biden"), "USAGOV");
  EXPECT_EQ(actor_of(d2022, "Trump"), "");  // out of office in 2022
  Document d2025 = run(text, "2025-06-01");
  EXPECT_EQ(actor_of(d2025, "Biden"), "");
  EXPECT_EQ(actor_of(d2025, "Trump"), "USAGOV");
  EXPECT_NE(evidence_of(d2025, "Trump").find("dictionary: Donald Trump, president"), std::string::npos);
  Document undated = run(text, "");
  EXPECT_EQ(actor_of(undated, "Trump"), "USAGOV");  // unknown date: the current office
}

// A person the dictionary knows only by an undated default role ("elite", ELI) takes the
// title the text gives; a dated office stays the dictionary's.
TEST(Actors, ATitleInTheTextBeatsAnUndatedDictionaryRole) {
  bool undated_eli = false;
  for (uint32_t e : dictionary().lookup("Hun Sen"))
    undated_eli = undated_eli || (dictionary().entry(e).code.ends_with("ELI") && !dictionary().entry(e).from.known());
  if (!undated_eli) GTEST_SKIP() << "the shipped dictionary no longer has an undated entry for Hun Sen";
  Document doc = run("Cambodian Prime Minister Hun Sen visited Beijing on Wednesday. His adviser met officials.",
                     "2006-11-01");
  EXPECT_EQ(actor_of(doc, "Hun Sen"), "KHMGOV") << evidence_of(doc, "Hun Sen");
  // A possessive takes the code the title gave, not the dictionary's stale one.
  EXPECT_NE(evidence_of(doc, "His adviser").find("His = KHMGOV"), std::string::npos) << evidence_of(doc, "His adviser");
  Document plain = run("Hun Sen visited Beijing on Wednesday.", "2006-11-01");
  EXPECT_EQ(actor_of(plain, "Hun Sen"), "KHMELI");  // no title: the dictionary's word
}

// A capitalised role word the recognizer takes for a name is still a description: the
// sentence-initial "Gunmen", "Police" in a headline. A name with a word outside the
// dictionary stays a name.
TEST(Actors, ARoleWordTakenForANameIsADescription) {
  Document doc = run("Gunmen killed three policemen in Kabul on Monday.");
  EXPECT_EQ(actor_of(doc, "Gunmen"), "REB");  // the country comes later, from the place (events)
  Document caps = run("Afghan Police Arrested Three Men In Kabul.");
  EXPECT_EQ(actor_of(caps, "Afghan Police"), "AFGCOP");
  EXPECT_EQ(actor_of(run("Mario Police opened a restaurant in Kabul."), "Mario Police"), "");
}

// A description's owner may follow it behind "of" ("The government of Sudan").
TEST(Actors, OwnerBehindOf) {
  EXPECT_EQ(actor_of(run("The government of Sudan received aid from Japan."), "The government"), "SDNGOV");
  EXPECT_EQ(actor_of(run("The police of Belarus arrested ten men."), "The police"), "BLRCOP");
}

TEST(Actors, WeakSurnameNeedsTheFullName) {
  EXPECT_EQ(actor_of(run("Austin said the talks would go on."), "Austin"), "");
  Document doc = run("Lloyd Austin arrived in Brussels. Austin said the talks would go on.");
  EXPECT_EQ(actor_of(doc, "Austin"), "USAGOVMIL");
}

TEST(Actors, NamesAndMetonyms) {
  Document doc = run("The Kremlin rejected the offer, while NATO and Beijing stayed silent.");
  EXPECT_EQ(actor_of(doc, "Kremlin"), "RUSGOV");
  EXPECT_EQ(actor_of(doc, "NATO"), "IGOWSTNAT");
  EXPECT_EQ(actor_of(doc, "Beijing"), "CHN");
}

TEST(Actors, TitleBeforeName) {
  Document doc = run("White House press secretary Mary Hollis said the sanctions would stay.");
  EXPECT_EQ(actor_of(doc, "Mary Hollis"), "USAGOV");
  EXPECT_NE(evidence_of(doc, "Mary Hollis").find("title: White House press secretary"), std::string::npos)
      << evidence_of(doc, "Mary Hollis");
  Document d2 = run("Ukrainian Foreign Minister Petro Danyliuk met reporters in Lviv.");
  EXPECT_EQ(actor_of(d2, "Petro Danyliuk"), "UKRGOV");
}

TEST(Actors, AppositionAfterName) {
  Document doc = run("Li Wenhao, China's deputy permanent representative to the UN, said talks must continue.");
  EXPECT_EQ(actor_of(doc, "Li Wenhao"), "CHNGOV");
  EXPECT_NE(evidence_of(doc, "Li Wenhao").find("apposition: China's deputy permanent representative"),
            std::string::npos) << evidence_of(doc, "Li Wenhao");
}

// "The soldiers freed Tom Reyes, a police officer said": a description a finite verb follows
// is the speaker, not who the name is.
TEST(Actors, DescriptionBeforeASpeechVerbIsNoApposition) {
  Document doc = run("Gunmen kidnapped Tom Reyes, a Philippine army officer said on Monday.");
  EXPECT_EQ(evidence_of(doc, "Tom Reyes").find("apposition"), std::string::npos) << evidence_of(doc, "Tom Reyes");
  EXPECT_NE(actor_of(doc, "Tom Reyes"), "PHLMIL");
  Document kept = run("Gunmen kidnapped Tom Reyes, a Philippine army officer serving in Jolo.");
  EXPECT_EQ(actor_of(kept, "Tom Reyes"), "PHLMIL") << evidence_of(kept, "Tom Reyes");
}

TEST(Actors, AppositionBeforeNameWithPossessive) {
  Document doc = run("In the debate, Poland's envoy to the UN, Marek Nowicki, criticised the vote.");
  EXPECT_EQ(actor_of(doc, "Marek Nowicki"), "POLGOV");  // not the UN's: "to the UN" is where he is sent
  Document d2 = run("Moscow's envoy to the OSCE, Pavel Sorokin, left the room.");
  EXPECT_EQ(actor_of(d2, "Pavel Sorokin"), "RUSGOV");
}

TEST(Actors, PossessivePronounPointsToAKnownPerson) {
  Document doc = run("Joe Biden met reporters on Monday. His national security adviser, Tom Fielding, spoke later.");
  EXPECT_EQ(actor_of(doc, "Tom Fielding"), "USAGOV");
  EXPECT_NE(evidence_of(doc, "Tom Fielding").find("USAGOV"), std::string::npos);
}

TEST(Actors, PossessivePronounPrefersTheSubject) {
  Document doc = run("Joe Biden called Putin a liar, while his chief of staff, Anna Berg, urged calm.");
  EXPECT_EQ(actor_of(doc, "Anna Berg"), "USAGOV");  // his = Biden, the subject, not the nearer Putin
}

TEST(Actors, CoordinatedTitlesGoInOrder) {
  Document doc = run("Talks between French and Polish defence ministers Jean Marais and Adam Nowak ended.");
  EXPECT_EQ(actor_of(doc, "Jean Marais"), "FRAGOVMIL");
  EXPECT_EQ(actor_of(doc, "Adam Nowak"), "POLGOVMIL");
}

TEST(Actors, NominalRoleDescriptions) {
  Document doc = run("Russian troops shelled the town, Ukrainian officials said, and civilians fled.");
  EXPECT_EQ(actor_of(doc, "Russian troops"), "RUSMIL");
  EXPECT_EQ(actor_of(doc, "Ukrainian officials"), "UKRGOV");
  EXPECT_EQ(actor_of(doc, "civilians"), "CVL");
  Document d2 = run("Kuleba later met his Chinese counterpart in Warsaw.");
  EXPECT_EQ(actor_of(d2, "his Chinese counterpart"), "CHNGOV");
}

TEST(Actors, OwnerAfterOfButNotAfterTo) {
  Document doc = run("The foreign minister of Kenya, Ruth Achieng, spoke first.");
  EXPECT_EQ(actor_of(doc, "Ruth Achieng"), "KENGOV");
  Document d2 = run("Tom Reed, an envoy to Kenya, spoke first.");
  EXPECT_EQ(actor_of(d2, "Tom Reed"), "GOV");  // a role, but whose envoy is not said
}

TEST(Actors, ClausesAreNoAppositions) {
  EXPECT_EQ(actor_of(run("After meeting Chinese officials, Anna Berg flew home."), "Anna Berg"), "");
  EXPECT_EQ(actor_of(run("Anna Berg, who met Chinese officials, flew home."), "Anna Berg"), "");
  // A title followed by another name describes that name, not the one before the comma.
  EXPECT_EQ(actor_of(run("On Friday, Russian Foreign Minister Ivan Sorin arrived."), "Friday"), "<no mention Friday>");
  EXPECT_EQ(actor_of(run("Anna Berg, Russian Foreign Minister Ivan Sorin and others arrived."), "Anna Berg"), "");
}

TEST(Actors, OrganisationTitles) {
  Document doc = run("UN Secretary-General Ana Ruiz called for a ceasefire.");
  EXPECT_EQ(actor_of(doc, "Ana Ruiz"), "IGOUNO");  // organisations take no role suffix
}

TEST(Actors, NoRoleNoCodeForAPerson) {
  // A nationality next to a name is not an office.
  Document doc = run("Maria Petrenko, a Ukrainian, left her home in March.");
  EXPECT_EQ(actor_of(doc, "Maria Petrenko"), "");
}

TEST(Actors, ExistingChainsShareOneCode) {
  Document doc = analyse("Li Wenhao, China's ambassador to Kenya, arrived. Li said the visit went well.");
  propn_mentions(doc, dictionary());
  // One chain for both mentions of Li, as a coreference stage would give.
  Chain c;
  c.canonical = "Li Wenhao";
  c.type = EntityType::kPerson;
  doc.chains.push_back(c);
  for (auto& m : doc.mentions)
    if (doc.str(m.span) == "Li Wenhao" || doc.str(m.span) == "Li") m.chain = 0;
  assign_actors(doc, dictionary());
  EXPECT_EQ(doc.chains[0].actor, "CHNGOV");
  EXPECT_EQ(actor_of(doc, "Li"), "CHNGOV");
}

TEST(Actors, ExportLearnedWritesDictionaryLines) {
  Document doc = run("Li Wenhao, China's ambassador to Kenya, arrived on Monday.");
  std::string out = export_learned(doc);
  EXPECT_NE(out.find("Li Wenhao\tWenhao\tCHNGOV\t2022-04-12\t2022-04-12\tapposition: China's ambassador"),
            std::string::npos) << out;
}

}  // namespace
}  // namespace sitrep::entities
