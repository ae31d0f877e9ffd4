#include "server/params.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/document.h"

namespace sitrep::server {
namespace {

// The value as JSON would write it: quoted, control characters escaped, cut short.
std::string shown(const std::string& v) {
  std::string s = v.size() > 40 ? v.substr(0, 40) + "..." : v;
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

int64_t parse_id(const std::string& text) {
  // 18 digits always fit in int64_t.
  if (!all_digits(text) || text.size() > 18 || std::stoll(text) == 0)
    throw HttpError(400, fmt::format("not an id: {} (expected a positive whole number)", shown(text)));
  return std::stoll(text);
}

Params::Params(const std::multimap<std::string, std::string>& params, const std::vector<std::string>& allowed) {
  for (const auto& [k, v] : params) {
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
      std::string known;
      for (const auto& a : allowed) known += (known.empty() ? "" : ", ") + a;
      throw HttpError(400, fmt::format("unknown parameter {} (this endpoint takes: {})", shown(k),
                                       known.empty() ? "none" : known));
    }
    if (!values_.emplace(k, v).second) throw HttpError(400, fmt::format("parameter {} given twice", shown(k)));
  }
}

const std::string* Params::get(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() || it->second.empty() ? nullptr : &it->second;
}

int64_t Params::integer(const std::string& name, int64_t fallback, int64_t min, int64_t max) const {
  const std::string* v = get(name);
  if (!v) return fallback;
  if (!all_digits(*v) || v->size() > 18 || std::stoll(*v) < min || std::stoll(*v) > max)
    throw HttpError(400, max == INT64_MAX
                             ? fmt::format("{}: expected a whole number from {}, not {}", name, min, shown(*v))
                             : fmt::format("{}: expected a whole number from {} to {}, not {}", name, min, max, shown(*v)));
  return std::stoll(*v);
}

bool Params::boolean(const std::string& name, bool fallback) const {
  const std::string* v = get(name);
  if (!v) return fallback;
  if (*v == "1" || *v == "true" || *v == "yes") return true;
  if (*v == "0" || *v == "false" || *v == "no") return false;
  throw HttpError(400, fmt::format("{}: expected 1 or 0 (true or false), not {}", name, shown(*v)));
}

std::string Params::date(const std::string& name) const {
  const std::string* v = get(name);
  if (!v) return "";
  if (!sitrep::Date::parse_iso(*v)) throw HttpError(400, fmt::format("{}: expected a date YYYY-MM-DD, not {}", name, shown(*v)));
  return *v;
}

std::string Params::actor(const std::string& name) const {
  const std::string* v = get(name);
  if (!v) return "";
  std::string code = *v;
  bool ok = code.size() <= 32;
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    ok = ok && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
  }
  if (!ok) throw HttpError(400, fmt::format("{}: expected a CAMEO actor code (letters and digits: CHN, UKRGOV), not {}",
                                            name, shown(*v)));
  return code;
}

std::string Params::event_code(const std::string& name) const {
  const std::string* v = get(name);
  if (!v) return "";
  if (!all_digits(*v) || v->size() > 4)
    throw HttpError(400, fmt::format("{}: expected a CAMEO event code (1 to 4 digits: 04, 041), not {}", name, shown(*v)));
  return *v;
}

std::string Params::text(const std::string& name) const {
  const std::string* v = get(name);
  if (!v) return "";
  if (v->size() > kMaxText) throw HttpError(400, fmt::format("{}: over {} bytes", name, kMaxText));
  return *v;
}

std::string Params::choice(const std::string& name, std::initializer_list<const char*> options,
                           const char* fallback) const {
  const std::string* v = get(name);
  if (!v) return fallback;
  std::string list;
  for (const char* o : options) {
    if (*v == o) return *v;
    list += (list.empty() ? "" : ", ") + std::string(o);
  }
  throw HttpError(400, fmt::format("{}: expected one of {}, not {}", name, list, shown(*v)));
}

}  // namespace sitrep::server
