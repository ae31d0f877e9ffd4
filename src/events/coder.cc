#include "events/coder.h"

#include <xxhash.h>

#include <algorithm>

#include "core/tagset.h"
#include "events/petrarch_dictionaries.h"

namespace sitrep::events {

uint64_t word_hash(std::string_view s) {
  char buf[64] = {};
  size_t n = std::min(s.size(), sizeof buf);
  for (size_t i = 0; i < n; ++i) {
    char c = s[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return XXH3_64bits(buf, n) ^ (s.size() > sizeof buf ? s.size() : 0);
}

namespace {

const uint16_t kNsubj = deprel_id("nsubj"), kNsubjPass = deprel_id("nsubj:pass"), kCsubj = deprel_id("csubj"),
               kObj = deprel_id("obj"), kIobj = deprel_id("iobj"), kObl = deprel_id("obl"),
               kOblAgent = deprel_id("obl:agent"), kNmod = deprel_id("nmod"), kCase = deprel_id("case"),
               kConj = deprel_id("conj"), kXcomp = deprel_id("xcomp"), kCcomp = deprel_id("ccomp"),
               kAdvcl = deprel_id("advcl"), kParataxis = deprel_id("parataxis"), kRelcl = deprel_id("acl:relcl"),
               kAcl = deprel_id("acl"), kAdvclRelcl = deprel_id("advcl:relcl"), kAux = deprel_id("aux"),
               kAuxPass = deprel_id("aux:pass"), kAdvmod = deprel_id("advmod"), kPrt = deprel_id("compound:prt"),
               kAmod = deprel_id("amod"), kCompound = deprel_id("compound"), kFlat = deprel_id("flat"),
               kFlatName = deprel_id("flat:name"), kPoss = deprel_id("nmod:poss"), kFixed = deprel_id("fixed"),
               kNummod = deprel_id("nummod"), kDet = deprel_id("det"), kList = deprel_id("list"),
               kMark = deprel_id("mark"), kCc = deprel_id("cc"), kPunctRel = deprel_id("punct");
const uint16_t kVerb = upos_id("VERB"), kNoun = upos_id("NOUN"), kPropn = upos_id("PROPN"),
               kPron = upos_id("PRON"), kAdj = upos_id("ADJ"), kAdv = upos_id("ADV"), kNum = upos_id("NUM"),
               kDetPos = upos_id("DET"), kCconj = upos_id("CCONJ"), kPunct = upos_id("PUNCT"),
               kAuxPos = upos_id("AUX");

const uint16_t kVBD = xpos_id("VBD"), kVBZ = xpos_id("VBZ"), kVBP = xpos_id("VBP"), kMD = xpos_id("MD"),
               kWDT = xpos_id("WDT"), kWP = xpos_id("WP"), kSconj = upos_id("SCONJ");

// Where a clause begins: a finite verb, a subordinator, a relative pronoun.
bool clause_start(uint16_t upos, uint16_t xpos) {
  return xpos == kVBD || xpos == kVBZ || xpos == kVBP || xpos == kMD || xpos == kWDT || xpos == kWP ||
         upos == kSconj;
}

bool is_verb_xpos(uint16_t xpos) {
  std::string_view x = kXpos[xpos < kXposCount ? xpos : 0];
  return x.size() >= 2 && x[0] == 'V' && x[1] == 'B';
}

uint64_t h(std::string_view s) { return word_hash(s); }

struct Words {
  uint64_t not_ = h("not"), nt = h("n't"), never = h("never"), by = h("by"), comma = h(",");
  std::vector<uint64_t> refusal{h("refuse"), h("decline"), h("fail"), h("reject")};
  std::vector<uint64_t> modal{h("will"), h("would"), h("shall"), h("may"), h("might"), h("'ll"), h("wo")};
  std::vector<uint64_t> intent{h("plan"), h("expect"), h("vow"), h("intend"), h("pledge"), h("promise"),
                               h("threaten"), h("about"), h("aim"), h("prepare")};
  std::vector<uint64_t> speech{h("say"), h("tell"), h("announce"), h("state"), h("add"), h("claim"),
                               h("report"), h("note"), h("declare"), h("insist"), h("stress"), h("write"),
                               h("reply"), h("explain"), h("indicate"), h("allege"), h("confirm")};
};
const Words& words() {
  static const Words w;
  return w;
}
bool among(const std::vector<uint64_t>& v, uint64_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

// ---- actors -----------------------------------------------------------------------

PetrarchActorResolver::PetrarchActorResolver(const PetrarchDictionaries& d) {
  auto add = [&](const PhraseCode& p, bool agent) {
    Entry e;
    e.begin = static_cast<uint32_t>(hashes_.size());
    e.size = static_cast<uint32_t>(p.words.size());
    e.phrase = &p;
    e.agent = agent;
    for (const std::string& w : p.words) hashes_.push_back(word_hash(w));
    by_first_[hashes_[e.begin]].push_back(static_cast<uint32_t>(entries_.size()));
    entries_.push_back(e);
  };
  // Hyphenated words also as the tokenizer may split them: "al-qaeda" = "al" "-" "qaeda".
  for (const PhraseCode& a : d.actors) add(a, false);
  for (const PhraseCode& a : d.agents) add(a, true);
  for (int agent = 0; agent < 2; ++agent)
    for (const PhraseCode& a : agent ? d.agents : d.actors) {
      std::vector<uint64_t> hs;
      bool hyphen = false;
      for (const std::string& w : a.words) {
        size_t from = 0;
        for (size_t i = 1; i + 1 < w.size(); ++i)
          if (w[i] == '-') {
            hs.push_back(word_hash(std::string_view(w).substr(from, i - from)));
            hs.push_back(word_hash("-"));
            from = i + 1, hyphen = true;
          }
        hs.push_back(word_hash(std::string_view(w).substr(from)));
      }
      if (!hyphen) continue;
      Entry e{static_cast<uint32_t>(hashes_.size()), static_cast<uint32_t>(hs.size()), &a, agent == 1};
      hashes_.insert(hashes_.end(), hs.begin(), hs.end());
      by_first_[hs[0]].push_back(static_cast<uint32_t>(entries_.size()));
      entries_.push_back(e);
    }
  for (const auto& words : d.discards) {
    std::vector<uint64_t> hs;
    for (const std::string& w : words) hs.push_back(word_hash(w));
    discard_first_[hs[0]].push_back(static_cast<uint32_t>(discards_.size()));
    discards_.push_back(std::move(hs));
  }
}

int PetrarchActorResolver::longest(const Document& doc, uint32_t w, uint32_t end) const {
  auto it = by_first_.find(word_hash(doc.word_text(w)));
  if (it == by_first_.end()) return -1;
  int best = -1;
  uint32_t best_size = 0;
  for (uint32_t id : it->second) {
    const Entry& e = entries_[id];
    if (e.size <= best_size || w + e.size > end) continue;
    bool ok = true;
    for (uint32_t i = 1; i < e.size && ok; ++i) ok = word_hash(doc.word_text(w + i)) == hashes_[e.begin + i];
    if (ok) best = static_cast<int>(id), best_size = e.size;
  }
  return best;
}

void PetrarchActorResolver::find(const Document& doc, uint32_t s, Date date, std::vector<ActorMatch>& out) const {
  const Sentence& sent = doc.sentences[s];
  uint32_t end = sent.first_word + sent.word_count;
  for (uint32_t w = sent.first_word; w < end;) {
    int id = longest(doc, w, end);
    if (id < 0) {
      ++w;
      continue;
    }
    const Entry& e = entries_[static_cast<size_t>(id)];
    const auto* p = static_cast<const PhraseCode*>(e.phrase);
    const std::string& code = e.agent ? p->code : p->code_on(date);
    if (!code.empty() && code != "---") out.push_back({w, w + e.size - 1, code, e.agent});
    w += e.size;
  }
}

bool PetrarchActorResolver::discard(const Document& doc, uint32_t s) const {
  if (discards_.empty()) return false;
  const Sentence& sent = doc.sentences[s];
  uint32_t end = sent.first_word + sent.word_count;
  for (uint32_t w = sent.first_word; w < end; ++w) {
    auto it = discard_first_.find(word_hash(doc.word_text(w)));
    if (it == discard_first_.end()) continue;
    for (uint32_t id : it->second) {
      const auto& d = discards_[id];
      bool ok = w + d.size() <= end;
      for (size_t i = 1; i < d.size() && ok; ++i) ok = word_hash(doc.word_text(w + static_cast<uint32_t>(i))) == d[i];
      if (ok) return true;
    }
  }
  return false;
}

// ---- coder ------------------------------------------------------------------------

Coder::Coder(std::vector<VerbPattern> patterns, const ActorResolver& resolver)
    : patterns_(std::move(patterns)), resolver_(resolver) {
  auto hv = [](const std::vector<std::string>& v) {
    std::vector<uint64_t> out;
    for (const std::string& s : v) out.push_back(word_hash(s));
    return out;
  };
  auto toks = [&](const std::vector<PatternToken>& in) {
    std::vector<CTok> out;
    for (const PatternToken& t : in) {
      CTok c;
      c.kind = t.kind;
      c.tight = t.tight;
      for (const auto& alt : t.alternatives) c.alts.push_back(hv(alt));
      out.push_back(std::move(c));
    }
    return out;
  };
  compiled_.reserve(patterns_.size());
  for (uint32_t i = 0; i < patterns_.size(); ++i) {
    const VerbPattern& p = patterns_[i];
    CPattern c;
    c.prefix = hv(p.head_prefix);
    c.suffix = hv(p.head_suffix);
    c.before = toks(p.before);
    c.after = toks(p.after);
    c.particle = p.particle.empty() ? 0 : word_hash(p.particle);
    c.prep = p.prep.empty() ? 0 : word_hash(p.prep);
    c.target_prep = p.target_prep.empty() ? 0 : word_hash(p.target_prep);
    c.object = hv(p.object);
    c.prep_object = hv(p.prep_object);
    c.xcomp = hv(p.xcomp);
    c.modifiers = hv(p.modifiers);
    for (const auto* side : {&c.before, &c.after})
      for (const CTok& t : *side)
        if (t.kind == PatternToken::kWords && t.alts.size() == 1) c.required.push_back(t.alts[0][0]);
    compiled_.push_back(std::move(c));
    by_head_[word_hash(p.head)].push_back(i);
  }
}

void Coder::use_petrarch(const PetrarchDictionaries& d) {
  for (const auto& [form, head] : d.verb_forms) forms_.emplace(word_hash(form), word_hash(head));
  negation_ = d.negation;
}

// Per-document working arrays, reused across sentences (no per-token allocation).
struct Coder::Scratch {
  std::vector<uint64_t> hs, hl;   // surface and lemma hashes
  std::vector<int> parent;        // local index of the head, -1 for the root
  std::vector<uint16_t> dep, up, xp;
  std::vector<uint32_t> child_start, children;
  std::vector<ActorMatch> matches;
  std::vector<uint64_t> present;  // sorted surface and lemma hashes of the sentence
  std::vector<int> match_at;      // local word -> index into matches (phrase start), -1
  std::vector<int> cover;         // local word -> index into matches (any word of the phrase), -1
  std::vector<uint8_t> mask, scope_after, scope_before;
  struct Ent {
    std::string code;
    int first = 0, last = 0;
  };
  struct Pending {
    int verb = 0, end = 0;
    const VerbPattern* pattern = nullptr;
    std::string code, reverse;
    std::vector<Ent> src, tgt;
    bool negated = false, future = false, symmetric = false, compound = false;
    int score = 0;
    bool dropped = false;
    Ent reported;
    bool has_reported = false;
  };
  std::vector<Pending> pending;
};

void Coder::code(Document& doc) const {
  Scratch sc;
  doc.events.clear();
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    if (resolver_.discard(doc, s)) continue;
    code_sentence(doc, s, sc);
  }
}

void Coder::code_sentence(Document& doc, uint32_t s, Scratch& sc) const {
  const Sentence& S = doc.sentences[s];
  const int n = static_cast<int>(S.word_count);
  const uint32_t fw = S.first_word;
  if (n == 0) return;
  const Words& W = words();
  sc.hs.resize(n), sc.hl.resize(n), sc.parent.resize(n), sc.dep.resize(n), sc.up.resize(n), sc.xp.resize(n);
  sc.child_start.assign(n + 1, 0);
  for (int i = 0; i < n; ++i) {
    const Word& w = doc.words[fw + i];
    sc.hs[i] = word_hash(doc.word_text(fw + i));
    sc.hl[i] = w.lemma.empty() ? sc.hs[i] : word_hash(doc.pooled(w.lemma));
    sc.parent[i] = (w.head == 0 || static_cast<int>(w.head) > n) ? -1 : static_cast<int>(w.head) - 1;
    sc.dep[i] = w.deprel, sc.up[i] = w.upos, sc.xp[i] = w.xpos;
    if (sc.parent[i] >= 0) ++sc.child_start[sc.parent[i] + 1];
  }
  for (int i = 0; i < n; ++i) sc.child_start[i + 1] += sc.child_start[i];
  sc.children.resize(n);
  {
    std::vector<uint32_t>& fill = sc.children;
    // Stable placement: a second pass with running offsets.
    std::vector<uint32_t> pos(sc.child_start.begin(), sc.child_start.end() - 1);
    for (int i = 0; i < n; ++i)
      if (sc.parent[i] >= 0) fill[pos[sc.parent[i]]++] = static_cast<uint32_t>(i);
  }
  sc.present.assign(sc.hs.begin(), sc.hs.end());
  sc.present.insert(sc.present.end(), sc.hl.begin(), sc.hl.end());
  std::sort(sc.present.begin(), sc.present.end());
  sc.matches.clear();
  resolver_.find(doc, s, doc.date, sc.matches);
  sc.match_at.assign(n, -1);
  sc.cover.assign(n, -1);
  for (size_t m = 0; m < sc.matches.size(); ++m) {
    ActorMatch& am = sc.matches[m];
    if (am.first < fw || am.last >= fw + S.word_count) continue;
    sc.match_at[am.first - fw] = static_cast<int>(m);
    for (uint32_t j = am.first; j <= am.last; ++j) sc.cover[j - fw] = static_cast<int>(m);
  }
  auto kids = [&](int v) {
    return std::pair(sc.children.data() + sc.child_start[v], sc.children.data() + sc.child_start[v + 1]);
  };
  auto child_with = [&](int v, uint16_t d) -> int {
    auto [b, e] = kids(v);
    for (auto* c = b; c != e; ++c)
      if (sc.dep[*c] == d) return static_cast<int>(*c);
    return -1;
  };
  auto clausal = [&](int k) {
    uint16_t d = sc.dep[k];
    return d == kAdvcl || d == kParataxis || d == kRelcl || d == kAdvclRelcl || d == kCsubj || d == kList ||
           (d == kConj && (sc.up[k] == kVerb || sc.up[k] == kAuxPos) && sc.parent[k] >= 0 &&
            (sc.up[sc.parent[k]] == kVerb || sc.up[sc.parent[k]] == kAuxPos || sc.up[sc.parent[k]] == kAdj));
  };
  // Is j in v's own clause? Subjects count only when asked; ccomp only when asked.
  auto in_clause = [&](int j, int v, bool subject, bool ccomp) {
    for (int k = j, steps = 0; k >= 0 && steps <= n; k = sc.parent[k], ++steps) {
      if (k == v) return true;
      if (clausal(k) || (!ccomp && sc.dep[k] == kCcomp)) return false;
      if (!subject && (sc.dep[k] == kNsubj || sc.dep[k] == kNsubjPass) && sc.parent[k] == v) return false;
    }
    return false;
  };
  // A noun phrase's words: the subtree of h without clauses inside it.
  auto np_mask = [&](int hd) {
    sc.mask.assign(n, 0);
    for (int j = 0; j < n; ++j) {
      for (int k = j, steps = 0; k >= 0 && steps <= n; k = sc.parent[k], ++steps) {
        if (k == hd) {
          sc.mask[j] = 1;
          break;
        }
        uint16_t d = sc.dep[k];
        if (clausal(k) || d == kAcl || d == kCcomp || d == kXcomp) break;
      }
    }
  };
  // Groups the actor matches of the masked phrase into actors: conjuncts give
  // one each; agents combine with the actor of their conjunct, or, when they
  // lead the phrase ("officials in X and Y"), with every actor.
  auto combine = [](std::string_view actor, std::string_view agent) {
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
  };
  auto group = [&](std::vector<Scratch::Ent>& out) {
    out.clear();
    int first_actor = -1;
    for (int j = 0; j < n && first_actor < 0; ++j)
      if (sc.mask[j] && sc.match_at[j] >= 0 && !sc.matches[sc.match_at[j]].agent) first_actor = j;
    if (first_actor < 0) return;
    std::vector<int> leading;
    for (int j = 0; j < first_actor; ++j)
      if (sc.mask[j] && sc.match_at[j] >= 0) leading.push_back(sc.match_at[j]);
    int seg_actor = -1, seg_agent = -1;
    std::string last_actor;
    int last_first = 0;
    auto close = [&]() {
      if (seg_actor >= 0) {
        const ActorMatch& a = sc.matches[seg_actor];
        int f = static_cast<int>(a.first - fw), l = static_cast<int>(a.last - fw);
        if (seg_agent >= 0) {
          const ActorMatch& g = sc.matches[seg_agent];
          out.push_back({combine(a.code, g.code), std::min(f, static_cast<int>(g.first - fw)),
                         std::max(l, static_cast<int>(g.last - fw))});
        } else if (!leading.empty()) {
          for (int g : leading) out.push_back({combine(a.code, sc.matches[g].code), f, l});
        } else {
          out.push_back({std::string(a.code), f, l});
        }
        last_actor = std::string(a.code), last_first = f;
      } else if (seg_agent >= 0 && !last_actor.empty()) {
        const ActorMatch& g = sc.matches[seg_agent];
        out.push_back({combine(last_actor, g.code), last_first, static_cast<int>(g.last - fw)});
      }
      seg_actor = seg_agent = -1;
    };
    for (int j = first_actor; j < n; ++j) {
      if (!sc.mask[j]) continue;
      bool boundary = (sc.up[j] == kCconj || sc.hs[j] == W.comma) &&
                      !(sc.parent[j] >= 0 && (sc.up[sc.parent[j]] == kAdj || sc.up[sc.parent[j]] == kAdv));
      if (boundary) {
        close();
        continue;
      }
      int m = sc.match_at[j];
      if (m < 0) continue;
      if (sc.matches[m].agent) {
        if (seg_agent < 0) seg_agent = m;
      } else if (seg_actor < 0) {
        seg_actor = m;
      }
    }
    close();
    // Same actor twice (conjoined modifiers): once.
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    out.erase(std::unique(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.code == b.code; }),
              out.end());
  };
  // The nominal head of the phrase an actor match belongs to, its conjuncts included.
  auto np_head = [&](int m) {
    int k = static_cast<int>(sc.matches[m].last - fw);
    for (int steps = 0; steps < n && sc.parent[k] >= 0; ++steps) {
      uint16_t d = sc.dep[k];
      int p = sc.parent[k];
      bool nominal_parent = sc.up[p] == kNoun || sc.up[p] == kPropn || sc.up[p] == kPron || sc.up[p] == kNum;
      if ((d == kCompound || d == kFlat || d == kFlatName || d == kAmod || d == kPoss || d == kFixed ||
           d == kNummod || d == kDet) && nominal_parent)
        k = p;
      else if (d == kConj && nominal_parent)
        k = p;
      else
        break;
    }
    return k;
  };
  auto group_of_match = [&](int m, std::vector<Scratch::Ent>& out) {
    int hd = np_head(m);
    if (sc.up[hd] == kNoun || sc.up[hd] == kPropn || sc.up[hd] == kPron || sc.up[hd] == kNum)
      np_mask(hd);
    else
      sc.mask.assign(n, 0);  // an implausible tree: the phrase alone

    for (int j = static_cast<int>(sc.matches[m].first - fw); j <= static_cast<int>(sc.matches[m].last - fw); ++j)
      sc.mask[j] = 1;
    group(out);
  };
  auto subject_of = [&](int v, bool& passive) -> int {
    passive = false;
    int k = v;
    for (int steps = 0; steps < n && k >= 0; ++steps) {
      auto [b, e] = kids(k);
      for (auto* c = b; c != e; ++c)
        if (sc.dep[*c] == kNsubj || sc.dep[*c] == kNsubjPass) {
          // Passive only in v's own clause: "X was seen to break Y" has X breaking.
          passive = k == v && (sc.dep[*c] == kNsubjPass || child_with(v, kAuxPass) >= 0);
          return static_cast<int>(*c);
        }
      if (sc.parent[k] < 0) return -1;
      if (sc.dep[k] == kAcl && k == v) return sc.parent[k];  // "a woman believed linked to X"
      if (sc.dep[k] == kXcomp) {
        int obj = child_with(sc.parent[k], kObj);
        if (obj >= 0) return obj;  // "urged X to respond": X
        k = sc.parent[k];
      } else if (sc.dep[k] == kConj) {
        k = sc.parent[k];
      } else {
        return -1;
      }
    }
    return -1;
  };
  auto first_match_in = [&](const std::vector<uint8_t>& scope, int from, bool agents) -> int {
    for (int j = from; j < n; ++j)
      if (scope[j] && sc.match_at[j] >= 0 && (agents || !sc.matches[sc.match_at[j]].agent)) return sc.match_at[j];
    return -1;
  };
  auto word_is = [&](int j, uint64_t x) { return sc.hs[j] == x || sc.hl[j] == x; };
  auto modifier_like = [&](int j) {
    uint16_t u = sc.up[j];
    return u == kAdj || u == kNoun || u == kPropn || u == kNum || u == kAdv || u == kDetPos || is_verb_xpos(sc.xp[j]);
  };
  // Matches pattern tokens in order over [from, to) inside `scope`.
  auto match_toks = [&](const std::vector<CTok>& toks, int from, int to, const std::vector<uint8_t>& scope,
                        int& score, int& src, int& tgt, int& last) -> bool {
    int p = from;
    for (const CTok& t : toks) {
      if (t.kind == PatternToken::kWords) {
        bool found = false;
        for (int j = p; j < to && !found; ++j) {
          if (!scope[j]) continue;
          if (t.tight && j > p && !modifier_like(j - 1)) return false;
          for (const auto& alt : t.alts) {
            int L = static_cast<int>(alt.size());
            if (L == 0 || j + L > to) continue;
            bool ok = true;
            for (int k = 0; k < L && ok; ++k) ok = scope[j + k] && word_is(j + k, alt[k]);
            if (ok) {
              found = true;
              p = j + L;
              score += L;
              last = std::max(last, j + L - 1);
              break;
            }
          }
        }
        if (!found) return false;
      } else {
        int m = -1;
        for (int j = p; j < to; ++j)
          if (scope[j] && sc.match_at[j] >= 0 && (t.kind == PatternToken::kSkip || !sc.matches[sc.match_at[j]].agent)) {
            m = sc.match_at[j];
            break;
          }
        if (m < 0) return false;
        if (t.kind == PatternToken::kSource) src = m;
        if (t.kind == PatternToken::kTarget) tgt = m;
        p = static_cast<int>(sc.matches[m].last - fw) + 1;
        ++score;
      }
    }
    return true;
  };

  sc.pending.clear();
  std::vector<Scratch::Ent> subj_ents;
  for (int v = 0; v < n; ++v) {
    uint64_t keys[3] = {sc.hs[v], 0, sc.hl[v]};
    if (auto f = forms_.find(sc.hs[v]); f != forms_.end()) keys[1] = f->second;
    bool verbal = sc.up[v] == kVerb || is_verb_xpos(sc.xp[v]);
    bool nominal = sc.up[v] == kNoun;
    if (!verbal && !nominal) continue;
    const std::vector<uint32_t>* cands[3] = {nullptr, nullptr, nullptr};
    bool any = false;
    for (int k = 0; k < 3; ++k) {
      if (keys[k] == 0 || (k > 0 && (keys[k] == keys[0] || (k == 2 && keys[2] == keys[1])))) continue;
      if (auto it = by_head_.find(keys[k]); it != by_head_.end()) cands[k] = &it->second, any = true;
    }
    if (!any) continue;
    // The clause around v.
    sc.scope_after.assign(n, 0);
    sc.scope_before.assign(n, 0);
    for (int j = 0; j < n; ++j) {
      if (j > v) sc.scope_after[j] = in_clause(j, v, false, false);
      if (j < v) sc.scope_before[j] = sc.up[j] != kAdv && in_clause(j, v, true, false);
    }
    bool passive = false;
    // A verb attached as a function word: the tree around it is broken, word order decides.
    uint16_t vd = sc.dep[v];
    bool broken = vd == kMark || vd == kCase || vd == kCc || vd == kDet || vd == kPunctRel;
    int subj = broken ? -1 : subject_of(v, passive);
    subj_ents.clear();
    if (subj >= 0) {
      np_mask(subj);
      group(subj_ents);
      if (subj_ents.empty() && sc.up[subj] == kPron) {  // "X indicated it would...": X
        for (int a = sc.parent[v], steps = 0; a >= 0 && steps < n && subj_ents.empty(); a = sc.parent[a], ++steps) {
          bool pv = false;
          int s2 = subject_of(a, pv);
          if (s2 >= 0 && s2 != subj && sc.up[s2] != kPron) np_mask(s2), group(subj_ents);
        }
        for (int j = subj - 1; j >= 0 && subj_ents.empty(); --j) {  // else the last subject actor before it
          int m = sc.cover[j];
          if (m < 0 || sc.matches[m].agent) continue;
          int hd = np_head(m);
          if (sc.dep[hd] == kNsubj || sc.dep[hd] == kNsubjPass) group_of_match(m, subj_ents);
        }
      }
    }
    if (subj_ents.empty() && (subj < 0 || (sc.up[subj] != kPron && sc.up[subj] != kNoun))) {
      // No actor in the tree's subject: the nearest actor before the verb in its clause.
      for (int j = v - 1; j >= 0 && subj_ents.empty(); --j) {
        if (sc.cover[j] >= 0) {
          if (!sc.matches[sc.cover[j]].agent) group_of_match(sc.cover[j], subj_ents);
          continue;
        }
        if (clause_start(sc.up[j], sc.xp[j]) || sc.up[j] == kNoun) break;  // a noun: the real subject
      }
    }
    // Best pattern: the most matched elements; surface form before lemma on ties.
    int best = -1, best_score = -1, best_src = -1, best_tgt = -1, best_last = v;
    for (int k = 0; k < 3; ++k) {
      if (!cands[k]) continue;
      for (uint32_t pi : *cands[k]) {
        const VerbPattern& p = patterns_[pi];
        const CPattern& c = compiled_[pi];
        if (p.noun ? !nominal : !verbal) continue;
        bool present = true;
        for (uint64_t r : c.required)
          if (!std::binary_search(sc.present.begin(), sc.present.end(), r)) present = false;
        if (!present) continue;
        int score = 1, src = -1, tgt = -1, last = v;
        int pl = static_cast<int>(c.prefix.size()), sl = static_cast<int>(c.suffix.size());
        if (v - pl < 0) continue;
        bool ok = true;
        for (int i = 0; i < pl && ok; ++i) ok = word_is(v - pl + i, c.prefix[i]);
        for (int i = 0; i < sl && ok; ++i) ok = v + 1 + i < n && word_is(v + 1 + i, c.suffix[i]);
        if (!ok) continue;
        score += pl + sl;
        last = v + sl;
        if (p.compound_source) {
          if (subj_ents.size() < 2) continue;
          ++score;
        }
        if (c.particle) {
          int prt = child_with(v, kPrt);
          if (prt < 0 || sc.hl[prt] != c.particle) continue;
          ++score;
        }
        if (!c.object.empty()) {
          int o = child_with(v, kObj);
          if (o < 0 || !among(c.object, sc.hl[o])) continue;
          ++score;
        }
        if (c.prep) {
          bool found = false;
          auto [b, e] = kids(v);
          for (auto* x = b; x != e && !found; ++x) {
            if (sc.dep[*x] != kObl && sc.dep[*x] != kNmod) continue;
            int cs = child_with(static_cast<int>(*x), kCase);
            found = cs >= 0 && sc.hl[cs] == c.prep && (c.prep_object.empty() || among(c.prep_object, sc.hl[*x]));
          }
          if (!found) continue;
          score += 2;
        }
        if (!c.xcomp.empty()) {
          int x = child_with(v, kXcomp);
          if (x < 0 || !among(c.xcomp, sc.hl[x])) continue;
          ++score;
        }
        if (!c.modifiers.empty()) {
          bool found = false;
          int o = child_with(v, kObj);
          for (int hd : {v, o}) {
            if (hd < 0) continue;
            auto [b, e] = kids(hd);
            for (auto* x = b; x != e && !found; ++x)
              found = (sc.dep[*x] == kAmod || sc.dep[*x] == kCompound || sc.dep[*x] == kNmod) &&
                      among(c.modifiers, sc.hl[*x]);
          }
          if (!found) continue;
          ++score;
        }
        if (!c.after.empty() && !match_toks(c.after, v + sl + 1, n, sc.scope_after, score, src, tgt, last)) continue;
        int dummy = 0;
        if (!c.before.empty() && !match_toks(c.before, 0, v - pl, sc.scope_before, score, src, tgt, dummy)) continue;
        if (score > best_score) best = static_cast<int>(pi), best_score = score, best_src = src, best_tgt = tgt,
                                best_last = last;
      }
    }
    if (best < 0) continue;
    const VerbPattern& p = patterns_[best];
    if (p.code.empty() || p.code == "---") continue;
    Scratch::Pending e;
    e.verb = v, e.end = best_last, e.pattern = &p, e.score = best_score;
    e.code = p.code, e.reverse = p.reverse_code, e.symmetric = p.symmetric, e.compound = p.compound_source;
    // Source and target.
    bool target_is_subject = false;
    for (const PatternToken& t : p.before)
      if (t.kind == PatternToken::kTarget) target_is_subject = true;
    if (best_src >= 0) {
      group_of_match(best_src, e.src);
    } else if (passive) {
      auto [b, en] = kids(v);
      for (auto* c = b; c != en && e.src.empty(); ++c) {
        int cs = child_with(static_cast<int>(*c), kCase);
        if (sc.dep[*c] == kOblAgent || (sc.dep[*c] == kObl && cs >= 0 && sc.hl[cs] == W.by))
          np_mask(static_cast<int>(*c)), group(e.src);
      }
    } else if (!target_is_subject) {
      e.src = subj_ents;
    }
    if (best_tgt >= 0) {
      group_of_match(best_tgt, e.tgt);
    } else if (target_is_subject || passive) {
      e.tgt = subj_ents;
    } else if (!e.compound && p.target != TargetFrom::kNone) {
      int from = -1;
      if (p.target == TargetFrom::kObject) from = child_with(v, kObj);
      if (p.target == TargetFrom::kIndirectObject) from = child_with(v, kIobj);
      if (p.target == TargetFrom::kPreposition) {
        auto [b, en] = kids(v);
        for (auto* c = b; c != en && from < 0; ++c) {
          int cs = child_with(static_cast<int>(*c), kCase);
          if (cs >= 0 && sc.hl[cs] == compiled_[best].target_prep) from = static_cast<int>(*c);
        }
      }
      if (from >= 0) {
        np_mask(from);
        group(e.tgt);
      } else if (p.target == TargetFrom::kDefault) {
        int m = first_match_in(sc.scope_after, v + 1, false);
        if (m < 0) {  // "X said that Y ...": the first actor of the complement clause
          for (int j = v + 1; j < n && m < 0; ++j)
            if (sc.match_at[j] >= 0 && !sc.matches[sc.match_at[j]].agent && in_clause(j, v, false, true))
              m = sc.match_at[j];
        }
        for (int j = v + 1; j < n && m < 0; ++j) {  // an implausible tree: word order, up to the next clause
          if (sc.scope_after[j]) continue;
          if (sc.match_at[j] >= 0 && !sc.matches[sc.match_at[j]].agent) m = sc.match_at[j];
          else if (clause_start(sc.up[j], sc.xp[j])) break;
        }
        if (m >= 0) group_of_match(m, e.tgt);
      }
    }
    if (p.noun && e.src.empty()) {
      // A nominal event: the source among the noun's own modifiers before it ("the Freedonian
      // strike"), or by-phrase; "talks between X and Y" (symmetric) holds among its actors.
      np_mask(v);
      for (int j = v; j < n; ++j) sc.mask[j] = 0;
      group(e.src);
      if (e.src.empty() && e.symmetric && e.tgt.size() >= 2) e.compound = true, e.src = e.tgt;
    }
    if (e.src.empty()) continue;
    if (e.tgt.empty() && !e.compound && p.target != TargetFrom::kNone) continue;
    // Negation and refusal.
    auto [b, en] = kids(v);
    for (auto* c = b; c != en; ++c)
      if ((sc.dep[*c] == kAdvmod || sc.up[*c] == upos_id("PART")) &&
          (word_is(*c, W.not_) || word_is(*c, W.nt) || word_is(*c, W.never)))
        e.negated = true;
    if (sc.dep[v] == kXcomp && sc.parent[v] >= 0 && among(W.refusal, sc.hl[sc.parent[v]])) e.negated = true;
    if (e.negated) {
      auto neg = negation_.find(e.code);
      if (neg == negation_.end()) continue;  // never the positive code
      e.code = neg->second;
      if (!e.reverse.empty()) {
        auto r = negation_.find(e.reverse);
        e.reverse = r == negation_.end() ? "" : r->second;
      }
    }
    // Modality.
    for (auto* c = b; c != en; ++c)
      if ((sc.dep[*c] == kAux) && among(W.modal, sc.hl[*c])) e.future = true;
    for (int k = v, steps = 0; sc.dep[k] == kXcomp && sc.parent[k] >= 0 && steps < n; k = sc.parent[k], ++steps)
      if (among(W.intent, sc.hl[sc.parent[k]])) e.future = true;
    sc.pending.push_back(std::move(e));
  }

  // Governor wins over its open complement ("urged X to respond"); a statement
  // with an event coded inside it is only the report of that event.
  for (auto& e : sc.pending) {
    if (sc.dep[e.verb] == kXcomp)
      for (const auto& g : sc.pending)
        if (g.verb == sc.parent[e.verb]) e.dropped = true;
  }
  for (auto& e : sc.pending) {
    if (e.dropped) continue;
    for (int a = sc.parent[e.verb], steps = 0; a >= 0 && steps < n; a = sc.parent[a], ++steps) {
      if (!among(W.speech, sc.hl[a])) continue;
      bool pv = false;
      int sj = subject_of(a, pv);
      if (sj >= 0) {
        np_mask(sj);
        std::vector<Scratch::Ent> who;
        group(who);
        e.reported = who.empty() ? Scratch::Ent{"", sj, sj} : who.front();
        e.has_reported = true;
      }
      for (auto& g : sc.pending)
        if (g.verb == a && !g.dropped && g.code.size() >= 2 && g.code.compare(0, 2, "01") == 0) g.dropped = true;
      break;
    }
  }

  // Events.
  auto span_of = [&](int first, int last) {
    return Span{doc.words[fw + first].span.begin, doc.words[fw + last].span.end};
  };
  size_t sentence_begin = doc.events.size();
  auto emit = [&](const Scratch::Pending& e, const Scratch::Ent& a, const Scratch::Ent* t, const std::string& code) {
    if (t && a.code == t->code) return;
    for (size_t i = sentence_begin; i < doc.events.size(); ++i) {
      const Event& x = doc.events[i];
      if (x.code == code && x.source.code == a.code && x.target.code == (t ? t->code : "")) return;
    }
    Event ev;
    ev.sentence = s;
    ev.span = span_of(e.verb - static_cast<int>(compiled_[e.pattern - patterns_.data()].prefix.size()), e.end);
    ev.source = {a.code, span_of(a.first, a.last), -1};
    if (t) ev.target = {t->code, span_of(t->first, t->last), -1};
    ev.code = code;
    ev.date = doc.date;
    ev.negated = e.negated;
    ev.future = e.future;
    if (e.has_reported) ev.reported_by = {e.reported.code, span_of(e.reported.first, e.reported.last), -1};
    ev.confidence = std::min(0.95f, 0.45f + 0.1f * static_cast<float>(e.score));
    doc.events.push_back(std::move(ev));
  };
  for (const auto& e : sc.pending) {
    if (e.dropped) continue;
    if (e.compound) {
      for (const auto& a : e.src)
        for (const auto& t : e.src)
          if (&a != &t) emit(e, a, &t, e.code);
      continue;
    }
    if (e.tgt.empty()) {
      for (const auto& a : e.src) emit(e, a, nullptr, e.code);
      continue;
    }
    for (const auto& a : e.src)
      for (const auto& t : e.tgt) {
        emit(e, a, &t, e.code);
        if (!e.reverse.empty() && e.reverse != "---") emit(e, t, &a, e.reverse);
        if (e.symmetric) emit(e, t, &a, e.code);
      }
  }
}

}  // namespace sitrep::events
