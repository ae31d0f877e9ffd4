#include "core/document.h"

#include <fmt/format.h>

namespace sitrep {

std::string Date::iso() const {
  if (!known()) return "";
  if (day == 0) return month == 0 ? fmt::format("{:04d}", year) : fmt::format("{:04d}-{:02d}", year, month);
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
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
