// Mention detection from the parse: role descriptions, pronouns and (for tests
// and evaluation, where no NER runs) names built from proper-noun runs.
//
// Everything here reads only what the tagger and parser left in the Document
// (UPOS, XPOS, deprel, head, lemma); nothing is learned.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace sitrep::entities {

// Adds Mention{kind=kNominal} for noun phrases headed by a person, organisation
// or place noun ("the Chinese foreign minister", "his Ukrainian counterpart",
// "the two foreign ministers", "the ministry", "officials") and
// Mention{kind=kPronoun} for third-person personal pronouns (he, him, his,
// she, her, hers, they, them, their, it, its and the reflexives). Mentions
// already present (names from the NER) are kept; doc.mentions stays sorted by
// span.begin (then by longer span first).
// With `dict`, a noun whose lemma is one of its role words ("troops", "peacekeeper",
// "gunman") heads a nominal mention too.
class ActorDictionary;
void add_nominal_and_pronoun_mentions(Document& doc, const ActorDictionary* dict = nullptr);

// Adds Mention{kind=kName} for every maximal run of proper nouns joined by
// flat/compound relations ("Foreign Minister Wang Yi", "United Nations"),
// months and weekdays left out. The type is a guess from titles and
// organisation words (Mr./minister -> PERSON, "... Ministry" -> ORG), else
// kNone. Stands in for the NER in tests and in `sitrep eval coref`.
void add_name_mentions_from_parse(Document& doc);

// A PERSON name mention holding a coordination ("Wang Yi and Dmytro Kuleba",
// as the NER may tag it) becomes one mention per person.
void split_coordinated_names(Document& doc);

// Names the actor dictionary knows, whatever the NER said: a name mention
// spanning exactly a country, capital, city, organisation or nationality
// takes that type ("Uganda" tagged PERSON becomes GPE), and such a phrase no
// name mention covers becomes one. Persons stay as the NER found them.
class ActorDictionary;
void add_dictionary_names(Document& doc, const ActorDictionary& dict);

// Keeps doc.mentions sorted: by span.begin, longer first, then by head.
void sort_mentions(Document& doc);

// ---- Shared with the coreference sieve -------------------------------------

// Document index of the syntactic head of word `w` of sentence `s`, or
// UINT32_MAX for the root.
uint32_t head_of(const Document& doc, const Sentence& s, uint32_t w);
// The head of words [first, last] of sentence `s`: the last of them hanging outside them.
uint32_t phrase_head(const Document& doc, const Sentence& s, uint32_t first, uint32_t last);
// Index of the sentence holding each word.
std::vector<uint32_t> sentence_of_words(const Document& doc);
// ASCII-lowercased copy.
std::string lower(std::string_view s);
void lower_into(std::string_view s, std::string& out);  // the same into a reused buffer

// Word classes (lowercase singular forms).
// A word the tagger read as an adjective that heads a noun phrase by its place in the tree
// ("A militant was killed", "a civilian", "the wounded"): a noun to the mention and role
// finders.
bool is_nominal_adjective(const Word& w);
bool is_person_noun(std::string_view lemma);  // minister, counterpart, official, spokesman...
bool is_org_noun(std::string_view lemma);     // ministry, government, company, army...
bool is_agent_org_noun(std::string_view lemma);  // government, army, police, court...: a kind of actor
bool is_place_noun(std::string_view lemma);   // country, city, capital, region...
bool is_title_word(std::string_view lower);   // mr., mrs., dr., president, minister, foreign, deputy...
bool is_issued_noun(std::string_view lemma);  // statement, report, release...: what someone issued
// Whether a noun (lemma) before a text noun names who issued it: "an army statement", "a police
// report"; not "a press release", "a newspaper interview", "an army post".
bool names_issuer(std::string_view modifier, std::string_view text);
bool is_org_suffix(std::string_view lower);   // ministry, council, party, inc., university...

// Pronoun features; `lower` is the lowercased form (also I/me/my/we/us/our/you/your). gender: 'm', 'f', 'n'
// (neuter: it), or 0 (they). plural: they/them/their.
struct PronounInfo {
  bool pronoun = false;
  char gender = 0;
  bool plural = false;
  bool possessive = false;
  bool object = false;     // him, her, them (not the subject of its verb)
  bool reflexive = false;
  uint8_t person = 3;      // 1: I/we, 2: you (they link only to the same person and number)
};
PronounInfo pronoun_info(std::string_view lower);

}  // namespace sitrep::entities
