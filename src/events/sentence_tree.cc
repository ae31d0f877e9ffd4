#include "events/sentence_tree.h"

#include <algorithm>

#include "text/text_util.h"

namespace sitrep::events {

using namespace ud;

bool is_verb_xpos(uint16_t xpos) {
  std::string_view x = kXpos[xpos < kXposCount ? xpos : 0];
  return x.size() >= 2 && x[0] == 'V' && x[1] == 'B';
}

namespace {

bool nominal(uint16_t upos) { return upos == kNoun || upos == kPropn || upos == kPron || upos == kNum; }

// "ARN" + "~GOV" -> "ARNGOV"; "NGO~" + "ARN" -> "NGOARN"; never twice ("USAGOV" + "~GOV").
std::string combine(std::string_view actor, std::string_view agent) {
  std::string out(actor);
  if (agent.empty()) return out;
  if (agent.front() == '~') {
    std::string_view a = agent.substr(1);
    if (out.size() < a.size() || out.compare(out.size() - a.size(), a.size(), a) != 0) out += a;
  } else if (agent.back() == '~') {
    std::string_view a = agent.substr(0, agent.size() - 1);
    if (out.compare(0, a.size(), a) != 0) out = std::string(a) + out;
  }
  return out;
}

// Nouns of a meeting or a call: "his call with the Chinese foreign minister".
bool meeting_noun(uint64_t lemma) {
  static const std::vector<uint64_t> nouns = [] {
    std::vector<uint64_t> v;
    for (const char* w : {"call", "conversation", "talk", "talks", "meeting", "consultation", "negotiation",
                          "dialogue", "discussion", "summit", "contact"})
      v.push_back(word_hash(w));
    return v;
  }();
  return std::find(nouns.begin(), nouns.end(), lemma) != nouns.end();
}

}  // namespace

bool is_denying_verb(uint64_t lemma) {
  static const uint64_t kDenying[] = {word_hash("deny"), word_hash("reject"), word_hash("dismiss")};
  return std::find(std::begin(kDenying), std::end(kDenying), lemma) != std::end(kDenying);
}

bool is_speech_verb(uint64_t lemma) {
  static const std::vector<uint64_t> verbs = [] {
    std::vector<uint64_t> v;
    for (const char* w : {"say", "tell", "announce", "state", "add", "claim", "report", "note", "declare", "insist",
                          "stress", "write", "reply", "explain", "indicate", "allege", "confirm", "suspect", "believe"})
      v.push_back(word_hash(w));
    return v;
  }();
  return std::find(verbs.begin(), verbs.end(), lemma) != verbs.end();
}

bool is_weapon_noun(uint64_t lemma) {
  static const std::vector<uint64_t> nouns = [] {
    std::vector<uint64_t> v;
    for (const char* w : {"bomb", "blast", "explosion", "explosive", "bombing", "attack", "strike", "airstrike",
                          "shell", "shelling", "missile", "rocket", "mine", "landmine", "grenade", "mortar", "gunfire",
                          "shooting", "fire", "raid", "ambush", "violence", "clash", "fighting", "device"})
      v.push_back(word_hash(w));
    return v;
  }();
  return std::find(nouns.begin(), nouns.end(), lemma) != nouns.end();
}

void SentenceTree::load(const Document& doc, uint32_t s, const ActorResolver& resolver) {
  const Sentence& S = doc.sentences[s];
  n = static_cast<int>(S.word_count);
  fw = S.first_word;
  hs.resize(n), hl.resize(n), parent.resize(n), dep.resize(n), up.resize(n), xp.resize(n);
  child_start.assign(n + 1, 0);
  for (int i = 0; i < n; ++i) {
    const Word& w = doc.words[fw + i];
    hs[i] = word_hash(doc.word_text(fw + i));
    hl[i] = w.lemma.empty() ? hs[i] : word_hash(doc.pooled(w.lemma));
    parent[i] = (w.head == 0 || static_cast<int>(w.head) > n) ? -1 : static_cast<int>(w.head) - 1;
    dep[i] = w.deprel, up[i] = w.upos, xp[i] = w.xpos;
  }
  // "tweeted about his call with the Chinese foreign minister": a "with" or "between"
  // phrase right after a meeting noun is the meeting's, not the verb's the parser hung it on.
  if (resolver.lone_agents()) {
    static const uint64_t with = word_hash("with"), between = word_hash("between");
    for (int i = 0; i + 1 < n; ++i) {
      int x = parent[i + 1];
      if (up[i] != kNoun || dep[i + 1] != kCase || (hl[i + 1] != with && hl[i + 1] != between) || x < 0 ||
          parent[i] < 0 || parent[x] != parent[i] || dep[x] != kObl || !meeting_noun(hl[i]))
        continue;
      parent[x] = i, dep[x] = kNmod;
    }
    // "Russian forces shelled Kharkiv, killing at least 12 civilians, Ukrainian officials
    // said": the tree may read the attribution's subject as one more victim ("civilians,
    // Ukrainian officials") and the participle as a second thing said. The noun right
    // before a speech verb that has no subject is its subject; a participle after a comma
    // beside a clause said before it is that clause's adverbial.
    for (int r = 1; r < n; ++r) {
      if (!is_verb_xpos(xp[r]) || !is_speech_verb(hl[r])) continue;
      bool has_subject = false;
      for (int k = 0; k < n; ++k) has_subject = has_subject || (parent[k] == r && (dep[k] == kNsubj || dep[k] == kNsubjPass));
      if (has_subject) continue;
      int noun = r - 1;  // the head of the phrase that ends right before the verb
      while (noun >= 0 && parent[noun] >= 0 && parent[noun] > noun && parent[noun] < r) noun = parent[noun];
      if (noun < 1 || dep[noun] != kConj || (up[noun] != kNoun && up[noun] != kPropn)) continue;
      bool comma = false;  // a conjunct joined by a comma only: "..., Ukrainian officials said"
      for (int k = noun - 1; k >= 0 && k >= noun - 4; --k) comma = comma || up[k] == kPunctPos;
      if (!comma) continue;
      bool under_noun = false;  // the verb hung below the noun: moving the noun would make a cycle
      for (int k = r, steps = 0; k >= 0 && steps <= n; k = parent[k], ++steps) under_noun = under_noun || k == noun;
      if (under_noun) continue;
      parent[noun] = r, dep[noun] = kNsubj;
      for (int v = 1; v < r; ++v) {
        if (xp[v] != kVBG || up[v - 1] != kPunctPos || parent[v] != r || (dep[v] != kCcomp && dep[v] != kParataxis))
          continue;
        for (int sib = v - 1; sib >= 0; --sib)
          if (parent[sib] == r && dep[sib] == kCcomp && is_verb_xpos(xp[sib])) {
            parent[v] = sib, dep[v] = kAdvcl;
            break;
          }
      }
    }
  }
  // "Indian police fired on a mob, killing four people, the news agency reported": the tree
  // may join the participle to the attribution's verb; it is the reported clause's adverbial.
  if (resolver.lone_agents())
    for (int v = 1; v < n; ++v) {
      int r = parent[v];
      if (xp[v] != kVBG || dep[v] != kConj || up[v - 1] != kPunctPos || r <= v || !is_verb_xpos(xp[r]) ||
          !is_speech_verb(hl[r]) || (dep[r] != kParataxis && dep[r] != kCcomp))
        continue;
      int main = parent[r];
      if (main >= 0 && main < v && is_verb_xpos(xp[main])) parent[v] = main, dep[v] = kAdvcl;
    }
  for (int i = 0; i < n; ++i)
    if (parent[i] >= 0) ++child_start[parent[i] + 1];
  for (int i = 0; i < n; ++i) child_start[i + 1] += child_start[i];
  children.resize(n);
  fill.assign(child_start.begin(), child_start.end() - 1);
  for (int i = 0; i < n; ++i)
    if (parent[i] >= 0) children[fill[parent[i]]++] = static_cast<uint32_t>(i);
  present.assign(hs.begin(), hs.end());
  present.insert(present.end(), hl.begin(), hl.end());
  std::sort(present.begin(), present.end());
  matches.clear();
  resolver.find(doc, s, doc.date, matches);
  lone_agents = resolver.lone_agents();
  match_at.assign(n, -1);
  cover.assign(n, -1);
  for (size_t m = 0; m < matches.size(); ++m) {
    const ActorMatch& am = matches[m];
    if (am.first < fw || am.last >= fw + S.word_count || am.last < am.first) continue;
    match_at[am.first - fw] = static_cast<int>(m);
    for (uint32_t j = am.first; j <= am.last; ++j) cover[j - fw] = static_cast<int>(m);
  }
}

bool SentenceTree::has_word(uint64_t h) const { return std::binary_search(present.begin(), present.end(), h); }

bool SentenceTree::verbal(int j) const { return up[j] == kVerb || is_verb_xpos(xp[j]); }

int SentenceTree::child_with(int v, uint16_t deprel) const {
  for (uint32_t c : kids(v))
    if (dep[c] == deprel) return static_cast<int>(c);
  return -1;
}

bool SentenceTree::clause_start(int j) const {
  uint16_t x = xp[j];
  return x == kVBD || x == kVBZ || x == kVBP || x == kMD || x == kWDT || x == kWP || up[j] == kSconj;
}

bool SentenceTree::clausal(int k) const {
  uint16_t d = dep[k];
  if (d == kAdvcl || d == kParataxis || d == kRelcl || d == kAdvclRelcl || d == kCsubj || d == kList) return true;
  // A conjoined verb under a verb is a clause; "bombing and shelling offensive" is not.
  return d == kConj && (up[k] == kVerb || up[k] == kAuxPos) && parent[k] >= 0 &&
         (up[parent[k]] == kVerb || up[parent[k]] == kAuxPos || up[parent[k]] == kAdj);
}

bool SentenceTree::in_clause(int j, int v, bool subject, bool ccomp) const {
  for (int k = j, steps = 0; k >= 0 && steps <= n; k = parent[k], ++steps) {
    if (k == v) return true;
    if (clausal(k) || (!ccomp && dep[k] == kCcomp)) return false;
    if (!subject && (dep[k] == kNsubj || dep[k] == kNsubjPass) && parent[k] == v) return false;
  }
  return false;
}

bool SentenceTree::below(int j, int h, int except) const {
  for (int k = j, guard = 0; k >= 0 && k != except && guard < n; k = parent[k], ++guard)
    if (k == h) return true;
  return false;
}

bool SentenceTree::to_clause(int k) const {
  static const uint64_t kTo = word_hash("to");
  if (dep[k] == kXcomp) return true;
  // (Also a to-infinitive the tree hung on a verb as a noun's clause, acl: "calls on
  // Ukraine to find a solution".)
  if (dep[k] != kAdvcl && !(dep[k] == kAcl && parent[k] >= 0 && verbal(parent[k]))) return false;
  for (uint32_t c : kids(k))
    if (dep[c] == kMark && hl[c] == kTo) return true;
  return false;
}

int SentenceTree::prep_phrase(int h, uint64_t prep, const std::vector<uint64_t>& lemmas) const {
  if (h < 0) return -1;
  // A phrase after the head before one fronted ahead of it: "On Tuesday, China called on
  // Ukraine to ..." calls on Ukraine.
  int before = -1;
  for (uint32_t x : kids(h)) {
    if (dep[x] != kObl && dep[x] != kNmod && dep[x] != kOblAgent) continue;  // (a passive's "by" phrase too)
    int cs = child_with(static_cast<int>(x), kCase);
    if (cs >= 0 && hl[cs] == prep &&
        (lemmas.empty() || std::find(lemmas.begin(), lemmas.end(), hl[x]) != lemmas.end())) {
      if (static_cast<int>(x) > h) return static_cast<int>(x);
      if (before < 0) before = static_cast<int>(x);
    }
  }
  return before;
}

bool SentenceTree::phrase_has_actor(int h, int except) const {
  for (int j = 0; j < n; ++j)
    if (cover[j] >= 0 && !matches[cover[j]].agent && below(j, h, except)) return true;
  return false;
}

bool SentenceTree::finite(int v) const {
  if (xp[v] == kVBD || xp[v] == kVBZ || xp[v] == kVBP) return true;
  for (uint32_t c : kids(v))
    if ((dep[c] == kAux || dep[c] == kAuxPass) && (xp[c] == kMD || xp[c] == kVBD || xp[c] == kVBZ || xp[c] == kVBP))
      return true;
  return false;
}

bool SentenceTree::allegation(int v) const {
  static const uint64_t kAlleging[] = {word_hash("accuse"), word_hash("suspect"), word_hash("convict"),
                                       word_hash("acquit"), word_hash("clear"), word_hash("charge")};
  static const uint64_t kOf = word_hash("of");
  const int g = parent[v];
  if ((dep[v] != kAdvcl && dep[v] != kAcl) || g < 0 ||
      std::find(std::begin(kAlleging), std::end(kAlleging), hl[g]) == std::end(kAlleging))
    return false;
  for (uint32_t c : kids(v))
    if ((dep[c] == kMark || dep[c] == kCase) && hl[c] == kOf) return true;
  return false;
}

int SentenceTree::alleged(int v) const {
  static const uint64_t kBlame = word_hash("blame"), kFor = word_hash("for");
  for (int k = v, steps = 0; k >= 0 && parent[k] >= 0 && steps < 4; k = parent[k], ++steps) {
    const int g = parent[k];
    if (allegation(k)) return g;
    if ((dep[k] == kAdvcl || dep[k] == kAcl || dep[k] == kObl) && hl[g] == kBlame)
      for (uint32_t c : kids(k))
        if ((dep[c] == kMark || dep[c] == kCase) && hl[c] == kFor) return g;
    // What someone is sentenced, jailed or arrested for, or over, is what they are said to
    // have done ("sentenced a former militia commander to death for torture", "arrested two
    // suspects over the assassination"): alleged, by the court or the police.
    static const uint64_t kJudging[] = {word_hash("sentence"), word_hash("jail"), word_hash("imprison"),
                                        word_hash("execute"), word_hash("hang"), word_hash("arrest"),
                                        word_hash("detain"), word_hash("indict"), word_hash("prosecute"),
                                        word_hash("try"), word_hash("punish"), word_hash("fine"), word_hash("nab")};
    static const uint64_t kOver = word_hash("over");
    // (Or hung on the one sentenced or the sentence: "sentenced a commander to death for
    // torture".)
    if (dep[k] == kObl || dep[k] == kNmod) {
      int judge = g;
      for (int up = 0; up < 3 && judge >= 0 && (dep[judge] == kObj || dep[judge] == kNmod || dep[judge] == kObl) &&
                       !verbal(judge);
           ++up)
        judge = parent[judge];
      if (judge >= 0 && verbal(judge) &&
          std::find(std::begin(kJudging), std::end(kJudging), hl[judge]) != std::end(kJudging))
        for (uint32_t c : kids(k))
          if (dep[c] == kCase && (hl[c] == kFor || hl[c] == kOver)) return judge;
    }
    // (A gerund right after the denying verb is what it denies, "denied shelling the market";
    // not one after its object or a comma: "rejected the reports, saying its soldiers ...".)
    bool gerund = dep[k] == kAdvcl && xp[k] == kVBG && k > g && child_with(g, kObj) < 0 && !is_speech_verb(hl[k]);
    for (int j = g + 1; j < k && gerund; ++j) gerund = up[j] != kPunctPos;
    if ((dep[k] == kCcomp || dep[k] == kXcomp || gerund) && verbal(k) && is_denying_verb(hl[g])) return g;
    // A "that" clause of a denial or of an allegation ("rejected allegations that it was
    // behind the attack", "the accusation that Iran supplied the drones"), however the tree
    // hangs it and whatever its predicate.
    static const uint64_t kThat = word_hash("that");
    static const uint64_t kAllegationNouns[] = {word_hash("allegation"), word_hash("accusation"), word_hash("charge"),
                                                word_hash("suggestion"), word_hash("assertion")};
    auto allegation_noun = [&](int j) {
      return j >= 0 && std::find(std::begin(kAllegationNouns), std::end(kAllegationNouns), hl[j]) !=
                           std::end(kAllegationNouns);
    };
    if (dep[k] == kCcomp || dep[k] == kAdvcl || dep[k] == kAcl) {
      bool that = false;
      for (uint32_t c : kids(k)) that = that || (dep[c] == kMark && hl[c] == kThat && static_cast<int>(c) < k);
      if (that && (is_denying_verb(hl[g]) || allegation_noun(g))) return g;
      // (Hung on the verb whose object the allegation is, denying it or not: "rejected
      // allegations that ...", "made allegations that ...": what an allegation says is alleged.)
      if (that && dep[k] == kAdvcl && allegation_noun(child_with(g, kObj))) return child_with(g, kObj);
    }
    if (dep[k] != kObj && dep[k] != kXcomp && dep[k] != kConj && dep[k] != kAdvcl && dep[k] != kCcomp) return -1;
  }
  return -1;
}

bool SentenceTree::long_ago(int v) const {
  static const uint64_t kFrom[] = {word_hash("after"), word_hash("since"), word_hash("before")};
  static const uint64_t kSpans[] = {word_hash("month"), word_hash("year"), word_hash("decade"), word_hash("century")};
  auto span = [&](int k) { return k >= 0 && std::find(std::begin(kSpans), std::end(kSpans), hl[k]) != std::end(kSpans); };
  // The span right before "after", whichever word the tree hangs it on.
  for (uint32_t c : kids(v))
    if ((dep[c] == kMark || dep[c] == kCase) && c < static_cast<uint32_t>(v) &&
        std::find(std::begin(kFrom), std::end(kFrom), hl[c]) != std::end(kFrom) &&
        (span(static_cast<int>(c) - 1) || (parent[v] < v && span(parent[v]))))
      return true;
  return false;
}

bool SentenceTree::according(int k) const {
  static const uint64_t kAccord = word_hash("accord"), kAccording = word_hash("according");
  const int c = child_with(k, kCase);
  return c >= 0 && (hl[c] == kAccord || hs[c] == kAccording);
}

int SentenceTree::subject_of(int v, bool& passive) const {
  passive = false;
  int k = v;
  // The clause whose voice is v's: its own, or a passive it is joined to without a subject,
  // auxiliary or object of its own ("one worker was killed and another injured").
  int voice = v;
  for (int steps = 0; steps < n && k >= 0; ++steps) {
    for (uint32_t c : kids(k))
      if (dep[c] == kNsubj || dep[c] == kNsubjPass) {
        // Passive only in v's own clause: "X was seen to break Y" has X breaking.
        // A "passive" subject with an object and no passive auxiliary is a past tense the
        // tagger read as a participle: "Israeli troops also arrested 20 Palestinians".
        passive = k == voice && (child_with(k, kAuxPass) >= 0 || (dep[c] == kNsubjPass && child_with(k, kObj) < 0));
        return static_cast<int>(c);
      }
    if (parent[k] < 0) return -1;
    // "shelled Kharkiv, killing 12 civilians": a participle after a comma, read as the
    // noun's modifier, is the clause's adverbial; its subject is the clause's.
    // "resorted to a baton charge to disperse the protesters": an infinitive of purpose
    // on a noun is the clause's too.
    static const uint64_t kTo = word_hash("to");
    bool purpose = false;
    // Not when the noun names who acts ("a UN resolution to expel X"), and only for a
    // noun the clause's verb governs ("ways to halt violence" in "talks on ways..." is not).
    if (lone_agents && dep[k] == kAcl && k == v && xp[v] == kVB && parent[k] >= 0 && parent[parent[k]] >= 0 &&
        verbal(parent[parent[k]]) && (dep[parent[k]] == kObl || dep[parent[k]] == kObj) &&
        !phrase_has_actor(parent[k], k))
      for (uint32_t c : kids(v)) purpose = purpose || (dep[c] == kMark && hl[c] == kTo);
    if (lone_agents &&
        (purpose || (dep[k] == kAcl && k == v && v > 0 && up[v - 1] == kPunctPos && xp[v] == kVBG))) {
      int g = parent[k];
      for (int guard = 0; g >= 0 && !verbal(g) && guard < n; ++guard) g = parent[g];
      if (g < 0) return -1;
      k = g;
      continue;
    }
    // "The Security Council adopted a resolution condemning X", "signed a decree imposing
    // sanctions on Turkey": a text says what its author does, the subject of the verb that
    // issues it (when the text names no author itself).
    if (lone_agents && dep[k] == kAcl && k == v && xp[v] == kVBG && parent[k] >= 0 && dep[parent[k]] == kObj &&
        parent[parent[k]] >= 0 && verbal(parent[parent[k]]) && !phrase_has_actor(parent[k], k)) {
      static const uint64_t kTexts[] = {word_hash("resolution"), word_hash("statement"), word_hash("declaration"),
                                        word_hash("communique"), word_hash("letter"),     word_hash("report"),
                                        word_hash("motion"),     word_hash("bill"),       word_hash("note"),
                                        word_hash("decree"),     word_hash("law"),        word_hash("order"),
                                        word_hash("directive"),  word_hash("ordinance"),  word_hash("legislation")};
      if (std::find(std::begin(kTexts), std::end(kTexts), hl[parent[k]]) != std::end(kTexts)) {
        k = parent[parent[k]];
        continue;
      }
    }
    if (dep[k] == kAcl && k == v) {  // "a woman believed linked to X"
      // "soldiers killed in Iraq": the noun underwent it; not with an object of its own
      // ("said police arrested 40 protesters": a past tense the tree read as a participle).
      passive = lone_agents && xp[v] == kVBN && child_with(v, kObj) < 0;
      return parent[k];
    }
    if (dep[k] == kXcomp) {
      int obj = child_with(parent[k], kObj);
      if (obj >= 0) return obj;  // "urged X to respond": X
      k = parent[k];
    } else if (dep[k] == kConj) {
      if (lone_agents && k == voice && xp[k] == kVBN && child_with(k, kObj) < 0 && child_with(k, kAux) < 0)
        voice = parent[k];
      k = parent[k];
    } else if (lone_agents && dep[k] == kAdvcl && !finite(k)) {
      // A non-finite adverbial clause shares its governor's subject: "shelled Kharkiv,
      // killing 12 civilians", "marched in Tehran to denounce the government"; after
      // "for", its object's ("condemned its ally for invading Ukraine": the ally), and after
      // an accusation's "of" ("accused India of supporting separatists": India).
      static const uint64_t kFor = word_hash("for");
      int obj = child_with(parent[k], kObj);
      bool reason = allegation(k);
      for (uint32_t c : kids(k)) reason = reason || ((dep[c] == kMark || dep[c] == kCase) && hl[c] == kFor);
      if (reason && obj >= 0) return obj;
      k = parent[k];
    } else {
      return -1;
    }
  }
  return -1;
}

int SentenceTree::np_head(int m, bool through_of) const {
  int k = static_cast<int>(matches[m].last - fw);
  for (int steps = 0; steps < n && parent[k] >= 0; ++steps) {
    uint16_t d = dep[k];
    int p = parent[k];
    if (!nominal(up[p])) break;
    bool agent_parent = through_of && cover[p] >= 0 && matches[cover[p]].agent;  // "the president of Rohan"
    if (d == kCompound || d == kFlat || d == kFlatName || d == kAmod || d == kPoss || d == kFixed ||
        d == kNummod || d == kDet || d == kConj || (d == kNmod && agent_parent))
      k = p;
    else
      break;
  }
  return k;
}

// "a Taliban-claimed attack", "Taliban-blamed attacks": who claims it or is blamed for it,
// hyphened to the participle, is no part of the attack's phrase (the claims tell it).
bool SentenceTree::hyphened_claim(int k) const {
  static const uint64_t kClaim[] = {word_hash("claim"), word_hash("claimed"), word_hash("blame"), word_hash("blamed")};
  return dep[k] == kAmod && k >= 2 && xp[k - 1] == kHYPH &&
         std::find(std::begin(kClaim), std::end(kClaim), hl[k]) != std::end(kClaim);
}

void SentenceTree::np_mask(int h) {
  mask.assign(n, 0);
  for (int j = 0; j < n; ++j) {
    // (The group word of "a Taliban-claimed attack" the tree hung beside the participle.)
    if (j != h && j + 2 < n && hyphened_claim(j + 2) && parent[j] != j + 2) continue;
    uint8_t in_appos = 0;
    for (int k = j, steps = 0; k >= 0 && steps <= n; k = parent[k], ++steps) {
      if (k == h) {
        mask[j] = 1 + in_appos;
        break;
      }
      uint16_t d = dep[k];
      // (A vehicle's load is part of it: "a bus carrying pilgrims", "a boat carrying migrants".)
      static const uint64_t kCarry = word_hash("carry");
      if (d == kAcl && hl[k] == kCarry && xp[k] == kVBG && parent[k] >= 0 && !verbal(parent[k])) continue;
      if (clausal(k) || d == kAcl || d == kCcomp || d == kXcomp || according(k) || hyphened_claim(k)) break;
      if (d == kAppos) in_appos = 1;
    }
  }
}

void SentenceTree::group(std::vector<CodedActor>& out) const {
  // An apposition names the actor only when nothing else does, or is an item of a list
  // ("Mordor, the awful Arnor, and Gondor").
  bool list = false;
  for (int j = 0; j < n && !list; ++j) list = mask[j] == 1 && up[j] == kCconj;
  group_level(out, list ? 2 : 1);
  if (out.empty() && !list) group_level(out, 2);
}

void SentenceTree::group_level(std::vector<CodedActor>& out, uint8_t level) const {
  out.clear();
  auto in = [&](int j) { return mask[j] != 0 && mask[j] <= level; };
  int first = -1;
  for (int j = 0; j < n && first < 0; ++j)
    if (in(j) && match_at[j] >= 0 && !matches[match_at[j]].agent) first = j;
  if (first < 0) {
    if (!lone_agents) return;
    for (int j = 0; j < n; ++j)  // "civilians", "officials in the capital": the role alone
      if (in(j) && match_at[j] >= 0) {
        const ActorMatch& g = matches[match_at[j]];
        std::string_view code = g.code;
        if (!code.empty() && code.front() == '~') code.remove_prefix(1);
        out.push_back({std::string(code), static_cast<int>(g.first - fw), static_cast<int>(g.last - fw)});
      }
    return;
  }
  // Agents before the first actor lead the phrase: "officials in X and Y".
  int leading[8], leading_count = 0;
  for (int j = 0; j < first && leading_count < 8; ++j)
    if (in(j) && match_at[j] >= 0) leading[leading_count++] = match_at[j];
  int seg_actor = -1, seg_agent = -1;
  std::string_view last_actor;
  int last_first = 0;
  auto close = [&]() {
    if (seg_actor >= 0) {
      const ActorMatch& a = matches[seg_actor];
      int f = static_cast<int>(a.first - fw), l = static_cast<int>(a.last - fw);
      if (seg_agent >= 0) {
        const ActorMatch& g = matches[seg_agent];
        out.push_back({combine(a.code, g.code), std::min(f, static_cast<int>(g.first - fw)),
                       std::max(l, static_cast<int>(g.last - fw))});
      } else if (leading_count > 0) {
        for (int i = 0; i < leading_count; ++i) out.push_back({combine(a.code, matches[leading[i]].code), f, l});
      } else {
        out.push_back({std::string(a.code), f, l});
        for (std::string_view c : a.also)  // "Afghan and American troops": USAMIL too
          if (!c.empty()) out.push_back({std::string(c) + std::string(a.code.substr(3)), f, l});
      }
      // (The country of a phrase coded with its role, "Palestinian medics": the next role of
      // the list is that country's, "and security sources" PSECOP, not PSEHLHCOP.)
      last_actor = seg_agent < 0 && a.code.size() == 6 ? a.code.substr(0, 3) : a.code, last_first = f;
    } else if (seg_agent >= 0 && !last_actor.empty()) {  // "Danish media and government"
      const ActorMatch& g = matches[seg_agent];
      out.push_back({combine(last_actor, g.code), last_first, static_cast<int>(g.last - fw)});
    }
    seg_actor = seg_agent = -1;
  };
  static const uint64_t kComma = word_hash(",");
  for (int j = first; j < n; ++j) {
    if (!in(j)) continue;
    // Conjuncts split at "and" and commas, not between conjoined adjectives.
    if ((up[j] == kCconj || hs[j] == kComma) && !(parent[j] >= 0 && (up[parent[j]] == kAdj || up[parent[j]] == kAdv))) {
      close();
      continue;
    }
    int m = match_at[j];
    if (m < 0) continue;
    // "its Russian ally": a possessive pronoun yields to a name modifying the same noun.
    auto poss_pronoun = [&](int x) {
      int w = static_cast<int>(matches[x].first - fw);
      return matches[x].first == matches[x].last && up[w] == kPron && dep[w] == kPoss;
    };
    // "the Iranian-backed Hezbollah", "the Israeli-occupied zone": who backs or holds
    // something is not what it is; a named actor after it in the phrase is ("US-led" forces
    // stay their leader's).
    auto backer = [&](int x) {
      static const uint64_t kBacking[] = {word_hash("back"),    word_hash("sponsor"), word_hash("support"),
                                          word_hash("fund"),    word_hash("finance"), word_hash("arm"),
                                          word_hash("train"),   word_hash("ally"),    word_hash("occupy"),
                                          word_hash("control"), word_hash("install"), word_hash("influence")};
      const int w = static_cast<int>(matches[x].last - fw);
      return w + 2 < n && xp[w + 1] == kHYPH && verbal(w + 2) &&
             std::find(std::begin(kBacking), std::end(kBacking), hl[w + 2]) != std::end(kBacking);
    };
    if (matches[m].agent) {
      if (seg_agent < 0) seg_agent = m;
    } else if (seg_actor < 0 ||
               (lone_agents && poss_pronoun(seg_actor) && !poss_pronoun(m) &&
                static_cast<int>(matches[m].last - fw) < parent[static_cast<int>(matches[seg_actor].first - fw)]) ||
               (lone_agents && backer(seg_actor) && !backer(m))) {
      seg_actor = m;
    }
  }
  close();
  // "the foreign ministers of Poland and Japan": the role the first member took from
  // "of Poland" is every listed country's (POLGOV, JPNGOV).
  static const uint64_t kOf = word_hash("of");
  if (lone_agents && out.size() >= 2 && out[0].code.size() == 6 && out[0].last + 1 < n && hs[out[0].last + 1] == kOf)
    for (size_t i = 1; i < out.size(); ++i)
      if (out[i].code.size() == 3) out[i].code += out[0].code.substr(3);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  out.erase(std::unique(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.code == b.code; }),
            out.end());
}

