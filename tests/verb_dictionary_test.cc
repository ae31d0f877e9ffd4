// Our verb dictionary format (docs/verb-dictionary.md): every element, every
// error, and the shipped dictionary under data/verbs/.
#include "events/verb_dictionary.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;
using namespace sitrep;
using events::TargetFrom;
using events::VerbPattern;

namespace {

const events::Ontology& small_ontology() {
  static const events::Ontology o = [] {
    // (One file per test process: ctest -j runs this file's tests side by side.)
    fs::path p = fs::temp_directory_path() / ("sitrep_verbdict_ontology_" + std::to_string(::getpid()) + ".tsv");
    std::ofstream(p) << "code\tname\troot\tlevel\tgoldstein\tquad\n"
                        "04\tCONSULT\t04\t1\t1.0\t1\n"
                        "041\tDiscuss by telephone\t04\t2\t1.0\t1\n"
                        "042\tMake a visit\t04\t2\t1.9\t1\n"
                        "111\tCriticize or denounce\t11\t2\t-2.0\t3\n"
                        "120\tReject\t12\t2\t-4.0\t3\n"
                        "125\tReject proposal to meet\t12\t2\t-5.0\t3\n"
                        "163\tImpose embargo\t16\t2\t-8.0\t4\n"
                        "195\tEmploy aerial weapons\t19\t2\t-10.0\t4\n";
    return events::Ontology::load(p.string()).value();
  }();
  return o;
}

// Parses `text` as a file named `file`; the patterns, or the error message.
std::vector<VerbPattern> parse_ok(const std::string& text, const std::string& file = "test.txt") {
  std::vector<VerbPattern> out;
  Status st = events::parse_verb_patterns(text, file, small_ontology(), &out);
  EXPECT_TRUE(st.ok()) << st.message();
  return out;
}

std::string parse_error(const std::string& text, const std::string& file = "test.txt") {
  std::vector<VerbPattern> out;
  Status st = events::parse_verb_patterns(text, file, small_ontology(), &out);
  EXPECT_FALSE(st.ok()) << text;
  return st.message();
}

}  // namespace

TEST(VerbDictionary, PlainVerbWithCommentsAndBlankLines) {
  auto p = parse_ok("# a comment line\n\n111\tcondemn  # denounce\n");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].code, "111");
  EXPECT_EQ(p[0].head, "condemn");
  EXPECT_FALSE(p[0].noun);
  EXPECT_TRUE(p[0].object.empty());
  EXPECT_EQ(p[0].target, TargetFrom::kDefault);
  EXPECT_FALSE(p[0].symmetric);
  EXPECT_EQ(p[0].origin, "test.txt:3");
}

TEST(VerbDictionary, EveryElement) {
  auto p = parse_ok(
      "195\tn:strike mod:air|missile|drone\n"
      "041\tspeak prep:by:phone|telephone symmetric\n"
      "163\timpose obj:sanction|embargo target:prep:on\n"
      "125\trefuse xcomp:negotiate|talk\n"
      "120\tturn prt:down target:obj\n"
      "120\tvote prep:against\n"
      "042\tpay obj:visit target:iobj\n"
      "111\tdenounce target:none\n"
      "111\tface obj:criticism source:prep:from\n");
  ASSERT_EQ(p.size(), 9u);
  EXPECT_TRUE(p[0].noun);
  EXPECT_EQ(p[0].head, "strike");
  EXPECT_EQ(p[0].modifiers, (std::vector<std::string>{"air", "missile", "drone"}));
  EXPECT_EQ(p[1].prep, "by");
  EXPECT_EQ(p[1].prep_object, (std::vector<std::string>{"phone", "telephone"}));
  EXPECT_TRUE(p[1].symmetric);
  EXPECT_EQ(p[1].target, TargetFrom::kDefault);
  EXPECT_EQ(p[2].object, (std::vector<std::string>{"sanction", "embargo"}));
  EXPECT_EQ(p[2].target, TargetFrom::kPreposition);
  EXPECT_EQ(p[2].target_prep, "on");
  EXPECT_EQ(p[3].xcomp, (std::vector<std::string>{"negotiate", "talk"}));
  EXPECT_EQ(p[4].particle, "down");
  EXPECT_EQ(p[4].target, TargetFrom::kObject);
  // A phrase with any object names the target.
  EXPECT_EQ(p[5].prep, "against");
  EXPECT_TRUE(p[5].prep_object.empty());
  EXPECT_EQ(p[5].target, TargetFrom::kPreposition);
  EXPECT_EQ(p[5].target_prep, "against");
  EXPECT_EQ(p[6].target, TargetFrom::kIndirectObject);
  EXPECT_EQ(p[7].target, TargetFrom::kNone);
  EXPECT_EQ(events::pattern_text(p[2]), "impose obj:sanction|embargo target:prep:on");
  EXPECT_EQ(events::pattern_text(p[1]), "speak prep:by:phone|telephone symmetric");
  EXPECT_EQ(p[8].source_prep, "from");
  EXPECT_EQ(events::pattern_text(p[8]), "face obj:criticism source:prep:from");
}

