// Store: the database that `sitrep ingest` fills and the queries read: an embedded
// SQLite file, or a PostgreSQL database (docs/store.md: schema, guarantees, dedup and
// merge rules, backends).
//
//   auto store = Store::open("sitrep.db");      // creates or migrates; refuses foreign files
//   // or Store::open("postgresql:///sitrep?host=/run/pg")
//   store.begin();                               // one transaction per batch
//   for (Document& d : batch) store.ingest(d);   // no-op, add or replace
//   store.commit();
//
// One writer at a time (SQLite's lock; on PostgreSQL, the store's advisory lock, taken
// by each batch: several processes may write, their batches take turns); any number of
// readers alongside it. Not thread-safe: one Store per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <string_view>

#include "core/document.h"
#include "core/status.h"

namespace sitrep::store {

class Db;

struct StoreOptions {
  bool read_only = false;
  // SQLite's quick check before anything else (a damaged file is refused). A
  // process that opens more connections to a file it has checked (the server's
  // pool) turns it off for those.
  bool check = true;
};

enum class IngestOutcome {
  kAdded,      // a new article
  kUnchanged,  // the same article (key and content hash) is already stored: nothing done
  kReplaced,   // the same key with other content: the old version and its rows were replaced
};

struct IngestResult {
  IngestOutcome outcome = IngestOutcome::kAdded;
  int64_t document = 0;      // its row id
  int64_t duplicate_of = 0;  // the stored copy it near-duplicates, 0 when none
  double jaccard = 0;        // estimated similarity with it
  int events = 0;            // event mentions stored
};

struct StoreCounts {
  int64_t documents = 0, sentences = 0, events = 0, event_mentions = 0, quotes = 0, duplicates = 0, mentions = 0;
};

// Near-duplicate threshold on the estimated Jaccard similarity of 5-word shingles.
inline constexpr double kDuplicateJaccard = 0.8;

// What identifies "the same article" across runs: the key (the absolute,
// normalised path and the document id; "-" for standard input) and the hash of
// its text. A stored document with the same key and hash is the same article.
std::string document_key(const Document& doc);
int64_t content_hash(const Document& doc);

class Store {
 public:
  // Opens or creates `path`: an SQLite file, or a PostgreSQL database when it is a
  // postgresql:// (postgres://) URL. Errors name the file or URL (without password): not
  // SQLite, another application's database, corrupted, newer schema, cannot create or connect.
  static Result<Store> open(const std::string& path, const StoreOptions& options = {});
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();  // rolls back an open batch

  // A batch: everything ingested between begin() and commit() is one transaction.
  Status begin();
  Status commit();
  Status rollback();
  bool in_batch() const;

  // Stores one analysed document (inside a batch, or in its own transaction).
  Result<IngestResult> ingest(const Document& doc);

  // After many rows were written (the end of an ingest): the planner's statistics brought
  // up to date and the tables rewritten in place cleaned (PostgreSQL: VACUUM and ANALYZE,
  // which its autovacuum may run much later; SQLite plans without them: nothing done).
  Status update_statistics();

  Result<StoreCounts> counts();
  // What resume needs before analysis: every stored document's key and content
  // hash (document_key, content_hash), so an unchanged article is skipped
  // without being analysed again. Read once, at the start of an ingest.
  Result<std::unordered_map<std::string, int64_t>> stored_hashes();
  const std::string& path() const;
  Db& db();  // for the queries (src/store/queries.h)

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// GDELT quad class of an event code from its root (as events::quad_of_root): 1 verbal
// cooperation (01-05), 2 material cooperation (06-09), 3 verbal conflict (10-14),
// 4 material conflict (15-20); 0 unknown.
int quad_class(std::string_view code);
// Days since 1970-01-01 of a known date.
int64_t day_number(const Date& date);

}  // namespace sitrep::store
