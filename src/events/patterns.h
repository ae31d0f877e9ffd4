// Verb and noun patterns: how a CAMEO event code is recognised in a dependency
// tree. Our own dictionary (data/verbs/, docs/verb-dictionary.md) and imported
// PETRARCH dictionaries both compile to these; the coder matches them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sitrep::events {

// Where the target of a matched pattern comes from.
enum class TargetFrom : uint8_t {
  kDefault = 0,      // the direct object, else an oblique with to/against/with/on/at/for
  kObject = 1,       // the direct object (obj)
  kIndirectObject = 2,
  kPreposition = 3,  // the object of `target_prep` attached to the head
  kNone = 4,         // no target ("X abstained")
};

struct VerbPattern {
  std::string code;                      // CAMEO code, "041"
  std::string head;                      // lemma of the verb or the event noun, lower case
  bool noun = false;                     // a nominal event: "strike", "talks", "call"
  std::string particle;                  // compound:prt lemma ("off" in "call off"); empty: none required
  std::vector<std::string> object;       // required direct-object lemmas (alternatives); empty: none required
  std::string prep;                      // a required prepositional phrase: its preposition...
  std::vector<std::string> prep_object;  // ...and its head lemmas (alternatives)
  std::vector<std::string> xcomp;        // required open-complement verb lemmas ("refuse to condemn")
  std::vector<std::string> xcomp_object;       // required object lemmas of that complement ("refuse to lift sanctions")
  std::string xcomp_prep;                      // a required prepositional phrase on the complement...
  std::vector<std::string> xcomp_prep_object;  // ...and its head lemmas ("threaten to withdraw from the treaty")
  std::vector<std::string> modifiers;    // required modifier lemmas on the head or its object ("air strike")
  TargetFrom target = TargetFrom::kDefault;
  std::string target_prep;               // with kPreposition
  bool symmetric = false;                // holds both ways: talks, meetings, calls
  std::string origin;                    // "file:line" where it was written, for errors and evidence
};

}  // namespace sitrep::events