// "a:" heads are predicate adjectives: read apart from verbs and nouns, written back as such.
TEST(VerbDictionary, AdjectiveHeads) {
  auto p = parse_ok("111\ta:critical prep:of target:prep:of\n111\tcritical\n");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_TRUE(p[0].adjective);
  EXPECT_FALSE(p[0].noun);
  EXPECT_EQ(p[0].head, "critical");
  EXPECT_FALSE(p[1].adjective);
  EXPECT_EQ(events::pattern_text(p[0]), "a:critical prep:of");
}

TEST(VerbDictionary, SpacesOrTabAfterTheCodeAndWindowsLineEnds) {
  auto p = parse_ok("111 condemn\r\n111\t\tdenounce\r\n");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].head, "condemn");
  EXPECT_EQ(p[1].head, "denounce");
}

TEST(VerbDictionary, ErrorsNameFileLineAndElement) {
  struct Case {
    const char* line;
    const char* expect;
  } cases[] = {
      {"999\tcondemn", "unknown CAMEO code '999'"},
      {"condemn\t111", "unknown CAMEO code 'condemn'"},
      {"111", "code 111 without a pattern"},
      {"111\tCondemn", "bad head 'Condemn'"},
      {"111\tn:", "bad head 'n:'"},
      {"111\ta:", "bad head 'a:'"},
      {"111\tcondemn sharply", "unknown element 'sharply'"},
      {"163\timpose obj:", "'obj:': expected lower-case lemmas"},
      {"163\timpose obj:sanction||embargo", "'obj:sanction||embargo'"},
      {"163\timpose obj:Sanction", "'obj:Sanction'"},
      {"163\timpose obj:sanction obj:embargo", "'obj:embargo': object given twice"},
      {"041\tspeak prep:", "'prep:': expected prep:P"},
      {"041\tspeak prep:by:", "'prep:by:'"},
      {"041\tspeak prep:by:phone prep:on:phone", "prepositional phrase given twice"},
      {"125\trefuse xcomp:", "'xcomp:'"},
      {"195\tn:strike mod:Air", "'mod:Air'"},
      {"120\tturn prt:", "'prt:': expected a lower-case particle"},
      {"120\tturn prt:down prt:up", "particle given twice"},
      {"111\tcondemn target:subject", "'target:subject': expected target:obj"},
      {"111\tcondemn target:prep:", "'target:prep:'"},
      {"111\tcondemn target:obj target:none", "target given twice"},
      {"041\tcall symmetric symmetric", "'symmetric' given twice"},
      {"111\tface source:obj", "'source:obj': expected source:prep:P"},
      {"111\tface source:prep:from source:prep:by", "source given twice"},
  };
  for (const auto& c : cases) {
    std::string msg = parse_error(std::string("# header\n") + c.line + "\n", "dir/file.txt");
    EXPECT_EQ(msg.rfind("dir/file.txt:2: ", 0), 0u) << msg;
    EXPECT_NE(msg.find(c.expect), std::string::npos) << c.line << " -> " << msg;
  }
}

TEST(VerbDictionary, FileOfOneRootHoldsOnlyThatRoot) {
  EXPECT_EQ(parse_ok("041\tphone\n", "04-consult.txt").size(), 1u);
  std::string msg = parse_error("041\tphone\n111\tcondemn\n", "data/04-consult.txt");
  EXPECT_NE(msg.find("04-consult.txt:2: code 111 is not of root 04"), std::string::npos) << msg;
}

