// The CAMEO ontology table: loading, lookups, quad classes, and the shipped
// table checked against GDELT's published files (read here independently).
#include "events/ontology.h"
#include "store/store.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace fs = std::filesystem;
using namespace sitrep;
using events::CameoCode;
using events::cameo_code;
using events::Ontology;
using events::Quad;

namespace {

std::string write_temp(const std::string& name, const std::string& text) {
  fs::path p = fs::temp_directory_path() / ("sitrep_ontology_" + name);
  std::ofstream(p) << text;
  return p.string();
}

const char* kHeader = "code\tname\troot\tlevel\tgoldstein\tquad\n";

// ../shared/data/cameo beside the checkout (main checkout, worktree, or a copy inside).
std::string shared_cameo() {
  for (const char* rel : {"/../shared/data/cameo", "/../../shared/data/cameo", "/shared/data/cameo"}) {
    std::string d = std::string(SITREP_SOURCE_DIR) + rel;
    if (fs::is_directory(d)) return d;
  }
  return "";
}

// code -> second column of a published tsv (header skipped, CR stripped).
std::map<std::string, std::string> read_published(const std::string& path) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string code = line.substr(0, tab);
    while (!code.empty() && code.back() == ' ') code.pop_back();
    out[code] = line.substr(tab + 1);
  }
  return out;
}

TEST(OntologyFacts, PopulationsAreCiviliansRefugeesAndCommunitiesOnly) {
  for (const char* code : {"ZAFCVL", "SYRREF", "ROUJEW", "IRQMUS", "LBNCHRCVL"}) EXPECT_TRUE(events::is_population(code)) << code;
  for (const char* code : {"ZAF", "ZAFGOV", "SYRREB", "IRQMUSREB", "VATREL", "IGOUNO", "CVL", ""})
    EXPECT_FALSE(events::is_population(code)) << code;
}

TEST(Ontology, TheStoresQuadClassIsTheOntologys) {
  // One definition: protest (14) is verbal conflict, investigate (09) material cooperation.
  for (int root = 1; root <= 20; ++root) {
    std::string code = (root < 10 ? "0" : "") + std::to_string(root) + "0";
    EXPECT_EQ(store::quad_class(code), static_cast<int>(events::quad_of_root(root))) << code;
  }
  EXPECT_EQ(store::quad_class("144"), 3);
  EXPECT_EQ(store::quad_class("090"), 2);
  EXPECT_EQ(store::quad_class("x1"), 0);
}

}  // namespace

TEST(Ontology, LoadsATableAndFindsCodes) {
  auto o = Ontology::load(write_temp("ok.tsv", std::string(kHeader) +
                                                   "04\tCONSULT\t04\t1\t1.0\t1\n"
                                                   "041\tDiscuss by telephone\t04\t2\t1.0\t1\n"
                                                   "195\tEmploy aerial weapons\t19\t2\t-10.0\t4\n"
                                                   "0211\tAppeal for economic cooperation\t02\t3\t3.4\t1\n"));
  ASSERT_TRUE(o.ok()) << o.status().message();
  const auto* c = o.value().find("195");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "Employ aerial weapons");
  EXPECT_EQ(c->root, "19");
  EXPECT_EQ(c->level, 2);
  EXPECT_FLOAT_EQ(c->goldstein, -10.0f);
  EXPECT_EQ(c->quad, Quad::kMaterialConflict);
  EXPECT_EQ(o.value().find("0211")->level, 3);
  EXPECT_EQ(o.value().find("04")->level, 1);
  EXPECT_EQ(o.value().find("042"), nullptr);
  EXPECT_EQ(o.value().find(""), nullptr);
  EXPECT_EQ(o.value().find("41"), nullptr);
}

TEST(Ontology, QuadOfEveryRoot) {
  EXPECT_EQ(events::quad_of_root(1), Quad::kVerbalCooperation);
  EXPECT_EQ(events::quad_of_root(5), Quad::kVerbalCooperation);
  EXPECT_EQ(events::quad_of_root(6), Quad::kMaterialCooperation);
  EXPECT_EQ(events::quad_of_root(9), Quad::kMaterialCooperation);
  EXPECT_EQ(events::quad_of_root(10), Quad::kVerbalConflict);
  EXPECT_EQ(events::quad_of_root(14), Quad::kVerbalConflict);
  EXPECT_EQ(events::quad_of_root(15), Quad::kMaterialConflict);
  EXPECT_EQ(events::quad_of_root(20), Quad::kMaterialConflict);
  EXPECT_STREQ(events::quad_name(Quad::kVerbalCooperation), "verbal cooperation");
  EXPECT_STREQ(events::quad_name(Quad::kMaterialConflict), "material conflict");
}

