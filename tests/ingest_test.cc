// `sitrep ingest` as a user runs it: the real binary, killed with SIGKILL at
// random moments, read by other processes while it writes, given bad files.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "../bench/ingest_corpus.h"
#include "postgres_test_util.h"
#include "store/queries.h"
#include "store/db.h"
#include "store/store.h"

extern char** environ;

namespace sitrep::store {
namespace {

namespace fs = std::filesystem;

fs::path test_dir() {
  fs::path dir = fs::temp_directory_path() /
                 (std::string("sitrep_ingest_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

const std::vector<std::string>& pool() {
  static const auto p = corpus::example_sentences(std::string(SITREP_SOURCE_DIR) + "/examples");
  return p;
}

// Starts `sitrep args...` with its output in `log`; returns its pid.
pid_t spawn_sitrep(const std::vector<std::string>& args, const fs::path& log) {
  std::vector<std::string> all = {SITREP_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, SITREP_BINARY, &fa, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&fa);
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

int run_sitrep(const std::vector<std::string>& args, const fs::path& log) { return wait_exit(spawn_sitrep(args, log)); }

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// As a reader should open it (see Store::open): read-write for WAL recovery, query_only.
Db reader(const std::string& path) {
  Db db(path, SQLITE_OPEN_READWRITE);
  db.exec("PRAGMA query_only = ON");
  return db;
}

int64_t scalar(Db& db, const char* sql) {
  Stmt st(db, sql);
  return st.step() ? st.int64(0) : -1;
}

// Integrity as SQLite and FTS5 see it, plus our own: no document without its sentences.
void expect_consistent(const std::string& path) {
  Db db = reader(path);
  Stmt check(db, "PRAGMA integrity_check");
  ASSERT_TRUE(check.step());
  EXPECT_EQ(check.text(0), "ok");
  // Killed while creating it: the schema is all there or not at all (one transaction).
  if (scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'documents'") == 0) {
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM sqlite_master"), 0);
    return;
  }
  // FTS5's own check: the index matches the sentences table (needs a write handle).
  Db rw(path, SQLITE_OPEN_READWRITE);
  EXPECT_NO_THROW(rw.exec("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)"));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                       "(SELECT 1 FROM sentences s WHERE s.document = d.id)"),
            0);
  EXPECT_EQ(scalar(db, "SELECT count(*) - count(DISTINCT doc_key) FROM documents"), 0);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                       "(SELECT 1 FROM signatures s WHERE s.document = d.id)"),
            0);
}

TEST(Ingest, KilledAtRandomMomentsThenRerunStoresEverythingOnce) {
  fs::path dir = test_dir();
  corpus::write_corpus(pool(), dir / "corpus", 300);
  std::string corpus_dir = (dir / "corpus").string();
  // A complete run, for the expected counts and the time it takes.
  std::string ref = (dir / "ref.db").string();
  ASSERT_EQ(run_sitrep({"ingest", corpus_dir, "--db", ref, "--until", "tokenize", "--threads", "2", "--commit-every", "25"},
                       dir / "ref.log"),
            0)
      << slurp(dir / "ref.log");
  int64_t ref_sentences;
  {
    Db db = reader(ref);
    ASSERT_EQ(scalar(db, "SELECT count(*) FROM documents"), 300);
    ref_sentences = scalar(db, "SELECT count(*) FROM sentences");
  }

  std::string path = (dir / "killed.db").string();
  std::mt19937 rng(12345);
  int kills = 0, partial = 0;
  int64_t stored = 0;
  for (int round = 0; round < 8; ++round) {
    pid_t pid = spawn_sitrep(
        {"ingest", corpus_dir, "--db", path, "--until", "tokenize", "--threads", "2", "--commit-every", "25"},
        dir / "killed.log");
    if (round % 3 == 0) {
      // Early: while it starts, creates or opens the database.
      std::this_thread::sleep_for(std::chrono::microseconds(rng() % 60000));
    } else {
      // Mid-run: once a few more batches are in, then at a random moment after.
      int64_t target = std::min<int64_t>(250, stored + 10 + rng() % 50);
      for (int status = 0; waitpid(pid, &status, WNOHANG) == 0;) {
        // Polled while the writer runs: until it has created the schema, the query
        // fails ("no such table"), and a connection may hold a schema from before.
        if (fs::exists(path)) {
          int64_t n = -1;
          try {
            Db db = reader(path);
            n = scalar(db, "SELECT count(*) FROM documents");
          } catch (const std::exception&) {
          }
          if (n >= target) break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
      std::this_thread::sleep_for(std::chrono::microseconds(rng() % 30000));
    }
    kills += kill(pid, SIGKILL) == 0;
    wait_exit(pid);
    if (!fs::exists(path)) continue;  // killed before the database was created
    expect_consistent(path);
    Db db = reader(path);
    if (scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'documents'") == 0) continue;
    stored = scalar(db, "SELECT count(*) FROM documents");
    partial += stored < 300;
    std::printf("round %d: killed with %lld documents stored\n", round, static_cast<long long>(stored));
  }
  EXPECT_GT(kills, 0);
  EXPECT_GT(partial, 0);  // at least one kill landed in the middle of the ingest
  ASSERT_EQ(run_sitrep({"ingest", corpus_dir, "--db", path, "--until", "tokenize"}, dir / "final.log"), 0)
      << slurp(dir / "final.log");
  expect_consistent(path);
  Db db = reader(path);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM documents"), 300);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM sentences"), ref_sentences);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM duplicates"), 0);
}

TEST(Ingest, ReadersQueryWhileItWrites) {
  fs::path dir = test_dir();
  corpus::write_corpus(pool(), dir / "corpus", 400);
  std::string path = (dir / "db.db").string();
  // Create the database first, so that readers can open it from the start.
  ASSERT_EQ(run_sitrep({"ingest", (dir / "corpus" / "gen-000000.txt").string(), "--db", path, "--until", "tokenize"},
                       dir / "log"),
            0);
  pid_t pid = spawn_sitrep({"ingest", (dir / "corpus").string(), "--db", path, "--until", "tokenize", "--threads", "1"},
                           dir / "log");
  StoreOptions ro;
  ro.read_only = true;
  int64_t last = 0;
  int reads = 0;
  for (int status = 0; waitpid(pid, &status, WNOHANG) == 0; ++reads) {
    auto store = Store::open(path, ro);
    ASSERT_TRUE(store.ok()) << store.status().message();
    auto counts = store.value().counts();
    ASSERT_TRUE(counts.ok()) << counts.status().message();
    EXPECT_GE(counts.value().documents, last);  // batches appear whole, never go back
    last = counts.value().documents;
    SearchOptions s;
    s.query = "foreign minister";
    ASSERT_TRUE(search_sentences(store.value(), s, [](const nlohmann::json&) {}).ok());
  }
  EXPECT_GT(reads, 0);
  auto store = Store::open(path, ro);
  EXPECT_EQ(store.value().counts().value().documents, 400);
}

TEST(Ingest, ReingestIsANoOpAndAChangedFileIsReplaced) {
  fs::path dir = test_dir();
  corpus::write_corpus(pool(), dir / "corpus", 20);
  std::string path = (dir / "db.db").string(), corpus_dir = (dir / "corpus").string();
  std::vector<std::string> args = {"ingest", corpus_dir, "--db", path, "--until", "tokenize"};
  ASSERT_EQ(run_sitrep(args, dir / "1.log"), 0);
  StoreCounts first;
  {
    auto s = Store::open(path);
    first = s.value().counts().value();
  }
  ASSERT_EQ(run_sitrep(args, dir / "2.log"), 0);
  EXPECT_NE(slurp(dir / "2.log").find("0 added, 0 replaced, 20 unchanged"), std::string::npos) << slurp(dir / "2.log");
  // Resume checks the stored hash before analysis: nothing is analysed again.
  EXPECT_NE(slurp(dir / "2.log").find("; 0 analysed;"), std::string::npos) << slurp(dir / "2.log");
  {
    auto s = Store::open(path);
    StoreCounts second = s.value().counts().value();
    EXPECT_EQ(second.documents, first.documents);
    EXPECT_EQ(second.sentences, first.sentences);
  }
  std::ofstream(dir / "corpus" / "gen-000003.txt") << "Date: 2022-05-01\n\nCorrection\n\nThe earlier bulletin "
                                                      "misnamed the harbour. The ferry left from Northport.\n";
  ASSERT_EQ(run_sitrep(args, dir / "3.log"), 0);
  EXPECT_NE(slurp(dir / "3.log").find("0 added, 1 replaced, 19 unchanged"), std::string::npos) << slurp(dir / "3.log");
  EXPECT_NE(slurp(dir / "3.log").find("; 1 analysed;"), std::string::npos) << slurp(dir / "3.log");
  auto s = Store::open(path);
  EXPECT_EQ(s.value().counts().value().documents, 20);
  std::vector<nlohmann::json> hits;
  SearchOptions q;
  q.query = "Northport";
  ASSERT_TRUE(search_sentences(s.value(), q, [&](const nlohmann::json& r) { hits.push_back(r); }).ok());
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["doc"], "gen-000003");
}

TEST(Ingest, BadFilesAreReportedAndSkippedTheOthersStored) {
  fs::path dir = test_dir();
  corpus::write_corpus(pool(), dir / "corpus", 5);
  std::ofstream(dir / "corpus" / "image.txt", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0\0", 11);
  std::string path = (dir / "db.db").string();
  int rc = run_sitrep({"ingest", (dir / "corpus").string(), (dir / "missing.txt").string(), "--db", path, "--until",
                       "tokenize"},
                      dir / "log");
  EXPECT_EQ(rc, 2);
  std::string log = slurp(dir / "log");
  EXPECT_NE(log.find("image.txt: skipped"), std::string::npos) << log;
  EXPECT_NE(log.find("missing.txt: no such file"), std::string::npos) << log;
  auto s = Store::open(path);
  EXPECT_EQ(s.value().counts().value().documents, 5);
}

// Every command that reads articles takes the same input options: the format named
// (here JSONL in a .txt file) and the size limit (an article over it is skipped, exit 2).
TEST(Ingest, CommandsThatReadArticlesShareTheirInputOptions) {
  fs::path dir = test_dir();
  std::ofstream(dir / "feed.txt") << R"({"id":"a","text":"China condemned Russia on April 7, 2022 in Kyiv."})" << "\n";
  for (const char* command : {"times", "entities", "events", "quotes", "tolls"}) {
    SCOPED_TRACE(command);
    fs::path out = dir / (std::string(command) + ".out");
    ASSERT_EQ(run_sitrep({command, (dir / "feed.txt").string(), "--input-format", "jsonl", "--date", "2022-04-12"}, out), 0)
        << slurp(out);
    if (std::string(command) != "quotes" && std::string(command) != "tolls") EXPECT_NE(slurp(out).find(R"("doc":"a")"), std::string::npos) << slurp(out);
    fs::path skipped = dir / (std::string(command) + ".skipped");
    EXPECT_EQ(run_sitrep({command, (dir / "feed.txt").string(), "--input-format", "jsonl", "--max-document-bytes", "10"},
                         skipped),
              2);
    EXPECT_NE(slurp(skipped).find("skipped"), std::string::npos) << slurp(skipped);
  }
}

TEST(Ingest, AForeignDatabaseFileIsRefusedByName) {
  fs::path dir = test_dir();
  corpus::write_corpus(pool(), dir / "corpus", 2);
  std::string notes = (dir / "notes.db").string();
  std::ofstream(notes) << "my notes, not a database\n";
  int rc = run_sitrep({"ingest", (dir / "corpus").string(), "--db", notes, "--until", "tokenize"}, dir / "log");
  EXPECT_EQ(rc, 2);
  EXPECT_NE(slurp(dir / "log").find(notes + ": not a sitrep database"), std::string::npos) << slurp(dir / "log");
  EXPECT_EQ(slurp(notes), "my notes, not a database\n");  // untouched
  rc = run_sitrep({"events", "--db", notes}, dir / "log2");
  EXPECT_EQ(rc, 2);
  EXPECT_NE(slurp(dir / "log2").find(notes), std::string::npos);
}

TEST(Ingest, QueryCommandsReadTheStore) {
  fs::path dir = test_dir();
  std::string path = (dir / "db.db").string();
  {
    auto store = Store::open(path);
    ASSERT_TRUE(store.ok());
    Document d;
    d.id = "call";
    d.path = "/corpus/call.txt";
    d.source = "Wire";
    d.text = "China's foreign minister spoke with his Ukrainian counterpart, \"a long call\", by phone.";
    d.sentences.push_back(Sentence{Span{0, static_cast<uint32_t>(d.text.size())}});
    Event e;
    e.source.code = "CHNGOV";
    e.target.code = "UKRGOV";
    e.code = "041";
    e.date = {2022, 4, 4};
    e.span = {25, 30};  // "spoke"
    d.events.push_back(e);
    ASSERT_TRUE(store.value().ingest(d).ok());
  }
  fs::path out = dir / "out";
  // The stored call as a PLOVER record: CONSULT by phone, with its outlet.
  fs::path plover_out = dir / "plover";
  ASSERT_EQ(run_sitrep({"events", "--db", path, "--format", "plover"}, plover_out), 0) << slurp(plover_out);
  auto plover = nlohmann::json::parse(slurp(plover_out), nullptr, false);
  ASSERT_TRUE(plover.is_object()) << slurp(plover_out);
  EXPECT_EQ(plover["event"], "CONSULT");
  EXPECT_EQ(plover["mode"], "phone");
  EXPECT_EQ(plover["actor"][0]["code"], "CHNGOV");
  EXPECT_EQ(plover["actor"][0]["sector"], "GOV");
  EXPECT_EQ(plover["recipient"][0]["code"], "UKRGOV");
  EXPECT_EQ(plover["cite_info"]["publication"], "Wire");
  EXPECT_EQ(plover["text_info"]["start"], 25);
  ASSERT_EQ(run_sitrep({"events", "--db", path, "--actor", "CHN", "--format", "csv"}, out), 0);
  std::string csv = slurp(out);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "id,date,source.code,target.code,code,root,quad,goldstein,mentions,sources,articles,story,negated,future,"
            "doc,sent,source.text,target.text,reported_by.code,location.name,location.country,location.lat,"
            "location.lon,geo_precision,time_precision,plover,evidence,confidence");
  // Goldstein 1.0 is CAMEO's score of 041 (the store reads the built-in table, whoever ingests);
  // no place, the article's date (time precision 2: the week), PLOVER's CONSULT.
  EXPECT_NE(csv.find("2022-04-04,CHNGOV,UKRGOV,041,04,1,1.0,1,1,1,1,false,false,call,1,,,,,,,,,2,CONSULT,spoke,"),
            std::string::npos) << csv;
  fs::remove(out);
  ASSERT_EQ(run_sitrep({"events", "--db", path, "--target", "RUS"}, out), 0);
  EXPECT_EQ(slurp(out), "");
  fs::remove(out);
  ASSERT_EQ(run_sitrep({"search", "--db", path, "\"a long call\"; DELETE FROM documents; --"}, out), 0);
  fs::remove(out);
  EXPECT_EQ(run_sitrep({"search", "--db", path, "--syntax", "call AND"}, out), 2);
  EXPECT_NE(slurp(out).find("bad query"), std::string::npos) << slurp(out);
  fs::remove(out);
  ASSERT_EQ(run_sitrep({"search", "--db", path, "long call", "--format", "tsv"}, out), 0);
  EXPECT_NE(slurp(out).find("\"a [long] [call]\""), std::string::npos) << slurp(out);
  fs::remove(out);
  EXPECT_EQ(run_sitrep({"dyads", "--db", path, "--by", "fortnight"}, out), 2);
  fs::remove(out);
  ASSERT_EQ(run_sitrep({"dyads", "--db", path, "--by", "week"}, out), 0);
  EXPECT_NE(slurp(out).find("\"period\":\"2022-04-04\",\"source\":\"CHN\""), std::string::npos) << slurp(out);
  auto store = Store::open(path);
  EXPECT_EQ(store.value().counts().value().documents, 1);
}


// --- The PostgreSQL store, through the command line (a throwaway server: tests/postgres_test_util.h).

// What a command writes for a store, as text.
std::string command_output(const std::vector<std::string>& args, const fs::path& log) {
  fs::remove(log);
  EXPECT_EQ(run_sitrep(args, log), 0) << slurp(log);
  return slurp(log);
}

// The search hits of `query` as (document, sentence) -> matched byte ranges: what the two
// backends agree on (their ranks and snippets are each engine's own).
std::map<std::pair<int64_t, int64_t>, std::string> hits(const std::string& db, const std::string& query,
                                                        const fs::path& log) {
  std::map<std::pair<int64_t, int64_t>, std::string> out;
  std::istringstream in(command_output({"search", "--db", db, "--limit", "0", query}, log));
  for (std::string line; std::getline(in, line);) {
    auto row = nlohmann::json::parse(line);
    out[{row["document"].get<int64_t>(), row["sent"].get<int64_t>()}] = row["matches"].dump();
  }
  return out;
}

TEST(Ingest, PostgresStoreGivesTheSqliteStoresRows) {
  SITREP_REQUIRE_POSTGRES();
  fs::path dir = test_dir();
  corpus::write_corpus(pool(), dir / "corpus", 60);
  std::string sqlite = (dir / "s.db").string(), pg = sitrep::testing::fresh_postgres_store("db");
  for (const std::string& db : {sqlite, pg})
    ASSERT_EQ(run_sitrep({"ingest", (dir / "corpus").string(), SITREP_SOURCE_DIR "/examples", "--db", db, "-q"},
                         dir / "ingest.log"),
              0)
        << slurp(dir / "ingest.log");
  const std::vector<std::vector<std::string>> queries = {
      {"events"},
      {"events", "--actor", "RUS", "--from", "2022-04-01", "--format", "csv"},
      {"events", "--involving", "RUS", "--code", "1", "--limit", "5"},
      {"quotes"},
      {"quotes", "--speaker", "minister"},
      {"dyads", "--by", "week"},
      {"dyads", "--by", "month", "--level", "role"},
      {"stories"},
  };
  for (auto q : queries) {
    q.insert(q.begin() + 1, {"--db", sqlite});
    std::string expected = command_output(q, dir / "q.log");
    q[2] = pg;
    std::string got = command_output(q, dir / "q.log");
    EXPECT_FALSE(expected.empty()) << q[0] << " " << q[3];
    EXPECT_EQ(got, expected) << q[0] << " " << (q.size() > 3 ? q[3] : "");
  }
  for (const char* words : {"foreign minister", "grain", "said", "Kuleba's"})
    EXPECT_EQ(hits(pg, words, dir / "q.log"), hits(sqlite, words, dir / "q.log")) << words;
  // Re-ingest: nothing changes; a changed article is replaced.
  std::string before = command_output({"events", "--db", pg}, dir / "q.log");
  ASSERT_EQ(run_sitrep({"ingest", (dir / "corpus").string(), "--db", pg}, dir / "re.log"), 0);
  EXPECT_NE(slurp(dir / "re.log").find("0 added, 0 replaced, 60 unchanged"), std::string::npos) << slurp(dir / "re.log");
  EXPECT_EQ(command_output({"events", "--db", pg}, dir / "q.log"), before);
  std::ofstream(dir / "corpus" / "gen-000007.txt") << "Date: 2022-04-02\n\nZanzibar talks. The ministers of two "
                                                      "countries met in Zanzibar on Monday.\n";
  for (const std::string& db : {sqlite, pg}) {
    fs::remove(dir / "re.log");
    ASSERT_EQ(run_sitrep({"ingest", (dir / "corpus").string(), "--db", db}, dir / "re.log"), 0);
    EXPECT_NE(slurp(dir / "re.log").find("0 added, 1 replaced, 59 unchanged"), std::string::npos) << slurp(dir / "re.log");
  }
  EXPECT_EQ(command_output({"events", "--db", pg}, dir / "q.log"), command_output({"events", "--db", sqlite}, dir / "q.log"));
  EXPECT_FALSE(hits(pg, "Zanzibar", dir / "q.log").empty());
  EXPECT_EQ(hits(pg, "Zanzibar", dir / "q.log"), hits(sqlite, "Zanzibar", dir / "q.log"));
}

// Each merged event as its reports (article key and sentence) with its counts, one line
// each, sorted: what must not depend on how the work was spread over ingesters.
std::vector<std::string> merged_events(const std::string& url) {
  Db db = Db::postgres(url, true);
  Stmt st(db,
          "SELECT e.mentions || ' ' || e.sources || ' ' || e.articles || ': ' || "
          "string_agg(d.doc_key || '#' || m.sentence, ' ' ORDER BY d.doc_key, m.sentence) "
          "FROM events e JOIN event_mentions m ON m.event = e.id JOIN documents d ON d.id = m.document GROUP BY e.id");
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(0));
  std::sort(out.begin(), out.end());
  return out;
}

// Two ingesters at once over overlapping corpora (the second reading its files in the
// opposite order, so that they meet in the middle): every article stored once, and every
// merged event with the reports and counts of a single run over the articles in the order
// the two stored them. (Not of any order: which events a report joins depends on what was
// stored before it, the first report's date anchoring "within a day", for one ingester as
// for two; docs/store.md, "Several writers".)
TEST(Ingest, ConcurrentIngestersIntoPostgresStoreEachArticleOnce) {
  SITREP_REQUIRE_POSTGRES();
  fs::path dir = test_dir();
  const int n = 90;
  corpus::write_corpus(pool(), dir / "corpus", n);
  std::vector<std::string> files;
  for (int i = 0; i < n; ++i) files.push_back((dir / "corpus" / fmt::format("gen-{:06}.txt", i)).string());
  std::string shared = sitrep::testing::fresh_postgres_store("shared"), single = sitrep::testing::fresh_postgres_store("single");
  auto args = [](std::vector<std::string> paths, const std::string& db) {
    std::vector<std::string> a = {"ingest", "--db", db, "--threads", "1", "--commit-every", "4"};
    a.insert(a.end(), paths.begin(), paths.end());
    return a;
  };
  std::vector<std::string> first(files.begin(), files.begin() + 2 * n / 3), second(files.begin() + n / 3, files.end());
  std::reverse(second.begin(), second.end());
  pid_t a = spawn_sitrep(args(first, shared), dir / "a.log");
  pid_t b = spawn_sitrep(args(second, shared), dir / "b.log");
  EXPECT_EQ(wait_exit(a), 0) << slurp(dir / "a.log");
  EXPECT_EQ(wait_exit(b), 0) << slurp(dir / "b.log");

  Db db = Db::postgres(shared, true);
  // The order they were stored in: row ids grow under the store's write lock.
  std::vector<std::string> stored;
  for (Stmt st(db, "SELECT path FROM documents ORDER BY id"); st.step();) stored.push_back(st.text(0));
  ASSERT_EQ(run_sitrep(args(stored, single), dir / "single.log"), 0) << slurp(dir / "single.log");
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM documents"), n);
  EXPECT_EQ(scalar(db, "SELECT count(DISTINCT doc_key) FROM documents"), n);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                       "(SELECT 1 FROM sentences s WHERE s.document = d.id)"),
            0);
  Db one = Db::postgres(single, true);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM sentences"), scalar(one, "SELECT count(*) FROM sentences"));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM event_mentions"), scalar(one, "SELECT count(*) FROM event_mentions"));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM quotes"), scalar(one, "SELECT count(*) FROM quotes"));
  std::vector<std::string> together = merged_events(shared), alone = merged_events(single);
  EXPECT_GT(alone.size(), 10u);
  EXPECT_EQ(together, alone);
  // Each article of the overlap added by one ingester and found unchanged by the other.
  auto tally = [&](const fs::path& log, const char* what) {
    std::string text = slurp(log);
    size_t at = text.find(std::string(" ") + what);
    size_t begin = text.rfind(' ', at - 1) + 1;
    return at == std::string::npos ? -1 : std::stoi(text.substr(begin, at - begin));
  };
  EXPECT_EQ(tally(dir / "a.log", "added,") + tally(dir / "b.log", "added,"), n);
  EXPECT_EQ(tally(dir / "a.log", "unchanged,") + tally(dir / "b.log", "unchanged,"), n / 3);
  EXPECT_EQ(tally(dir / "a.log", "replaced,") + tally(dir / "b.log", "replaced,"), 0);
}

}  // namespace
}  // namespace sitrep::store
