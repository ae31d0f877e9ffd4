// The two implementations behind Db and Stmt (src/store/db.h): what a backend
// must do, and nothing of the store's logic. sqlite.cc and postgres.cc each hold
// all of their dialect's connection-level differences: how a transaction starts,
// how parameters are written, how errors map to SQLite's codes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "store/db.h"

namespace sitrep::store::backend {

class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual void bind_int(int i, int64_t v) = 0;
  virtual void bind_real(int i, double v) = 0;
  virtual void bind_text(int i, std::string_view v) = 0;
  virtual void bind_blob(int i, const void* data, size_t size) = 0;
  virtual void bind_null(int i) = 0;
  virtual bool step() = 0;
  virtual void reset() = 0;
  virtual bool is_null(int col) const = 0;
  virtual int64_t int64(int col) const = 0;
  virtual double real(int col) const = 0;
  virtual std::string text(int col) const = 0;
  virtual std::string blob(int col) const = 0;
  virtual int columns() const = 0;
  virtual std::string column_name(int col) const = 0;
  virtual ColumnType column_type(int col) const = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Backend backend() const = 0;
  virtual void exec(std::string_view sql) = 0;
  virtual bool exec_quietly(std::string_view sql) noexcept = 0;
  virtual int64_t changes() const = 0;
  virtual std::unique_ptr<Cursor> prepare(std::string_view sql) = 0;
  // The statements that start a write transaction.
  virtual const char* begin_write() const = 0;
  virtual sqlite3* sqlite() const { return nullptr; }
};

std::unique_ptr<Connection> open_sqlite(const std::string& path, int flags);
std::unique_ptr<Connection> open_postgres(const std::string& url, bool read_only);

}  // namespace sitrep::store::backend
