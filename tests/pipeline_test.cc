// End-to-end: files in, sentences and tokens out, through the library and the
// `sitrep` binary the user runs.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "io/readers.h"
#include "io/writers.h"
#include "pipeline/pipeline.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

const Pipeline& pipeline() {
  static const Pipeline p = Pipeline::load_default().value();
  return p;
}

std::vector<Document> read_and_process(const std::vector<std::string>& paths, Status* status = nullptr) {
  std::vector<Document> docs;
  Status st = io::read_inputs(paths, {}, [&](Document&& d) {
    pipeline().process(d);
    docs.push_back(std::move(d));
  }, [](const std::string&) {});
  if (status) *status = st;
  return docs;
}

struct CliRun {
  int status;
  std::string out;
  std::string err;
};

// Runs the sitrep binary with `args`; captures stdout and stderr.
// With `input`, standard input reads it.
CliRun run_sitrep(const std::string& args, const std::string* input = nullptr) {
  // One folder per test: ctest runs tests in parallel.
  fs::path dir = fs::temp_directory_path() /
                 (std::string("sitrep_cli_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::create_directories(dir);
  std::string out = (dir / "out").string(), err = (dir / "err").string(), in = (dir / "in").string();
  std::ofstream(in) << (input ? *input : std::string());
  std::string cmd = std::string(SITREP_BINARY) + " " + args + " <" + in + " >" + out + " 2>" + err;
  int rc = std::system(cmd.c_str());
  auto slurp = [](const std::string& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  return {WEXITSTATUS(rc), slurp(out), slurp(err)};
}

std::string samples_dir() { return std::string(SITREP_SOURCE_DIR) + "/../shared/samples"; }

// Every token and sentence span must lie inside the text, in order, inside a
// block that is news or title: this is what later stages rely on.
void expect_well_formed(const Document& doc) {
  uint32_t last = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    ASSERT_LT(t.span.begin, t.span.end) << doc.id << " token " << i;
    ASSERT_LE(t.span.end, doc.text.size());
    ASSERT_GE(t.span.begin, last);
    last = t.span.end;
    EXPECT_EQ(doc.token_text(i).find_first_of(" \n\t"), std::string_view::npos) << doc.token_text(i);
  }
  for (const Sentence& s : doc.sentences) {
    ASSERT_GT(s.token_count, 0u);
    BlockKind kind = doc.blocks[s.block].kind;
    EXPECT_TRUE(kind == BlockKind::kNews || kind == BlockKind::kTitle) << doc.str(s.span);
  }
}

TEST(PipelineTest, ExamplesAreReadAndTokenized) {
  Status st;
  auto docs = read_and_process({std::string(SITREP_SOURCE_DIR) + "/examples"}, &st);
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_GE(docs.size(), 4u);  // two text/html articles and two JSONL lines
  for (const Document& doc : docs) {
    expect_well_formed(doc);
    EXPECT_GT(doc.sentences.size(), 2u) << doc.id;
    EXPECT_TRUE(doc.date.known()) << doc.id;
  }
}

TEST(PipelineTest, SamplesEndToEnd) {
  if (!fs::is_directory(samples_dir())) GTEST_SKIP() << "../shared/samples is absent: end-to-end test skipped";
  Status st;
  auto docs = read_and_process({samples_dir()}, &st);
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_EQ(docs.size(), 4u);
  for (const Document& doc : docs) {
    expect_well_formed(doc);
    for (const Sentence& s : doc.sentences) {
      std::string_view text = doc.str(s.span);
      // Boilerplate and captions never reach a news sentence.
      EXPECT_EQ(text.find("Sign up"), std::string_view::npos) << text;
      EXPECT_EQ(text.find("By submitting this form"), std::string_view::npos) << text;
      EXPECT_EQ(text.find("combination of photographs"), std::string_view::npos) << text;
      // "Mr." never ends a sentence.
      EXPECT_FALSE(text.size() >= 3 && text.substr(text.size() - 3) == "Mr.") << text;
    }
  }
  auto by_prefix = [&](std::string_view prefix) -> const Document& {
    for (const Document& d : docs)
      if (d.id.rfind(prefix, 0) == 0) return d;
    ADD_FAILURE() << "no document " << prefix;
    return docs[0];
  };
  EXPECT_EQ(by_prefix("003").date.iso(), "2022-03-02");
  EXPECT_EQ(by_prefix("001").title.rfind("China Stays Silent on Bucha Killings", 0), 0u);
  EXPECT_EQ(by_prefix("002").title.rfind("China reiterates call for talks on Ukraine", 0), 0u);
}

TEST(CliTest, ParseWritesConlluWithOffsetsThatPointIntoTheText) {
  fs::path dir = fs::temp_directory_path() / "sitrep_cli_conllu";
  fs::create_directories(dir);
  std::ofstream(dir / "a.txt") << "Mr. Wang didn't call the U.S. envoy.\n\nHe said it was “too early”.\n";
  CliRun r = run_sitrep("parse --format conllu " + (dir / "a.txt").string());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("# newdoc id = a\n"), std::string::npos);
  EXPECT_NE(r.out.find("# text = Mr. Wang didn't call the U.S. envoy.\n"), std::string::npos);
  EXPECT_NE(r.out.find("\tdidn't\t"), std::string::npos);  // multi-word token line
  EXPECT_NE(r.out.find("\tdid\t"), std::string::npos);
  EXPECT_NE(r.out.find("\tn't\t"), std::string::npos);
  // "Wang" is characters 4..8 of the text; it is tagged as a proper noun.
  EXPECT_NE(r.out.find("\tWang\tWang\tPROPN\tNNP\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("TokenRange=4:8\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\tdid\tdo\tAUX\tVBD\t"), std::string::npos) << r.out;
}

TEST(CliTest, JsonlOffsetsAreBytesOfTheText) {
  fs::path dir = fs::temp_directory_path() / "sitrep_cli_jsonl";
  fs::create_directories(dir);
  std::ofstream(dir / "b.txt") << "The café’s owner — Ms. Dubois — said: “We stay.” Then she left.\n";
  CliRun r = run_sitrep("parse --format jsonl " + (dir / "b.txt").string());
  ASSERT_EQ(r.status, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  std::string text = doc["text"];
  int tokens = 0;
  for (const auto& s : doc["sentences"])
    for (const auto& t : s["tokens"]) {
      size_t b = t["start"], e = t["end"];
      EXPECT_EQ(text.substr(b, e - b), t["text"].get<std::string>());
      ++tokens;
    }
  EXPECT_GT(tokens, 12);
}

TEST(CliTest, MissingPathIsOneClearLineAndStatusTwoButOthersAreStillRead) {
  fs::path dir = fs::temp_directory_path() / "sitrep_cli_missing";
  fs::create_directories(dir);
  std::ofstream(dir / "ok.txt") << "Officials met on Monday.\n";
  CliRun r = run_sitrep("parse " + (dir / "ok.txt").string() + " /no/such/file.txt");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("/no/such/file.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("# newdoc id = ok"), std::string::npos);
}

TEST(CliTest, UnknownFormatIsAnError) {
  CliRun r = run_sitrep("parse --format xml " + std::string(SITREP_SOURCE_DIR) + "/examples");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("xml"), std::string::npos);
  r = run_sitrep("parse --input-format pdf " + std::string(SITREP_SOURCE_DIR) + "/examples");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("pdf"), std::string::npos);
}

TEST(CliTest, ThreadsDoNotChangeTheOutput) {
  std::string ex = std::string(SITREP_SOURCE_DIR) + "/examples";
  CliRun one = run_sitrep("parse --format jsonl --threads 1 " + ex);
  CliRun four = run_sitrep("parse --format jsonl --threads 4 " + ex);
  ASSERT_EQ(one.status, 0) << one.err;
  ASSERT_EQ(four.status, 0) << four.err;
  EXPECT_EQ(one.out, four.out);
}

TEST(CliTest, StatsAreReportedOnStderr) {
  CliRun r = run_sitrep("parse --stats " + std::string(SITREP_SOURCE_DIR) + "/examples");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* key : {"documents", "sentences", "tokens/s", "peak memory"})
    EXPECT_NE(r.err.find(key), std::string::npos) << key;
}

// `sitrep eval events` scores what `sitrep events --dictionaries` codes: the same stages (tree
// repairs, entities) run before the PETRARCH dictionaries code.
TEST(CliTest, EvalEventsScoresWhatTheEventsCommandCodes) {
  const std::string dicts = std::string(SITREP_SOURCE_DIR) + "/../shared/data/petrarch2/dictionaries/validate";
  if (!fs::is_directory(dicts)) GTEST_SKIP() << dicts << " is absent";
  // Written for this test, with the validation dictionaries' invented countries; the expected
  // events are none a coder gives, so that -v lists what each record got.
  const std::string records =
      R"({"id":"r1","text":"Gondor and Osgiliath have renewed diplomatic ties, a senior Arnor official said on )"
      R"(Saturday.","date":"19950102","expected":[{"source":"XXX","target":"YYY","code":"010"}]})"
      "\n"
      R"({"id":"r2","text":"Mordor troops attacked Arnor border posts, killing two Gondor soldiers, an Osgiliath )"
      R"(official said.","date":"19950102","expected":[{"source":"XXX","target":"YYY","code":"010"}]})"
      "\n";
  fs::path file = fs::temp_directory_path() / "sitrep_eval_events_records.jsonl";
  std::ofstream(file) << records;
  CliRun eval = run_sitrep("eval events -v --dictionaries " + dicts + " --gold " + file.string());
  ASSERT_EQ(eval.status, 0) << eval.err;
  CliRun coded = run_sitrep("events --input-format jsonl --format tsv --dictionaries " + dicts + " " + file.string());
  ASSERT_EQ(coded.status, 0) << coded.err;
  // Each record's "coded:" triples against the command's rows (source>target:code).
  std::map<std::string, std::multiset<std::string>> from_eval, from_events;
  std::istringstream ev(eval.out), rows(coded.out);
  std::string line, id;
  while (std::getline(ev, line)) {
    if (line.starts_with("r")) id = line.substr(0, line.find(' '));
    if (!line.starts_with("  coded:")) continue;
    std::istringstream triples(line.substr(9));
    for (std::string t; triples >> t;)
      if (t != "(none)") from_eval[id].insert(t);
  }
  std::getline(rows, line);  // the header
  while (std::getline(rows, line)) {
    std::vector<std::string> c;
    std::istringstream cols(line);
    for (std::string x; std::getline(cols, x, '\t');) c.push_back(x);
    ASSERT_GE(c.size(), 9u) << line;
    from_events[c[0]].insert(c[4] + ">" + c[6] + ":" + c[8]);
  }
  EXPECT_FALSE(from_events.empty()) << coded.out;
  EXPECT_EQ(from_eval, from_events) << eval.out << coded.out;
}

TEST(CliTest, StandardInputIsRead) {
  std::string input = "Kyiv asked for more aid on Friday. Warsaw agreed.\n";
  CliRun r = run_sitrep("parse --format conllu -", &input);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("# text = Kyiv asked for more aid on Friday.\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("# text = Warsaw agreed.\n"), std::string::npos) << r.out;
}

// Raw-text evaluation with an outside scorer needs every line of the input in the
// output: blocks read as boilerplate are reported, and --keep-all parses them.
TEST(CliTest, LeftOutBlocksAreReportedAndKeepAllParsesThem) {
  std::string input =
      "The army said rebels attacked the town.\n\nShare this article on Facebook\n\nSubscribe to our newsletter\n";
  CliRun r = run_sitrep("parse --until tokenize -", &input);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.find("# text = Share this article"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("-: 2 blocks not parsed (2 boilerplate; --keep-all parses them)"), std::string::npos) << r.err;
  r = run_sitrep("parse --until tokenize --keep-all -", &input);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("# text = Share this article on Facebook\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("# text = Subscribe to our newsletter\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find("not parsed"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sitrep
