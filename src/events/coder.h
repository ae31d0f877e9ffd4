// The event coder: matches verb and noun patterns on each parsed sentence and
// fills Document::events with who did what to whom (docs/coder.md).
//
// The tree gives the clause: the head's subject is the source (the by-agent in
// the passive), its object or the first actor after it in its own clause the
// target; linear pattern words (PETRARCH) are matched in text order inside
// that clause. Negation, refusal, modality and reported speech are read off
// the head's dependents and governors.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "events/patterns.h"

namespace sitrep::events {

struct PetrarchDictionaries;
struct SentenceTree;

// A phrase of a sentence naming an actor ("Gondor", code "GON") or an agent
// ("police", code "~COP": combines with an actor, "Gondor police" -> GONCOP).
struct ActorMatch {
  uint32_t first = 0, last = 0;  // word indices in Document::words, inclusive
  std::string_view code;         // owned by the resolver
  bool agent = false;
  // Countries joined to the phrase's own in its modifiers ("Afghan and American troops":
  // USA beside AFGMIL), each with the phrase's role; owned by the resolver.
  std::string_view also[2];
};

// Finds actors in sentences. The coder groups the matches of a noun phrase into
// compound actors and combines agents with them.
struct ActorResolver {
  virtual ~ActorResolver() = default;
  // Every actor and agent phrase of sentence `s`, in text order, not overlapping.
  virtual void find(const Document& doc, uint32_t s, Date date, std::vector<ActorMatch>& out) const = 0;
  // True when the sentence must not be coded (a discard phrase: sports...).
  virtual bool discard(const Document&, uint32_t) const { return false; }
  // Whether an agent with no actor in its phrase is an actor of its own
  // ("civilians" -> CVL); PETRARCH drops such phrases.
  virtual bool lone_agents() const { return false; }
  // Whether a code starts with a country's code ("CHNCOP": true; "COP", "IGOUNO": false).
  virtual bool has_country(std::string_view) const { return false; }
};

// Matches the actors and agents of PETRARCH dictionaries: longest phrase first,
// case-insensitive, actor codes by the document date's restriction.
class PetrarchActorResolver : public ActorResolver {
 public:
  explicit PetrarchActorResolver(const PetrarchDictionaries& dicts);
  void find(const Document& doc, uint32_t s, Date date, std::vector<ActorMatch>& out) const override;
  bool discard(const Document& doc, uint32_t s) const override;

 private:
  struct Entry {
    uint32_t begin = 0, size = 0;  // into hashes_
    const void* phrase = nullptr;  // PhraseCode
    bool agent = false;
  };
  // Longest entry starting at word `w` of a sentence ending before `end`, or -1.
  int longest(const Document& doc, uint32_t w, uint32_t end) const;
  std::vector<uint64_t> hashes_;
  std::vector<Entry> entries_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_first_;
  std::vector<std::vector<uint64_t>> discards_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> discard_first_;  // first word -> discards_
};

class Coder {
 public:
  Coder(std::vector<VerbPattern> patterns, const ActorResolver& resolver);
  // PETRARCH: the dictionary's forms ("said" -> "say"), negations (110 -> 050).
  void use_petrarch(const PetrarchDictionaries& dicts);
  // Codes every sentence of a tagged and parsed document into doc.events.
  void code(Document& doc) const;
  size_t pattern_count() const { return patterns_.size(); }

  // Internal to coder.cc: working memory, a pattern match, a coded head.
  struct Scratch;
  struct Match;
  struct Pending;
  // A pattern with its words hashed.
  struct CTok {
    PatternToken::Kind kind = PatternToken::kWords;
    bool tight = false;
    std::vector<std::vector<uint64_t>> alts;
  };
  struct CPattern {
    std::vector<uint64_t> prefix, suffix;
    std::vector<CTok> before, after;
    uint64_t particle = 0, prep = 0, target_prep = 0, source_prep = 0;
    std::vector<uint64_t> object, prep_object, xcomp, modifiers;
    std::vector<uint64_t> xcomp_object, xcomp_prep_object;  // on the complement ("xobj:", "xprep:")
    uint64_t xcomp_prep = 0;
    std::vector<uint64_t> required;  // words any match needs: a quick rejection
  };

 private:
  void code_sentence(Document& doc, uint32_t s, Scratch& sc) const;
  // Steps of code_sentence (coder.cc): the source side, the pattern, the target side,
  // negation and modality, reported speech, events.
  void subject_actors(Scratch& sc, int v, int& subj, bool& passive) const;
  bool match_pattern(const Scratch& sc, int v, uint32_t pi, Match& m) const;
  void target_actors(Scratch& sc, int v, const Match& m, bool passive, Pending& e) const;
  // Steps of target_actors.
  void pattern_source(Scratch& sc, int v, const Match& m, bool passive, bool target_is_subject, Pending& e) const;
  int pattern_target_phrase(const Scratch& sc, int v, const Match& m) const;
  int phrase_with_prep(const SentenceTree& t, int v, uint64_t prep, bool on_obliques) const;
  int default_target(const Scratch& sc, int v, const VerbPattern& p, Pending& e) const;
  void nominal_source(Scratch& sc, int v, Pending& e) const;
  void victims_of_violence(Scratch& sc, int v, Pending& e) const;
  void claimed_attack(Scratch& sc, int v, Pending& e) const;
  bool negate_and_mark_modality(const Scratch& sc, int v, Pending& e) const;
  // A noun that names violence by some pattern of ours ("attack", "killing", "air raid").
  bool violent_noun(const SentenceTree& t, int j) const;
  void resolve_reports(Scratch& sc) const;
  void fold_tolls(Scratch& sc) const;
  void emit(Document& doc, uint32_t s, const Scratch& sc) const;
  void resolve_anaphora(Document& doc, uint32_t s, Scratch& sc) const;
  void answer_accusations(Document& doc, uint32_t s) const;
  void accusations_as_reasons(Document& doc, uint32_t s) const;

  std::vector<VerbPattern> patterns_;
  std::vector<CPattern> compiled_;  // parallel to patterns_
  const ActorResolver& resolver_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_head_;  // head hash -> patterns
  std::unordered_map<uint64_t, uint64_t> forms_;                 // surface hash -> head hash
  std::unordered_map<std::string, std::string> negation_;
};

// Lower-case hash of a word (ASCII case folding), as the coder indexes them.
uint64_t word_hash(std::string_view s);

// Whether a lemma names a disaster, which kills without anyone's attack ("crash", "flood",
// "earthquake"): the coder's list, for the other stages that need it (magnitudes).
bool is_disaster_word(std::string_view lemma);

}  // namespace sitrep::events
