// Rough mentions without a NER model: runs of proper nouns as names, and noun
// phrases headed by a role word ("Ukrainian officials", "his Chinese
// counterpart") as nominal mentions. For tests, measurements, and as a
// fallback until a NER model is loaded; a trained NER replaces the names.
#pragma once

#include "core/document.h"
#include "entities/actor_dictionary.h"

namespace sitrep::entities {

// Replaces doc.mentions (sorted by start; nominals may contain names) and clears doc.chains.
void propn_mentions(Document& doc, const ActorDictionary& dict);

}  // namespace sitrep::entities
