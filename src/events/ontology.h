// The CAMEO event ontology: every event code with its name, root, level,
// Goldstein score and quad class, from data/cameo/ontology.tsv (docs/ontology.md;
// built by scripts/cameo_ontology.py from GDELT's tables), compiled into the library.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sitrep::events {

// GDELT's quad classes, from the root: 01-05, 06-09, 10-14, 15-20.
enum class Quad : uint8_t {
  kVerbalCooperation = 1,
  kMaterialCooperation = 2,
  kVerbalConflict = 3,
  kMaterialConflict = 4,
};
const char* quad_name(Quad quad);  // "verbal cooperation", ...
Quad quad_of_root(int root);       // 1..20
// Whether a code ("195") is force: assault, fight, mass violence (roots 18-20).
bool is_violent(std::string_view code);
// Whether a code is a material event, roots 14-20 (protest, force posture, reduced
// relations, coercion, violence: acts done to someone, whose place is where they are). Not
// the quad class: GDELT's quads count protest (14) as verbal conflict.
bool is_material_event(std::string_view code);
// Whether an actor code ("ZAFCVL", "ROUJEW") names a population rather than an
// organised actor: civilians, refugees, a religious or ethnic community, with no
// government, military, party or other organised role. CAMEO's visits (042) are
// official ones: pilgrims travelling to Turin or immigrants arriving are not.
bool is_population(std::string_view actor_code);
// Whether one of an actor code's three-letter parts ("USAMIL": USA, MIL) is among `parts`.
bool has_code_part(std::string_view actor_code, std::initializer_list<std::string_view> parts);
// Whether an actor code names a non-state armed group after its first part: rebels,
// insurgents, separatists, unaligned armed men ("AFGREB", "PSEREBHMS"; not "REB" alone).
bool non_state_armed(std::string_view actor_code);

struct CameoCode {
  std::string code;   // "041", "0211"
  std::string name;   // "Discuss by telephone"
  std::string root;   // "04"
  int level = 0;      // 1 root ("04"), 2 three digits ("041"), 3 four digits ("0211")
  float goldstein = 0;
  Quad quad = Quad::kVerbalCooperation;
};

class Ontology {
 public:
  // Reads a table in the format of data/cameo/ontology.tsv; errors name the file and line.
  static Result<Ontology> load(const std::string& path);
  // data/cameo/ontology.tsv as compiled into the library at build time
  // (cmake/tsv_rows.cmake): the one table of code facts, no file read at run time.
  static const Ontology& builtin();
  static Result<Ontology> load_default();  // builtin(), for loaders that take a Result

  const CameoCode* find(std::string_view code) const;
  const std::vector<CameoCode>& codes() const { return codes_; }

 private:
  Status add(std::string_view code, std::string_view name, std::string_view root, std::string_view level,
             std::string_view goldstein, std::string_view quad, const std::string& where);
  std::vector<CameoCode> codes_;  // sorted by code, for binary search
};

// The facts of a CAMEO code in the built-in table, or null: Goldstein score, quad class,
// name. What the coder, the store, the server and the writers read.
const CameoCode* cameo_code(std::string_view code);

}  // namespace sitrep::events
