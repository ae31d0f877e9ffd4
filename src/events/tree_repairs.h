// Repairs of parser errors that news sentences make common, applied to the document's
// trees before entities are found, so that every later stage (mentions, tolls, the coder)
// reads the same tree. Each repair is a narrow pattern of the statistical parser's output
// that a whole-sentence constraint shows wrong; they never run on treebank evaluation
// (`sitrep eval parse` scores the parser alone).
#pragma once

#include "core/document.h"

namespace sitrep::events {

void repair_trees(Document& doc);

}  // namespace sitrep::events