void SentenceTree::group_of_match(int m, std::vector<CodedActor>& out, bool through_of) {
  int h = np_head(m, through_of);
  if (nominal(up[h]))
    np_mask(h);
  else
    mask.assign(n, 0);  // an implausible tree: the phrase alone
  for (int j = static_cast<int>(matches[m].first - fw); j <= static_cast<int>(matches[m].last - fw); ++j) mask[j] = 1;
  group(out);
}

int SentenceTree::first_actor(const std::vector<uint8_t>& scope, int from) const {
  for (int j = from; j < n; ++j)
    if (scope[j] && match_at[j] >= 0 && !matches[match_at[j]].agent) return match_at[j];
  return -1;
}

bool day_word(uint64_t hash) {
  static const std::vector<uint64_t> kDays = [] {
    std::vector<uint64_t> v;
    for (std::string_view w : text::kWeekdayNames) v.push_back(word_hash(w));
    for (const char* w : {"today", "yesterday", "overnight", "tonight"}) v.push_back(word_hash(w));
    return v;
  }();
  return std::find(kDays.begin(), kDays.end(), hash) != kDays.end();
}

bool time_word(uint64_t hash) {
  static const std::vector<uint64_t> kTimes = [] {
    std::vector<uint64_t> v;
    for (std::string_view w : text::kPartsOfDay) v.push_back(word_hash(w));
    v.push_back(word_hash("weekend"));
    for (std::string_view w : text::kMonthNames)
      if (w != "march" && w != "may") v.push_back(word_hash(w));
    return v;
  }();
  return day_word(hash) || std::find(kTimes.begin(), kTimes.end(), hash) != kTimes.end();
}

}  // namespace sitrep::events
