#include "events/plover.h"

#include <algorithm>

namespace sitrep::events {
namespace {

struct Row {
  const char *code, *event, *mode, *context;  // the table's cells; "-" is empty
};
constexpr Row kRows[] = {
#include "events/plover_crosswalk.inc"
};

std::string_view cell(const char* c) { return std::string_view(c) == "-" ? std::string_view() : std::string_view(c); }

}  // namespace

const std::vector<PloverType>& plover_crosswalk() {
  static const std::vector<PloverType> rows = [] {
    std::vector<PloverType> out;
    for (const Row& r : kRows) {
      PloverType t{r.code, cell(r.event), cell(r.mode), {}};
      std::string_view ctx = cell(r.context);
      while (!ctx.empty()) {
        size_t comma = ctx.find(',');
        t.context.push_back(ctx.substr(0, comma));
        ctx = comma == std::string_view::npos ? std::string_view() : ctx.substr(comma + 1);
      }
      out.push_back(std::move(t));
    }
    std::sort(out.begin(), out.end(), [](const PloverType& a, const PloverType& b) { return a.code < b.code; });
    return out;
  }();
  return rows;
}

const PloverType* plover_of(std::string_view cameo_code) {
  const auto& rows = plover_crosswalk();
  for (size_t len = std::min<size_t>(cameo_code.size(), 4); len >= 2; --len) {
    std::string_view prefix = cameo_code.substr(0, len);
    auto it = std::lower_bound(rows.begin(), rows.end(), prefix,
                               [](const PloverType& a, std::string_view b) { return a.code < b; });
    if (it != rows.end() && it->code == prefix) return it->event.empty() ? nullptr : &*it;
  }
  return nullptr;
}

}  // namespace sitrep::events
