// The shipped tagger (models/tagger.bin of the source tree), loaded once per test program, for
// the tests of its tags and its lemmatizer.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>

#include "tagger/tagger.h"

namespace sitrep::tagger {

// Null when models/tagger.bin is absent or unreadable. Loaded as the pipeline loads it
// (Tagger::load_default: with the shipped table of irregular verbs).
inline const Tagger* shipped_tagger() {
  static const Tagger* t = []() -> const Tagger* {
    auto path = std::filesystem::path(SITREP_SOURCE_DIR) / "models" / "tagger.bin";
    if (!std::filesystem::exists(path)) return nullptr;
    auto r = Tagger::load_default();
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? new Tagger(std::move(r).value()) : nullptr;
  }();
  return t;
}

}  // namespace sitrep::tagger
