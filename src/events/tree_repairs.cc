#include "events/tree_repairs.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "events/coder.h"
#include "events/magnitudes.h"
#include "events/sentence_tree.h"
#include "text/text_util.h"

namespace sitrep::events {
namespace {

using namespace ud;

// One sentence's tree as local arrays (head -1 for the root), written back when changed.
struct LocalTree {
  Document& doc;
  uint32_t fw;
  int n;
  std::vector<int> parent;
  const tagger::Lemmatizer* lemmas = nullptr;
  LocalTree(Document& d, const Sentence& s) : doc(d), fw(s.first_word), n(static_cast<int>(s.word_count)) {
    parent.resize(n);
    for (int i = 0; i < n; ++i) {
      uint32_t h = doc.words[fw + i].head;
      parent[i] = (h == 0 || static_cast<int>(h) > n) ? -1 : static_cast<int>(h) - 1;
    }
  }
  Word& w(int i) { return doc.words[fw + static_cast<uint32_t>(i)]; }
  uint16_t dep(int i) { return w(i).deprel; }
  uint16_t up(int i) { return w(i).upos; }
  uint16_t xp(int i) { return w(i).xpos; }
  std::string_view lemma_text(int i) {
    const Word& x = w(i);
    return x.lemma.empty() ? doc.word_text(fw + static_cast<uint32_t>(i)) : doc.pooled(x.lemma);
  }
  uint64_t lemma(int i) { return word_hash(lemma_text(i)); }
  void attach(int i, int head, uint16_t rel) {
    parent[i] = head;
    w(i).head = static_cast<uint32_t>(head + 1);
    w(i).deprel = rel;
  }
  bool verbal(int i) { return up(i) == kVerb || is_verb_xpos(xp(i)); }  // as SentenceTree::verbal
  // Word i retagged as a verb form: its lemma as that form's, when a lemmatizer is at hand.
  void relemmatize(int i, uint16_t xpos) {
    if (!lemmas) return;
    std::string scratch;
    w(i).lemma = doc.add_to_pool(lemmas->lemmatize(doc.word_text(fw + static_cast<uint32_t>(i)), xpos, scratch));
  }
  // One past the sentence's last word that is not punctuation.
  int end_of_words() {
    int end = n;
    while (end > 0 && up(end - 1) == kPunctPos) --end;
    return end;
  }
  // h's first child by relation `rel` (and lemma hash `lemma`, when given), -1 when none
  // (as SentenceTree::child_with).
  int child_with(int h, uint16_t rel, uint64_t lemma = 0) {
    for (int k = 0; k < n; ++k)
      if (parent[k] == h && dep(k) == rel && (lemma == 0 || this->lemma(k) == lemma)) return k;
    return -1;
  }
  // Word v made the sentence's root over the old root r: r's dependents after v go to v, and
  // r hangs on v by `rel`.
  void promote(int v, int r, uint16_t rel) {
    static const uint16_t kRootRel = deprel_id("root");
    attach(v, -1, kRootRel);
    for (int k = v + 1; k < n; ++k)
      if (parent[k] == r) attach(k, v, dep(k));
    attach(r, v, rel);
  }
  // The root (the last word without a head), -1 when none.
  int root() const {
    int r = -1;
    for (int k = 0; k < n; ++k)
      if (parent[k] < 0) r = k;
    return r;
  }
  // Whether h is word k or one of its heads (k may be -1: none).
  bool within(int k, int h) const {
    for (int a = k, g = 0; a >= 0 && g < n; a = parent[a], ++g)
      if (a == h) return true;
    return false;
  }
};

// "Three managers have been arrested, said local police" (or "..., police said"): the tree
// may read the report's subject as the speech verb's subject, the report as that subject's
// relative clause and an inverted speaker as the verb's object. A relative clause with no
// relative word and an auxiliary of its own, on the first subject of a speech verb whose
// speaker follows the clause (a second subject, or an object after a comma that ends the
// sentence), is the report. ("managers responsible for the blast have been arrested": an
// adjective the tree made the clause's subject is the noun's modifier.)
void report_read_as_relative_clause(LocalTree& t) {
  const int n = t.n;
  for (int r = 2; r < n; ++r) {
    if (!t.verbal(r) || !is_speech_verb(t.lemma(r)) || t.parent[r] != -1) continue;
    int subj = -1, speaker = -1;
    for (int k = 0; k < n; ++k) {
      if (t.parent[k] != r) continue;
      if (t.dep(k) == kNsubj && k < r) (subj < 0 ? subj : speaker) = k;
      if (t.dep(k) == kObj && k > r && t.up(r - 1) == kPunctPos && (t.up(k) == kNoun || t.up(k) == kPropn)) {
        bool ends = true;  // nothing after the speaker's phrase but punctuation
        for (int j = k + 1; j < n; ++j) ends = ends && t.up(j) == kPunctPos;
        if (ends && speaker < 0) speaker = k;
      }
    }
    if (subj < 0 || speaker < 0) continue;
    for (int v = subj + 1; v < r && v < speaker; ++v) {
      if (t.parent[v] != subj || t.dep(v) != kRelcl || !t.verbal(v)) continue;
      bool aux = false, passive = false, relative = false;
      int own_subject = -1;
      for (int k = subj + 1; k < v; ++k) {
        aux = aux || (t.parent[k] == v && (t.dep(k) == kAux || t.dep(k) == kAuxPass));
        passive = passive || (t.parent[k] == v && t.dep(k) == kAuxPass);
        relative = relative || t.xp(k) == kWDT || t.xp(k) == kWP;
        if (t.parent[k] == v && (t.dep(k) == kNsubj || t.dep(k) == kNsubjPass)) own_subject = k;
      }
      if (!aux || relative || (own_subject >= 0 && t.up(own_subject) != kAdj)) continue;
      if (own_subject >= 0) t.attach(own_subject, subj, kAmod);
      t.attach(v, r, kCcomp);
      t.attach(subj, v, passive ? kNsubjPass : kNsubj);
      t.attach(speaker, r, kNsubj);
      break;
    }
  }
}

// "..., a police captain and two civilian women were killed by gunmen, said Lieutenant
// Ahmed": the tree may make the report the speech verb's subject and hang the inverted
// speaker on it as a name's part. A sentence-final speech verb whose subject is a clause
// before it and whose only noun after it ends the sentence has that noun as its speaker and
// the clause as what is said.
void report_read_as_subject(LocalTree& t) {
  const int end = t.end_of_words();
  for (int r = 2; r < end; ++r) {
    if (!t.verbal(r) || !is_speech_verb(t.lemma(r)) || t.up(r - 1) != kPunctPos) continue;
    int clause = -1, speaker = -1;
    bool other = false;
    for (int k = 0; k < t.n; ++k) {
      if (t.parent[k] != r) continue;
      if (k < r && (t.dep(k) == kNsubj || t.dep(k) == kNsubjPass) && t.verbal(k)) clause = k;
      if (k > r && k < end) {
        if ((t.up(k) == kNoun || t.up(k) == kPropn) && speaker < 0) speaker = k;
        else other = true;
      }
    }
    if (clause < 0 || speaker < 0 || other) continue;
    bool ends = true;  // the speaker's phrase runs to the sentence's end
    for (int k = r + 1; k < end && ends; ++k) ends = t.parent[k] == r || t.within(k, speaker);
    if (!ends) continue;
    t.attach(speaker, r, kNsubj);
    t.attach(clause, r, kCcomp);
  }
}


// "One militant was killed and nine other Palestinians wounded Wednesday": a past form
// joined to a passive, whose only "object" is a day, is that passive's second clause (its
// auxiliary elided), not an act of its subject on the day.
void elided_passive_read_as_active(LocalTree& t) {
  static const uint16_t kTmod = deprel_id("obl:unmarked");  // as the parser labels "Wednesday"
  for (int v = 1; v < t.n; ++v) {
    if (t.dep(v) != kConj || t.xp(v) != kVBD || t.parent[v] < 0 || t.parent[v] > v) continue;
    int h = t.parent[v], subj = -1, obj = -1, objects = 0;
    bool aux_pass = false;
    for (int k = 0; k < t.n; ++k) {
      if (t.parent[k] == h && t.dep(k) == kAuxPass) aux_pass = true;
      if (t.parent[k] != v) continue;
      if (t.dep(k) == kNsubj) subj = k;
      if (t.dep(k) == kObj) obj = k, ++objects;
    }
    if (!aux_pass || subj < 0 || objects != 1 || obj < v) continue;
    if (!day_word(word_hash(t.doc.word_text(t.fw + static_cast<uint32_t>(obj))))) continue;
    t.attach(obj, v, kTmod);
    t.attach(subj, v, kNsubjPass);
    t.w(v).xpos = kVBN;
  }
}

// "An officer and four police officers were shot dead": the tree may make the list's first
// noun phrase and the second one's modifier ("four police") modifiers of the second head.
// A modifier of a noun with a determiner or a number of its own, whose conjunct right
// before that noun carries a number, heads the list (not "army and police chiefs", where
// both modify the head).
void list_read_as_modifiers(LocalTree& t) {
  for (int h = 2; h < t.n; ++h) {
    if (t.up(h) != kNoun && t.up(h) != kPropn) continue;
    const int i = h - 1;  // the conjunct right before the head
    if (t.parent[i] < 0 || t.dep(i) != kConj || (t.up(i) != kNoun && t.up(i) != kPropn)) continue;
    const int c = t.parent[i];
    if (c >= i || t.parent[c] != h || (t.dep(c) != kCompound && t.dep(c) != kAmod) || t.up(c) != kNoun) continue;
    bool c_counted = false, i_counted = false;
    for (int k = 0; k < t.n; ++k) {
      c_counted = c_counted || (t.parent[k] == c && k < c && (t.dep(k) == kDet || t.dep(k) == kNummod));
      i_counted = i_counted || (t.parent[k] == i && k < i && t.dep(k) == kNummod);
    }
    if (!c_counted || !i_counted) continue;
    const int top = t.parent[h];
    const uint16_t rel = t.dep(h);
    for (int k = c + 1; k < i; ++k)  // "and", "four": the second phrase's
      if (t.parent[k] == i) t.attach(k, h, t.dep(k));
    t.attach(c, top, rel);
    t.attach(h, c, kConj);
    t.attach(i, h, kCompound);
  }
}

// "Israeli aircraft killed four militants in Gaza, medics and eyewitnesses reported": the
// tree may join the speakers to the victims as one more conjunct and the speech verb to them
// as a relative clause. A speech verb with no subject that ends the sentence, right after a
// list of nouns that follows a comma, has that list as its subject and reports the clause
// before it.
void attribution_read_as_conjunct(LocalTree& t) {
  const int end = t.end_of_words();
  const int r = end - 1;
  if (r < 3 || !t.verbal(r) || !is_speech_verb(t.lemma(r)) || t.xp(r) == kVBG) return;
  for (int k = 0; k < t.n; ++k)
    if (t.parent[k] == r && (t.dep(k) == kNsubj || t.dep(k) == kNsubjPass || t.dep(k) == kObj)) return;
  // The list right before the verb: its last noun, climbing conjuncts to the first.
  int first = r - 1, comma = r - 1;
  if (t.up(first) != kNoun && t.up(first) != kPropn) return;
  while (comma > 0 && t.up(comma) != kPunctPos) --comma;
  while (t.parent[first] > comma && t.parent[first] < first && t.dep(first) == kConj) first = t.parent[first];
  // (Its own modifiers: "Palestinian medics".)
  int b = first;
  while (b > 0 && t.parent[b - 1] == first && t.up(b - 1) != kPunctPos) --b;
  if (b < 2 || t.up(b - 1) != kPunctPos || t.dep(first) != kConj || t.parent[first] >= b) return;
  const int root = t.root();
  if (root < 0 || root >= b || !t.verbal(root)) return;
  t.attach(first, r, kNsubj);
  t.attach(r, root, kParataxis);
  t.attach(b - 1, r, kPunctRel);
}

// "..., the Associated Press of Pakistan reported", "..., the Press Trust of India said": the
// tree may split a name of several words that ends the sentence before its speech verb ("of
// Pakistan reported" a relative clause, "Trust" a conjunct of the place before the comma).
// A speech verb that ends the sentence right after a noun phrase that follows the last
// comma (determiners, adjectives, nouns and names, one "of") reports the clause before the
// comma, with that phrase as its speaker: its head is the last noun before "of".
void reporter_name_split(LocalTree& t) {
  static const uint64_t kOf = word_hash("of");
  const int end = t.end_of_words();
  const int r = end - 1;
  if (r < 4 || !t.verbal(r) || !is_speech_verb(t.lemma(r)) || t.xp(r) == kVBG) return;
  int comma = r - 1;
  while (comma > 0 && t.up(comma) != kPunctPos) --comma;
  if (comma < 2 || comma + 2 > r || t.lemma(comma) != word_hash(",")) return;
  int of = -1, head = -1, of_noun = -1;
  for (int k = comma + 1; k < r; ++k) {
    const uint16_t u = t.up(k);
    if (t.lemma(k) == kOf && of < 0 && head >= 0) { of = k; continue; }
    if (u == kNoun || u == kPropn) (of < 0 ? head : of_noun) = k;
    else if (u != kDetPos && u != kAdj) return;
  }
  if (head < 0 || (of >= 0 && of_noun < 0)) return;
  // Already read so: the phrase's head is the verb's subject.
  if (t.parent[head] == r && t.dep(head) == kNsubj) return;
  const int root = t.root();
  if (root < 0 || root >= comma || !t.verbal(root)) return;
  // What the tree hung on the phrase or the verb from the clause before stays in the clause.
  for (int k = 0; k < comma; ++k)
    if (t.parent[k] > comma && t.parent[k] <= r) t.attach(k, root, t.dep(k));
  for (int k = comma + 1; k < r; ++k) {
    if (k == head || k == of_noun) continue;
    const int to = k == of || (of >= 0 && k > of) ? of_noun : head;
    const uint16_t u = t.up(k);
    t.attach(k, to, k == of ? kCase : u == kDetPos ? kDet : u == kAdj ? kAmod : kCompound);
  }
  if (of_noun >= 0) t.attach(of_noun, head, kNmod);
  t.attach(head, r, kNsubj);
  t.attach(r, root, kParataxis);
  t.attach(comma, r, kPunctRel);
}

// "A national electricity employee, a police colonel and a university guard were killed": the
// tree may cut the list's first item off as an oblique with no preposition. A noun phrase
// opening the sentence, with no case marker, followed by a comma and the subject of the same
// verb, whose own conjunct is joined by "and", is the list's first item.
void list_opener_read_apart(LocalTree& t) {
  // The phrase that opens the sentence: climb from word 0 while the head is inside it.
  int a = 0;
  for (int guard = 0; guard < t.n && t.parent[a] >= 0 && t.up(t.parent[a]) != kVerb && t.parent[a] > a; ++guard)
    a = t.parent[a];
  if ((t.up(a) != kNoun && t.up(a) != kPropn) || t.dep(a) != kObl || t.parent[a] < 0) return;
  for (int k = 0; k < t.n; ++k)
    if (t.parent[k] == a && t.dep(k) == kCase) return;
  // Not a time the clause happens at ("The day before, police and soldiers raided ...").
  static const std::vector<uint64_t> kTimes = [] {
    std::vector<uint64_t> v;
    for (const char* w : {"day", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend",
                          "time", "hour", "decade", "century", "moment", "period"})
      v.push_back(word_hash(w));
    return v;
  }();
  if (std::find(kTimes.begin(), kTimes.end(), t.lemma(a)) != kTimes.end()) return;
  const int verb = t.parent[a];
  if (a + 2 >= t.n || t.up(a + 1) != kPunctPos) return;
  int b = -1;  // the subject right after the comma
  for (int k = a + 2; k < verb; ++k)
    if (t.parent[k] == verb && (t.dep(k) == kNsubj || t.dep(k) == kNsubjPass)) {
      b = k;
      break;
    }
  if (b < 0) return;
  for (int k = a + 2; k < b; ++k) {  // only b's own words between the comma and b
    bool own = false;
    for (int x = t.parent[k], g = 0; x >= 0 && x <= b && g < t.n && !own; x = t.parent[x], ++g) own = x == b;
    if (!own) return;
  }
  bool joined = false;  // b has a conjunct joined by "and"
  for (int k = b + 1; k < verb; ++k)
    if (t.parent[k] == b && t.dep(k) == kConj)
      for (int c = b + 1; c < k; ++c) joined = joined || (t.parent[c] == k && t.dep(c) == kCc);
  if (!joined) return;
  const uint16_t rel = t.dep(b);
  t.attach(a, verb, rel);
  for (int k = b + 1; k < verb; ++k)
    if (t.parent[k] == b && t.dep(k) == kConj) t.attach(k, a, kConj);
  t.attach(b, a, kConj);
  t.attach(a + 1, b, kPunctRel);
}


// "killing former Prime Minister Rafik Hariri and 22 others": the tree may hang the object's
// leading adjective on the verb (an adjectival modifier, which only nouns take) and the name
// below it. A verb with no object whose adjectival modifier has a noun after it, in apposition
// or a name's part, has that noun as its object and the adjective as the noun's modifier.
void object_under_adjective(LocalTree& t) {
  static const uint16_t kNmodDesc = deprel_id("nmod:desc");
  for (int a = 1; a + 1 < t.n; ++a) {
    const int v = t.parent[a];
    if (v < 0 || v > a || (t.dep(a) != kAmod && t.dep(a) != kXcomp) || t.up(a) != kAdj || !t.verbal(v)) continue;
    bool has_object = false;
    int noun = -1;
    for (int k = 0; k < t.n; ++k) {
      if (t.parent[k] == v && (t.dep(k) == kObj || t.dep(k) == kCcomp)) has_object = true;
      if (t.parent[k] == a && k > a && noun < 0 && (t.up(k) == kNoun || t.up(k) == kPropn) &&
          (t.dep(k) == kAppos || t.dep(k) == kNmodDesc || t.dep(k) == kFlat || t.dep(k) == kCompound ||
           t.dep(k) == kNsubj))
        noun = k;
    }
    // (The noun's phrase starts right after the adjective: "former Interior Minister Ahmed
    // Salim", not "found dead in his home".)
    if (has_object || noun < 0 || !t.within(a + 1, noun)) continue;
    t.attach(noun, v, kObj);
    for (int k = 0; k < t.n; ++k)  // the adjective's other dependents are the noun's
      if (t.parent[k] == a && k != noun) t.attach(k, noun, t.dep(k));
    t.attach(a, noun, kAmod);
  }
}

// "In Diyala province north of the capital, a police captain and two civilian women were
// killed": the tree may make the place the clause's subject and the people after the comma
// its apposition. A subject with a preposition of its own (subjects take none) whose
// apposition follows a comma is a circumstance; the apposition is the subject.
void subject_read_in_circumstance(LocalTree& t) {
  for (int x = 0; x < t.n; ++x) {
    const int v = t.parent[x];
    if (v < 0 || (t.dep(x) != kNsubj && t.dep(x) != kNsubjPass)) continue;
    int cs = -1, ap = -1;
    for (int k = 0; k < t.n; ++k) {
      if (t.parent[k] != x) continue;
      if (t.dep(k) == kCase && k < x) cs = k;
      if (t.dep(k) == kAppos && k > x && ap < 0 && (v < x || k < v)) ap = k;
    }
    if (cs < 0 || ap < 0 || t.up(x + 1) != kPunctPos) continue;
    const uint16_t rel = t.dep(x);
    t.attach(ap, v, rel);
    t.attach(x, v, kObl);
    t.attach(x + 1, ap < v ? v : ap, kPunctRel);
  }
}

// "injuring three others plus their teacher": the tree may join the list's last noun to the
// verb instead of to the verb's object. A noun joined to a verb, right after the verb's
// object with only its own words between, is the object's conjunct.
void noun_joined_to_verb(LocalTree& t) {
  for (int x = 2; x < t.n; ++x) {
    const int v = t.parent[x];
    if (v < 0 || v > x || t.dep(x) != kConj || (t.up(x) != kNoun && t.up(x) != kPropn) || !t.verbal(v)) continue;
    int obj = -1;
    for (int k = v + 1; k < x; ++k)
      if (t.parent[k] == v && t.dep(k) == kObj) obj = k;
    if (obj < 0) continue;
    bool adjacent = true, joined = false;
    for (int k = obj + 1; k < x; ++k) {
      bool own = t.parent[k] == x || (t.parent[k] >= 0 && t.parent[t.parent[k]] == x);
      adjacent = adjacent && (own || t.within(t.parent[k], obj));  // its own, or the object's phrase
      joined = joined || (t.parent[k] == x && t.dep(k) == kCc);
    }
    if (adjacent && joined) t.attach(x, obj, kConj);
  }
}

// "In Anbar province west of the capital, a police officer and three civilian men were
// killed": the tree may cut a list's first item off the subject (into the circumstance
// before it) and leave the subject starting with "and". A subject whose own first word is
// its coordinator has as its first conjunct the phrase between the last comma and that word.
void subject_starting_with_and(LocalTree& t) {
  for (int x = 2; x < t.n; ++x) {
    const int v = t.parent[x];
    if (v < 0 || (t.dep(x) != kNsubj && t.dep(x) != kNsubjPass)) continue;
    int cc = -1;
    for (int k = 0; k < x; ++k)
      if (t.parent[k] == x && t.dep(k) == kCc) cc = k;
    if (cc < 2) continue;
    bool first_word = true;  // nothing of the subject's phrase before its "and"
    for (int k = 0; k < cc; ++k) first_word = first_word && !t.within(k, x);
    if (!first_word) continue;
    int comma = cc - 1;
    auto is_comma = [&](int k) { return t.up(k) == kPunctPos && t.doc.word_text(t.fw + static_cast<uint32_t>(k)) == ","; };
    while (comma >= 0 && !is_comma(comma)) --comma;
    if (comma < 0 || comma + 1 >= cc) continue;
    int head = -1, heads = 0;  // the one word between the comma and "and" whose head is outside
    for (int k = comma + 1; k < cc; ++k)
      if (t.parent[k] <= comma || t.parent[k] >= cc) head = k, ++heads;
    if (heads != 1 || (t.up(head) != kNoun && t.up(head) != kPropn) || t.dep(head) == kNsubj ||
        t.dep(head) == kNsubjPass)
      continue;
    const uint16_t rel = t.dep(x);
    t.attach(head, v, rel);
    t.attach(x, head, kConj);
    if (t.parent[comma] != head && t.parent[comma] >= 0 && t.parent[comma] > comma) t.attach(comma, head, kPunctRel);
  }
}

// "A 52-year-old man, his son and daughter were killed": the tree may read the list's
// second and third items as an apposition to the first. An apposition to a subject that is a
// list joined by "and" and runs right up to the verb (no comma closing it, as one closes
// "The victims, a woman and her son, were killed") is the list's rest.
void list_read_as_apposition(LocalTree& t) {
  for (int x = 0; x < t.n; ++x) {
    const int v = t.parent[x];
    if (v < 0 || v < x || (t.dep(x) != kNsubj && t.dep(x) != kNsubjPass)) continue;
    int ap = -1;
    for (int k = x + 1; k < v; ++k)
      if (t.parent[k] == x && t.dep(k) == kAppos) ap = k;
    if (ap < 0) continue;
    int end = ap, conj = -1;  // the apposition's last word
    for (int k = ap + 1; k < t.n; ++k)
      if (t.within(t.parent[k], ap)) end = k;
    for (int k = ap + 1; k <= end; ++k)
      if (t.parent[k] == ap && t.dep(k) == kConj) conj = k;
    if (conj < 0 || end + 1 >= t.n || t.up(end + 1) == kPunctPos) continue;
    bool joined = false;
    for (int k = ap + 1; k < conj; ++k) joined = joined || (t.parent[k] == conj && t.dep(k) == kCc);
    if (!joined) continue;
    t.attach(ap, x, kConj);
    for (int k = ap + 1; k <= end; ++k)
      if (t.parent[k] == ap && t.dep(k) == kConj) t.attach(k, x, kConj);
  }
}

// "Zambian police Monday morning shot dead four suspects": the tree may make the time the
// subject and the actor its modifier. A subject that is a time word (a day, "morning") with
// a noun before it in its own phrase that is none has that noun as the subject; the time is
// when.
bool time_word(LocalTree& t, int i) {
  return day_word(t.lemma(i)) || text::is_part_of_day(t.lemma_text(i));
}

void time_read_as_subject(LocalTree& t) {
  static const uint16_t kTmod = deprel_id("obl:unmarked");
  for (int x = 1; x < t.n; ++x) {
    const int v = t.parent[x];
    if (v < 0 || (t.dep(x) != kNsubj && t.dep(x) != kNsubjPass) || !time_word(t, x)) continue;
    auto below_x = [&](int k) { return t.within(t.parent[k], x); };
    int noun = -1;  // the last noun of the phrase before the time words
    for (int k = 0; k < x; ++k)
      if (below_x(k) && (t.up(k) == kNoun || t.up(k) == kPropn) && !time_word(t, k)) noun = k;
    if (noun < 0) continue;
    bool times_after = true;  // only time words between the noun and the subject
    for (int k = noun + 1; k < x; ++k) times_after = times_after && time_word(t, k);
    if (!times_after) continue;
    const uint16_t rel = t.dep(x);
    for (int k = 0; k < noun; ++k)  // the phrase's modifiers hung on the time words are the noun's
      if (below_x(k) && (t.parent[k] == x || time_word(t, t.parent[k]))) t.attach(k, noun, t.dep(k));
    for (int k = noun + 1; k < x; ++k) t.attach(k, x, kCompound);
    t.attach(noun, v, rel);
    t.attach(x, v, kTmod);
  }
}

// "the German officer was involved in the massacre": the tagger reads a participle after
// "was" as an adjective ("involved", "implicated"). An adjective in -ed with a copula and a
// phrase in "in" is the passive participle of its verb.
void participle_read_as_adjective(LocalTree& t) {
  static const uint16_t kCop = deprel_id("cop"), kJj = xpos_id("JJ");
  static const uint64_t kIn = word_hash("in");
  for (int a = 0; a < t.n; ++a) {
    if (t.xp(a) != kJj || !t.doc.word_text(t.fw + static_cast<uint32_t>(a)).ends_with("ed")) continue;
    int cop = -1, in = -1, subj = -1;
    for (int k = 0; k < t.n; ++k) {
      if (t.parent[k] != a) continue;
      if (t.dep(k) == kCop) cop = k;
      if (t.dep(k) == kNsubj) subj = k;
      if (t.dep(k) == kObl && k > a)
        for (int c = 0; c < t.n; ++c)
          if (t.parent[c] == k && t.dep(c) == kCase && t.lemma(c) == kIn) in = k;
    }
    if (cop < 0 || in < 0 || cop > a) continue;
    t.w(a).xpos = kVBN;
    t.w(a).upos = kVerb;
    t.relemmatize(a, kVBN);
    t.attach(cop, a, kAuxPass);
    if (subj >= 0) t.attach(subj, a, kNsubjPass);
  }
}
// Whether every word's heads lead to the root (a repair never leaves a cycle behind).
// "The Israeli army said its troops shot dead a gunman": the tree may make the report's
// subject the speech verb's object, and the object of "shot dead" the adjective's. A speech
// verb that takes no object ("say", "add", "claim", "report", "announce", "state") with a
// noun object followed by a clause that has no subject: the noun is that clause's subject. An
// object under "dead" (or any adjective completing a verb) is the verb's.
void report_subject_read_as_object(LocalTree& t) {
  static const uint64_t kNoObject[] = {word_hash("say"), word_hash("add"), word_hash("claim"), word_hash("report"),
                                       word_hash("announce"), word_hash("state")};
  for (int r = 0; r < t.n; ++r) {
    if (!t.verbal(r) || std::find(std::begin(kNoObject), std::end(kNoObject), t.lemma(r)) == std::end(kNoObject))
      continue;
    int obj = -1, clause = -1;
    for (int k = r + 1; k < t.n; ++k) {
      if (t.parent[k] != r) continue;
      if (t.dep(k) == kObj && obj < 0 && (t.up(k) == kNoun || t.up(k) == kPropn || t.up(k) == kPron)) obj = k;
      // (Or a finite verb read as the speech verb's complement of control: "quoted an
      // official as saying ISAF troops shot dead one civilian".)
      const bool finite = t.xp(k) == kVBD || t.xp(k) == kVBZ || t.xp(k) == kVBP;
      if ((t.dep(k) == kCcomp || (t.dep(k) == kXcomp && finite)) && clause < 0 && t.verbal(k)) clause = k;
    }
    if (obj < 0) continue;
    if (clause < obj) {
      // "locals said 10 persons were killed": the report read as the noun's relative clause.
      // A clause on the noun with an auxiliary and neither a subject nor a relative word (a
      // relative clause has one or the other) is what the noun did or underwent.
      for (int v = obj + 1; v < t.n && clause < 0; ++v) {
        if (t.parent[v] != obj || t.dep(v) != kRelcl || !t.verbal(v)) continue;
        bool aux = false, passive = false, other = false;
        for (int k = obj + 1; k < v; ++k) {
          if (t.parent[k] == v) {
            aux = aux || t.dep(k) == kAux || t.dep(k) == kAuxPass;
            passive = passive || t.dep(k) == kAuxPass;
            other = other || t.dep(k) == kNsubj || t.dep(k) == kNsubjPass || t.dep(k) == kMark;
          }
          other = other || t.xp(k) == kWDT || t.xp(k) == kWP || !t.within(k, obj);
        }
        if (!aux || other) continue;
        t.attach(v, r, kCcomp);
        t.attach(obj, v, passive ? kNsubjPass : kNsubj);
        clause = v;
      }
      continue;
    }
    bool subject = false;
    for (int k = 0; k < t.n; ++k)
      subject = subject || (t.parent[k] == clause && (t.dep(k) == kNsubj || t.dep(k) == kNsubjPass));
    bool between = true;  // nothing of the speech verb's own between the noun's phrase and the clause
    for (int k = obj + 1; k < clause; ++k) between = between && t.within(k, obj);
    if (subject || !between) continue;
    t.attach(obj, clause, kNsubj);
    if (t.dep(clause) == kXcomp) t.attach(clause, r, kCcomp);
    for (int a = clause + 1; a + 1 < t.n; ++a) {
      if (t.parent[a] != clause || t.dep(a) != kXcomp || t.up(a) != kAdj) continue;
      for (int k = a + 1; k < t.n; ++k)
        if (t.parent[k] == a && t.dep(k) == kObj) t.attach(k, clause, kObj);
    }
  }
}

// "Myanmar's junta released pro-democracy leader Aung San Suu Kyi from house arrest": the
// tree may make the object the root and the past-tense verb, with its subject, the object's
// modifier. A sentence whose root is a noun, with a past-tense verb before it as its
// modifier that has a subject of its own, has that verb as its root and the noun as its
// object; what the noun had after it that is no part of a noun phrase (a phrase with a
// preposition, the final stop) is the verb's.
void finite_verb_read_as_modifier(LocalTree& t) {
  static const uint16_t kRootRel = deprel_id("root");
  int root = -1;
  for (int i = 0; i < t.n && root < 0; ++i)
    if (t.parent[i] == -1) root = i;
  if (root < 0 || (t.up(root) != kNoun && t.up(root) != kPropn)) return;
  for (int v = 0; v < root; ++v) {
    if (t.parent[v] != root || t.dep(v) != kAmod || (t.xp(v) != kVBD && t.xp(v) != kVBN)) continue;
    bool subject = false;
    for (int k = 0; k < v; ++k) subject = subject || (t.parent[k] == v && t.dep(k) == kNsubj);
    // ("Police blamed rebels for the attack": the participle's reading, with the noun that
    // opens the sentence as the root's compound; that noun is the subject.)
    if (!subject && t.xp(v) == kVBN && v == 1 && t.parent[0] == root && t.dep(0) == kCompound &&
        (t.up(0) == kNoun || t.up(0) == kPropn) && root == v + 1) {
      t.attach(0, v, kNsubj);
      t.w(v).xpos = kVBD;
      subject = true;
    }
    if (!subject) return;
    t.w(v).upos = kVerb;
    t.attach(v, -1, kRootRel);
    for (int k = 0; k < t.n; ++k)
      if (t.parent[k] == root && k > root && (t.dep(k) == kObl || t.up(k) == kPunctPos)) t.attach(k, v, t.dep(k));
    t.attach(root, v, kObj);
    return;
  }
}

// "..., the United News of India reported Tuesday": the tree may hang a sentence-final
// report, with its own subject, on the last noun before it as a relative clause (or as a
// noun's parataxis: "recaptured the village of Robotyne, the defence ministry said", where
// the ministry would read as part of the object). A speech verb read as a noun's clause,
// whose subject's phrase opens right after a comma with no
// relative word, and after which the sentence has only the verb's own words, reports the
// sentence's main clause.
void attribution_read_as_relative_clause(LocalTree& t) {
  const int root = t.root();
  if (root < 0 || t.up(root) == kPunctPos) return;
  for (int r = 3; r < t.n; ++r) {
    const bool on_noun = t.parent[r] >= 0 && (t.up(t.parent[r]) == kNoun || t.up(t.parent[r]) == kPropn);
    if ((t.dep(r) != kRelcl && t.dep(r) != kAcl && !(t.dep(r) == kParataxis && on_noun)) || !t.verbal(r) ||
        !is_speech_verb(t.lemma(r)) ||
        t.xp(r) == kVBG || t.xp(r) == kVBN || t.parent[r] > r)
      continue;
    int subj = -1;
    for (int k = 0; k < r; ++k)
      if (t.parent[k] == r && t.dep(k) == kNsubj) subj = k;
    // (With no subject of its own, the noun it hangs on is its speaker: ", a senior official
    // said on Saturday" on the noun before the comma.)
    const bool speaker_above = subj < 0 && (t.up(t.parent[r]) == kNoun || t.up(t.parent[r]) == kPropn);
    if (speaker_above) subj = t.parent[r];
    if (subj < 0) continue;
    int b = subj;  // the subject phrase's first word
    while (b > 0 && t.within(b - 1, subj) && t.up(b - 1) != kPunctPos) --b;
    if (b <= root || t.up(b - 1) != kPunctPos || t.doc.word_text(t.fw + static_cast<uint32_t>(b - 1)) != ",") continue;
    bool plain = true;  // no relative word, nothing but the subject's phrase up to the verb, and
                        // nothing after it but its own words and the final stop
    for (int k = b; k < r; ++k) plain = plain && t.within(k, subj) && t.xp(k) != kWDT && t.xp(k) != kWP;
    for (int k = r + 1; k < t.n; ++k) plain = plain && (t.within(k, r) || t.up(k) == kPunctPos);
    if (!plain || (speaker_above && t.within(root, subj))) continue;
    if (speaker_above) t.attach(subj, r, kNsubj);
    t.attach(r, root, kParataxis);
    t.attach(b - 1, r, kPunctRel);
  }
}

// "his forces had killed more than 1,000 rival fighters": the tree may make "more" the object
// and the counted noun its phrase in "than". A comparative object with a noun in "than" that
// carries a number has that noun as the object; "more than" modifies the number.
void comparative_read_as_object(LocalTree& t) {
  static const uint64_t kMore[] = {word_hash("more"), word_hash("less"), word_hash("fewer"), word_hash("much"),
                                   word_hash("many")};
  static const uint64_t kThan = word_hash("than");
  for (int m = 1; m + 2 < t.n; ++m) {
    if (t.parent[m] < 0 || (t.dep(m) != kObj && t.dep(m) != kNsubj && t.dep(m) != kNsubjPass)) continue;
    if (std::find(std::begin(kMore), std::end(kMore), t.lemma(m)) == std::end(kMore) || t.lemma(m + 1) != kThan)
      continue;
    int noun = -1, num = -1;
    for (int k = m + 2; k < t.n && noun < 0; ++k)
      if (t.parent[k] == m && (t.up(k) == kNoun || t.up(k) == kPropn) && t.parent[m + 1] == k) noun = k;
    if (noun < 0) continue;
    for (int k = m + 2; k < noun; ++k)
      if (t.parent[k] == noun && t.dep(k) == kNummod) num = k;
    if (num < 0) continue;
    t.attach(noun, t.parent[m], t.dep(m));
    t.attach(m, num, kAdvmod);
    t.attach(m + 1, m, kFixed);
  }
}

// "Gondor and Osgiliath have renewed diplomatic ties": the tree may read "have" as the verb
// and the participle as the object's adjective. A participle tagged as a verb right after
// "have", modifying the object "have" got, is the verb; "have" is its auxiliary.
void perfect_read_as_possession(LocalTree& t) {
  static const uint64_t kHave = word_hash("have");
  for (int h = 0; h + 2 < t.n; ++h) {
    if (t.lemma(h) != kHave || t.dep(h) == kAux) continue;
    int v = h + 1;
    while (v < t.n && t.up(v) == kAdv) ++v;
    if (v + 1 >= t.n || t.xp(v) != kVBN || t.up(v) != kVerb || t.dep(v) != kAmod) continue;
    const int o = t.parent[v];
    if (o <= v || t.parent[o] != h || t.dep(o) != kObj) continue;
    t.attach(v, t.parent[h], t.dep(h));
    for (int k = 0; k < t.n; ++k)
      if (t.parent[k] == h) t.attach(k, v, t.dep(k));
    t.attach(h, v, kAux);
    t.w(h).upos = kAuxPos;
  }
}

// "claimed responsibility for the attack, which killed 12 policemen", "the attack on the bus,
// which left 28 passengers dead": the tree may hang the relative clause on the phrase's head
// ("responsibility") or on its last noun ("bus"). A clause of killing or wounding that
// "which" opens right after a comma is about the attack or weapon nearest before the comma
// in the phrase the tree chose, else the noun right before the comma.
void killing_clause_on_far_noun(LocalTree& t) {
  static const uint64_t kWhich = word_hash("which");
  static const uint64_t kHarm[] = {word_hash("kill"), word_hash("injure"), word_hash("wound"), word_hash("leave"),
                                   word_hash("claim")};
  for (int v = 3; v < t.n; ++v) {
    if (t.dep(v) != kRelcl || !t.verbal(v) || t.parent[v] < 0 || t.parent[v] > v ||
        std::find(std::begin(kHarm), std::end(kHarm), t.lemma(v)) == std::end(kHarm))
      continue;
    const int w = v - 1;  // "which", right before the verb, after the comma
    if (t.lemma(w) != kWhich || t.parent[w] != v || t.up(w - 1) != kPunctPos) continue;
    int k = w - 2;  // the noun before the comma
    if (k < 0 || t.up(k) != kNoun) continue;
    int top = t.parent[v];  // the phrase: from the clause's head up through nouns
    for (int guard = 0; guard < t.n && t.parent[top] >= 0 && t.parent[top] < w && t.up(t.parent[top]) == kNoun &&
                        t.dep(top) == kNmod;
         ++guard)
      top = t.parent[top];
    for (int j = w - 2; j >= 0; --j)
      if (t.up(j) == kNoun && t.within(j, top) && is_weapon_noun(t.lemma(j))) {
        k = j;
        break;
      }
    if (k == t.parent[v] || !t.within(k, top)) continue;
    t.attach(v, k, kRelcl);
    t.attach(w - 1, v, kPunctRel);
  }
}

// "The bombing killed 25 people, Afghan officials said": the tree may read the object and
// the speakers after the comma as one subject, a list, of the speech verb. A speech verb
// whose subject is joined, after a comma and with no "and", to a noun before it that right
// follows the reported verb (which has no object) has that noun as the reported verb's object
// and the second as its own subject.
void object_read_as_speakers_list(LocalTree& t) {
  for (int r = 3; r < t.n; ++r) {
    if (!t.verbal(r) || !is_speech_verb(t.lemma(r))) continue;
    int subj = -1, clause = -1;
    for (int k = 0; k < r; ++k) {
      if (t.parent[k] != r) continue;
      if (t.dep(k) == kNsubj) subj = k;
      if (t.dep(k) == kCcomp && t.verbal(k)) clause = k;
    }
    if (subj < 0 || clause < 0 || clause > subj) continue;
    int speaker = -1;
    bool joined = false;
    for (int k = subj + 1; k < r; ++k) {
      if (t.parent[k] == subj && t.dep(k) == kConj) speaker = k;
      joined = joined || (t.dep(k) == kCc && t.within(k, subj));
    }
    if (speaker < 0 || joined) continue;
    int b = speaker;  // the speaker's phrase opens right after a comma
    while (b > 0 && t.within(b - 1, speaker) && t.up(b - 1) != kPunctPos) --b;
    if (b < 1 || t.up(b - 1) != kPunctPos) continue;
    int first = subj;  // the object's phrase follows the reported verb directly
    while (first > 0 && t.within(first - 1, subj) && first - 1 != clause && t.up(first - 1) != kPunctPos) --first;
    bool object = false;
    for (int k = 0; k < t.n; ++k) object = object || (t.parent[k] == clause && t.dep(k) == kObj);
    if (object || first != clause + 1) continue;
    t.attach(subj, clause, kObj);
    t.attach(speaker, r, kNsubj);
    t.attach(b - 1, speaker, kPunctRel);
  }
}

// "agreed to lend Argentina 50 billion dollars": the tree may read the receiver as a
// compound of the amount. A proper noun right after a verb, hung as a compound on the verb's
// object, with a number right after it, is the verb's indirect object (no name modifies a
// phrase that opens on a number).
void indirect_object_read_as_compound(LocalTree& t) {
  for (int x = 1; x + 1 < t.n; ++x) {
    if (t.up(x) != kPropn || t.dep(x) != kCompound || t.up(x + 1) != kNum) continue;
    int o = t.parent[x];  // up through the amount's words to the object
    while (o >= 0 && (t.dep(o) == kCompound || t.dep(o) == kNummod) && t.parent[o] > o) o = t.parent[o];
    if (o < 0 || t.dep(o) != kObj || t.parent[o] != x - 1 || !t.verbal(x - 1)) continue;
    t.attach(x, x - 1, deprel_id("iobj"));
  }
}

// "300 were killed and more than 20,000 have fled their homes": the tree may read a number
// standing for people as a number modifying the verb after it. A number the tree hung as a
// nummod on a verb that follows it, with only auxiliaries or adverbs between, is the verb's
// subject when the verb has none (no verb is counted by a number).
void number_read_as_verb_modifier(LocalTree& t) {
  for (int x = 0; x + 1 < t.n; ++x) {
    if (t.up(x) != kNum || t.dep(x) != kNummod) continue;
    const int v = t.parent[x];
    if (v <= x || !t.verbal(v)) continue;
    bool between = true, subject = false, passive = false;
    for (int k = x + 1; k < v; ++k) between = between && (t.dep(k) == kAux || t.dep(k) == kAuxPass || t.up(k) == kAdv);
    for (int k = 0; k < t.n; ++k)
      if (t.parent[k] == v) {
        subject = subject || t.dep(k) == kNsubj || t.dep(k) == kNsubjPass;
        passive = passive || t.dep(k) == kAuxPass;
      }
    if (between && !subject) t.attach(x, v, passive ? kNsubjPass : kNsubj);
  }
}

// "A Taliban spokesman said one of the movement's fighters had carried out the attack": the
// tree may read the speech verb as an adverbial clause of the reported verb after it (or as
// its relative clause, which only a noun takes: "A Taliban spokesman said the attack was
// carried out by one of its fighters"). A speech verb with its subject and no object, clause
// or subordinating word of its own, hung as an adverbial, relative or adjectival clause on a later verb
// whose subject follows it, is the verb that reports it.
void report_read_as_governor(LocalTree& t) {
  for (int r = 1; r + 2 < t.n; ++r) {
    if ((t.dep(r) != kAdvcl && t.dep(r) != kRelcl && t.dep(r) != kAcl) || !t.verbal(r) || !is_speech_verb(t.lemma(r)))
      continue;
    const int c = t.parent[r];
    if (c <= r || !t.verbal(c)) continue;
    bool speaker = false, own = false, subject = false;
    for (int k = 0; k < t.n; ++k) {
      if (t.parent[k] == r) {
        speaker = speaker || (t.dep(k) == kNsubj && k < r);
        own = own || t.dep(k) == kMark || t.dep(k) == kObj || t.dep(k) == kCcomp || t.dep(k) == kAdvmod;
      }
      if (t.parent[k] == c && k > r && k < c) subject = subject || t.dep(k) == kNsubj || t.dep(k) == kNsubjPass;
    }
    if (!speaker || own || !subject) continue;
    t.attach(r, t.parent[c], t.dep(c));
    t.attach(c, r, kCcomp);
  }
}

// "Police killed two robbers and arrested three others": the tree may read the second verb
// as an adjective of its object, joined to the first verb's object. A participle or past
// form right after "and", hung as an adjective on a noun that the tree joined to the object
// of a past-tense verb, is that verb's second verb, with the noun as its object.
void second_verb_read_as_modifier(LocalTree& t) {
  static const uint64_t kAnd = word_hash("and");
  static const uint16_t kVbd = xpos_id("VBD");
  for (int w = 1; w + 1 < t.n; ++w) {
    if (t.dep(w) != kAmod || (t.xp(w) != kVBN && t.xp(w) != kVbd) || t.lemma(w - 1) != kAnd) continue;
    const int noun = t.parent[w];
    if (noun <= w || t.dep(noun) != kConj) continue;
    const int object = t.parent[noun];
    if (object < 0 || t.dep(object) != kObj || t.parent[object] < 0) continue;
    const int verb = t.parent[object];
    if (t.xp(verb) != kVbd || t.parent[w - 1] != noun) continue;
    t.attach(w, verb, kConj);
    t.attach(noun, w, kObj);
    t.attach(w - 1, w, kCc);
    t.w(w).upos = kVerb;
  }
}

bool is_tree(const LocalTree& t) {
  for (int i = 0; i < t.n; ++i) {
    int steps = 0;
    for (int a = i; a >= 0; a = t.parent[a])
      if (++steps > t.n) return false;
  }
  return true;
}

// "..., four Palestinians were killed, three were shot dead ..., said Palestinian medics": the
// tree may join the inverted speech verb to the report as one more clause, with the speaker
// as its object. A speech verb after a comma, joined to the root before it, with no subject
// of its own and an object whose phrase ends the sentence, has that object as its speaker
// and the root as what is said.
void inverted_speaker_read_as_object(LocalTree& t) {
  const int end = t.end_of_words();
  for (int r = 2; r < end; ++r) {
    const int root = t.parent[r];
    if (!t.verbal(r) || !is_speech_verb(t.lemma(r)) || t.up(r - 1) != kPunctPos) continue;
    if (root < 0 || root > r || t.parent[root] >= 0 || (t.dep(r) != kConj && t.dep(r) != kParataxis)) continue;
    int speaker = -1;
    bool other = false;
    for (int k = 0; k < t.n; ++k) {
      if (t.parent[k] != r) continue;
      if (k > r && k < end && t.dep(k) == kObj && (t.up(k) == kNoun || t.up(k) == kPropn) && speaker < 0)
        speaker = k;
      else if (k != r - 1 && t.dep(k) != kPunctRel)
        other = true;
    }
    if (speaker < 0 || other) continue;
    bool ends = true;  // the speaker's phrase runs to the sentence's end
    for (int k = r + 1; k < end && ends; ++k) ends = t.within(k, speaker);
    if (!ends) continue;
    const uint16_t root_rel = t.dep(root);
    t.attach(r, -1, root_rel);
    t.attach(root, r, kCcomp);
    t.attach(speaker, r, kNsubj);
  }
}

// "Three policemen killed in ambush in Chechnya", "Bombs hit southern Thailand, 14 injured":
// headlines and absolute clauses leave out the passive's auxiliary, and the tagger then
// reads the participle as an active past. A verb that always takes an object ("kill",
// "injure", "arrest") with a subject but no object, auxiliary or clausal complement (but
// "dead": "two shot dead"; "held" for a deed: "two youths held for stabbing") is that
// passive: its subject is whom it was done to.
void passive_without_auxiliary(LocalTree& t) {
  static const uint64_t kTransitive[] = {
      word_hash("kill"),   word_hash("injure"),   word_hash("wound"),  word_hash("arrest"),
      word_hash("detain"), word_hash("kidnap"),   word_hash("abduct"), word_hash("behead"),
      word_hash("murder"), word_hash("assassinate"), word_hash("slay"), word_hash("jail"),
      word_hash("imprison"), word_hash("massacre"), word_hash("lynch"), word_hash("maim")};
  static const uint64_t kShoot = word_hash("shoot"), kDead = word_hash("dead"), kHold = word_hash("hold"),
                        kFor = word_hash("for");
  for (int v = 0; v < t.n; ++v) {
    if (!t.verbal(v) || (t.xp(v) != kVBD && t.xp(v) != kVBN)) continue;
    const uint64_t l = t.lemma(v);
    const bool transitive = std::find(std::begin(kTransitive), std::end(kTransitive), l) != std::end(kTransitive);
    if (!transitive && l != kShoot && l != kHold) continue;
    int subj = -1;
    bool other = false, dead = false, held_for = false;
    for (int k = 0; k < t.n; ++k) {
      if (t.parent[k] != v) continue;
      const uint16_t d = t.dep(k);
      if (d == kNsubj) subj = k;
      // ("two youths held for stabbing a shopkeeper": "held" for a deed is arrested.)
      if ((d == kAdvcl || d == kObl) && k > v)
        held_for = held_for || t.child_with(k, kMark, kFor) >= 0 || t.child_with(k, kCase, kFor) >= 0;
      if (d == kXcomp && t.lemma(k) == kDead) dead = true;
      else if (d == kObj || d == kIobj || d == kAux || d == kAuxPass || d == kNsubjPass || d == kCcomp || d == kXcomp)
        other = true;
      // (A noun after it with no preposition is an object the tree missed: "Israeli police
      // arrested 15 Palestinians"; a time is none: "two killed Tuesday".)
      const uint16_t u = t.up(k);
      const bool with_case = t.child_with(k, kCase) >= 0;
      if (k > v && (u == kNoun || u == kPropn || u == kNum || u == kPron) && !with_case && !time_word(t, k) &&
          d != kNsubj)
        other = true;
    }
    if (subj < 0 || other || (!transitive && !dead && !(l == kHold && held_for))) continue;
    if (t.xp(subj) == kWDT || t.xp(subj) == kWP || t.up(subj) == kPron) continue;  // "who killed", "they killed"
    t.attach(subj, v, kNsubjPass);
    t.w(v).xpos = kVBN;
  }
}

// "Four militants were killed in two airstrikes carried out by Israeli army aircraft, medics
// reported": the tree may read the participle that describes the noun before it as the
// sentence's past-tense root, with the clause before as its clausal subject. A root past
// form with no subject but a clausal one before it, a "by" phrase after it and a noun right
// before it is that noun's participle; the clausal subject is the sentence's root, and
// takes the root's other clauses and closing punctuation.
void participle_read_as_root(LocalTree& t) {
  static const uint64_t kBy = word_hash("by");
  const int v = t.root();
  if (v < 2 || !t.verbal(v) || (t.xp(v) != kVBD && t.xp(v) != kVBN)) return;
  if (t.up(v - 1) != kNoun && t.up(v - 1) != kPropn) return;
  int csubj = -1;
  bool subject = false, by = false;
  for (int k = 0; k < t.n; ++k) {
    if (t.parent[k] != v) continue;
    if (t.dep(k) == kCsubj && k < v) csubj = k;
    subject = subject || t.dep(k) == kNsubj || t.dep(k) == kNsubjPass || t.dep(k) == kObj;
    if (k > v && (t.dep(k) == kObl || t.dep(k) == kOblAgent)) by = by || t.child_with(k, kCase, kBy) >= 0;
  }
  if (csubj < 0 || subject || !by || !t.verbal(csubj) || !t.within(v - 1, csubj)) return;
  for (int k = 0; k < t.n; ++k)
    if (t.parent[k] == v && (t.dep(k) == kParataxis || t.dep(k) == kConj || (t.dep(k) == kPunctRel && k > v)))
      t.attach(k, csubj, t.dep(k));
  t.attach(csubj, -1, t.dep(v));
  t.attach(v, v - 1, kAcl);
  t.w(v).xpos = kVBN;
}

// "Four Palestinians were wounded by Israeli gunfire in Qabatia, Palestinian security
// sources said": the tree may hang the speaker on the noun before the comma as its
// apposition and the report on the speech verb as a relative clause. A root speech verb
// with no subject, whose words before it back to a comma are one phrase hung on an earlier
// word, has that phrase as its speaker and its clause before the comma as what is said.
void speaker_read_as_apposition(LocalTree& t) {
  const int r = t.root();
  if (r < 4 || !t.verbal(r) || !is_speech_verb(t.lemma(r)) || t.up(r - 1) == kPunctPos) return;
  int comma = r - 1;
  while (comma > 0 && t.up(comma) != kPunctPos) --comma;
  if (comma < 2 || comma + 1 >= r) return;
  int clause = -1;
  for (int k = 0; k < t.n; ++k) {
    if (t.parent[k] != r) continue;
    if (t.dep(k) == kNsubj || t.dep(k) == kNsubjPass || t.dep(k) == kCcomp) return;
    if (k < comma && t.verbal(k)) clause = k;
  }
  // The phrase's head: the word between the comma and the verb that all of them are under.
  int speaker = -1;
  for (int k = comma + 1; k < r && speaker < 0; ++k) {
    bool heads_all = t.parent[k] >= 0 && t.parent[k] < comma && (t.up(k) == kNoun || t.up(k) == kPropn);
    for (int j = comma + 1; j < r && heads_all; ++j) heads_all = t.within(j, k);
    if (heads_all) speaker = k;
  }
  if (clause < 0 || speaker < 0 || !t.within(t.parent[speaker], clause)) return;
  t.attach(speaker, r, kNsubj);
  t.attach(clause, r, kCcomp);
  t.attach(comma, r, kPunctRel);
}

// "In another explosion at the court premises, four people were killed": the tree may
// read a fronted phrase that opens with a preposition as the verb's subject and the real
// subject after its comma as an apposition inside it. A subject opened by its own
// preposition, holding an apposition that runs from a comma up to the verb (or its
// auxiliaries), gives the verb that apposition as its subject and becomes a modifier.
void subject_read_as_apposition(LocalTree& t) {
  for (int v = 3; v < t.n; ++v) {
    if (!t.verbal(v)) continue;
    int subj = -1;
    for (int k = 0; k < v; ++k)
      if (t.parent[k] == v && (t.dep(k) == kNsubj || t.dep(k) == kNsubjPass)) subj = k;
    if (subj < 0 || t.child_with(subj, kCase) < 0 || t.child_with(subj, kCase) > subj) continue;
    // The verb's own words before it: auxiliaries and adverbs ("were", "have been", "also").
    int before = v - 1;
    while (before > subj && t.parent[before] == v && (t.dep(before) == kAux || t.dep(before) == kAuxPass || t.up(before) == kAdv))
      --before;
    // The apposition whose phrase ends there, opened by a comma.
    int appos = -1;
    for (int k = before; k > subj && appos < 0; --k)
      if (t.dep(k) == kAppos && t.within(k, subj) && (t.up(k) == kNoun || t.up(k) == kPropn || t.up(k) == kPron)) appos = k;
    if (appos < 0) continue;
    int open = appos;
    for (int k = appos - 1; k > subj && t.within(k, appos); --k) open = k;
    while (open < appos && t.up(open) == kPunctPos) ++open;  // (the comma may hang on it)
    bool spans = t.up(open - 1) == kPunctPos && t.lemma_text(open - 1) == ",";
    for (int k = appos + 1; k <= before && spans; ++k) spans = t.within(k, appos);
    if (!spans) continue;
    t.attach(appos, v, t.dep(subj));
    t.attach(subj, v, kObl);
    t.attach(open - 1, v, kPunctRel);
  }
}

// "He blamed the attack, which took place Wednesday, on terrorist organisations": the tree
// may hang a phrase after a relative clause set off by commas inside that clause. A phrase
// that opens right after the clause's closing comma, where the clause is on the object of a
// verb and opens with a comma too, is the verb's.
void phrase_after_relative_clause(LocalTree& t) {
  for (int c = 2; c + 1 < t.n; ++c) {
    if (t.dep(c) != kCase || t.up(c - 1) != kPunctPos) continue;
    const int p = t.parent[c];
    if (p <= c || (t.dep(p) != kObl && t.dep(p) != kNmod)) continue;
    // (At most n steps: a cycle an earlier repair left is undone by repair_trees.)
    int rc = t.parent[p];
    for (int steps = 0; rc >= 0 && t.dep(rc) != kRelcl && steps < t.n; ++steps) rc = t.parent[rc];
    if (rc < 0 || t.dep(rc) != kRelcl || rc > c) continue;
    // (The tree may hang the clause on the verb itself.)
    const int host = t.parent[rc];
    const int verb = host >= 0 && t.verbal(host) ? host : host >= 0 && t.dep(host) == kObj ? t.parent[host] : -1;
    if (verb < 0 || !t.verbal(verb)) continue;
    int open = rc;  // the clause's first word
    for (int k = rc - 1; k > verb && t.within(k, rc); --k) open = k;
    while (open < rc && t.up(open) == kPunctPos) ++open;
    // (The object's phrase ends before it: "the attack on the convoy, which ...".)
    const int object = t.child_with(verb, kObj);
    if (open < 2 || t.up(open - 1) != kPunctPos || object < 0 || !t.within(open - 2, object)) continue;
    // The clause's words run from the comma after the object to the comma before the phrase.
    bool closed = true;
    for (int k = open; k < c - 1 && closed; ++k) closed = t.within(k, rc) || t.up(k) == kPunctPos;
    if (!closed) continue;
    t.attach(p, verb, kObl);
    t.attach(c - 1, p, kPunctRel);
  }
}

// "wounded four civilians and a US marine": the tree may read the second of a list as an
// apposition of the first; an apposition opened by "and" or "or" is a conjunct.
void conjunct_read_as_apposition(LocalTree& t) {
  for (int k = 1; k < t.n; ++k) {
    if (t.dep(k) != kAppos || t.parent[k] < 0 || t.parent[k] > k) continue;
    for (int c = t.parent[k] + 1; c < k; ++c)
      if (t.parent[c] == k && t.dep(c) == kCc) {
        t.attach(k, t.parent[k], kConj);
        break;
      }
  }
}

// "Venezuela released six jailed Americans": the tree may read the participle between a
// number and its noun as a second verb joined to the first, the number as the first verb's
// object and the noun as the participle's. A past form right after a number that is a verb's
// object, joined to that verb with no "and", whose object follows it, describes that noun:
// the noun is the verb's object, counted by the number.
void participle_after_number_read_as_verb(LocalTree& t) {
  for (int w = 1; w + 1 < t.n; ++w) {
    if ((t.xp(w) != kVBD && t.xp(w) != kVBN) || t.dep(w) != kConj || t.up(w - 1) != kNum) continue;
    const int verb = t.parent[w], noun = w + 1;
    if (verb < 0 || t.parent[w - 1] != verb || t.dep(w - 1) != kObj || t.parent[noun] != w || t.dep(noun) != kObj ||
        (t.up(noun) != kNoun && t.up(noun) != kPropn))
      continue;
    if (t.child_with(w, kCc) >= 0) continue;  // joined by "and"
    for (int c = 0; c < t.n; ++c)
      if (t.parent[c] == w && c != noun) t.attach(c, verb, t.dep(c));
    t.attach(noun, verb, kObj);
    t.attach(w - 1, noun, kNummod);
    t.attach(w, noun, kAmod);
    t.w(w).xpos = kVBN;
  }
}

// "killing one militant and wounded three others": the tree may read a second verb after
// "and" (a past form where the first is a gerund) as an adjective inside the first verb's
// object, joined to a word before it. A past form read as an adjective or a participle,
// right after "and" and before a number, inside the object of a verb, is a verb joined to
// that verb, the counted phrase after it its object and the phrase before "and" the first
// verb's object.
void verb_read_inside_object(LocalTree& t) {
  for (int w = 3; w + 2 < t.n; ++w) {
    if (t.verbal(w) && t.up(w) != kAdj) continue;  // (a verb already)
    const std::string form = text::ascii_lower(t.doc.word_text(t.fw + static_cast<uint32_t>(w)));
    if (!form.ends_with("ed") || t.lemma_text(w - 1) != "and" || t.up(w + 1) != kNum) continue;
    int object = t.parent[w];
    while (object >= 0 && t.dep(object) != kObj) object = t.parent[object];
    if (object <= w || t.parent[object] < 0 || !t.verbal(t.parent[object])) continue;
    const int verb = t.parent[object], first = w - 2;  // the first phrase's last word
    if (first <= verb || (t.up(first) != kNoun && t.up(first) != kPropn && t.up(first) != kAdj && t.up(first) != kNum))
      continue;
    // The first phrase: the words from after the verb up to "and", the last its head, when
    // the words before it are its modifiers ("one militant"; not "the commander of the militia").
    static const uint16_t kNmodPoss = deprel_id("nmod:poss");
    bool modifiers = true;
    for (int k = verb + 1; k < first && modifiers; ++k)
      modifiers = !t.within(k, object) || t.dep(k) == kDet || t.dep(k) == kNummod || t.dep(k) == kAmod ||
                  t.dep(k) == kCompound || t.dep(k) == kNmodPoss;
    if (!modifiers) continue;
    for (int k = verb + 1; k < first; ++k)
      if (t.within(k, object) && !t.within(k, w)) t.attach(k, first, t.up(k) == kNum ? kNummod : t.dep(k));
    if (t.up(first) == kAdj) t.w(first).upos = kNoun;
    t.attach(first, verb, kObj);
    t.attach(w, verb, kConj);
    t.attach(w - 1, w, kCc);
    t.attach(object, w, kObj);
    t.w(w).upos = kVerb;
    t.w(w).xpos = kVBD;
    t.relemmatize(w, kVBD);
  }
}

// "Police lathi-charged the protesters", "troops carpet-bombed the town": a noun hyphened to a
// verb with no space either side is that verb's modifier, whatever the tree made of it (the
// tokenizer splits at the hyphen). The noun goes under the verb as a compound; what hung on
// the noun goes to the noun's head, a subject the tree hung there to the verb; a verb the tree
// made a modifier of the sentence's first noun becomes the root with that noun its subject.
void noun_hyphened_to_verb(LocalTree& t) {
  for (int k = 1; k + 1 < t.n; ++k) {
    const int x = k - 1, v = k + 1;
    if (t.doc.word_text(t.fw + static_cast<uint32_t>(k)) != "-" || t.up(x) != kNoun || !t.verbal(v)) continue;
    if (t.w(x).span.end != t.w(k).span.begin || t.w(k).span.end != t.w(v).span.begin) continue;
    if (t.within(v, x)) continue;  // (the verb below the noun: leave such a tree alone)
    // Its dependents go to its head; a noun before it read as its compound, when the verb has
    // no subject, is the verb's subject ("police lathi-charged students").
    const bool subject = t.child_with(v, kNsubj) >= 0 || t.child_with(v, kNsubjPass) >= 0;
    for (int c = 0; c < t.n; ++c) {
      if (t.parent[c] != x || c == k) continue;
      if (!subject && c < x && t.dep(c) == kCompound && (t.up(c) == kNoun || t.up(c) == kPropn))
        t.attach(c, v, kNsubj);
      else
        t.attach(c, t.parent[x] >= 0 && t.parent[x] != v ? t.parent[x] : v, t.dep(c));
    }
    t.attach(x, v, kCompound);
    t.attach(k, v, kPunctRel);
    // ("[Police] [lathi-charged students]": the verb read as the modifier of the noun after it,
    // or, with its object, of the first noun, "[Police [lathi-charged students protesting]]";
    // the first noun the root. The verb is the root, the first noun its subject, the noun
    // after it its object.)
    const int r = t.root();
    const bool modifies_next = v + 1 < t.n && t.parent[v] == v + 1 && t.up(v + 1) == kNoun && t.parent[v + 1] == r;
    const bool modifies_root = t.parent[v] == r && t.child_with(v, kObj) >= 0;
    if (r >= 0 && r < x && (t.up(r) == kNoun || t.up(r) == kPropn) && (modifies_next || modifies_root)) {
      bool opener = true;  // the root noun's phrase runs up to the hyphened noun
      for (int c = 0; c < x && opener; ++c) opener = t.within(c, r);
      if (opener) {
        t.promote(v, r, kNsubj);
        if (modifies_next) t.attach(v + 1, v, kObj);
      }
    }
    // ("[Bangladeshi police baton-charged garment workers] in Dhaka": the whole read as one
    // noun phrase whose root comes after the verb. The verb is the root, the root noun its
    // object, what came before the hyphened noun goes with the subject, what came after the
    // root noun with the verb.)
    if (r > v && t.parent[v] == r && (t.up(r) == kNoun || t.up(r) == kPropn)) {
      bool phrase = true;  // the words between verb and root noun are the noun's
      for (int c = v + 1; c < r && phrase; ++c) phrase = t.within(c, r);
      int subj = t.child_with(v, kNsubj);
      if (phrase) {
        t.attach(v, -1, deprel_id("root"));
        // (No subject yet: the last noun before the hyphened one that hung on the root noun
        // is it, "[Bangladeshi] police" when the tree hung "police" on "workers".)
        if (subj < 0)
          for (int c = x - 1; c >= 0 && subj < 0; --c)
            if (t.parent[c] == r && (t.up(c) == kNoun || t.up(c) == kPropn)) subj = c, t.attach(c, v, kNsubj);
        for (int c = 0; c < t.n; ++c) {
          if (t.parent[c] != r) continue;
          if (c < x) t.attach(c, subj >= 0 ? subj : v, t.dep(c));
          else if (c > r) t.attach(c, v, t.dep(c) == kNmod ? kObl : t.dep(c));
        }
        t.attach(r, v, kObj);
      }
    }
    // (A participle with an object and a subject now is the past tense: "police lathi-charged
    // students", read as a passive participle.)
    if (t.xp(v) == kVBN && t.child_with(v, kObj) >= 0 && t.child_with(v, kNsubj) >= 0 && t.child_with(v, kAux) < 0 &&
        t.child_with(v, kAuxPass) < 0)
      t.w(v).xpos = kVBD;
  }
}

// "Protesters set fire to government buildings": the tagger may read a past verb after a
// plural noun that opens the sentence as an adjective on it ("set" as in "set menu"), the
// noun the root. An adjective with an object (adjectives take none) right after the root noun
// it modifies is the root verb, the noun its subject.
void verb_read_as_adjective(LocalTree& t) {
  const int r = t.root();
  if (r < 0 || r + 1 >= t.n || (t.up(r) != kNoun && t.up(r) != kPropn)) return;
  const int v = r + 1;
  if (t.up(v) != kAdj || t.parent[v] != r || (t.dep(v) != kAcl && t.dep(v) != kAmod) || t.child_with(v, kObj) < 0)
    return;
  t.promote(v, r, kNsubj);  // (what hung on the noun after the verb, the final stop, is the verb's)
  t.w(v).upos = kVerb;
  t.w(v).xpos = kVBD;
  t.relemmatize(v, kVBD);
}

// "Wang Yi plans to visit China": the tagger may read a verb in -s after a name as a plural
// noun with the name as its compound ("Yi plans" like "peace plans"). A plural noun with an
// open complement in "to" (nouns take none: "plans to visit", "hopes to meet", "vows to
// fight") whose words before it are all its compounds and modifiers is the verb; its nearest
// compound heads its subject.
void verb_read_as_plural_noun(LocalTree& t) {
  static const uint16_t kNNS = xpos_id("NNS"), kTO = xpos_id("TO");
  for (int w = 1; w + 2 < t.n; ++w) {
    if (t.up(w) != kNoun || t.xp(w) != kNNS) continue;
    const int x = w + 2;  // "plans to visit": the complement right after "to"
    if (t.parent[x] != w || t.dep(x) != kXcomp || t.xp(w + 1) != kTO || t.parent[w + 1] != x || !t.verbal(x))
      continue;
    const int subject = w - 1;
    if (t.parent[subject] != w || t.dep(subject) != kCompound || (t.up(subject) != kPropn && t.up(subject) != kNoun))
      continue;
    bool phrase = true;  // every word before w in its phrase hangs inside the phrase
    int first = subject;
    while (first > 0 && t.within(first - 1, w)) --first;
    for (int k = first; k < subject && phrase; ++k) phrase = t.parent[k] >= first && t.parent[k] <= w;
    if (!phrase) continue;
    for (int k = first; k < subject; ++k)
      if (t.parent[k] == w) t.attach(k, subject, t.dep(k));
    t.attach(subject, w, kNsubj);
    t.w(w).upos = kVerb;
    t.w(w).xpos = kVBZ;
    t.relemmatize(w, kVBZ);
  }
}

// "met with visiting Thai Deputy Prime Minister Somkid Jatusripitak": the tree may make the
// first title word the phrase's head and the name after the titles its apposition. A name
// that follows its head with only its own words between (no comma: a title, not an
// apposition) is the head; the title word and the words on it go to the name.
void title_read_as_head(LocalTree& t) {
  static const uint16_t kNmodDesc = deprel_id("nmod:desc");
  for (int w = 2; w < t.n; ++w) {
    const int h = t.parent[w];
    if (t.dep(w) != kAppos || t.up(w) != kPropn || h < 0 || h >= w - 1 || (t.up(h) != kNoun && t.up(h) != kPropn))
      continue;
    bool titles = true;  // the words between: the name's own, no punctuation
    for (int k = h + 1; k < w && titles; ++k) titles = t.within(k, w) && t.up(k) != kPunctPos && t.up(k) != kCconj;
    const std::string_view title = t.doc.word_text(t.fw + static_cast<uint32_t>(h));
    if (!titles || title.empty() || !(title[0] >= 'A' && title[0] <= 'Z')) continue;
    for (int k = 0; k < t.n; ++k)
      if (t.parent[k] == h && k != w && k < h) t.attach(k, w, t.dep(k));
    t.attach(w, t.parent[h], t.dep(h));
    t.attach(h, w, kNmodDesc);
  }
}

// "A soldier assigned to the 3rd Brigade, was killed and two others were wounded": the tree
// may read the participle that describes the subject as the clause's verb and the real verb
// after the comma as its conjunct. A participle (VBN) with a subject before it and no
// auxiliary, joined without "and" to a verb after a comma that has an auxiliary and no
// subject of its own, describes that subject; the joined verb is the clause's.
void participle_with_subject_read_as_verb(LocalTree& t) {
  for (int v = 1; v + 2 < t.n; ++v) {
    if (t.xp(v) != kVBN || t.child_with(v, kAux) >= 0 || t.child_with(v, kAuxPass) >= 0 || t.child_with(v, kObj) >= 0)
      continue;
    const int subj = t.child_with(v, kNsubj);
    if (subj < 0 || subj > v || (t.up(subj) != kNoun && t.up(subj) != kPropn)) continue;
    int c = -1;
    for (int k = v + 1; k < t.n && c < 0; ++k)
      if (t.parent[k] == v && t.dep(k) == kConj && t.verbal(k)) c = k;
    if (c < 0 || t.child_with(c, kCc) >= 0 || t.child_with(c, kNsubj) >= 0 || t.child_with(c, kNsubjPass) >= 0) continue;
    const bool passive = t.child_with(c, kAuxPass) >= 0;
    if (!passive && t.child_with(c, kAux) < 0) continue;
    int open = c;  // the joined verb's first word, after a comma
    for (int k = c - 1; k > v && t.within(k, c); --k) open = k;
    if (t.up(open) != kPunctPos || t.lemma_text(open) != ",") continue;
    for (int k = c + 1; k < t.n; ++k)
      if (t.parent[k] == v) t.attach(k, c, t.dep(k));
    t.attach(c, t.parent[v], t.dep(v));
    t.attach(subj, c, passive ? kNsubjPass : kNsubj);
    t.attach(v, subj, kAcl);
  }
}

// "Attacks against the zone in south Lebanon, mainly by Hezbollah, have killed": the tree may
// join a "by" phrase to the last noun before it as a conjunct. A conjunct with its own "by"
// where the noun it is joined to has none is a phrase of the noun that noun's chain of
// phrases hangs from.
void by_phrase_read_as_conjunct(LocalTree& t) {
  const uint64_t by = word_hash("by");
  for (int k = 2; k < t.n; ++k) {
    const int c = t.child_with(k, kCase);
    if (t.dep(k) != kConj || c < 0 || t.lemma(c) != by || t.parent[k] < 0) continue;
    int top = t.parent[k];
    if (const int own = t.child_with(top, kCase); own >= 0 && t.lemma(own) == by) continue;
    for (int g = 0; (t.dep(top) == kNmod || t.dep(top) == kConj) && t.parent[top] >= 0 && g < t.n; ++g) top = t.parent[top];
    if (top == t.parent[k] || (t.up(top) != kNoun && t.up(top) != kPropn)) continue;
    // (Not a noun with a "by" of its own, "by militants and by fighters", nor a verb's
    // phrase, "wounded in clashes and by tear gas": the verb's.)
    if (const int own = t.child_with(top, kCase); (own >= 0 && t.lemma(own) == by) || t.dep(top) == kObl) continue;
    t.attach(k, top, kNmod);
  }
}

// "an upsurge in Taliban-blamed suicide attacks": the tree may make the word before the hyphen
// the phrase's head and the noun its modifier's host below it. A noun or name right before
// "-" and a participle that describes a noun after it is the participle's phrase (its doer or
// whom it is blamed on); the noun takes its place.
void hyphened_doer_read_as_head(LocalTree& t) {
  for (int w = 2; w + 1 < t.n; ++w) {
    const int x = w - 2, noun = t.parent[w];
    if (t.xp(w - 1) != kHYPH || (t.up(x) != kNoun && t.up(x) != kPropn) || noun <= w || t.dep(w) != kAmod) continue;
    const std::string form = text::ascii_lower(t.doc.word_text(t.fw + static_cast<uint32_t>(w)));
    if (!form.ends_with("ed") && t.xp(w) != kVBN) continue;  // ("rebel-held": JJ)
    if (t.parent[noun] != x) continue;  // (the noun hangs below the word)
    t.attach(noun, t.parent[x], t.dep(x));
    for (int k = 0; k < t.n; ++k)  // the phrase's other words on it go to the noun: "in", "the"
      if (t.parent[k] == x && k != w - 1 && k != noun) t.attach(k, noun, t.dep(k));
    t.attach(x, w, kObl);
    t.attach(w - 1, x, kPunctRel);
  }
}

// "Between Friday and Saturday police released 4,138 people": the tree may make a fronted
// phrase of time or place the sentence's root and read the verb after it as a modifier of its
// object. A root that opens with a preposition, followed by a noun and a past form that
// describes the noun after it, has that past form as the sentence's verb: the noun before it
// its subject, the noun it describes its object, the fronted phrase its modifier.
void fronted_phrase_read_as_root(LocalTree& t) {
  const int r = t.root();
  if (r < 1 || t.child_with(r, kCase) < 0 || t.child_with(r, kCase) > r || t.verbal(r)) return;
  for (int v = r + 2; v + 1 < t.n; ++v) {
    if ((t.xp(v) != kVBD && t.xp(v) != kVBN) || t.dep(v) != kAmod) continue;
    const int obj = t.parent[v], subj = v - 1;
    if (obj <= v || (t.up(subj) != kNoun && t.up(subj) != kPropn)) continue;
    t.promote(v, r, kObl);  // (the fronted phrase's words after the verb go to it)
    t.attach(subj, v, kNsubj);
    t.attach(obj, v, kObj);
    t.w(v).xpos = kVBD;
    return;
  }
}

// "Six people were killed and 11 others including two Germans were wounded": the tree may
// take the people "including" introduces for the second clause's subject, hang that clause
// on them and join the counted noun before "including" to the first verb as a conjunct. A
// subject right after "including" (its own words between) whose verb's clause hangs inside
// the "including" phrase, with a noun joined by "and" to an earlier verb right before
// "including", is what that noun includes: the noun is the subject, its verb the conjunct.
void subject_read_after_including(LocalTree& t) {
  static const uint64_t kIncluding = word_hash("including");
  for (int i = 2; i + 2 < t.n; ++i) {
    // (Lower-cased only at the length of "including": no string built for every word.)
    const std::string_view form = t.doc.word_text(t.fw + static_cast<uint32_t>(i));
    if (form.size() != 9 || word_hash(text::ascii_lower(form)) != kIncluding) continue;
    const int noun = i - 1, first = t.parent[noun];
    if (first < 0 || first > noun || t.dep(noun) != kConj || !t.verbal(first) ||
        (t.up(noun) != kNoun && t.up(noun) != kNum && t.up(noun) != kPron))
      continue;
    const int cc = t.child_with(noun, kCc);
    if (cc < 0 || cc > noun) continue;
    // The subject: the first word after "including" that is a verb's subject, its verb after it.
    int subj = -1;
    for (int k = i + 1; k < t.n && subj < 0; ++k)
      if (t.dep(k) == kNsubj || t.dep(k) == kNsubjPass) subj = k;
    if (subj < 0) continue;
    const int verb = t.parent[subj];
    if (verb <= subj || !t.verbal(verb) || !t.within(verb, i)) continue;
    bool own_words = true;  // the words between belong to "including" or to the subject
    for (int k = i + 1; k < subj; ++k) own_words = own_words && (t.parent[k] == i || t.within(k, subj));
    if (!own_words) continue;
    for (int k = i + 1; k < subj; ++k)
      if (t.parent[k] == i) t.attach(k, subj, t.up(k) == kNum ? kNummod : t.dep(k));
    const uint16_t rel = t.dep(subj);
    t.attach(verb, first, kConj);
    t.attach(cc, verb, kCc);
    t.attach(noun, verb, rel);
    t.attach(i, noun, kAcl);
    t.attach(subj, i, kObj);
    return;
  }
}

// "Abdullah died in an attack on a group of Iraqi civilians": the tree may hang the "on"
// phrase on the verb of the deaths ("died ... on a group"), where nobody dies or is hurt.
// A phrase with "on" or "against" (no time) on a verb telling casualties, right after a
// common noun in a phrase of that verb, belongs to that noun.
void target_read_on_toll_verb(LocalTree& t) {
  static const uint64_t kOn = word_hash("on"), kAgainst = word_hash("against");
  for (int m = 2; m < t.n; ++m) {
    const int v = t.parent[m];
    if (v < 0 || t.dep(m) != kObl || !t.verbal(v) || !tells_casualties(t.lemma_text(v)) || time_word(t, m) ||
        (t.up(m) != kNoun && t.up(m) != kPropn && t.up(m) != kPron))
      continue;
    const int c = t.child_with(m, kCase);
    if (c < 1 || c > m || (t.lemma(c) != kOn && t.lemma(c) != kAgainst)) continue;
    // The noun: the phrase of the verb that ends right before the "on" phrase begins.
    int first = c;
    for (int k = 0; k < c; ++k)
      if (t.within(k, m)) first = std::min(first, k);
    int noun = first - 1;
    for (int g = 0; noun >= 0 && t.parent[noun] != v && g < t.n; ++g) noun = t.parent[noun];
    if (noun < 0 || t.parent[noun] != v || noun == m || t.up(noun) != kNoun || t.dep(noun) != kObl || time_word(t, noun)) continue;
    t.attach(m, noun, kNmod);
  }
}

// "condemned the Israeli incursion into Gaza": a phrase "into" or "against" right after a
// verb's object that is a noun of attack or entry is where the attack goes, the noun's, though
// the tree hung it on the verb.
void target_of_attack_noun_read_on_verb(LocalTree& t) {
  static const uint64_t kNouns[] = {word_hash("incursion"), word_hash("invasion"), word_hash("offensive"),
                                    word_hash("raid"), word_hash("attack"), word_hash("assault"), word_hash("foray"),
                                    word_hash("aggression"), word_hash("strike"), word_hash("airstrike")};
  static const uint64_t kInto = word_hash("into"), kAgainst = word_hash("against");
  for (int o = 0; o + 2 < t.n; ++o) {
    if (t.dep(o) != kObj || t.parent[o] < 0 || !t.verbal(t.parent[o]) ||
        std::find(std::begin(kNouns), std::end(kNouns), t.lemma(o)) == std::end(kNouns))
      continue;
    const int c = o + 1;  // the preposition right after the noun
    if (t.dep(c) != kCase || (t.lemma(c) != kInto && t.lemma(c) != kAgainst)) continue;
    const int p = t.parent[c];
    if (p > c && t.parent[p] == t.parent[o] && t.dep(p) == kObl) t.attach(p, o, kNmod);
  }
}

// "Israeli forces killed a militant in an air strike": a word read as an adjective that is a
// verb's object with a determiner ("a militant", "the wounded" aside: no "obl" of its own) is
// a noun; the phrase of place or means the tree hung on it is the verb's.
void adjective_read_as_object(LocalTree& t) {
  static const uint16_t kNN = xpos_id("NN");
  for (int k = 1; k < t.n; ++k) {
    if (t.up(k) != kAdj || t.dep(k) != kObj || t.parent[k] < 0 || !t.verbal(t.parent[k])) continue;
    const int d = t.child_with(k, kDet);
    if (d < 0 || d != k - 1) continue;
    bool moved = false;
    for (int c = k + 1; c < t.n; ++c)
      if (t.parent[c] == k && t.dep(c) == kObl) t.attach(c, t.parent[k], kObl), moved = true;
    if (moved) t.w(k).upos = kNoun, t.w(k).xpos = kNN;
  }
}

// "Israeli troops fired on a car carrying three Palestinians": "carrying" right after a noun,
// with no comma between, tells what the noun carries; the tree may hang it on the verb as an
// adverbial clause. It is the noun's clause.
void load_read_as_verb_clause(LocalTree& t) {
  static const uint64_t kCarry = word_hash("carry");
  for (int k = 1; k < t.n; ++k)
    if (t.lemma(k) == kCarry && t.xp(k) == kVBG && t.dep(k) == kAdvcl && (t.up(k - 1) == kNoun) &&
        t.parent[k - 1] == t.parent[k] && t.parent[k] >= 0)
      t.attach(k, k - 1, kAcl);
}

// "A spokesman for the Taliban said one of its fighters had carried out the attack": the tree
// may read "for the Taliban said one of its fighters" as a clause of the speaker ("for" its
// subordinating word, the group its subject, the reported subject its object) and the
// speaker as the subject of the reported verb. A speech verb hung as a clause on the subject
// of a later verb, with "for" or "of" and a subject of its own between them and an object
// before that verb, which has no subject of its own, reports that verb: the group is the
// speaker's, the object the reported verb's subject.
void speaker_group_read_as_clause(LocalTree& t) {
  static const uint64_t kFor = word_hash("for"), kOf = word_hash("of");
  for (int r = 3; r + 2 < t.n; ++r) {
    if ((t.dep(r) != kAcl && t.dep(r) != kRelcl) || !t.verbal(r) || !is_speech_verb(t.lemma(r))) continue;
    const int speaker = t.parent[r];
    if (speaker < 0 || speaker > r || t.dep(speaker) != kNsubj) continue;
    const int c = t.parent[speaker];
    if (c <= r || !t.verbal(c)) continue;
    int mark = -1, group = -1, object = -1;
    for (int k = 0; k < t.n; ++k) {
      if (t.parent[k] != r) continue;
      if (t.dep(k) == kMark && k > speaker && k < r && (t.lemma(k) == kFor || t.lemma(k) == kOf)) mark = k;
      if (t.dep(k) == kNsubj && k > speaker && k < r) group = k;
      if (t.dep(k) == kObj && k > r && k < c) object = k;
    }
    if (mark < 0 || group < mark || object < 0) continue;
    bool other_subject = false;
    for (int k = 0; k < t.n; ++k)
      other_subject = other_subject || (t.parent[k] == c && k != speaker && (t.dep(k) == kNsubj || t.dep(k) == kNsubjPass));
    if (other_subject) continue;
    t.attach(r, t.parent[c], t.dep(c));
    t.attach(speaker, r, kNsubj);
    t.attach(group, speaker, kNmod);
    t.attach(mark, group, kCase);
    t.attach(object, c, kNsubj);
    t.attach(c, r, kCcomp);
    return;
  }
}

}  // namespace

void repair_trees(Document& doc, const tagger::Lemmatizer* lemmas) {
  std::vector<std::pair<uint32_t, uint16_t>> saved;  // heads and relations before the repairs
  for (const Sentence& s : doc.sentences) {
    if (s.word_count < 3 || doc.words[s.first_word].deprel == 0) continue;  // not parsed
    saved.clear();
    for (uint32_t i = 0; i < s.word_count; ++i)
      saved.emplace_back(doc.words[s.first_word + i].head, doc.words[s.first_word + i].deprel);
    LocalTree t(doc, s);
    t.lemmas = lemmas;
    report_read_as_relative_clause(t);
    report_read_as_subject(t);
    elided_passive_read_as_active(t);
    list_read_as_modifiers(t);
    attribution_read_as_conjunct(t);
    list_opener_read_apart(t);
    object_under_adjective(t);
    subject_read_in_circumstance(t);
    noun_joined_to_verb(t);
    subject_starting_with_and(t);
    list_read_as_apposition(t);
    time_read_as_subject(t);
    participle_read_as_adjective(t);
    report_subject_read_as_object(t);
    finite_verb_read_as_modifier(t);
    attribution_read_as_relative_clause(t);
    comparative_read_as_object(t);
    perfect_read_as_possession(t);
    killing_clause_on_far_noun(t);
    object_read_as_speakers_list(t);
    indirect_object_read_as_compound(t);
    number_read_as_verb_modifier(t);
    report_read_as_governor(t);
    second_verb_read_as_modifier(t);
    passive_without_auxiliary(t);
    inverted_speaker_read_as_object(t);
    reporter_name_split(t);
    participle_read_as_root(t);
    speaker_read_as_apposition(t);
    subject_read_as_apposition(t);
    phrase_after_relative_clause(t);
    conjunct_read_as_apposition(t);
    participle_after_number_read_as_verb(t);
    verb_read_inside_object(t);
    title_read_as_head(t);
    verb_read_as_plural_noun(t);
    verb_read_as_adjective(t);
    noun_hyphened_to_verb(t);
    participle_with_subject_read_as_verb(t);
    by_phrase_read_as_conjunct(t);
    hyphened_doer_read_as_head(t);
    fronted_phrase_read_as_root(t);
    subject_read_after_including(t);
    target_read_on_toll_verb(t);
    speaker_group_read_as_clause(t);
    load_read_as_verb_clause(t);
    adjective_read_as_object(t);
    target_of_attack_noun_read_on_verb(t);
    // Repairs that met one another in a way none expects could join words in a cycle: the
    // parser's tree then stands (tags a repair changed are kept; they describe words only).
    if (!is_tree(t))
      for (uint32_t i = 0; i < s.word_count; ++i)
        doc.words[s.first_word + i].head = saved[i].first, doc.words[s.first_word + i].deprel = saved[i].second;
  }
}

}  // namespace sitrep::events
