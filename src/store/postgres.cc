// The PostgreSQL backend of Db/Stmt (src/store/db.h), over libpq's C API.
//
// Why libpq and not libpqxx: Debian 12's libpqxx is 6.4, built for C++17 and an older
// libpq; the C API is what libpqxx wraps anyway, is installed with the server's client
// (libpq-dev), and gives us exactly what the store needs and nothing to convert:
// statements prepared once per connection by name, parameters sent as text (numbers)
// or raw bytes (strings, blobs: never truncated at a NUL, checked as UTF-8 by the
// server), results read as text. Every PGresult is owned by one object and cleared
// in its destructor or reset.
//
// PostgreSQL's dialect, in one place: `?`/`?N` become `$N` when a statement is
// prepared; a write transaction is `BEGIN` plus the store's write lock (an advisory
// lock: docs/store.md, "Several writers"); SQLSTATE classes map onto SQLite's result
// codes, so sql_status() treats both backends alike.
#include <libpq-fe.h>

#include <cstdlib>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "store/backend.h"
#include "store/schema.h"

namespace sitrep::store::backend {
namespace {

// `?` (numbered in order) and `?N` as PostgreSQL's `$N`, outside string literals,
// quoted identifiers and comments. `params`: the highest parameter number.
std::string dollar_parameters(std::string_view sql, int& params) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 0;
  params = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"') {  // a literal or identifier; a doubled quote stays inside
      size_t j = i + 1;
      while (j < sql.size() && sql[j] != c) ++j;
      out.append(sql.substr(i, j + 1 - i));
      i = j;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      size_t j = sql.find('\n', i);
      if (j == std::string_view::npos) j = sql.size();
      out.append(sql.substr(i, j - i));
      i = j - 1;
    } else if (c == '?') {
      size_t j = i + 1;
      int n = 0;
      while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') n = n * 10 + (sql[j++] - '0');
      if (j == i + 1) n = ++next;
      params = std::max(params, n);
      out += '$';
      out += std::to_string(n);
      i = j - 1;
    } else {
      out += c;
    }
  }
  return out;
}

// SQLSTATE (a PostgreSQL error's class and condition) as the SQLite result code
// sql_status() reads: waiting or cancelled is busy, a full disk full, damage corrupt.
int sqlite_code_of(const char* sqlstate, bool connection_lost) {
  if (connection_lost) return SQLITE_IOERR;
  std::string_view s = sqlstate ? sqlstate : "";
  if (s == "40001" || s == "40P01" || s == "55P03" || s == "57014") return SQLITE_BUSY;
  if (s.starts_with("08")) return SQLITE_IOERR;
  if (s.starts_with("53")) return SQLITE_FULL;
  if (s.starts_with("58")) return SQLITE_IOERR;
  if (s == "XX001" || s == "XX002") return SQLITE_CORRUPT;
  if (s == "25006") return SQLITE_READONLY;
  if (s == "42501") return SQLITE_PERM;
  return SQLITE_ERROR;
}

class PgConnection;

// A PGresult owned: cleared when replaced or destroyed.
struct PgResult {
  PGresult* r = nullptr;
  PgResult() = default;
  explicit PgResult(PGresult* p) : r(p) {}
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  ~PgResult() { PQclear(r); }
  void reset(PGresult* p = nullptr) {
    PQclear(r);
    r = p;
  }
};

class PgCursor final : public Cursor {
 public:
  PgCursor(PgConnection& db, std::string name, int params)
      : db_(db), name_(std::move(name)), values_(params), null_(params, 1), binary_(params, 0) {}

