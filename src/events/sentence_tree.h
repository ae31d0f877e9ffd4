// One parsed sentence as the coder reads it (internal to src/events): word
// hashes, heads and children, the actor matches, and the questions the coder
// asks of the tree: which clause a word is in, a verb's subject, the actors of
// a noun phrase. Arrays are reused from sentence to sentence.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/tagset.h"
#include "events/coder.h"

namespace sitrep::events {

namespace ud {
inline const uint16_t kNsubj = deprel_id("nsubj"), kNsubjPass = deprel_id("nsubj:pass"),
                      kCsubj = deprel_id("csubj"), kObj = deprel_id("obj"), kIobj = deprel_id("iobj"),
                      kObl = deprel_id("obl"), kOblAgent = deprel_id("obl:agent"), kNmod = deprel_id("nmod"),
                      kCase = deprel_id("case"), kConj = deprel_id("conj"), kXcomp = deprel_id("xcomp"),
                      kCcomp = deprel_id("ccomp"), kAdvcl = deprel_id("advcl"), kParataxis = deprel_id("parataxis"),
                      kRelcl = deprel_id("acl:relcl"), kAcl = deprel_id("acl"), kAdvclRelcl = deprel_id("advcl:relcl"),
                      kAux = deprel_id("aux"), kAuxPass = deprel_id("aux:pass"), kAdvmod = deprel_id("advmod"),
                      kPrt = deprel_id("compound:prt"), kAmod = deprel_id("amod"), kCompound = deprel_id("compound"),
                      kFlat = deprel_id("flat"), kFlatName = deprel_id("flat:name"), kPoss = deprel_id("nmod:poss"),
                      kFixed = deprel_id("fixed"), kNummod = deprel_id("nummod"), kDet = deprel_id("det"),
                      kList = deprel_id("list"), kMark = deprel_id("mark"), kCc = deprel_id("cc"),
                      kPunctRel = deprel_id("punct"), kAppos = deprel_id("appos");
inline const uint16_t kVerb = upos_id("VERB"), kNoun = upos_id("NOUN"), kPropn = upos_id("PROPN"),
                      kPron = upos_id("PRON"), kAdj = upos_id("ADJ"), kAdv = upos_id("ADV"), kNum = upos_id("NUM"),
                      kDetPos = upos_id("DET"), kCconj = upos_id("CCONJ"), kAuxPos = upos_id("AUX"),
                      kPart = upos_id("PART"), kSconj = upos_id("SCONJ"), kAdp = upos_id("ADP");
inline const uint16_t kVB = xpos_id("VB"), kVBG = xpos_id("VBG"), kVBN = xpos_id("VBN"), kPunctPos = upos_id("PUNCT");
inline const uint16_t kVBD = xpos_id("VBD"), kVBZ = xpos_id("VBZ"), kVBP = xpos_id("VBP"), kMD = xpos_id("MD"),
                      kWDT = xpos_id("WDT"), kWP = xpos_id("WP"), kHYPH = xpos_id("HYPH");
}  // namespace ud

// A verb's Penn tag (VB, VBD, VBG, VBN, VBP, VBZ).
bool is_verb_xpos(uint16_t xpos);

// Verbs that report speech ("said", "told", "added"), by lemma hash.
bool is_speech_verb(uint64_t lemma);
// Verbs that deny what their complement says ("deny", "reject", "dismiss"); the one list
// of them (SentenceTree::alleged and the coder read it).
bool is_denying_verb(uint64_t lemma);

// Nouns of a weapon or an attack, no one's agency ("a bomb", "the blast", "an air strike",
// "clashes"), by lemma hash.
bool is_weapon_noun(uint64_t lemma);

// An actor of a phrase: its code (agents combined) and words (sentence-local).
struct CodedActor {
  std::string code;
  int first = 0, last = 0;
};

struct SentenceTree {
  int n = 0;            // words
  uint32_t fw = 0;      // first word in Document::words
  std::vector<uint64_t> hs, hl;   // surface and lemma hashes
  std::vector<int> parent;        // local index of the head, -1 for the root
  std::vector<uint16_t> dep, up, xp;
  std::vector<uint32_t> child_start, children, fill;
  std::vector<uint64_t> present;  // sorted surface and lemma hashes
  std::vector<ActorMatch> matches;
  std::vector<int> match_at;      // local word -> match starting there, -1
  std::vector<int> cover;         // local word -> match covering it, -1
  std::vector<uint8_t> mask;      // the noun phrase np_mask() chose: 1, 2 inside an apposition
  bool lone_agents = false;       // ActorResolver::lone_agents()

