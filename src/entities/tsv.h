// Reading our data TSV files: a header naming the columns, `#` comment lines,
// `|`-separated lists inside a cell. Errors name the file and line.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace sitrep::entities {

struct TsvRow {
  const std::string* file = nullptr;
  size_t line = 0;
  std::vector<std::string_view> cells;
  std::string_view operator[](size_t i) const { return cells[i]; }
  std::string where() const { return *file + ":" + std::to_string(line); }
};

// Calls `fn` on every data row of `path`, whose header must be `columns`; a row
// with another number of cells, or `fn`'s error, stops the reading.
Status read_tsv(const std::string& path, const std::vector<std::string_view>& columns,
                const std::function<Status(const TsvRow&)>& fn);

// "a|b|c" -> {"a", "b", "c"}; empty items are skipped.
std::vector<std::string_view> split_list(std::string_view cell);

// "2022-03-02", "2022-03" or "2022"; an empty cell is an unknown date. A partial
// date is its first day, or with `end` its last day. nullopt when malformed.
std::optional<Date> parse_partial_date(std::string_view s, bool end);

}  // namespace sitrep::entities
