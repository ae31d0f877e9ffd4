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
  kSubject = 5,      // the subject underwent it, done by no one named ("34 people died in the violence")
};

// One element of a PETRARCH linear pattern (petrarch_dictionaries.h): words that
// must appear in order around the head, or an actor position.
struct PatternToken {
  enum Kind : uint8_t {
    kWords = 0,   // one of `alternatives` (each a run of consecutive lower-case words)
    kSource = 1,  // PETRARCH `$`: the source is the actor here
    kTarget = 2,  // PETRARCH `+`: the target is the actor here
    kSkip = 3,    // PETRARCH `^`: pass over one actor or agent phrase
  };
  Kind kind = kWords;
  std::vector<std::vector<std::string>> alternatives;
  bool tight = false;  // inside a {noun phrase}: only modifiers may come between it and the previous token
};

struct VerbPattern {
  std::string code;                      // CAMEO code, "041"
  std::string head;                      // lemma of the verb or the event noun, lower case
  bool noun = false;                     // a nominal event: "strike", "talks", "call"
  bool adjective = false;                // a predicate adjective with its copula: "was grateful to X"
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
  // "source:prep:P": the source is the actor of the phrase with P and the subject is the
  // target ("received support from X", "came under fire from X"). Empty: the subject is the source.
  std::string source_prep;
  bool symmetric = false;                // holds both ways: talks, meetings, calls
  std::string origin;                    // "file:line" where it was written, for errors and evidence

  // Added for imported PETRARCH dictionaries (empty in our own dictionary):
  std::vector<std::string> head_prefix;  // words right before the head ("wire" in WIRE_+TAP)
  std::vector<std::string> head_suffix;  // words right after the head ("down" in +BREAK_DOWN)
  std::vector<PatternToken> before;      // linear elements before the head, in text order
  std::vector<PatternToken> after;       // linear elements after the head, in text order
  std::string reverse_code;              // [042:043]: the code of the target->source event
  bool compound_source = false;          // `%`: the source is a compound; code between its members, both ways
};

}  // namespace sitrep::events
