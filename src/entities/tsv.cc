#include "entities/tsv.h"

#include <charconv>

#include "io/file.h"

namespace sitrep::entities {

Status read_tsv(const std::string& path, const std::vector<std::string_view>& columns,
                const std::function<Status(const TsvRow&)>& fn) {
  std::string text;
  SITREP_RETURN_IF_ERROR(io::read_file_bytes(path, &text));
  std::string_view rest = text;
  TsvRow row;
  row.file = &path;
  bool header = false;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++row.line;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    row.cells.clear();
    for (size_t b = 0;;) {
      size_t t = line.find('\t', b);
      row.cells.push_back(line.substr(b, t == std::string_view::npos ? std::string_view::npos : t - b));
      if (t == std::string_view::npos) break;
      b = t + 1;
    }
    if (!header) {
      if (row.cells != columns) {
        std::string want;
        for (auto c : columns) {
          if (!want.empty()) want += ' ';
          want.append(c);
        }
        return Status::Error(row.where() + ": the header must name the columns: " + want);
      }
      header = true;
      continue;
    }
    if (row.cells.size() != columns.size())
      return Status::Error(row.where() + ": " + std::to_string(row.cells.size()) + " cells, expected " +
                           std::to_string(columns.size()) + " (tab-separated)");
    SITREP_RETURN_IF_ERROR(fn(row));
  }
  if (!header) return Status::Error(path + ": empty file (no header line)");
  return Status::Ok();
}

std::vector<std::string_view> split_list(std::string_view cell) {
  std::vector<std::string_view> out;
  for (size_t b = 0; b <= cell.size();) {
    size_t e = cell.find('|', b);
    if (e == std::string_view::npos) e = cell.size();
    if (e > b) out.push_back(cell.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

std::optional<Date> parse_partial_date(std::string_view s, bool end) {
  Date d;
  if (s.empty()) return d;
  auto num = [&](std::string_view part, int lo, int hi) -> int {
    int v = 0;
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (ec != std::errc() || p != part.data() + part.size() || v < lo || v > hi) return -1;
    return v;
  };
  static const uint8_t kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
  int y = num(s.substr(0, 4), 1000, 9999);
  if (y < 0) return std::nullopt;
  int m = end ? 12 : 1, day = 0;
  if (s.size() >= 7) {
    if (s[4] != '-' || (m = num(s.substr(5, 2), 1, 12)) < 0) return std::nullopt;
  }
  day = end ? kDays[m - 1] : 1;
  if (end && m == 2 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) day = 28;
  if (s.size() == 10) {
    if (s[7] != '-' || (day = num(s.substr(8, 2), 1, kDays[m - 1])) < 0) return std::nullopt;
  }
  d.year = static_cast<int16_t>(y), d.month = static_cast<uint8_t>(m), d.day = static_cast<uint8_t>(day);
  return d;
}

}  // namespace sitrep::entities
