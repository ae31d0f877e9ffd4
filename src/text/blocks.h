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
// legal lines), photo captions and credits, headline lines repeated in the body.
// Blocks already in doc.blocks (header, title set by a reader) are kept; the
// rest of the text after them is cut and classified.
void classify_blocks(Document& doc);

}  // namespace sitrep::text
