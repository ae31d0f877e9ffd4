// Where sitrep finds what it ships: the trained models (models/) and the
// dictionaries and lexicons (data/). The one lookup every loader uses.
//
//   auto path = locate(Shipped::kModels, "parser.bin");   // or kData, "actors/countries.tsv"
//
// Roots, in order:
//   1. $SITREP_MODELS (models) or $SITREP_DATA (data) when set: only there, so a
//      user's own folder is never silently mixed with the shipped one;
//   2. next to the executable: EXE_DIR/models, EXE_DIR/../models,
//      EXE_DIR/../share/sitrep/models (an install prefix) - likewise data/;
//   3. the source tree the binary was built from (SITREP_SOURCE_DIR).
// A miss is a NotFound error naming every place looked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sitrep {

enum class Shipped { kModels, kData };

// The folder of the running executable ("" when unknown).
std::string executable_dir();

// The candidate folders for `kind`, in lookup order.
std::vector<std::string> shipped_roots(Shipped kind);

// The path of `relative` (a file or a folder) under the first root that has it.
Result<std::string> locate(Shipped kind, std::string_view relative);

}  // namespace sitrep
