#include "events/ontology.h"
#include "core/locate.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace sitrep::events {

const char* quad_name(Quad quad) {
  switch (quad) {
    case Quad::kVerbalCooperation: return "verbal cooperation";
    case Quad::kMaterialCooperation: return "material cooperation";
    case Quad::kVerbalConflict: return "verbal conflict";
    case Quad::kMaterialConflict: return "material conflict";
  }
  return "";
}

bool is_material_event(std::string_view code) {
  if (code.size() < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return false;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  return root >= 14 && root <= 20;
}

bool is_population(std::string_view actor_code) {
  static constexpr std::string_view kPopulations[] = {"CVL", "REF", "JEW", "CHR", "MUS", "BUD", "HIN", "SIK"};
  if (actor_code.size() < 6) return false;  // a country or organisation alone is not a population
  for (size_t i = 3; i + 3 <= actor_code.size(); i += 3) {
    std::string_view part = actor_code.substr(i, 3);
    bool population = false;
    for (std::string_view p : kPopulations) population = population || part == p;
    if (!population) return false;
  }
  return true;
}

bool is_violent(std::string_view code) {
  return code.size() >= 2 && (code.substr(0, 2) == "18" || code.substr(0, 2) == "19" || code.substr(0, 2) == "20");
}

Quad quad_of_root(int root) {
  if (root <= 5) return Quad::kVerbalCooperation;
  if (root <= 9) return Quad::kMaterialCooperation;
  if (root <= 14) return Quad::kVerbalConflict;
  return Quad::kMaterialConflict;
}

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

Result<Ontology> Ontology::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open the CAMEO ontology");
  Ontology o;
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (lineno == 1 || line.empty()) continue;  // header
    std::string where = path + ":" + std::to_string(lineno) + ": ";
    auto f = split_tabs(line);
    if (f.size() != 6)
      return Status::Error(where + "expected 6 tab-separated columns, found " + std::to_string(f.size()));
    CameoCode c;
    c.code = f[0];
    c.name = f[1];
    c.root = f[2];
    if (!all_digits(c.code) || c.code.size() < 2 || c.code.size() > 4)
      return Status::Error(where + "bad code '" + c.code + "' (2 to 4 digits)");
    if (c.root != c.code.substr(0, 2))
      return Status::Error(where + "root '" + c.root + "' does not begin code " + c.code);
    int root = std::atoi(c.root.c_str());
    if (root < 1 || root > 20) return Status::Error(where + "root '" + c.root + "' outside 01-20");
    c.level = static_cast<int>(c.code.size()) - 1;
    if (f[3] != std::to_string(c.level))
      return Status::Error(where + "level '" + std::string(f[3]) + "' does not match code " + c.code);
    char* end = nullptr;
    std::string g(f[4]);
    c.goldstein = std::strtof(g.c_str(), &end);
    if (g.empty() || *end != '\0' || c.goldstein < -10 || c.goldstein > 10)
      return Status::Error(where + "bad Goldstein score '" + g + "'");
    c.quad = quad_of_root(root);
    if (f[5] != std::to_string(static_cast<int>(c.quad)))
      return Status::Error(where + "quad '" + std::string(f[5]) + "' does not match root " + c.root);
    if (o.find(c.code)) return Status::Error(where + "duplicate code " + c.code);
    auto at = std::lower_bound(o.codes_.begin(), o.codes_.end(), c.code,
                               [](const CameoCode& a, const std::string& b) { return a.code < b; });
    o.codes_.insert(at, std::move(c));
  }
  if (o.codes_.empty()) return Status::Error(path + ": no CAMEO codes");
  return o;
}

Result<Ontology> Ontology::load_default() {
  SITREP_ASSIGN_OR_RETURN(std::string path, locate(Shipped::kData, "cameo/ontology.tsv"));
  return load(path);
}

const CameoCode* Ontology::find(std::string_view code) const {
  auto it = std::lower_bound(codes_.begin(), codes_.end(), code,
                             [](const CameoCode& a, std::string_view b) { return a.code < b; });
  return it != codes_.end() && it->code == code ? &*it : nullptr;
}

}  // namespace sitrep::events
