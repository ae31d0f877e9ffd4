// The SQLite backend of Db/Stmt (src/store/db.h): a thin RAII layer over the C API.
#include <fmt/format.h>

#include "store/backend.h"

namespace sitrep::store::backend {
namespace {

class SqliteConnection;

class SqliteCursor final : public Cursor {
 public:
  SqliteCursor(const SqliteConnection& db, std::string_view sql);
  ~SqliteCursor() override { sqlite3_finalize(st_); }

  void bind_int(int i, int64_t v) override { check(sqlite3_bind_int64(st_, i, v)); }
  void bind_real(int i, double v) override { check(sqlite3_bind_double(st_, i, v)); }
  void bind_text(int i, std::string_view v) override {
    check(sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  }
  void bind_blob(int i, const void* data, size_t size) override {
    check(sqlite3_bind_blob(st_, i, data, static_cast<int>(size), SQLITE_TRANSIENT));
  }
  void bind_null(int i) override { check(sqlite3_bind_null(st_, i)); }
  bool step() override;
  void reset() override {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  bool is_null(int col) const override { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
  int64_t int64(int col) const override { return sqlite3_column_int64(st_, col); }
  double real(int col) const override { return sqlite3_column_double(st_, col); }
  std::string text(int col) const override {
    const unsigned char* p = sqlite3_column_text(st_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(st_, col)) : std::string();
  }
  std::string blob(int col) const override {
    const void* p = sqlite3_column_blob(st_, col);
    return p ? std::string(static_cast<const char*>(p), sqlite3_column_bytes(st_, col)) : std::string();
  }
  int columns() const override { return sqlite3_column_count(st_); }
  std::string column_name(int col) const override { return sqlite3_column_name(st_, col); }
  ColumnType column_type(int col) const override {
    switch (sqlite3_column_type(st_, col)) {
      case SQLITE_NULL: return ColumnType::kNull;
      case SQLITE_INTEGER: return ColumnType::kInteger;
      case SQLITE_FLOAT: return ColumnType::kReal;
      case SQLITE_BLOB: return ColumnType::kBlob;
      default: return ColumnType::kText;
    }
  }

 private:
  void check(int rc) const;
  const SqliteConnection& db_;
  sqlite3_stmt* st_ = nullptr;
};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, int flags) {
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close_v2(db_);
      db_ = nullptr;
      throw SqlError(fmt::format("{}: cannot open database: {}", path, msg), rc);
    }
    sqlite3_extended_result_codes(db_, 0);
    sqlite3_busy_timeout(db_, 30000);  // readers and the writer wait for each other's locks
  }
  ~SqliteConnection() override { sqlite3_close_v2(db_); }

  Backend backend() const override { return Backend::kSqlite; }
  void exec(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      throw SqlError(msg, rc);
    }
  }
  bool exec_quietly(std::string_view sql) noexcept override {
    std::string s(sql);
    return sqlite3_exec(db_, s.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  int64_t changes() const override { return sqlite3_changes(db_); }
  std::unique_ptr<Cursor> prepare(std::string_view sql) override { return std::make_unique<SqliteCursor>(*this, sql); }
  // IMMEDIATE: the write lock at once, so two writers wait instead of deadlocking.
  const char* begin_write() const override { return "BEGIN IMMEDIATE"; }
  sqlite3* sqlite() const override { return db_; }

  [[noreturn]] void fail(std::string_view what) const {
    throw SqlError(fmt::format("{}: {}", what, sqlite3_errmsg(db_)), sqlite3_errcode(db_));
  }

 private:
  sqlite3* db_ = nullptr;
};

SqliteCursor::SqliteCursor(const SqliteConnection& db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db.sqlite(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &st_,
                         nullptr) != SQLITE_OK)
    db.fail("SQL");
}

void SqliteCursor::check(int rc) const {
  if (rc != SQLITE_OK) db_.fail("bind");
}

bool SqliteCursor::step() {
  int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(st_);
  db_.fail("SQL");
}

}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::string& path, int flags) {
  return std::make_unique<SqliteConnection>(path, flags);
}

}  // namespace sitrep::store::backend
