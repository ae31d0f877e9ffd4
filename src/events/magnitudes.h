// Magnitudes: how many were killed, injured, arrested or displaced in a material event
// (roots 14-20), as the text states it. Input: a coded document (tags, tree, events with
// their context); output: Event::size.
//
//   "killing at least 12 civilians"         dead      min 12, max open
//   "57 people were killed, and 109 were injured"  dead 57, injured 109 (exact)
//   "the deaths of more than 50 civilians"  dead      min 50, max open
//   "dozens were arrested"                  arrested  min 24, max open
//   "between 10 and 15 people died"         dead      min 10, max 15
//
// A figure attaches to the material event of its own sentence nearest to it; a sentence
// that only reports a toll ("57 people were killed": its own event has no named source,
// or it has no event at all) also gives its figures to the violent event the article
// reported just before (within three sentences), where an exact count replaces an open
// one ("more than 50" then "57"); not a toll of more ("four more people died").
// docs/event-output.md describes the output.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/document.h"

namespace sitrep::events {

// A count in words or digits with its qualifier, as its words say ("at least 12",
// "more than 50", "dozens", "between 10 and 15", "nine", "1,200"). `words` are the
// lower-cased words of the phrase up to and including the number; nullopt when
// they hold no count.
struct Count {
  int64_t min = 0;
  int64_t max = -1;  // -1: open above
};
std::optional<Count> parse_count(std::string_view phrase);

// Whether a lemma tells deaths or injuries ("kill", "die", "wounded", "death").
bool tells_casualties(std::string_view lemma);

// Fills Event::size on the document's material events.
void attach_magnitudes(Document& doc);

// Two tellings of one toll: an exact count replaces an open one ("more than 50", then
// "57"), else the first stays.
void merge_figure(Figure& into, const Figure& f);
// merge_figure on each kind.
void merge_magnitudes(Magnitudes& into, const Magnitudes& m);

}  // namespace sitrep::events
