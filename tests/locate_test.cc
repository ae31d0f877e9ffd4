// The one lookup of shipped models and data (core/locate.h).
#include "core/locate.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace sitrep {
namespace {

namespace fs = std::filesystem;

TEST(LocateTest, FindsShippedModelsAndDataFromTheBuild) {
  auto model = locate(Shipped::kModels, "sentences.bin");
  ASSERT_TRUE(model.ok()) << model.status().message();
  EXPECT_TRUE(model.value().ends_with("models/sentences.bin")) << model.value();
  auto data = locate(Shipped::kData, "actors/countries.tsv");
  ASSERT_TRUE(data.ok()) << data.status().message();
  EXPECT_TRUE(fs::is_regular_file(data.value()));
}

TEST(LocateTest, AMissNamesEveryPlaceLooked) {
  auto r = locate(Shipped::kModels, "no-such-model.bin");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  for (const std::string& root : shipped_roots(Shipped::kModels))
    EXPECT_NE(r.status().message().find(root), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("$SITREP_MODELS"), std::string::npos);
}

// A user's own folder is used alone: nothing falls back to the shipped files.
TEST(LocateTest, TheEnvironmentFolderIsTheOnlyPlaceWhenSet) {
  fs::path dir = fs::temp_directory_path() / ("sitrep_locate." + std::to_string(::getpid()));
  fs::create_directories(dir / "actors");
  std::ofstream(dir / "actors" / "countries.tsv") << "code\tname\n";
  const char* saved = std::getenv("SITREP_DATA");
  std::string before = saved ? saved : "";
  setenv("SITREP_DATA", dir.c_str(), 1);
  auto mine = locate(Shipped::kData, "actors/countries.tsv");
  auto shipped_only = locate(Shipped::kData, "cameo/ontology.tsv");
  if (saved) setenv("SITREP_DATA", before.c_str(), 1);
  else unsetenv("SITREP_DATA");
  fs::remove_all(dir);
  ASSERT_TRUE(mine.ok()) << mine.status().message();
  EXPECT_EQ(fs::path(mine.value()), (dir / "actors" / "countries.tsv").lexically_normal());
  EXPECT_FALSE(shipped_only.ok());
}

}  // namespace
}  // namespace sitrep
