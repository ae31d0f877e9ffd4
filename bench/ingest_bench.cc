// Ingest throughput and query latencies on a generated corpus.
//
//   build/ingest_bench [--docs 10000] [--dir /tmp/sitrep_ingest_bench] [--sitrep build/sitrep]
//                      [--until STAGE] [--threads 1,0] [--postgres URL] [--queries-only]
//
// Writes --docs articles built from the sentences of examples/ (bench/ingest_corpus.h),
// runs `sitrep ingest` on them once per --threads value (a fresh database each time;
// 0 = all cores), and prints documents/s, events/s, the child's peak memory and the
// store's size; then times the store queries (median of several runs) on the last one.
// --postgres: into a PostgreSQL store instead of an SQLite file (a fresh schema
// bench_tN of that database per run; scripts/postgres.sh starts a throwaway server).
// --queries-only: no corpus and no ingest; times the queries on the store an earlier run
// left for the last --threads value (after a change to the queries, on the same data).
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <sstream>

#include "bench/ingest_corpus.h"
#include "store/db.h"
#include "store/queries.h"
#include "store/store.h"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

struct Child {
  int status = -1;
  double seconds = 0;
  long peak_kb = 0;
  double cpu = 0;  // user + system seconds of the child, all threads
};

Child run(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  auto start = Clock::now();
  pid_t pid = 0;
  Child c;
  if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return c;
  rusage usage{};
  int status = 0;
  wait4(pid, &status, 0, &usage);
  c.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  c.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  c.peak_kb = usage.ru_maxrss;
  c.cpu = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
  return c;
}

