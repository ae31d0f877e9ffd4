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

}  // namespace sitrep
