// Status and Result<T>: how errors cross the library boundary.
//
// No exceptions leave the library. A failed call returns a Status whose message
// names what went wrong and where (file, line or byte), and whose code says what
// kind of failure it is: the command line prints the message as one line and
// chooses its exit status by the code (cli/commands.h exit_code), the server its
// HTTP status (server/server.cc http_status). Nobody matches message text.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace sitrep {

enum class StatusCode : uint8_t {
  kOk = 0,
  kInvalidArgument,  // what the caller gave is wrong: an option, a parameter, a query, a file's content
  kNotFound,         // no such file, database, model or id
  kCorruption,       // a damaged file: a store whose pages fail the check, a model with a bad header
  kIOError,          // the system could not read or write
  kUnavailable,      // not now: a busy or locked store
  kInternal,         // anything else: a failure nobody classified (a bug to report)
};

// "invalid argument", "not found", ...
const char* status_code_name(StatusCode code);

class Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return Status(StatusCode::kInvalidArgument, std::move(m)); }
  static Status NotFound(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }
  static Status Corruption(std::string m) { return Status(StatusCode::kCorruption, std::move(m)); }
  static Status IOError(std::string m) { return Status(StatusCode::kIOError, std::move(m)); }
  static Status Unavailable(std::string m) { return Status(StatusCode::kUnavailable, std::move(m)); }
  static Status Internal(std::string m) { return Status(StatusCode::kInternal, std::move(m)); }
  // A failure of the caller's input (kInvalidArgument): most of the library's errors.
  static Status Error(std::string message) { return InvalidArgument(std::move(message)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // The same kind of failure with `prefix` before the message ("file.conllu: ").
  Status prefixed(const std::string& prefix) const { return ok() ? *this : Status(code_, prefix + message_); }

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or an error.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}                   // NOLINT: implicit on purpose
  Result(Status status) : v_(std::move(status)) {}            // NOLINT: must not be ok()
  bool ok() const { return v_.index() == 0; }
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  Status status() const { return ok() ? Status() : std::get<1>(v_); }

 private:
  std::variant<T, Status> v_;
};

#define SITREP_RETURN_IF_ERROR(expr)            \
  do {                                          \
    ::sitrep::Status _st = (expr);              \
    if (!_st.ok()) return _st;                  \
  } while (0)

// SITREP_ASSIGN_OR_RETURN(auto parser, Parser::load(path)); declares (or assigns)
// the value of a Result, or returns its Status from the enclosing function.
#define SITREP_ASSIGN_OR_RETURN(lhs, expr) \
  SITREP_ASSIGN_OR_RETURN_IMPL_(SITREP_STATUS_CONCAT_(_sitrep_result_, __LINE__), lhs, expr)
#define SITREP_ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                                  \
  if (!result.ok()) return result.status();              \
  lhs = std::move(result).value()
#define SITREP_STATUS_CONCAT_(a, b) SITREP_STATUS_CONCAT_INNER_(a, b)
#define SITREP_STATUS_CONCAT_INNER_(a, b) a##b

}  // namespace sitrep
