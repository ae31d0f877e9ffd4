// Actor assignment: gives each coreference chain a CAMEO actor code and the
// evidence for it, from the actor dictionary and from the sentence around the
// mentions (titles, appositions, possessives, role descriptions).
//
//   dictionary   "Biden" on 2022-04-12 -> USAGOV (a person in office that day)
//   name         "the Kremlin" -> RUSGOV, "NATO" -> IGOWSTNAT, "Chinese" -> CHN
//   title        "White House press secretary Jen Psaki" -> USAGOV
//   apposition   "Dai Bing, China's deputy permanent representative to the UN" -> CHNGOV
//                "Ukraine's envoy to the UN, Sergiy Kyslytsya" -> UKRGOV
//   possessive   "his national security adviser, Jake Sullivan" (his = a USAGOV person) -> USAGOV
//   nominal      "the Chinese foreign minister" -> CHNGOV, "Russian troops" -> RUSMIL, "civilians" -> CVL
//
// Country and organisation come from the words before the role word ("China's
// envoy") or after "of" ("the foreign minister of China"), never from the
// destination of "to"/"at" ("envoy to the UN" is not the UN's).
#pragma once

#include <string>

#include "core/document.h"
#include "entities/actor_dictionary.h"

namespace sitrep::entities {

// Fills Chain::actor and Chain::evidence for every chain in `doc`. When
// doc.chains is empty, each mention first becomes its own chain. Uses
// doc.date to choose among persons' offices (unknown date: the current office).
void assign_actors(Document& doc, const ActorDictionary& dict);

// Agents with no country ("police", "protesters", "the army": a bare role code
// such as COP) take the country their context gives, as GDELT and ICEWS infer it: an
// actor of the same role named before or in the sentence ("Israeli troops ... the army
// said"), else the place the sentence says things happen in ("in Minsk"), else the
// document's main country (the most named one in places and actors, the title and
// first sentences counting double), when one country clearly leads. Runs after
// places::resolve_places. The evidence says where the country came from. Sets
// Document::country to that main country (empty when none leads).
void localize_agents(Document& doc, const ActorDictionary& dict);

// Actors learned from context (title, apposition, possessive), as persons.tsv
// lines: name, aliases (the surname), code, from and to (the document date),
// office (the evidence). One line per chain with a person name.
std::string export_learned(const Document& doc);

}  // namespace sitrep::entities
