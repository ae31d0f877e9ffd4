#include "store/db.h"

#include "store/backend.h"

namespace sitrep::store {

bool is_postgres_url(std::string_view target) {
  return target.starts_with("postgresql://") || target.starts_with("postgres://");
}

std::string display_name(std::string_view target) {
  std::string out(target);
  if (!is_postgres_url(target)) return out;
  // scheme://user:password@host...: the password goes, the rest stays.
  size_t auth = out.find("://") + 3;
  size_t at = out.find('@', auth), slash = out.find('/', auth);
  if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
    size_t colon = out.find(':', auth);
    if (colon != std::string::npos && colon < at) out.replace(colon, at - colon, ":***");
  }
  // ...and so does a password=... parameter.
  if (size_t p = out.find("password="); p != std::string::npos) {
    size_t end = out.find('&', p);
    out.replace(p + 9, (end == std::string::npos ? out.size() : end) - (p + 9), "***");
  }
  return out;
}

Db::Db() = default;
Db::Db(std::unique_ptr<backend::Connection> c) : c_(std::move(c)) {}
Db::Db(const std::string& path, int flags) : c_(backend::open_sqlite(path, flags)) {}
Db Db::postgres(const std::string& url, bool read_only) { return Db(backend::open_postgres(url, read_only)); }
Db::Db(Db&&) noexcept = default;
Db& Db::operator=(Db&&) noexcept = default;
Db::~Db() = default;

Backend Db::backend() const { return c_->backend(); }
void Db::exec(std::string_view sql) { c_->exec(sql); }
bool Db::exec_quietly(std::string_view sql) noexcept { return c_ && c_->exec_quietly(sql); }
int64_t Db::changes() const { return c_->changes(); }
sqlite3* Db::sqlite() const { return c_ ? c_->sqlite() : nullptr; }

Stmt::Stmt() = default;
Stmt::Stmt(const Db& db, std::string_view sql) : c_(db.connection().prepare(sql)) {}
Stmt::Stmt(Stmt&&) noexcept = default;
Stmt& Stmt::operator=(Stmt&&) noexcept = default;
Stmt::~Stmt() = default;

Stmt& Stmt::bind(int i, int64_t v) { return c_->bind_int(i, v), *this; }
Stmt& Stmt::bind(int i, double v) { return c_->bind_real(i, v), *this; }
Stmt& Stmt::bind(int i, std::string_view v) { return c_->bind_text(i, v), *this; }
Stmt& Stmt::bind_null(int i) { return c_->bind_null(i), *this; }
Stmt& Stmt::bind_blob(int i, const void* data, size_t size) { return c_->bind_blob(i, data, size), *this; }
bool Stmt::step() { return c_->step(); }
void Stmt::reset() { c_->reset(); }
int64_t Stmt::insert() {
  if (!step()) throw SqlError("INSERT ... RETURNING gave no row", SQLITE_INTERNAL);
  int64_t id = int64(0);
  reset();
  return id;
}
bool Stmt::is_null(int col) const { return c_->is_null(col); }
int64_t Stmt::int64(int col) const { return c_->int64(col); }
double Stmt::real(int col) const { return c_->real(col); }
std::string Stmt::text(int col) const { return c_->text(col); }
std::string Stmt::blob(int col) const { return c_->blob(col); }
int Stmt::columns() const { return c_->columns(); }
std::string Stmt::column_name(int col) const { return c_->column_name(col); }
ColumnType Stmt::column_type(int col) const { return c_->column_type(col); }

RowBatch::RowBatch(const Db& db, std::string head, int columns)
    : db_(&db), head_(std::move(head)), columns_(columns), values_(static_cast<size_t>(kRows) * columns) {}

void RowBatch::end_row() {
  if (++rows_ == kRows) flush();
}

void RowBatch::clear() {
  for (Value& v : values_) v = std::monostate();
  rows_ = 0;
}

void RowBatch::flush() {
  try {
    send();
  } catch (...) {
    clear();  // the transaction's rollback drops what was sent; what was not is dropped here
    throw;
  }
}

void RowBatch::send() {
  int done = 0;
  while (done < rows_) {
    int k = 0;
    while ((2 << k) <= rows_ - done) ++k;  // the largest 2^k rows still pending
    if (by_log2_.size() <= static_cast<size_t>(k)) by_log2_.resize(k + 1);
    Stmt& st = by_log2_[k];
    if (!st.prepared()) {
      std::string row = "(?", sql = head_ + " VALUES ";
      for (int c = 1; c < columns_; ++c) row += ", ?";
      row += ')';
      for (int r = 0; r < (1 << k); ++r) (sql += r ? ", " : "") += row;
      st = Stmt(*db_, sql);
    }
    int param = 1;
    for (int r = done; r < done + (1 << k); ++r) {
      for (int c = 0; c < columns_; ++c, ++param) {
        Value& v = values_[static_cast<size_t>(r) * columns_ + c];
        if (auto* i = std::get_if<int64_t>(&v)) st.bind(param, *i);
        else if (auto* d = std::get_if<double>(&v)) st.bind(param, *d);
        else if (auto* t = std::get_if<std::string>(&v)) st.bind(param, *t);
        else st.bind_null(param);
        v = std::monostate();
      }
    }
    st.run();
    done += 1 << k;
  }
  rows_ = 0;
}

Transaction::Transaction(Db& db) : db_(db) { db_.exec(db_.connection().begin_write()); }
Transaction::~Transaction() {
  if (!done_) db_.exec_quietly("ROLLBACK");
}
void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

Status sql_status(int sqlite_code, std::string message) {
  if (sqlite_code == kNotASitrepStore) return Status::InvalidArgument(std::move(message));
  switch (sqlite_code & 0xff) {  // the primary code of an extended one
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Status::Unavailable(std::move(message));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return Status::Corruption(std::move(message));
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM: return Status::IOError(std::move(message));
    default: return Status::Internal(std::move(message));
  }
}

}  // namespace sitrep::store
