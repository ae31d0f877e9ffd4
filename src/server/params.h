// Checked request parameters for the API: each value is validated before it
// reaches a query, and anything malformed becomes an HttpError (400) whose
// message names the parameter and says what was expected.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace sitrep::server {

struct HttpError : std::runtime_error {
  HttpError(int status, const std::string& message) : std::runtime_error(message), status(status) {}
  int status;
};

// A positive row id from a URL path segment ("12"); else HttpError 400.
int64_t parse_id(const std::string& text);

class Params {
 public:
  // Refuses parameters not in `allowed` and parameters given twice.
  Params(const std::multimap<std::string, std::string>& params, const std::vector<std::string>& allowed);

  // Each returns `fallback` (or "") when the parameter is absent or empty.
  int64_t integer(const std::string& name, int64_t fallback, int64_t min, int64_t max) const;
  bool boolean(const std::string& name, bool fallback) const;               // 1/0, true/false, yes/no
  std::string date(const std::string& name) const;                         // YYYY-MM-DD
  std::string actor(const std::string& name) const;                        // CAMEO actor code prefix, upper-cased
  std::string event_code(const std::string& name) const;                   // CAMEO event code prefix: 1-4 digits
  std::string text(const std::string& name) const;                         // free text, at most kMaxText bytes
  std::string choice(const std::string& name, std::initializer_list<const char*> options, const char* fallback) const;

  static constexpr size_t kMaxText = 500;

 private:
  const std::string* get(const std::string& name) const;
  std::map<std::string, std::string> values_;
};

}  // namespace sitrep::server