TEST(VerbDictionary, DirectoryLoadRejectsDuplicatesAndConflicts) {
  fs::path dir = fs::temp_directory_path() / ("sitrep_verbdict_dir_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "a.txt") << "111\tcondemn\n";
  std::ofstream(dir / "b.txt") << "120\tvote prep:against\n";
  std::ofstream(dir / "notes.md") << "not a dictionary\n";
  auto ok = events::load_verb_dictionary(dir.string(), small_ontology());
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok.value().size(), 2u);
  EXPECT_EQ(ok.value()[0].head, "condemn");  // files in name order

  std::ofstream(dir / "c.txt") << "\n111\tcondemn\n";
  auto dup = events::load_verb_dictionary(dir.string(), small_ontology());
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("c.txt:2: 'condemn' already written at"), std::string::npos)
      << dup.status().message();
  EXPECT_NE(dup.status().message().find("a.txt:1"), std::string::npos);

  std::ofstream(dir / "c.txt") << "120\tcondemn\n";
  auto conflict = events::load_verb_dictionary(dir.string(), small_ontology());
  ASSERT_FALSE(conflict.ok());
  EXPECT_NE(conflict.status().message().find("with code 111"), std::string::npos) << conflict.status().message();

  EXPECT_FALSE(events::load_verb_dictionary((dir / "missing").string(), small_ontology()).ok());
  fs::remove_all(dir);
}

TEST(VerbDictionary, ShippedDictionaryCoversEveryRootWithValidCodes) {
  auto ontology = events::Ontology::load_default();
  ASSERT_TRUE(ontology.ok()) << ontology.status().message();
  auto dict = events::load_default_verb_dictionary(ontology.value());
  ASSERT_TRUE(dict.ok()) << dict.status().message();
  const auto& patterns = dict.value();
  EXPECT_GE(patterns.size(), 1000u);
  std::set<std::string> roots;
  size_t nouns = 0;
  for (const auto& p : patterns) {
    const auto* c = ontology.value().find(p.code);
    ASSERT_NE(c, nullptr) << p.origin;
    roots.insert(c->root);
    nouns += p.noun;
  }
  EXPECT_EQ(roots.size(), 20u);
  EXPECT_GT(nouns, 50u);
}

TEST(VerbDictionary, ShippedDictionaryHasTheIssuesExamples) {
  auto ontology = events::Ontology::load_default();
  ASSERT_TRUE(ontology.ok());
  auto dict = events::load_default_verb_dictionary(ontology.value());
  ASSERT_TRUE(dict.ok()) << dict.status().message();
  auto code_of = [&](const std::string& text) -> std::string {
    for (const auto& p : dict.value())
      if (events::pattern_text(p) == text) return p.code;
    return "missing: " + text;
  };
  EXPECT_EQ(code_of("condemn"), "111");
  EXPECT_EQ(code_of("call prep:for:talk|negotiation|dialogue|meeting|summit"), "026");
  EXPECT_EQ(code_of("phone symmetric"), "041");
  EXPECT_EQ(code_of("speak prep:by:phone|telephone|videolink symmetric"), "041");
  EXPECT_EQ(code_of("n:call mod:phone|telephone|video symmetric"), "041");
  EXPECT_EQ(code_of("impose obj:sanction target:prep:on"), "163");
  EXPECT_EQ(code_of("vote prep:against"), "120");
  EXPECT_EQ(code_of("express obj:sympathy|condolence|solidarity|sorrow|grief|regret|sadness"), "018");
  EXPECT_EQ(code_of("urge"), "020");
  EXPECT_EQ(code_of("warn"), "130");
  EXPECT_EQ(code_of("thank"), "051");
  EXPECT_EQ(code_of("praise"), "051");
  EXPECT_EQ(code_of("blame"), "112");
  EXPECT_EQ(code_of("accuse"), "112");
  EXPECT_EQ(code_of("n:shelling"), "194");
  EXPECT_EQ(code_of("n:strike mod:air|missile|drone"), "195");
  EXPECT_EQ(code_of("n:airstrike"), "195");
}
