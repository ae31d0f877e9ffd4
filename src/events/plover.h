// PLOVER, the event ontology of POLECAT (ICEWS's successor): the PLOVER event type,
// mode and context tags of a CAMEO code, from the crosswalk data/cameo/plover.tsv
// (docs/plover.md), compiled into the library like the CAMEO table.
#pragma once

#include <string_view>
#include <vector>

namespace sitrep::events {

// The 16 PLOVER event types.
inline constexpr std::string_view kPloverTypes[] = {
    "AGREE",   "CONSULT", "SUPPORT",  "CONCEDE",  "COOPERATE", "AID",      "RETREAT", "REQUEST",
    "ACCUSE",  "REJECT",  "THREATEN", "PROTEST",  "SANCTION",  "MOBILIZE", "COERCE",  "ASSAULT"};

struct PloverType {
  std::string_view code;                  // the CAMEO prefix of the crosswalk row ("041")
  std::string_view event;                 // "CONSULT"
  std::string_view mode;                  // "phone"; empty when none
  std::vector<std::string_view> context;  // "military", "legal"...
};

// The row of the longest prefix of `cameo_code` in the crosswalk; null when there is
// none or the row says CAMEO's code is no PLOVER event (plain statements, 01).
const PloverType* plover_of(std::string_view cameo_code);

// A PLOVER actor's sector: the agent after the country ("GOV" of "UKRGOV"), the kind of
// an organisation ("IGO" of "IGOUNO", also NGO and MNC); empty for a bare country.
inline std::string_view plover_sector(std::string_view actor_code) {
  std::string_view kind = actor_code.substr(0, 3);
  if (kind == "IGO" || kind == "NGO" || kind == "MNC") return kind;
  return actor_code.size() >= 6 ? actor_code.substr(3, 3) : std::string_view();
}

// Every row of the crosswalk, for checks: each type is one of kPloverTypes (or empty).
const std::vector<PloverType>& plover_crosswalk();

}  // namespace sitrep::events
