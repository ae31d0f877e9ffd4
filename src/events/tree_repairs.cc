#include "events/tree_repairs.h"

#include <algorithm>
#include <vector>

#include "events/coder.h"
#include "events/sentence_tree.h"

namespace sitrep::events {
namespace {

using namespace ud;

// One sentence's tree as local arrays (head -1 for the root), written back when changed.
struct LocalTree {
  Document& doc;
  uint32_t fw;
  int n;
  std::vector<int> parent;
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
  uint64_t lemma(int i) {
    const Word& x = w(i);
    return word_hash(x.lemma.empty() ? doc.word_text(fw + static_cast<uint32_t>(i)) : doc.pooled(x.lemma));
  }
  void attach(int i, int head, uint16_t rel) {
    parent[i] = head;
    w(i).head = static_cast<uint32_t>(head + 1);
    w(i).deprel = rel;
  }
  bool verbal(int i) { return up(i) == kVerb || is_verb_xpos(xp(i)); }  // as SentenceTree::verbal
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

// "One militant was killed and nine other Palestinians wounded Wednesday": a past form
// joined to a passive, whose only "object" is a day, is that passive's second clause (its
// auxiliary elided), not an act of its subject on the day.
void elided_passive_read_as_active(LocalTree& t) {
  static const std::vector<uint64_t> kDays = [] {
    std::vector<uint64_t> v;
    for (const char* w : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                          "yesterday", "overnight", "tonight"})
      v.push_back(word_hash(w));
    return v;
  }();
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
    if (std::find(kDays.begin(), kDays.end(), word_hash(t.doc.word_text(t.fw + static_cast<uint32_t>(obj)))) ==
        kDays.end())
      continue;
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
  int end = t.n;
  while (end > 0 && t.up(end - 1) == kPunctPos) --end;
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
  int root = -1;
  for (int k = 0; k < t.n; ++k)
    if (t.parent[k] < 0) root = k;
  if (root < 0 || root >= b || !t.verbal(root)) return;
  t.attach(first, r, kNsubj);
  t.attach(r, root, kParataxis);
  t.attach(b - 1, r, kPunctRel);
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
  for (int k = a + 2; k < b; ++k)
    if (t.parent[k] != b) return;  // only b's own modifiers between the comma and b
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

}  // namespace

void repair_trees(Document& doc) {
  for (const Sentence& s : doc.sentences) {
    if (s.word_count < 3 || doc.words[s.first_word].deprel == 0) continue;  // not parsed
    LocalTree t(doc, s);
    report_read_as_relative_clause(t);
    elided_passive_read_as_active(t);
    list_read_as_modifiers(t);
    attribution_read_as_conjunct(t);
    list_opener_read_apart(t);
  }
}

}  // namespace sitrep::events
