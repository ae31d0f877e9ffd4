// Blocks: the text cut into paragraphs, each classified as news, title, header,
// boilerplate, caption or repeated headline (core/document.h, BlockKind).
#pragma once

#include <cstdint>

#include "core/document.h"

namespace sitrep::text {

// Cuts doc.text[from..] into paragraphs (blank lines separate them) as kNews
// blocks, with no classification. Used for text known to be clean (evaluation).
void split_paragraphs(Document& doc, uint32_t from = 0);

// Cuts and classifies: boilerplate (newsletter prompts, share/follow lines,
// legal lines, wire credits), photo captions and credits, headline lines
// repeated in the body (or equal to doc.title). Blocks already in doc.blocks
// (header, title set by a reader) are kept; the rest of the text after them is
// cut and classified.
//
// Cutting: a blank line ends a block; so does a single line break when the
// line before is complete (it ends a sentence and not with "Mr."-like
// abbreviations, or is a title-case headline, or ends with a photo credit) and
// the next line begins like a new block (capital, digit, opening quote,
// bullet). Other line breaks are hard wraps. Spans exclude surrounding white
// space. The rules are listed in docs/input-formats.md.
void classify_blocks(Document& doc);

}  // namespace sitrep::text
