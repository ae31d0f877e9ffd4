// Every output of every command is valid UTF-8 (stdout and stderr), and every
// JSONL line is valid JSON, on text rich in multi-byte characters: guillemets,
// CJK, modifier and typographic apostrophes, combining accents, Cyrillic,
// Arabic, emoji, no-break and zero-width spaces; and a file name that is not
// UTF-8. Runs the built binary as a user would.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/normalize.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

// Written by us: news-like sentences with events, in many scripts.
const char* kText =
    "China 中国 and Ukraine held talks in Kyiv on Monday, April 4, 2022.\n\n"
    "«Russia shelled Kharkiv», said Zelenskyʼs office — the city’s mayor Ігор Терехов agreed.\n\n"
    "The foreign minister of Qatar (قطر) condemned the attack on Tuesday 🙏.\n\n"
    "Cafe\u0301 owners in Ste\u0301phane’s district protested against the curfew in Paris.\n\n"
    "Police arrested 40 protesters in Minsk\u00a0on Sunday\u200b, officials said.\n\n"
    "China 中国 to tighten supervision of advertising for medical products.\n";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool valid_utf8(const std::string& s) {
  text::NormalizeReport rep;
  text::normalize(s, &rep);
  return rep.invalid_sequences == 0;
}

class Utf8Outputs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("sitrep_utf8." + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "corpus");
    std::ofstream(dir_ / "corpus" / "r\xe9sum\xe9-\xff.txt", std::ios::binary) << kText;  // Latin-1 name bytes
    std::ofstream(dir_ / "corpus" / "wire.jsonl", std::ios::binary)
        << nlohmann::json{{"id", "w1"}, {"date", "2022-04-05"}, {"title", "Kyiv — «talks»"}, {"text", kText}}.dump()
        << "\n";
    db_ = (dir_ / "store.db").string();
    ASSERT_EQ(run("ingest " + corpus() + " --db " + db_ + " --date 2022-04-05 -q").exit, 0);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  struct Run {
    int exit = -1;
    std::string out, err;
  };
  static Run run(const std::string& args) {
    fs::path err = dir_ / "stderr.txt";
    std::string cmd = std::string(SITREP_BINARY) + " " + args + " 2>" + err.string();
    Run r;
    std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
    char buf[65536];
    for (size_t n; (n = fread(buf, 1, sizeof buf, p.get())) > 0;) r.out.append(buf, n);
    int status = pclose(p.release());
    r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = slurp(err);
    return r;
  }
  static std::string corpus() { return (dir_ / "corpus").string(); }

  // Runs the command; its outputs must be valid UTF-8, and each line JSON when `jsonl`.
  void check(const std::string& args, bool jsonl) {
    Run r = run(args);
    EXPECT_EQ(r.exit, 0) << args << "\n" << r.err;
    EXPECT_FALSE(r.out.empty()) << args;
    EXPECT_TRUE(valid_utf8(r.out)) << args;
    EXPECT_TRUE(valid_utf8(r.err)) << args << ": stderr";
    if (!jsonl) return;
    size_t begin = 0, lines = 0;
    while (begin < r.out.size()) {
      size_t end = r.out.find('\n', begin);
      if (end == std::string::npos) end = r.out.size();
      std::string line = r.out.substr(begin, end - begin);
      EXPECT_FALSE(nlohmann::json::parse(line, nullptr, false).is_discarded()) << args << ": " << line;
      ++lines;
      begin = end + 1;
    }
    EXPECT_GT(lines, 0u) << args;
  }

  static inline fs::path dir_;
  static inline std::string db_;
};

TEST_F(Utf8Outputs, AnalysisCommands) {
  check("parse --format conllu " + corpus(), false);
  check("parse --format jsonl " + corpus(), true);
  check("events " + corpus() + " --date 2022-04-05", true);
  check("events --format tsv " + corpus() + " --date 2022-04-05", false);
  check("events --format gdelt " + corpus() + " --date 2022-04-05", false);
  check("entities " + corpus(), true);
  check("quotes " + corpus(), true);
  check("times " + corpus() + " --date 2022-04-05", true);
}

TEST_F(Utf8Outputs, StoreCommands) {
  check("events --db " + db_, true);
  check("events --db " + db_ + " --format csv", false);
  check("search --db " + db_ + " 中国", true);
  check("search --db " + db_ + " Kyiv --format tsv", false);
  check("dyads --db " + db_, true);
  check("stories --db " + db_, true);
  check("quotes --db " + db_, true);
}

TEST_F(Utf8Outputs, FileNamesThatAreNotUtf8AreShownReplaced) {
  Run r = run("events " + corpus() + " --date 2022-04-05");
  EXPECT_NE(r.out.find("r\xef\xbf\xbdsum\xef\xbf\xbd-\xef\xbf\xbd"), std::string::npos) << r.out.substr(0, 300);
}

}  // namespace
}  // namespace sitrep
