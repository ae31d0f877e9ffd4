// Our verb dictionary (data/verbs/*.txt, format in docs/verb-dictionary.md):
// text lines `CODE  PATTERN  # comment` compiled to VerbPatterns, every code
// checked against the CAMEO ontology.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "events/ontology.h"
#include "events/patterns.h"

namespace sitrep::events {

// Parses one file's text; `file` names it in errors ("file:line: ..." naming the
// bad element) and in each pattern's origin. A file named NN-*.txt may only hold
// codes of root NN. Appends to `out`; stops at the first error.
Status parse_verb_patterns(std::string_view text, const std::string& file, const Ontology& ontology,
                           std::vector<VerbPattern>* out);

// Every *.txt in `dir` (or the one file `dir` names), in name order. A pattern
// written twice, or the same pattern with two codes, is an error.
Result<std::vector<VerbPattern>> load_verb_dictionary(const std::string& dir, const Ontology& ontology);

// data/verbs/ found as Ontology::load_default finds data/cameo/.
Result<std::vector<VerbPattern>> load_default_verb_dictionary(const Ontology& ontology);

// The pattern written back in the dictionary's syntax (without the code): the
// key for duplicates, and readable evidence.
std::string pattern_text(const VerbPattern& p);

}  // namespace sitrep::events
