// Context: a document's dictionary hits and the surface/syntactic patterns
// around a mention that actors and places are learned from (titles before a
// name, appositions after or before it, possessives, "to X" destinations).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "entities/actor_dictionary.h"

namespace sitrep::entities {

class Context {
 public:
  Context(const Document& doc, const ActorDictionary& dict);

  const std::vector<GazetteerHit>& hits() const { return hits_; }
  // Hits lying wholly inside the words [b, e), in text order.
  std::vector<const GazetteerHit*> hits_in(uint32_t b, uint32_t e) const;
  // The first role hit inside [b, e), or null.
  const GazetteerHit* first_role(uint32_t b, uint32_t e) const;
  // The first country, nationality, metonym or organisation hit (or person,
  // with `persons`) inside [b, e), or null.
  const GazetteerHit* owner_hit(uint32_t b, uint32_t e, bool persons) const;
  // Country, nationality, metonym and organisation hits in [b, e) joined by "and"
  // or commas only ("Chinese and Ukrainian"); empty when anything else is between them.
  std::vector<const GazetteerHit*> owner_hits(uint32_t b, uint32_t e) const;
  // A country, nationality, metonym or organisation hit covering the words [b, e): the whole
  // name a mention is (a name with a preposition inside, "National League for Democracy",
  // which the description's reading cuts at "for") or is part of ("Tanzania" in "United
  // Republic of Tanzania"); null when none.
  const GazetteerHit* covering_owner(uint32_t b, uint32_t e) const;
  // "X and NAME": the words of the name run ending just before "and"/"," before word b.
  std::optional<std::pair<uint32_t, uint32_t>> coordinated_before(uint32_t b) const;
  // A title start moved left over "Chinese and" when the title begins with a coordinated owner.
  uint32_t coordinated_title_start(uint32_t t) const;
  // Some word of [b, e) is a subject whose head lies outside [b, e).
  bool is_subject(uint32_t b, uint32_t e) const;
  // The first possessive pronoun (his, her, their, its) in [b, e).
  std::optional<uint32_t> possessive_pronoun(uint32_t b, uint32_t e) const;
  // The first word of [b, e) that starts a destination ("to the UN", "in Kyiv",
  // "for Syria"): a preposition other than "of"; e when none.
  uint32_t destination_start(uint32_t b, uint32_t e) const;

  // Inside a mention [b, e): the first word after a leading title ("Foreign
  // Minister Dmytro Kuleba" -> "Dmytro"); b when there is none.
  uint32_t name_start(uint32_t b, uint32_t e) const;
  // The first word of the title run just before word `w` ("White House press
  // secretary" before "Jen Psaki"): nouns, adjectives, proper nouns and
  // possessives; w when there is none.
  uint32_t title_start(uint32_t w) const;
  // "NAME, DESCRIPTION," : the description's words after a name ending before word e.
  std::optional<std::pair<uint32_t, uint32_t>> apposition_after(uint32_t e) const;
  // "DESCRIPTION, NAME" : the description's words before a name starting at word b.
  std::optional<std::pair<uint32_t, uint32_t>> apposition_before(uint32_t b) const;

  // The word after the hit is a proper noun that no place or organisation name covers.
  bool followed_by_name(const GazetteerHit& h) const;
  bool is_honorific(uint32_t word) const;  // Mr., Mrs., Ms., Dr.
  bool in_name(uint32_t word) const;
  // The role hit starts with a proper noun right after a proper noun no hit covers.
  bool inside_unknown_name(const GazetteerHit& role) const;
  // The last role hit inside [b, e), or null.
  const GazetteerHit* last_role(uint32_t b, uint32_t e) const;        // inside a dictionary name (not a role word)

  uint32_t sentence_of(uint32_t word) const { return sentence_of_[word]; }
  // The first word of the sentence `back` sentences before the one of `word`.
  uint32_t sentence_first_word(uint32_t word, uint32_t back) const;
  std::string text(uint32_t b, uint32_t e) const;
  bool is(uint32_t word, std::string_view lower) const;  // ASCII case-insensitive word text

 private:
  bool description_word(uint32_t w) const;
  bool boundary(uint32_t w) const;  // , ; : ( ) - and dashes

  const Document& doc_;
  const ActorDictionary& dict_;
  std::vector<GazetteerHit> hits_;
  std::vector<uint32_t> sentence_hits_;  // first hit of each sentence, and one past the last
  std::vector<uint32_t> sentence_of_;    // word -> sentence
};

}  // namespace sitrep::entities