TEST(Ontology, ErrorsNameFileLineAndField) {
  struct Case {
    const char* row;
    const char* expect;
  } cases[] = {
      {"041\tDiscuss\t04\t2\t1.0\n", "expected 6"},
      {"4x1\tDiscuss\t04\t2\t1.0\t1\n", "bad code '4x1'"},
      {"04123\tDiscuss\t04\t4\t1.0\t1\n", "bad code '04123'"},
      {"041\tDiscuss\t05\t2\t1.0\t1\n", "root '05'"},
      {"241\tDiscuss\t24\t2\t1.0\t1\n", "outside 01-20"},
      {"041\tDiscuss\t04\t3\t1.0\t1\n", "level '3'"},
      {"041\tDiscuss\t04\t2\tmany\t1\n", "Goldstein score 'many'"},
      {"041\tDiscuss\t04\t2\t11.0\t1\n", "Goldstein score '11.0'"},
      {"041\tDiscuss\t04\t2\t1.0\t3\n", "quad '3'"},
  };
  for (const auto& c : cases) {
    std::string path = write_temp("bad.tsv", std::string(kHeader) + c.row);
    auto o = Ontology::load(path);
    ASSERT_FALSE(o.ok()) << c.row;
    EXPECT_NE(o.status().message().find(path + ":2: "), std::string::npos) << o.status().message();
    EXPECT_NE(o.status().message().find(c.expect), std::string::npos) << o.status().message();
  }
  std::string dup = write_temp("dup.tsv", std::string(kHeader) + "041\ta\t04\t2\t1.0\t1\n041\tb\t04\t2\t1.0\t1\n");
  auto o = Ontology::load(dup);
  ASSERT_FALSE(o.ok());
  EXPECT_NE(o.status().message().find(":3: duplicate code 041"), std::string::npos) << o.status().message();
  EXPECT_FALSE(Ontology::load("/nonexistent/ontology.tsv").ok());
}

TEST(Ontology, ShippedTableHasEveryRootAndKnownScores) {
  auto o = Ontology::load_default();
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_GT(o.value().codes().size(), 300u);
  for (int r = 1; r <= 20; ++r) {
    std::string root = fmt::format("{:02d}", r);
    ASSERT_NE(o.value().find(root), nullptr) << root;
    EXPECT_EQ(o.value().find(root)->level, 1);
  }
  // The examples, by name.
  EXPECT_EQ(o.value().find("041")->name, "Discuss by telephone");
  EXPECT_EQ(o.value().find("163")->name, "Impose embargo, boycott, or sanctions");
  EXPECT_EQ(o.value().find("111")->quad, Quad::kVerbalConflict);
  EXPECT_EQ(o.value().find("0874")->root, "08");
  EXPECT_EQ(o.value().find("0874")->quad, Quad::kMaterialCooperation);
}

// The compiled-in table is data/cameo/ontology.tsv, row for row: what the store, server
// and writers read cannot drift from the file (a build after editing it regenerates it).
TEST(Ontology, CompiledTableIsTheDataFile) {
  auto file = Ontology::load(std::string(SITREP_SOURCE_DIR) + "/data/cameo/ontology.tsv");
  ASSERT_TRUE(file.ok()) << file.status().message();
  const Ontology& built = Ontology::builtin();
  ASSERT_EQ(built.codes().size(), file.value().codes().size());
  for (size_t i = 0; i < built.codes().size(); ++i) {
    const CameoCode &a = built.codes()[i], &b = file.value().codes()[i];
    EXPECT_EQ(a.code, b.code);
    EXPECT_EQ(a.name, b.name) << a.code;
    EXPECT_EQ(a.root, b.root) << a.code;
    EXPECT_EQ(a.level, b.level) << a.code;
    EXPECT_EQ(a.goldstein, b.goldstein) << a.code;
    EXPECT_EQ(a.quad, b.quad) << a.code;
  }
  EXPECT_EQ(cameo_code("190"), built.find("190"));
  EXPECT_EQ(cameo_code("999"), nullptr);
}

TEST(Ontology, ShippedTableMatchesPublishedFiles) {
  std::string dir = shared_cameo();
  if (dir.empty()) GTEST_SKIP() << "../shared/data/cameo is absent";
  auto names = read_published(dir + "/eventcodes.tsv");
  auto scores = read_published(dir + "/goldstein.tsv");
  auto o = Ontology::load_default();
  ASSERT_TRUE(o.ok()) << o.status().message();
  size_t event_codes = 0;
  for (const auto& [code, name] : names) {
    if (code.size() < 2) continue;  // the four quad-class rows
    ++event_codes;
    const auto* c = o.value().find(code);
    ASSERT_NE(c, nullptr) << code;
    ASSERT_TRUE(scores.count(code)) << code;
    EXPECT_FLOAT_EQ(c->goldstein, std::stof(scores[code])) << code;
  }
  EXPECT_EQ(event_codes, o.value().codes().size());
  // A few by hand, from GDELT's published table.
  EXPECT_FLOAT_EQ(o.value().find("018")->goldstein, 3.4f);
  EXPECT_FLOAT_EQ(o.value().find("195")->goldstein, -10.0f);
  EXPECT_FLOAT_EQ(o.value().find("016")->goldstein, -2.0f);
}
