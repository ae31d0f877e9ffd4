#include "events/ontology.h"

#include <algorithm>
#include <cstdio>
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

bool has_code_part(std::string_view actor_code, std::initializer_list<std::string_view> parts) {
  for (size_t i = 0; i + 3 <= actor_code.size(); i += 3)
    for (std::string_view p : parts)
      if (actor_code.substr(i, 3) == p) return true;
  return false;
}

bool non_state_armed(std::string_view actor_code) {
  return actor_code.size() > 3 && has_code_part(actor_code.substr(3), {"REB", "INS", "SEP", "UAF"});
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

// Checks one row and adds it in code order; `where` starts error messages.
Status Ontology::add(std::string_view code, std::string_view name, std::string_view root, std::string_view level,
                     std::string_view goldstein, std::string_view quad, const std::string& where) {
  CameoCode c;
  c.code = code;
  c.name = name;
  c.root = root;
  if (!all_digits(c.code) || c.code.size() < 2 || c.code.size() > 4)
    return Status::InvalidArgument(where + "bad code '" + c.code + "' (2 to 4 digits)");
  if (c.root != c.code.substr(0, 2))
    return Status::InvalidArgument(where + "root '" + c.root + "' does not begin code " + c.code);
  int r = std::atoi(c.root.c_str());
  if (r < 1 || r > 20) return Status::InvalidArgument(where + "root '" + c.root + "' outside 01-20");
  c.level = static_cast<int>(c.code.size()) - 1;
  if (level != std::to_string(c.level))
    return Status::InvalidArgument(where + "level '" + std::string(level) + "' does not match code " + c.code);
  char* end = nullptr;
  std::string g(goldstein);
  c.goldstein = std::strtof(g.c_str(), &end);
  if (g.empty() || *end != '\0' || c.goldstein < -10 || c.goldstein > 10)
    return Status::InvalidArgument(where + "bad Goldstein score '" + g + "'");
  c.quad = quad_of_root(r);
  if (quad != std::to_string(static_cast<int>(c.quad)))
    return Status::InvalidArgument(where + "quad '" + std::string(quad) + "' does not match root " + c.root);
  if (find(c.code)) return Status::InvalidArgument(where + "duplicate code " + c.code);
  auto at = std::lower_bound(codes_.begin(), codes_.end(), c.code,
                             [](const CameoCode& a, const std::string& b) { return a.code < b; });
  codes_.insert(at, std::move(c));
  return Status::Ok();
}

Result<Ontology> Ontology::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open the CAMEO ontology");
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
      return Status::InvalidArgument(where + "expected 6 tab-separated columns, found " + std::to_string(f.size()));
    SITREP_RETURN_IF_ERROR(o.add(f[0], f[1], f[2], f[3], f[4], f[5], where));
  }
  if (o.codes_.empty()) return Status::InvalidArgument(path + ": no CAMEO codes");
  return o;
}

namespace {
// data/cameo/ontology.tsv as compiled in (cmake/tsv_rows.cmake writes the rows).
struct Row {
  const char *code, *name, *root, *level, *goldstein, *quad;  // the table's cells
};
constexpr Row kRows[] = {
#include "events/cameo_facts.inc"
};
}  // namespace

const Ontology& Ontology::builtin() {
  static const Ontology o = [] {
    Ontology b;
    for (const Row& r : kRows) {
      // The generator copied the table's text; the same checks as a loaded table. A
      // failure is a build of a broken table, caught by ontology_test.
      auto st = b.add(r.code, r.name, r.root, r.level, r.goldstein, r.quad,
                      std::string("data/cameo/ontology.tsv (compiled in), code ") + r.code + ": ");
      if (!st.ok()) std::fprintf(stderr, "sitrep: %s\n", st.message().c_str());
    }
    return b;
  }();
  return o;
}

Result<Ontology> Ontology::load_default() { return builtin(); }

const CameoCode* cameo_code(std::string_view code) { return Ontology::builtin().find(code); }

const CameoCode* Ontology::find(std::string_view code) const {
  auto it = std::lower_bound(codes_.begin(), codes_.end(), code,
                             [](const CameoCode& a, std::string_view b) { return a.code < b; });
  return it != codes_.end() && it->code == code ? &*it : nullptr;
}

}  // namespace sitrep::events