  void load(const Document& doc, uint32_t s, const ActorResolver& resolver);

  bool word_is(int j, uint64_t h) const { return hs[j] == h || hl[j] == h; }
  bool has_word(uint64_t h) const;
  bool verbal(int j) const;
  std::span<const uint32_t> kids(int v) const {
    return {children.data() + child_start[v], children.data() + child_start[v + 1]};
  }
  int child_with(int v, uint16_t deprel) const;
  // Is j the start of a finite clause (finite verb, subordinator, relative pronoun)?
  bool clause_start(int j) const;
  // A clause of its own below its head: advcl, parataxis, relative clause, conjoined verb...
  bool clausal(int k) const;
  // Is j in v's own clause? Its subject only when `subject`, complement clauses only when `ccomp`.
  bool in_clause(int j, int v, bool subject, bool ccomp) const;
  // Is j in the subtree of h (h itself included), not passing through `except`?
  bool below(int j, int h, int except = -1) const;
  // An open complement, or a clause the tree made adverbial that "to" marks ("called on X to
  // find a solution", "urged them to return"): what a verb of asking asks for.
  bool to_clause(int k) const;
  // The head of a child phrase of h (obl or nmod) with the case word `prep` and, unless
  // `lemmas` is empty, one of these lemmas as its head ("at a patrol", "from the treaty"); -1.
  int prep_phrase(int h, uint64_t prep, const std::vector<uint64_t>& lemmas) const;
  bool has_prep_phrase(int h, uint64_t prep, const std::vector<uint64_t>& lemmas) const {
    return prep_phrase(h, prep, lemmas) >= 0;
  }
  // Does the subtree of h, less that of `except`, name an actor (not only an agent)?
  bool phrase_has_actor(int h, int except = -1) const;
  // Has v a tense (past or present form, or a tensed or modal auxiliary)?
  bool finite(int v) const;
  // v's subject (climbing xcomp, conj and non-finite advcl), -1 when none; `passive` when it is v's passive subject.
  // Whether clause v is an allegation: an "of" clause of an accusation ("accused India of
  // supporting separatists", "suspected of", "convicted of").
  bool allegation(int v) const;
  // Whether word v is in what an accusation alleges or a denial denies: an allegation, a
  // "for" clause or phrase of a blame ("blamed India for staging the attack", "for the
  // attack") or the complement of a
  // denial ("denied that its forces shelled the city", "denied killing the villagers"),
  // climbing through objects, open complements and conjuncts: the accusing or denying
  // word, -1 when none.
  int alleged(int v) const;
  // Whether clause or event noun v is history that a span of months or years is counted
  // from ("almost five years after crowds burned down its embassy", "a decade since the
  // bombing"): an act of another time than the report's.
  bool long_ago(int v) const;
  // Whether phrase k says who reports ("according to Afghan officials").
  bool according(int k) const;
  int subject_of(int v, bool& passive) const;
  // The nominal head of the phrase of match m (through compounds, possessives, conjuncts,
  // and with `through_of` an agent it is the nmod of: "the president of Rohan").
  int np_head(int m, bool through_of = false) const;
  // The head word of a coded actor's phrase (its match's np_head), else its last word.
  int head_of(const CodedActor& a) const { return cover[a.first] >= 0 ? np_head(cover[a.first]) : a.last; }
  // The phrase of head h without the clauses inside it, into `mask`.
  void np_mask(int h);
  bool hyphened_claim(int k) const;
  // The actors named in `mask`: one per conjunct, agents combined (docs/coder.md).
  void group(std::vector<CodedActor>& out) const;
  void group_level(std::vector<CodedActor>& out, uint8_t level) const;
  void group_of_phrase(int head, std::vector<CodedActor>& out) { np_mask(head), group(out); }
  void group_of_match(int m, std::vector<CodedActor>& out, bool through_of = false);
  // The first actor (not agent) starting at or after `from` where `scope` is set, -1.
  int first_actor(const std::vector<uint8_t>& scope, int from) const;
  Span span(const Document& doc, int first, int last) const {
    return {doc.words[fw + first].span.begin, doc.words[fw + last].span.end};
  }
};

// A day a clause happens on ("Wednesday", "today", "overnight"), by its word's hash
// (word_hash: any case).
bool day_word(uint64_t hash);
// A time a phrase names rather than an actor or a thing: a day, a part of the day, a month
// other than "March" and "May" (a protest, a modal): "called Xi on Friday".
bool time_word(uint64_t hash);


}  // namespace sitrep::events
