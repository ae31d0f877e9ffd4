// What the coder leaves to the rest of the document: for each event, the day
// its own clause names, where it happened, the quotation it was said in, and
// the coreference chains of its actors.
//
//   date    a day-level time expression attached to the event's clause
//           ("struck the station on Friday", "a phone call on Monday"), else
//           the document date; a time in a reporting clause ("said on
//           Monday that ...") does not date the reported event
//   place   a place in the same clause that is not one of the actors
//   quote   the quotation holding the evidence; its speaker becomes
//           reported_by when the coder found no reporter
//   chains  the chain of the mention naming the source, target and reporter
#pragma once

#include "core/document.h"

namespace sitrep::events {

// Needs a parsed document with mentions, times, places and quotes.
void attach_event_context(Document& doc);

// The coreference chain of the outermost mention starting inside `text`, -1 when none.
int32_t chain_of(const Document& doc, Span text);

// A violent event (roots 18-20, and a riot, 145, or violent repression, 175: "four people
// were killed when police fired on a mob") the text says happened: neither negated nor future.
bool violence_that_happened(const Event& e);
// The violent event that happened which the article told last in the three sentences
// before `sentence` (what a later toll or claim is about); null when none.
Event* violence_told_before(Document& doc, uint32_t sentence);

}  // namespace sitrep::events
