// PETRARCH2 dictionary import: verbs (synsets, verb blocks, linear patterns),
// actors (with date restrictions), agents, discards, and the internal coding
// ontology's negations. Format: ../shared/data/petrarch2/dictionaries.rst.
// Verb patterns compile to VerbPattern; actors and agents to phrase -> code
// entries that PetrarchActorResolver (coder.h) matches in sentences.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "events/patterns.h"

namespace sitrep::events {

// An actor or agent phrase and its code(s).
struct PhraseCode {
  struct Restriction {
    Date from, to;  // inclusive; unknown year = open end
    std::string code;
  };
  std::vector<std::string> words;  // lower case, consecutive
  std::string code;                // default code ("" = none, "---" = null)
  std::vector<Restriction> restrictions;  // first one holding on the date wins
  std::string origin;                     // "file:line"
  // The code in force on `date` ("" when none).
  const std::string& code_on(Date date) const;
};

struct PetrarchDictionaries {
  std::vector<VerbPattern> patterns;
  std::vector<std::pair<std::string, std::string>> verb_forms;  // surface form -> head ("said" -> "say")
  std::vector<PhraseCode> actors;
  std::vector<PhraseCode> agents;          // code "~GOV" (suffix) or "NGO~" (prefix)
  std::vector<std::vector<std::string>> discards;  // sentence-level discard phrases (lower case)
  std::unordered_map<std::string, std::string> negation;  // code -> the code of its negation
  std::vector<std::string> warnings;       // skipped entries ("file:line: ..."), not fatal
};

// Loads every dictionary file of `dir`, recognised by name: *verbs* or CAMEO*
// (verbs), *actors*, *agents*, *discards*, *Ontology* (negations). Errors name file:line.
Result<PetrarchDictionaries> load_petrarch_dictionaries(const std::string& dir);

// The parsers, on one file's text (`file` names it in errors).
Status parse_petrarch_verbs(std::string_view text, const std::string& file, PetrarchDictionaries& out);
Status parse_petrarch_actors(std::string_view text, const std::string& file, PetrarchDictionaries& out);
Status parse_petrarch_agents(std::string_view text, const std::string& file, PetrarchDictionaries& out);
Status parse_petrarch_discards(std::string_view text, const std::string& file, PetrarchDictionaries& out);
Status parse_petrarch_ontology(std::string_view text, const std::string& file, PetrarchDictionaries& out);

}  // namespace sitrep::events