  void bind_int(int i, int64_t v) override { set(i, std::to_string(v), false); }
  void bind_real(int i, double v) override { set(i, fmt::format("{}", v), false); }
  void bind_text(int i, std::string_view v) override { set(i, std::string(v), true); }
  void bind_blob(int i, const void* data, size_t size) override {
    set(i, std::string(static_cast<const char*>(data), size), true);
  }
  void bind_null(int i) override {
    check(i);
    null_[i - 1] = 1;
  }
  bool step() override;
  void reset() override {
    res_.reset();
    row_ = 0;
    std::fill(null_.begin(), null_.end(), 1);
  }
  bool is_null(int col) const override { return PQgetisnull(res_.r, row_, col); }
  int64_t int64(int col) const override {
    const char* v = PQgetvalue(res_.r, row_, col);
    if (v[0] == 't' || v[0] == 'f') return v[0] == 't';  // a boolean
    return std::strtoll(v, nullptr, 10);
  }
  double real(int col) const override { return std::strtod(PQgetvalue(res_.r, row_, col), nullptr); }
  std::string text(int col) const override {
    return std::string(PQgetvalue(res_.r, row_, col), PQgetlength(res_.r, row_, col));
  }
  std::string blob(int col) const override;
  int columns() const override { return PQnfields(res_.r); }
  std::string column_name(int col) const override { return PQfname(res_.r, col); }
  ColumnType column_type(int col) const override;

 private:
  void check(int i) const {
    if (i < 1 || i > static_cast<int>(values_.size()))
      throw SqlError(fmt::format("bind: parameter {} of {} out of range", i, values_.size()), SQLITE_RANGE);
  }
  void set(int i, std::string v, bool binary) {
    check(i);
    values_[i - 1] = std::move(v);
    null_[i - 1] = 0;
    binary_[i - 1] = binary;
  }

  PgConnection& db_;
  std::string name_;
  std::vector<std::string> values_;
  std::vector<char> null_;
  std::vector<int> binary_;
  PgResult res_;
  int row_ = 0;
};

class PgConnection final : public Connection {
 public:
  PgConnection(const std::string& url, bool read_only) : name_(display_name(url)) {
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = conn_ ? PQerrorMessage(conn_) : "out of memory";
      PQfinish(conn_);
      conn_ = nullptr;
      while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
      for (char& c : msg)
        if (c == '\n' || c == '\t') c = ' ';
      throw SqlError(fmt::format("{}: cannot connect: {}", name_, msg), SQLITE_CANTOPEN);
    }
    try {
      PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);  // NOTICEs are not errors
      if (PQsetClientEncoding(conn_, "UTF8") != 0) fail("client encoding", nullptr);
      if (read_only) exec("SET default_transaction_read_only = on");
      // The store's queries are small, indexed lookups: compiling them (JIT, on by default
      // from PostgreSQL 12 when a plan looks costly) took 150 ms for a 1 ms `stories`.
      exec("SET jit = off");
      // Each statement is prepared once per connection (prepare() below); planning it anew
      // for every run's values (PostgreSQL's custom plans, its default for the first five
      // runs and whenever they look cheaper) cost more than running it: 1.2 ms of planning
      // for a 0.45 ms `events --involving`. The store's statements have a fixed shape whose
      // indexes do not depend on the values: one generic plan each.
      exec("SET plan_cache_mode = force_generic_plan");
    } catch (...) {
      PQfinish(conn_);  // the destructor of a half-made object does not run
      throw;
    }
  }
  ~PgConnection() override { PQfinish(conn_); }

  Backend backend() const override { return Backend::kPostgres; }
  void exec(std::string_view sql) override {
    PgResult r(PQexec(conn_, std::string(sql).c_str()));
    ExecStatusType s = PQresultStatus(r.r);
    if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) fail("SQL", r.r);
    set_changes(r.r);
  }
  bool exec_quietly(std::string_view sql) noexcept override {
    PGresult* r = PQexec(conn_, std::string(sql).c_str());
    ExecStatusType s = PQresultStatus(r);
    PQclear(r);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
  }
  int64_t changes() const override { return changes_; }
  std::unique_ptr<Cursor> prepare(std::string_view sql) override {
    int params = 0;
    std::string text = dollar_parameters(sql, params);
    auto [it, fresh] = prepared_.try_emplace(text);
    if (fresh) {  // prepared once per connection: the server keeps the plan
      it->second.name = fmt::format("s{}", prepared_.size());
      it->second.params = params;
      PgResult r(PQprepare(conn_, it->second.name.c_str(), text.c_str(), params, nullptr));
      if (PQresultStatus(r.r) != PGRES_COMMAND_OK) {
        prepared_.erase(it);
        fail("SQL", r.r);
      }
    }
    return std::make_unique<PgCursor>(*this, it->second.name, it->second.params);
  }
  // The store's write lock, held to the end of the transaction (docs/store.md).
  const char* begin_write() const override { return kBeginWrite; }

  PGconn* get() const { return conn_; }
  void set_changes(PGresult* r) { changes_ = std::atoll(PQcmdTuples(r)); }
  [[noreturn]] void fail(std::string_view what, PGresult* r) const {
    const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string msg = primary ? primary : PQerrorMessage(conn_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    throw SqlError(fmt::format("{}: {}", what, msg), sqlite_code_of(state, PQstatus(conn_) != CONNECTION_OK));
  }

 private:
  static constexpr const char* kBeginWrite = "BEGIN; SELECT pg_advisory_xact_lock(1397314642)";  // kApplicationId
  static_assert(kApplicationId == 1397314642);
  struct Prepared {
    std::string name;
    int params = 0;
  };
  std::string name_;
  PGconn* conn_ = nullptr;
  int64_t changes_ = 0;
  std::unordered_map<std::string, Prepared> prepared_;
};

