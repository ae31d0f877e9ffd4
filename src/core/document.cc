#include "core/document.h"

#include <fmt/format.h>

namespace sitrep {

bool Date::exists(int y, int m, int d) {
  static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::optional<Date> Date::parse_iso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  for (size_t i = 0, part = 0; i < s.size(); ++i) {
    if (i == 4 || i == 7) {
      ++part;
      continue;
    }
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v[part] = v[part] * 10 + (s[i] - '0');
  }
  if (!exists(v[0], v[1], v[2])) return std::nullopt;
  return Date{static_cast<int16_t>(v[0]), static_cast<uint8_t>(v[1]), static_cast<uint8_t>(v[2])};
}

std::string Date::iso() const {
  if (!known()) return "";
  if (day == 0) return month == 0 ? fmt::format("{:04d}", year) : fmt::format("{:04d}-{:02d}", year, month);
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

const char* mention_kind_name(MentionKind kind) {
  switch (kind) {
    case MentionKind::kName: return "name";
    case MentionKind::kNominal: return "nominal";
    case MentionKind::kPronoun: return "pronoun";
  }
  return "name";
}

const char* block_kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::kNews: return "news";
    case BlockKind::kTitle: return "title";
    case BlockKind::kHeader: return "header";
    case BlockKind::kBoilerplate: return "boilerplate";
    case BlockKind::kCaption: return "caption";
    case BlockKind::kRepeated: return "repeated";
  }
  return "unknown";
}

const char* entity_type_name(EntityType type) {
  switch (type) {
    case EntityType::kNone: return "O";
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrg: return "ORG";
    case EntityType::kGpe: return "GPE";
    case EntityType::kLoc: return "LOC";
    case EntityType::kNorp: return "NORP";
    case EntityType::kEvent: return "EVENT";
    case EntityType::kDate: return "DATE";
    case EntityType::kTime: return "TIME";
  }
  return "O";
}

const char* time_granularity_name(TimeGranularity g) {
  switch (g) {
    case TimeGranularity::kUnknown: return "unknown";
    case TimeGranularity::kDay: return "day";
    case TimeGranularity::kWeek: return "week";
    case TimeGranularity::kMonth: return "month";
    case TimeGranularity::kYear: return "year";
    case TimeGranularity::kPartOfDay: return "part-of-day";
  }
  return "unknown";
}

}  // namespace sitrep
