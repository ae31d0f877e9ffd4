// The store's database connection, behind one small interface with two backends:
// an SQLite file (the embedded default) and a PostgreSQL server (a libpq connection
// URI, `postgresql://...`). store.cc, queries.cc and stories.cc are written once
// against Db/Stmt/Transaction and run unchanged on both (docs/store.md, "Backends").
//
// SQL is written once, in the common subset of the two dialects: `?` and `?N`
// parameters (rewritten to `$N` once, when a PostgreSQL statement is prepared),
// `ON CONFLICT DO NOTHING`, `RETURNING id`, `NULLS FIRST/LAST`, `"end"` quoted. Where
// the dialects truly differ (full-text search, pragmas, the schema's types, date
// arithmetic) both texts sit side by side in one file, switched on Db::backend().
// A parameter that is only tested with `IS NULL` where it first appears is cast
// (`CAST(? AS TEXT) IS NULL`): PostgreSQL infers parameter types from their first use.
//
// Inside src/store, failures throw SqlError; every public Store/query function
// catches it and returns a Status, so no exception leaves the library.
#pragma once

#include <sqlite3.h>  // SqlError::code holds SQLite result codes (the PostgreSQL backend maps onto them)

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"

namespace sitrep::store {

struct SqlError : std::runtime_error {
  SqlError(const std::string& what, int code) : std::runtime_error(what), code(code) {}
  int code;  // an SQLite result code (SQLITE_BUSY...), or kNotASitrepStore
};

// SqlError::code of a file that is a database, but not a sitrep store of a
// schema this build reads (another application's, a newer sitrep's).
inline constexpr int kNotASitrepStore = -1;

// `message` as a Status whose code follows SQLite's result code: busy or locked
// is kUnavailable, a damaged file kCorruption, a failed read, write or open
// kIOError, kNotASitrepStore kInvalidArgument, anything else kInternal.
Status sql_status(int sqlite_code, std::string message);

enum class Backend { kSqlite, kPostgres };

// The value of `LIMIT ?` for a row limit where 0 means all rows: the largest count,
// which both dialects take (PostgreSQL refuses SQLite's -1).
inline int64_t sql_limit(int64_t limit) { return limit > 0 ? limit : INT64_MAX; }
enum class ColumnType { kNull, kInteger, kReal, kText, kBlob };

// Whether `target` (a --db value) names a PostgreSQL database: a libpq connection
// URI, postgresql://... or postgres://... . Anything else is an SQLite file path.
bool is_postgres_url(std::string_view target);
// `target` as messages name it: a URL without its password.
std::string display_name(std::string_view target);

namespace backend {
class Connection;  // src/store/backend.h
class Cursor;
}  // namespace backend

class Db {
 public:
  Db();
  // An SQLite file (flags: SQLITE_OPEN_*); throws SqlError naming `path` on failure.
  Db(const std::string& path, int flags);
  // A PostgreSQL database (a libpq connection URI); read-only: every transaction is.
  // Throws SqlError naming the URL (without its password) on failure.
  static Db postgres(const std::string& url, bool read_only);
  Db(Db&&) noexcept;
  Db& operator=(Db&&) noexcept;
  ~Db();

  Backend backend() const;
  bool postgres() const { return backend() == Backend::kPostgres; }
  // Runs one or more statements without parameters or rows.
  void exec(std::string_view sql);
  // As exec, for rollbacks on an error path: never throws; false when it failed.
  bool exec_quietly(std::string_view sql) noexcept;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int64_t changes() const;
  // The SQLite handle (nullptr on PostgreSQL), for what only SQLite has (functions in C).
  sqlite3* sqlite() const;
  backend::Connection& connection() const { return *c_; }

 private:
  explicit Db(std::unique_ptr<backend::Connection> c);
  std::unique_ptr<backend::Connection> c_;
};

class Stmt {
 public:
  Stmt();
  Stmt(const Db& db, std::string_view sql);  // prepares; throws SqlError on a bad statement
  Stmt(Stmt&&) noexcept;
  Stmt& operator=(Stmt&&) noexcept;
  ~Stmt();

  // Parameters are 1-based, as in SQLite.
  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, uint32_t v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);  // copied
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind_null(int i);
  Stmt& bind_blob(int i, const void* data, size_t size);
  // Empty text binds NULL: codes and names that are unknown are stored as NULL.
  Stmt& bind_text_or_null(int i, std::string_view v) { return v.empty() ? bind_null(i) : bind(i, v); }

  bool prepared() const { return c_ != nullptr; }  // false: default-constructed
  bool step();  // true: a row is ready; false: done. Throws on error.
  void run() { step(); reset(); }  // step to completion, then reset
  // Runs an INSERT ... RETURNING id and gives the id.
  int64_t insert();
  void reset();  // ready to run again; the bindings are cleared

  bool is_null(int col) const;
  int64_t int64(int col) const;
  double real(int col) const;
  std::string text(int col) const;
  std::string blob(int col) const;
  int columns() const;
  std::string column_name(int col) const;
  ColumnType column_type(int col) const;

 private:
  std::unique_ptr<backend::Cursor> c_;
};

// A multi-row INSERT: rows are bound one after another and sent up to kRows at a time,
// one statement (one round trip to a server) for each power-of-two share of what is
// pending (a document's 50 mentions: 32 + 16 + 2), not one per row. The values are held
// until flush(); call it before reading the table and before the transaction ends.
class RowBatch {
 public:
  static constexpr int kRows = 64;
  RowBatch() = default;
  // head: "INSERT INTO t (a, b, c)"; columns: how many values a row has.
  RowBatch(const Db& db, std::string head, int columns);

  // Column i (1-based) of the row being bound.
  RowBatch& bind(int i, int64_t v) { return set(i, v); }
  RowBatch& bind(int i, int v) { return set(i, static_cast<int64_t>(v)); }
  RowBatch& bind(int i, uint32_t v) { return set(i, static_cast<int64_t>(v)); }
  RowBatch& bind(int i, double v) { return set(i, v); }
  RowBatch& bind(int i, std::string_view v) { return set(i, std::string(v)); }
  RowBatch& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  RowBatch& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  RowBatch& bind_null(int i) { return set(i, std::monostate()); }
  RowBatch& bind_text_or_null(int i, std::string_view v) { return v.empty() ? bind_null(i) : bind(i, v); }
  // The row is complete (unbound columns are NULL); a full batch is sent.
  void end_row();
  void flush();
  // Drops the pending rows unsent (a document's writes rolled back).
  void clear();

 private:
  using Value = std::variant<std::monostate, int64_t, double, std::string>;
  void send();
  RowBatch& set(int i, Value v) {
    values_[static_cast<size_t>(rows_) * columns_ + i - 1] = std::move(v);
    return *this;
  }
  const Db* db_ = nullptr;
  std::string head_;
  int columns_ = 0, rows_ = 0;
  std::vector<Value> values_;         // kRows rows of columns_ values
  std::vector<Stmt> by_log2_;        // [k]: the statement for 2^k rows, prepared when first used
};

// Starts a write transaction on construction (SQLite: BEGIN IMMEDIATE; PostgreSQL:
// BEGIN and the store's write lock, docs/store.md "Several writers"); rolls back
// unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  void commit();

 private:
  Db& db_;
  bool done_ = false;
};

}  // namespace sitrep::store
