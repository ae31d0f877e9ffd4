// Claims and contested attribution: who says who did a violent event (roots 18-20).
// Input: a coded document (events with their context); output: Event::claims and
// Event::contested.
//
// The claims are the document's own coded events about responsibility:
//   accusations (112x: "Russia blames Ukraine for the incident")   stance "blames" / "accuses"
//   denials (016: "The Kremlin denies any involvement")            stance "denies"
//   acknowledgements (015: "the group claimed responsibility")     stance "claims"
//   a violent event told by someone ("X said Y shelled Z")          stance "attributes"
// A claim attaches to the violent event of its own sentence, else to the violent event
// the article reported last within the three sentences before it, else (a deed the
// article does not tell as an event: "blamed the Taliban for the attack") to its own event. An event is contested
// when its claims name different parties as the doers (the coded source counting as one
// when the text asserts it), or deny what another claim or the text says.
#pragma once

#include "core/document.h"

namespace sitrep::events {

void attach_claims(Document& doc);

}  // namespace sitrep::events
