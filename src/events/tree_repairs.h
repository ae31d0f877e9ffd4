// Repairs of parser errors that news sentences make common, applied to the document's
// trees before entities are found, so that every later stage (mentions, tolls, the coder)
// reads the same tree. Each repair is a narrow pattern of the statistical parser's output
// that a whole-sentence constraint shows wrong; they never run on treebank evaluation
// (`sitrep eval parse` scores the parser alone).
#pragma once

#include "core/document.h"
#include "tagger/lemmatizer.h"

namespace sitrep::events {

// `lemmas` (may be null) gives the lemma of a word a repair retags ("involved" read again as
// the participle of "involve").
void repair_trees(Document& doc, const tagger::Lemmatizer* lemmas = nullptr);

}  // namespace sitrep::events