template <typename F>
double median_ms(F&& f, int reps = 7) {
  std::vector<double> t;
  for (int i = 0; i < reps; ++i) {
    auto s = Clock::now();
    f();
    t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

// What the store takes on disk: the SQLite file (after a checkpoint) or, on PostgreSQL,
// the tables of its schema with their indexes and TOAST.
double store_bytes(sitrep::store::Store& store) {
  if (!store.db().postgres()) return static_cast<double>(fs::file_size(store.path()));
  sitrep::store::Stmt st(store.db(),
                         "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON "
                         "n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'");
  return st.step() ? st.real(0) : 0;
}

// The store's queries on `db`, each the median of several runs.
int time_queries(const std::string& db) {
  sitrep::store::StoreOptions ro;
  ro.read_only = true;
  auto store = std::move(sitrep::store::Store::open(db, ro)).value();
  auto count = [](size_t& n) { return [&n](const nlohmann::json&) { ++n; }; };
  size_t rows = 0;
  auto q = [&](const char* name, auto&& f) {
    double ms = median_ms([&] {
      rows = 0;
      f();
    });
    fmt::print("query {:<40} {:8.2f} ms  ({} rows)\n", name, ms, rows);
  };
  q("search \"foreign minister\" (top 20)", [&] {
    sitrep::store::SearchOptions s;
    s.query = "foreign minister";
    (void)sitrep::store::search_sentences(store, s, count(rows));
  });
  q("search \"humanitarian corridors\" (top 20)", [&] {
    sitrep::store::SearchOptions s;
    s.query = "humanitarian corridors";
    (void)sitrep::store::search_sentences(store, s, count(rows));
  });
  q("events (all)", [&] { (void)sitrep::store::query_events(store, {}, count(rows)); });
  q("events --actor CHN --code 04", [&] {
    sitrep::store::EventFilter f;
    f.actor = "CHN";
    f.code = "04";
    (void)sitrep::store::query_events(store, f, count(rows));
  });
  q("events --involving UKR --from 04-01 --to 04-07", [&] {
    sitrep::store::EventFilter f;
    f.involving = "UKR";
    f.from = "2022-04-01";
    f.to = "2022-04-07";
    (void)sitrep::store::query_events(store, f, count(rows));
  });
  q("dyads --by week", [&] {
    sitrep::store::DyadOptions d;
    d.by = "week";
    (void)sitrep::store::query_dyads(store, d, count(rows));
  });
  q("stories", [&] { (void)sitrep::store::query_stories(store, count(rows)); });
  q("quotes --speaker minister", [&] {
    sitrep::store::QuoteFilter f;
    f.speaker = "minister";
    (void)sitrep::store::query_quotes(store, f, count(rows));
  });
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t docs = 10000;
  std::string dir = "/tmp/sitrep_ingest_bench", sitrep = "build/sitrep", until, threads = "1,0", postgres;
  bool queries_only = false;
  for (int i = 1; i < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--queries-only") {
      queries_only = true;
      --i;
      continue;
    }
    if (i + 1 >= argc) break;
    std::string v = argv[i + 1];
    if (k == "--docs") docs = std::stoull(v);
    else if (k == "--dir") dir = v;
    else if (k == "--sitrep") sitrep = v;
    else if (k == "--until") until = v;
    else if (k == "--threads") threads = v;
    else if (k == "--postgres") postgres = v;
  }
  auto store_of = [&](const std::string& t) {
    if (postgres.empty()) return (fs::path(dir) / fmt::format("bench-t{}.db", t)).string();
    return postgres + (postgres.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           fmt::format("bench_t{}", t);
  };
  if (queries_only) {
    std::string last = threads.substr(threads.rfind(',') + 1);
    return time_queries(store_of(last));
  }
  fs::path corpus_dir = fs::path(dir) / fmt::format("corpus-{}", docs);
  if (!fs::exists(corpus_dir / fmt::format("gen-{:06}.txt", docs - 1))) {
    auto pool = sitrep::corpus::example_sentences(std::string(SITREP_SOURCE_DIR) + "/examples");
    sitrep::corpus::write_corpus(pool, corpus_dir, docs);
  }
  uint64_t bytes = 0;
  for (auto& e : fs::directory_iterator(corpus_dir)) bytes += e.file_size();
  fmt::print("corpus: {} articles, {:.1f} MB, {}\n", docs, bytes / 1e6, corpus_dir.string());

  std::string db;
  std::stringstream ts(threads);
  for (std::string t; std::getline(ts, t, ',');) {
    db = store_of(t);
    if (postgres.empty()) {
      for (const char* s : {"", "-wal", "-shm"}) fs::remove(db + s);
    } else {
      std::string schema = fmt::format("bench_t{}", t);
      try {
        sitrep::store::Db::postgres(postgres, false).exec(fmt::format("DROP SCHEMA IF EXISTS {0} CASCADE; CREATE SCHEMA {0}", schema));
      } catch (const sitrep::store::SqlError& e) {
        fmt::print("{}\n", e.what());
        return 1;
      }
    }
    std::vector<std::string> args = {sitrep, "ingest", corpus_dir.string(), "--db", db, "--threads", t, "--quiet"};
    if (!until.empty()) args.insert(args.end(), {"--until", until});
    Child c = run(args);
    auto store = sitrep::store::Store::open(db);
    if (c.status != 0 || !store.ok()) {
      fmt::print("ingest failed (status {})\n", c.status);
      return 1;
    }
    auto n = store.value().counts().value();
    fmt::print("ingest --threads {} ({}): {:.1f} s, {:.0f} documents/s, {:.0f} sentences/s, {} events ({} mentions), "
               "{:.0f} event mentions/s, peak memory {:.0f} MB, database {:.0f} MB; CPU {:.1f} s = {:.0f} documents per CPU second\n",
               t, until.empty() ? "whole pipeline" : "until " + until, c.seconds, n.documents / c.seconds,
               n.sentences / c.seconds, n.events, n.event_mentions, n.event_mentions / c.seconds, c.peak_kb / 1024.0,
               store_bytes(store.value()) / 1e6, c.cpu, n.documents / std::max(c.cpu, 1e-9));
  }
  // Re-ingesting the same corpus: every article a no-op.
  Child again = run({sitrep, "ingest", corpus_dir.string(), "--db", db, "--quiet", "--until", "tokenize"});
  fmt::print("re-ingest (all unchanged, tokenize only): {:.1f} s, {:.0f} documents/s\n", again.seconds,
             docs / again.seconds);

  return time_queries(db);
}
