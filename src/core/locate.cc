#include "core/locate.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace sitrep {

namespace fs = std::filesystem;

std::string executable_dir() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  return fs::path(std::string(buf, static_cast<size_t>(n))).parent_path().string();
}

std::vector<std::string> shipped_roots(Shipped kind) {
  const char* name = kind == Shipped::kModels ? "models" : "data";
  const char* env = std::getenv(kind == Shipped::kModels ? "SITREP_MODELS" : "SITREP_DATA");
  if (env && *env) return {env};
  std::vector<std::string> roots;
  if (std::string exe = executable_dir(); !exe.empty()) {
    fs::path dir(exe);
    roots.push_back((dir / name).string());
    roots.push_back((dir.parent_path() / name).string());
    roots.push_back((dir.parent_path() / "share" / "sitrep" / name).string());
  }
#ifdef SITREP_SOURCE_DIR
  roots.push_back((fs::path(SITREP_SOURCE_DIR) / name).string());
#endif
  return roots;
}

Result<std::string> locate(Shipped kind, std::string_view relative) {
  std::vector<std::string> roots = shipped_roots(kind);
  std::error_code ec;
  for (const std::string& root : roots) {
    fs::path p = fs::path(root) / relative;
    if (fs::exists(p, ec)) return p.lexically_normal().string();
  }
  std::string looked;
  for (const std::string& root : roots) looked += (looked.empty() ? "" : ", ") + root;
  const char* env = kind == Shipped::kModels ? "$SITREP_MODELS" : "$SITREP_DATA";
  return Status::NotFound(std::string(relative) + " not found (looked in " + looked + "; set " + env +
                          " to the folder that holds it)");
}

}  // namespace sitrep