bool PgCursor::step() {
  if (res_.r) return ++row_ < PQntuples(res_.r);
  std::vector<const char*> values(values_.size());
  std::vector<int> lengths(values_.size());
  for (size_t i = 0; i < values_.size(); ++i) {
    values[i] = null_[i] ? nullptr : values_[i].c_str();
    lengths[i] = static_cast<int>(values_[i].size());
  }
  res_.reset(PQexecPrepared(db_.get(), name_.c_str(), static_cast<int>(values.size()), values.data(), lengths.data(),
                            binary_.data(), 0));
  ExecStatusType s = PQresultStatus(res_.r);
  if (s == PGRES_TUPLES_OK || s == PGRES_COMMAND_OK) {
    db_.set_changes(res_.r);
    row_ = 0;
    return s == PGRES_TUPLES_OK && PQntuples(res_.r) > 0;
  }
  PgResult failed;
  std::swap(failed.r, res_.r);
  db_.fail("SQL", failed.r);
}

std::string PgCursor::blob(int col) const {
  // bytea's text form: \x and two hex digits a byte.
  const char* v = PQgetvalue(res_.r, row_, col);
  int n = PQgetlength(res_.r, row_, col);
  std::string out;
  if (n < 2 || v[0] != '\\' || v[1] != 'x') return std::string(v, n);
  auto hex = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  out.reserve((n - 2) / 2);
  for (int i = 2; i + 1 < n; i += 2) out += static_cast<char>(hex(v[i]) << 4 | hex(v[i + 1]));
  return out;
}

ColumnType PgCursor::column_type(int col) const {
  if (PQgetisnull(res_.r, row_, col)) return ColumnType::kNull;
  switch (PQftype(res_.r, col)) {  // pg_type OIDs
    case 16: case 20: case 21: case 23: case 26: return ColumnType::kInteger;  // bool, int8, int2, int4, oid
    case 700: case 701: return ColumnType::kReal;                          // float4, float8
    case 1700: {                                                             // numeric: sum() of integers
      std::string_view v = PQgetvalue(res_.r, row_, col);
      return v.find_first_of(".eE") == std::string_view::npos ? ColumnType::kInteger : ColumnType::kReal;
    }
    case 17: return ColumnType::kBlob;  // bytea
    default: return ColumnType::kText;
  }
}

}  // namespace

std::unique_ptr<Connection> open_postgres(const std::string& url, bool read_only) {
  return std::make_unique<PgConnection>(url, read_only);
}

}  // namespace sitrep::store::backend
