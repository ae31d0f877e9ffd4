// Coreference within a document: a deterministic sieve over doc.mentions.
//
// Passes run in order, each over every mention not yet linked to an
// antecedent, most precise first (docs/coref.md):
//   1 exact    the same name ("Wang Yi" ... "Wang Yi"), or the same definite
//              description ("the ministry" ... "the ministry")
//   2 name     part of a longer name, titles dropped ("Mr. Wang", "Wang" ->
//              "Wang Yi"), an acronym ("UN" -> "United Nations"), or a definite
//              description with the same head and no new modifier ("the
//              minister" -> "the foreign minister")
//   3 role     an apposition ("Dai Bing, China's deputy representative"), then
//              a role description to the most recent person whose titles and
//              descriptions hold its head and modifiers ("the Chinese foreign
//              minister" -> "Chinese Foreign Minister Wang Yi"; "his Ukrainian
//              counterpart" -> "Ukraine's foreign minister Dmytro Kuleba");
//              "the city", "the company" to the last place or organisation named
//   4 pronoun  he/she/it/they to the best agreeing mention (gender, number,
//              animacy) in the same or the two previous sentences: nearest
//              sentence first, subjects first, then the nearest (same
//              sentence) or the first (earlier sentences)
// Each linked mention records the pass (Mention::sieve) and its antecedent
// (Mention::antecedent), so every link can be explained. doc.chains gets one
// chain per entity with a name or a description (and pronoun-only entities
// of two mentions or more); Chain::actor is left for the actor resolver.
#pragma once

#include <cstdint>

#include "core/document.h"

namespace sitrep::entities {

enum Sieve : uint8_t { kSieveNone = 0, kSieveExact = 1, kSieveName = 2, kSieveRole = 3, kSievePronoun = 4 };
const char* sieve_name(uint8_t sieve);  // "exact", "name", "role", "pronoun", "none"

// Fills Mention::chain, Mention::sieve, Mention::antecedent and doc.chains
// (replacing any chains). Mention types left kNone take their chain's type.
void resolve_coreference(Document& doc);

}  // namespace sitrep::entities
