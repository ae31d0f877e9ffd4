// A thin RAII layer over the SQLite C API for the store: a connection and
// prepared statements with parameter binding (user text is never pasted into SQL).
//
// Inside src/store, failures throw SqlError; every public Store/query function
// catches it and returns a Status, so no exception leaves the library.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/status.h"
#include <string_view>

namespace sitrep::store {

struct SqlError : std::runtime_error {
  SqlError(const std::string& what, int code) : std::runtime_error(what), code(code) {}
  int code;
};

// SqlError::code of a file that is a database, but not a sitrep store of a
// schema this build reads (another application's, a newer sitrep's).
inline constexpr int kNotASitrepStore = -1;

// `message` as a Status whose code follows SQLite's result code: busy or locked
// is kUnavailable, a damaged file kCorruption, a failed read, write or open
// kIOError, kNotASitrepStore kInvalidArgument, anything else kInternal.
Status sql_status(int sqlite_code, std::string message);

class Db {
 public:
  Db() = default;
  // Opens (flags: SQLITE_OPEN_*); throws SqlError naming `path` on failure.
  Db(const std::string& path, int flags);
  Db(Db&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Db& operator=(Db&& o) noexcept;
  ~Db();

  void exec(const char* sql);
  sqlite3* get() const { return db_; }
  int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  [[noreturn]] void fail(std::string_view what) const;  // throws with sqlite's message

 private:
  sqlite3* db_ = nullptr;
};

class Stmt {
 public:
  Stmt() = default;
  Stmt(const Db& db, std::string_view sql);
  Stmt(Stmt&& o) noexcept : db_(o.db_), st_(o.st_) { o.st_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept;
  ~Stmt();

  // Parameters are 1-based, as in SQLite.
  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, uint32_t v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);  // copied (SQLITE_TRANSIENT)
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind_null(int i);
  Stmt& bind_blob(int i, const void* data, size_t size);
  // Empty text binds NULL: codes and names that are unknown are stored as NULL.
  Stmt& bind_text_or_null(int i, std::string_view v) { return v.empty() ? bind_null(i) : bind(i, v); }

  bool step();  // true: a row is ready; false: done. Throws on error.
  void run() { step(); reset(); }  // step to completion, then reset
  void reset();

  bool is_null(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
  int64_t int64(int col) const { return sqlite3_column_int64(st_, col); }
  double real(int col) const { return sqlite3_column_double(st_, col); }
  std::string text(int col) const;
  std::string blob(int col) const;
  int columns() const { return sqlite3_column_count(st_); }
  const char* column_name(int col) const { return sqlite3_column_name(st_, col); }
  int column_type(int col) const { return sqlite3_column_type(st_, col); }

 private:
  const Db* db_ = nullptr;
  sqlite3_stmt* st_ = nullptr;
};

// Runs BEGIN IMMEDIATE on construction; rolls back unless commit() was called.
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
