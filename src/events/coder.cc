#include "events/coder.h"

#include <algorithm>

#include "events/event_context.h"
#include "events/ontology.h"
#include "events/petrarch_dictionaries.h"
#include "events/sentence_tree.h"

namespace sitrep::events {

using namespace ud;

namespace {

uint64_t h(std::string_view s) { return word_hash(s); }

struct Words {
  uint64_t not_ = h("not"), nt = h("n't"), never = h("never"), by = h("by"), neither = h("neither"), nor = h("nor"), or_ = h("or");
  std::vector<uint64_t> refusal{h("refuse"), h("decline"), h("fail"), h("reject")};
  // Verbs whose object is asked for, not done: "calls for the troops' immediate
  // withdrawal", "urged a return to talks", "seeks the release of".
  std::vector<uint64_t> asking{h("call"), h("urge"), h("demand"), h("seek"), h("want"), h("propose"), h("push"),
                               h("press"), h("appeal"), h("ask"), h("request")};
  std::vector<uint64_t> modal{h("will"), h("would"), h("shall"), h("may"), h("might"), h("'ll"), h("wo")};
  std::vector<uint64_t> intent{h("plan"), h("expect"), h("vow"), h("intend"), h("pledge"), h("promise"),
                               h("threaten"), h("about"), h("aim"), h("prepare")};
  std::vector<uint64_t> victim{h("die"), h("kill"), h("injure"), h("wound"), h("hurt"), h("perish"), h("death"),
                               h("casualty"), h("victim")};
  // Verbs whose subject does what their object names ("launched an attack", "held talks").
  std::vector<uint64_t> support{h("carry"), h("launch"), h("conduct"), h("stage"), h("mount"), h("make"),
                                h("hold"), h("have"), h("order"), h("execute"), h("perform"), h("unleash"),
                                h("begin"), h("start"), h("continue"), h("step"), h("intensify"), h("resume"),
                                h("pay"), h("give"), h("issue"), h("impose"), h("announce"), h("undertake"),
                                h("reiterate"), h("renew"), h("repeat"), h("voice"), h("express"), h("extend"),
                                h("lodge"), h("file"), h("deliver"), h("reach"), h("conclude"), h("wage"),
                                h("sign"), h("initiate"), h("perpetrate"), h("commit")};
  // Doers the text does not identify ("a suicide attacker", "the killers"): unknown source.
  std::vector<uint64_t> unknown_agent{h("attacker"), h("bomber"), h("sniper"), h("kidnapper"), h("abductor"),
                                      h("killer"), h("perpetrator"), h("culprit"), h("assassin"), h("arsonist")};
  // Nouns of quantity before "of": "dozens of protesters", "some of the demonstrators"; of
  // measure, "200 kg of heroin", "a cache of weapons"; of sets and series, "another round of
  // sanctions", "a wave of arrests", "a barrage of rockets".
  std::vector<uint64_t> quantity{h("dozen"), h("dozens"), h("hundred"), h("hundreds"), h("thousand"),
                                 h("thousands"), h("score"), h("scores"), h("number"), h("group"), h("part"),
                                 h("tonne"), h("ton"), h("kilogram"), h("kg"), h("kilo"), h("gram"), h("pound"),
                                 h("litre"), h("liter"), h("quantity"), h("amount"), h("haul"), h("cache"),
                                 h("consignment"), h("shipment"), h("stockpile"), h("batch"), h("round"), h("series"),
                                 h("wave"), h("package"), h("set"), h("raft"), h("spate"), h("string"), h("barrage"),
                                 h("volley"), h("flurry"), h("slew")};
  uint64_t of = h("of"), between = h("between"), to = h("to"), in = h("in"), from = h("from"), with = h("with");
  // Verbs by which a deed brings on a reaction: "fired a missile, drawing condemnation from Japan".
  std::vector<uint64_t> drawing{h("draw"), h("spark"), h("prompt"), h("trigger"), h("provoke"), h("earn"),
                                h("attract")};
  std::vector<uint64_t> backing{h("back"), h("support"), h("sponsor"), h("fund"), h("arm"), h("train"), h("lead"),
                                h("accompany"), h("equip")};
  // Counts over time: "the number of U.S. soldiers killed" tells no event of its own.
  std::vector<uint64_t> tally{h("number"), h("total"), h("tally"), h("toll"), h("count")};
  // Subjects that are fighting: the killing they do is fighting (190), whoever fought.
  std::vector<uint64_t> battle{h("fighting"), h("clash"), h("battle"), h("combat"), h("firefight"), h("gunbattle"),
                               h("skirmish")};
  std::vector<uint64_t> bomb{h("bomb"), h("blast"), h("explosion"), h("explosive"), h("bombing"), h("device")};
  // Doers that attack from the air: their attack is an air strike (195).
  // Places named by what they are, not by name: "shelled the town", "raided a village".
  std::vector<uint64_t> settlement{h("town"), h("village"), h("city"), h("district"), h("neighbourhood"),
                                   h("neighborhood"), h("suburb"), h("outskirts"), h("camp"), h("hamlet")};
  std::vector<uint64_t> aircraft{h("jet"), h("warplane"), h("aircraft"), h("plane"), h("helicopter"), h("gunship"),
                                 h("drone"), h("bomber"), h("airplane")};
  std::vector<uint64_t> disaster{h("crash"), h("accident"), h("lightning"), h("flood"), h("earthquake"), h("quake"),
                                 h("storm"), h("collapse"), h("landslide"), h("avalanche"), h("cyclone"), h("hurricane"),
                                 h("typhoon"), h("tsunami"), h("epidemic"), h("outbreak"), h("drown"), h("stampede"),
                                 h("collision"), h("derail"), h("flu"), h("virus"), h("heatwave"), h("mudslide"),
                                 // road, rail and sea accidents told as verbs: "killed when two buses collided"
                                 h("collide"), h("overturn"), h("plunge"), h("capsize")};
  // Crashes and collapses kill without attacking: "crashed in Abuja, killing 98 people".
  std::vector<uint64_t> disaster_verb{h("crash"), h("collapse"), h("derail"), h("capsize"), h("sink")};
  // Trials and indictments are the courts' even when no one is named.
  std::vector<uint64_t> court_noun{h("trial"), h("indictment"), h("prosecution")};
  std::vector<uint64_t> reflexive{h("himself"), h("herself"), h("themselves"), h("itself")};
  uint64_t invitation = h("invitation"), exchange = h("exchange");
  std::vector<uint64_t> fire{h("fire"), h("gunfire"), h("shot"), h("shots")};
  std::vector<uint64_t> shootout{h("shootout"), h("gunfight"), h("firefight"), h("gunbattle"), h("shoot-out")};
  // Coercion by courts and prosecutors (JUD), not by the police.
  std::vector<uint64_t> judicial{h("charge"), h("indict"), h("prosecute"), h("try"), h("sentence"), h("convict")};
  uint64_t call = h("call"), claim = h("claim"), behind = h("behind");
  uint64_t talk = h("talk");  // the singular: speech, not negotiations ("all the tough talk")
  // What an appeal asks others to do when it is CAMEO's 026, to meet or negotiate (besides
  // "talks", the plural of `talk`).
  std::vector<uint64_t> negotiation{h("negotiate"), h("negotiation"), h("dialogue"), h("mediation")};
  std::vector<uint64_t> circumstance{h("in"), h("during"), h("at"), h("after"), h("before"), h("following")};
  // Verbs of planning an act (not doing it), and of stopping a text from passing.
  std::vector<uint64_t> planning{h("plan"), h("plot"), h("prepare"), h("intend"), h("try"), h("attempt"),
                                 h("seek"), h("conspire"), h("threaten")};
  std::vector<uint64_t> blocking{h("block"), h("veto"), h("reject"), h("oppose"), h("shelve"), h("scuttle")};
  // Verbs of sending forces somewhere (what they are sent to do is a mission, not yet done).
  std::vector<uint64_t> sending{h("send"), h("deploy"), h("dispatch"), h("rush"), h("mobilize"), h("mobilise"),
                                h("redeploy")};
  // Verbs that stop a plan before it is carried out: "foiled a plot to bomb the embassy".
  std::vector<uint64_t> foiling{h("foil"), h("thwart"), h("uncover"), h("disrupt"), h("prevent"), h("avert"),
                                h("frustrate"), h("bust"), h("smash"), h("stop"), h("block"), h("crack")};
  // Verbs that keep someone from an act: "banned women from attending universities".
  std::vector<uint64_t> prevention{h("ban"), h("bar"), h("prevent"), h("stop"), h("block"), h("prohibit"),
                                   h("forbid"), h("keep"), h("refrain"), h("restrain"), h("deter"),
                                   h("discourage"), h("exclude"), h("dissuade"), h("abstain"), h("desist")};
  // What an "attack" of the body is: "died of a heart attack", "suffered a panic attack".
  std::vector<uint64_t> illness{h("heart"), h("panic"), h("asthma"), h("anxiety"), h("epileptic"), h("seizure")};
  // Who brings about what others do: "a deal brokered by China" is between the parties.
  std::vector<uint64_t> intermediary{h("broker"), h("mediate"), h("host"), h("facilitate"), h("arrange"),
                                     h("sponsor"), h("witness"), h("oversee"), h("monitor")};
  // Written words sent to someone: "praised the ties in a message to Hu Jintao".
  std::vector<uint64_t> missive{h("message"), h("letter"), h("telegram"), h("cable"), h("note"), h("greeting")};
  // The press as an audience: "met with reporters", "told journalists after meeting Abbas".
  std::vector<uint64_t> press{h("reporter"), h("journalist"), h("press"), h("media"), h("correspondent"),
                              h("newsman"), h("newsmen"), h("reporters"), h("journalists")};
  // Verbs that call a planned meeting off: "the meeting ... was cancelled".
  std::vector<uint64_t> calling_off{h("cancel"), h("postpone"), h("suspend"), h("scrap"), h("delay"),
                                    h("adjourn"), h("abandon"), h("shelve"), h("defer"), h("call")};
  // Verbs that recommend what others are to do: "police recommended that he be charged".
  std::vector<uint64_t> recommending{h("recommend"), h("propose")};
  // Nouns of many people as one: "fired on a crowd".
  std::vector<uint64_t> collective{h("crowd"), h("mob"), h("throng"), h("gathering"), h("procession"), h("group")};
};
const Words& words() {
  static const Words w;
  return w;
}
bool among(const std::vector<uint64_t>& v, uint64_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }
// Acknowledging or denying responsibility (015, 016): about a deed, whoever it was done to.
bool responsibility(std::string_view code) { return code == "015" || code == "016"; }
const uint16_t kNNS = xpos_id("NNS"), kNNPS = xpos_id("NNPS");
const uint16_t kOpenQuote = xpos_id("``"), kCloseQuote = xpos_id("''");
// Whether word w is in a mention of a nationality or people ("Iraqis", "Palestinians").
bool nationality_at(const Document& doc, uint32_t w) {
  for (const Mention& m : doc.mentions)
    if (m.type == EntityType::kNorp && m.first_word <= w && w < m.first_word + m.word_count) return true;
  return false;
}
// One side of an event named twice, once with its role and once without: "UKR" and "UKRGOV".
bool same_side(std::string_view x, std::string_view y) {
  return x == y || (x.size() == 3 && y.size() > 3 && y.starts_with(x)) ||
         (y.size() == 3 && x.size() > 3 && x.starts_with(y));
}
// The same event told twice, once with its sides' roles ("UKR 040 CHN" and "UKRGOV 040
// CHNGOV"): each side the same, and not the event the other way ("ZMBCRM 193 ZMB" and
// "ZMB 193 ZMBCRM" are two: merged, source and target would be one).
bool told_twice(std::string_view src1, std::string_view tgt1, std::string_view src2, std::string_view tgt2) {
  if (!same_side(src1, src2) || !same_side(tgt1, tgt2)) return false;
  return (src1.size() >= src2.size() ? src1 : src2) != (tgt1.size() >= tgt2.size() ? tgt1 : tgt2);
}

// An armed agent's code: forces, police, rebels ("USAMIL", "REB", "AFGCOP").
bool armed_agent(std::string_view code) { return has_code_part(code, {"MIL", "COP", "REB", "INS", "SEP", "UAF"}); }


// A phrase introduced by a preposition of place ("in Kabul", "near Jenin"), the place a
// direction is from ("(in) northwest of Baghdad", "on the outskirts of Kabul"), or the name
// in such a phrase's "of" ("in the Sea of Japan", "in the town of Sake").
bool locative(const SentenceTree& t, int head) {
  static const std::vector<uint64_t> where{h("in"), h("near"), h("at"), h("inside"), h("outside"), h("around"),
                                           h("across"), h("throughout"), h("within")};
  static const std::vector<uint64_t> compass{h("north"), h("south"), h("east"), h("west"), h("northeast"),
                                             h("northwest"), h("southeast"), h("southwest"), h("outskirts")};
  static const uint64_t of = h("of");
  int cs = t.child_with(head, kCase);
  if (cs >= 0 && t.hl[cs] == of && t.parent[head] >= 0 && among(compass, t.hl[t.parent[head]])) return true;
  if (cs >= 0 && t.hl[cs] == of && t.dep[head] == kNmod && t.parent[head] >= 0 && t.up[t.parent[head]] == kPropn) {
    const int pcs = t.child_with(t.parent[head], kCase);
    if (pcs >= 0 && among(where, t.hl[pcs])) return true;
  }
  return cs >= 0 && among(where, t.hl[cs]);
}

// Is word j, below v, inside a phrase of time or cause of v ("since ...", "after ...")?
bool in_circumstance(const SentenceTree& t, int j, int v) {
  static const std::vector<uint64_t> when{h("since"), h("during"), h("before"), h("after"), h("until"), h("despite"),
                                          h("following"), h("amid")};
  for (int k = j, guard = 0; k >= 0 && k != v && guard < t.n; k = t.parent[k], ++guard) {
    if (t.dep[k] != kObl && t.dep[k] != kNmod && t.dep[k] != kAdvcl) continue;
    for (uint32_t c : t.kids(k))
      if ((t.dep[c] == kCase || t.dep[c] == kMark) && among(when, t.hl[c])) return true;
  }
  return false;
}

// The subject s of clause head v, or, when s is a relative pronoun, the noun the relative
// clause describes ("the protesters who pelted stones", "Hamas, which was behind the attack").
int antecedent_of(const SentenceTree& t, int v, int s) {
  if (s >= 0 && t.up[s] == kPron && (t.xp[s] == kWDT || t.xp[s] == kWP) && t.dep[v] == kRelcl && t.parent[v] >= 0)
    return t.parent[v];
  return s;
}

// Whether event noun v is what its subject is "behind" ("the Taliban were behind the attack").
// "the Taliban were behind the attack", "al-Qaeda was responsible for the bombing": the
// subject who is behind the event noun or responsible for it, -1 when none.
int behind_subject(const SentenceTree& t, int v) {
  static const uint64_t kFor = h("for"), kResponsible = h("responsible");
  const int cs = t.child_with(v, kCase);
  if (cs < 0) return -1;
  const int p = t.parent[v];
  if (t.hl[cs] == words().behind) return antecedent_of(t, v, t.child_with(v, kNsubj));
  if (t.hl[cs] == kFor && p >= 0 && t.hl[p] == kResponsible) return antecedent_of(t, p, t.child_with(p, kNsubj));
  return -1;
}

bool behind_it(const SentenceTree& t, int v) { return behind_subject(t, v) >= 0; }

// The "by" phrase of an event noun: its doer ("an air strike by government forces",
// "the arrest of X by Belarusian police"); -1 when none.
int by_phrase(const SentenceTree& t, int v) {
  if (int b = t.prep_phrase(v, words().by, {}); b >= 0) return b;
  // Hung by the tree on the noun's "of" phrase ("the arrest of two diplomats by police").
  if (int b = t.prep_phrase(t.prep_phrase(v, words().of, {}), words().by, {}); b >= 0) return b;
  // The agent of a participle that describes the noun ("airstrikes carried out by Israeli
  // army aircraft", "an attack launched by rebels").
  // (Not one that brings it about between others: "a truce mediated by Qatar", nor one that
  // claims it: "an attack claimed by the Taliban" is their word, Coder::claimed_attack.)
  for (uint32_t c : t.kids(v))
    // (A past form the tagger gave the participle: "airstrikes carried/VBD out by".)
    if (t.dep[c] == kAcl && (t.xp[c] == kVBN || t.xp[c] == kVBD) && !among(words().intermediary, t.hl[c]) &&
        t.hl[c] != words().claim)
      if (int b = t.prep_phrase(static_cast<int>(c), words().by, {}); b >= 0) return b;
  // Or on the active verb whose object the noun is ("condemned the arrest of two diplomats
  // by Israeli police"): an active verb has no agent of its own.
  if (t.dep[v] == kObj && t.parent[v] >= 0) {
    bool passive = false;
    t.subject_of(t.parent[v], passive);
    if (int b = t.prep_phrase(t.parent[v], words().by, {}); !passive && b > v) return b;
  }
  return -1;
}

// "condemned the killing of its scientist by Israel", "rejected the remarks by the
// minister": what is done to a deed or to words is done to their doer, the actor of the
// object's "by" phrase; -1 when none.
int doer_of_object(const SentenceTree& t, int v) {
  // (Not an object that is someone: "freed hostages held by kidnappers" freed the hostages.)
  int o = t.child_with(v, kObj);
  if (o < 0 || t.up[o] != kNoun || t.cover[o] >= 0) return -1;
  int b = by_phrase(t, o);
  for (int j = 0; j < t.n && b >= 0; ++j)
    if (t.match_at[j] >= 0 && !t.matches[t.match_at[j]].agent && t.below(j, b)) return t.match_at[j];
  return -1;
}

// A "since ..." phrase in the head's own clause: "killed since 2003", "claimed the lives of
// 3,700 people since January" (the tree may hang it on any noun of the clause).
bool since_phrase(const SentenceTree& t, int v) {
  static const uint64_t since = h("since");
  for (int j = 0; j < t.n; ++j) {
    if (t.hl[j] != since || (t.dep[j] != kCase && t.dep[j] != kAdvmod) || t.parent[j] < 0) continue;
    int k = t.dep[j] == kAdvmod ? v : t.parent[j];  // "since" alone hangs on the verb
    if (t.dep[j] == kAdvmod && t.parent[j] != v) continue;
    bool own = true;  // no other clause between the phrase and the head
    for (int guard = 0; k != v && k >= 0 && guard < t.n; k = t.parent[k], ++guard) own = own && !t.verbal(k);
    if (k == v && own) return true;
  }
  // "Since 2003, there are 126 British soldiers killed in Iraq": a participle on a noun
  // counts with the clause it stands in.
  if (t.dep[v] == kAcl && t.parent[v] >= 0 && t.parent[t.parent[v]] >= 0 && t.verbal(t.parent[t.parent[v]]))
    return since_phrase(t, t.parent[t.parent[v]]);
  return false;
}

// "the talks", "this conversation", "his call", "Tuesday's phone call"; not one another time
// than the one just told ("at its last meeting", "the next round of talks", "the annual
// session").
bool definite(const SentenceTree& t, int v) {
  static const std::vector<uint64_t> det{h("the"), h("this"), h("that"), h("these"), h("those")};
  static const std::vector<uint64_t> other{h("last"),   h("next"),    h("previous"), h("upcoming"), h("coming"),
                                           h("annual"), h("regular"), h("monthly"),  h("weekly"),   h("future"),
                                           h("earlier"), h("prior"),  h("first"),    h("past")};
  bool found = false;
  for (uint32_t c : t.kids(v)) {
    if (t.dep[c] == kPoss || (t.dep[c] == kDet && among(det, t.hl[c]))) found = true;
    if (t.dep[c] == kAmod && among(other, t.hl[c])) return false;
  }
  return found;
}

bool modifier_like(const SentenceTree& t, int j) {
  uint16_t u = t.up[j];
  return u == kAdj || u == kNoun || u == kPropn || u == kNum || u == kAdv || u == kDetPos || t.verbal(j);
}

}  // namespace

// The best pattern found for a head: its index, score (matched elements), the
// actor matches its `$` / `+` named, and the last word it covered.
struct Coder::Match {
  int pattern = -1, score = -1, src = -1, tgt = -1, last = 0;
};

// A coded head before its events are written.
struct Coder::Pending {
  int verb = 0, end = 0, prefix = 0, score = 0;
  int pattern = -1;  // index into patterns_ of the line that matched
  std::string code, reverse;
  std::vector<CodedActor> src, tgt;
  bool negated = false, future = false, symmetric = false, compound = false, dropped = false, noun = false;
  bool has_reported = false;
  bool awaits_toll = false;  // an attack noun kept without a target for the killing it is the subject of
  bool about = false;        // a plain statement about the subject of what it says: only when alone
  int place_match = -1;      // a material nominal event's place, kept apart from its target
  int told_again = -1;       // the earlier event this one tells again with its doer ("carried out the attack")
  CodedActor reported;
  std::vector<CodedActor> also_reported;  // the rest of a list of speakers
  std::vector<CodedActor> claimed_by;     // "an attack claimed by X": X's claim, not the text's word
  bool blamed_on = false;                 // "Taliban-blamed attacks": someone's blame on them
  int claim_word = -1;                    // the participle "claimed"
};

// Per-document working memory, reused across sentences (no per-token allocation).
struct Coder::Scratch {
  SentenceTree t;
  // "the talks", "his call": head, last word, and the country of the one party the
  // sentence names ("During this conversation, Wang stressed": CHN), empty when none.
  struct Anaphor {
    int head, last;
    std::string party;
  };
  std::vector<Anaphor> anaphora;
  std::vector<uint8_t> after, before;  // the head's clause after / before it
  std::vector<CodedActor> subject;
  std::vector<Pending> pending;
  int disaster = -1;  // the last sentence that tells a crash, a storm, a fire (-1: none yet)
};

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
    c.source_prep = p.source_prep.empty() ? 0 : word_hash(p.source_prep);
    c.object = hv(p.object);
    c.prep_object = hv(p.prep_object);
    c.xcomp = hv(p.xcomp);
    c.xcomp_object = hv(p.xcomp_object);
    c.xcomp_prep = p.xcomp_prep.empty() ? 0 : word_hash(p.xcomp_prep);
    c.xcomp_prep_object = hv(p.xcomp_prep_object);
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

void Coder::code(Document& doc) const {
  Scratch sc;
  doc.events.clear();
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    if (doc.sentences[s].word_count == 0 || resolver_.discard(doc, s)) continue;
    code_sentence(doc, s, sc);
    for (int j = 0; j < sc.t.n && resolver_.lone_agents(); ++j)
      if (among(words().disaster, sc.t.hl[j]) || among(words().disaster_verb, sc.t.hl[j])) {
        sc.disaster = static_cast<int>(s);
        break;
      }
    resolve_anaphora(doc, s, sc);
    if (resolver_.lone_agents()) {
      answer_accusations(doc, s);
      accusations_as_reasons(doc, s);
    }
  }
}

// "Belgian gendarmes have arrested a third paratrooper accused of sadism": what someone
// unnamed accuses a person arrested or charged in the same sentence of is the reason for that
// legal act, no event of its own; it stays as that act's claim (events/claims.h). So for
// a sanction, a punishment or force ("imposed sanctions on three companies accused of
// supplying drones", "the Taliban executed two men accused of spying": 16x-20x).
void Coder::accusations_as_reasons(Document& doc, uint32_t s) const {
  size_t first = doc.events.size();
  while (first > 0 && doc.events[first - 1].sentence == s) --first;
  for (size_t i = first; i < doc.events.size();) {
    const Event& a = doc.events[i];
    Event* legal = nullptr;
    if (a.code.starts_with("112") && a.source.code.empty() && !a.target.code.empty())
      for (size_t j = first; j < doc.events.size() && !legal; ++j)
        if (const Span& t = doc.events[j].target.text; doc.events[j].code.size() >= 2 &&
                                                        doc.events[j].code.compare(0, 2, "16") >= 0 &&
                                                        doc.events[j].code.compare(0, 2, "20") <= 0 && t.begin < t.end &&
                                                        doc.events[j].span.end <= a.span.begin &&
                                                        t.begin <= a.target.text.begin && a.target.text.end <= t.end)
          legal = &doc.events[j];
    if (!legal) {
      ++i;
      continue;
    }
    legal->claims.push_back(Claim{a.source, "accuses", a.target, s, a.span});
    doc.events.erase(doc.events.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

// "Chiluba accused the government of ..., an accusation denied by the Zambian government",
// "Ukraine accused Russia of the killings. The Kremlin denies any involvement": a denial
// told toward no one answers the latest accusation against the denier's country (within
// five sentences): it is toward the accuser, as a reader codes it.
void Coder::answer_accusations(Document& doc, uint32_t s) const {
  for (size_t i = doc.events.size(); i-- > 0 && doc.events[i].sentence == s;) {
    Event& d = doc.events[i];
    if (!d.code.starts_with("016") || !d.target.code.empty() || d.source.code.size() < 3 || d.negated) continue;
    const std::string_view country = std::string_view(d.source.code).substr(0, 3);
    for (size_t j = i; j-- > 0 && doc.events[j].sentence + 5 >= s;) {
      const Event& a = doc.events[j];
      if (!a.code.starts_with("112") || a.negated || a.source.code.empty() || a.source.code == d.source.code ||
          !a.target.code.starts_with(country))
        continue;
      d.target = EventActor{a.source.code, Span{}, -1};
      break;
    }
  }
}

// "The talks appeared to touch on...", "his call with Wang": a definite consultation noun
// without actors is the consultation the text just reported (within five sentences): it
// takes that event's actors and code, both ways as reported.
void Coder::resolve_anaphora(Document& doc, uint32_t s, Scratch& sc) const {
  if (sc.anaphora.empty()) return;
  // Events are in sentence order: this sentence's are the last ones (no scan of the whole
  // document per sentence).
  size_t first_new = doc.events.size();
  while (first_new > 0 && doc.events[first_new - 1].sentence == s) --first_new;
  // Within five sentences; further back when the sentence names one of the parties
  // ("in their latest talks, Wang saw fit to remind Kuleba").
  bool named = false;
  for (const auto& a : sc.anaphora) named = named || !a.party.empty();
  const uint32_t reach = named ? 40 : 5;
  int antecedent = -1;
  for (size_t i = first_new; i-- > 0;) {
    const Event& x = doc.events[i];
    if (x.sentence + reach < s) break;
    if (x.code.starts_with("04") && !x.negated && !x.source.code.empty() && !x.target.code.empty()) {
      antecedent = static_cast<int>(x.sentence);
      break;
    }
  }
  if (antecedent < 0) return;
  size_t from = first_new;  // the antecedent sentence's events: [from, first_new)
  while (from > 0 && static_cast<int>(doc.events[from - 1].sentence) >= antecedent) --from;
  for (const auto& [head, last, party] : sc.anaphora) {
    // The party the sentence names must be one of the antecedent's.
    bool takes_part = party.empty();
    for (size_t i = from; i < first_new && !takes_part; ++i) {
      const Event& x = doc.events[i];
      takes_part = static_cast<int>(x.sentence) == antecedent && x.code.starts_with("04") &&
                   (x.source.code.starts_with(party) || x.target.code.starts_with(party));
    }
    if (!takes_part) continue;
    for (size_t i = from; i < first_new; ++i) {
      const Event& x = doc.events[i];
      if (static_cast<int>(x.sentence) != antecedent || !x.code.starts_with("04") || x.negated ||
          x.source.code.empty() || x.target.code.empty())
        continue;
      // Told by the sentence itself already, maybe with less of the sides' roles: once, the
      // more precise.
      bool dup = false;
      for (size_t k = first_new; k < doc.events.size() && !dup; ++k) {
        Event& y = doc.events[k];
        if (y.code != x.code || !told_twice(y.source.code, y.target.code, x.source.code, x.target.code)) continue;
        dup = true;
        if (y.source.code.size() < x.source.code.size()) y.source.code = x.source.code;
        if (y.target.code.size() < x.target.code.size()) y.target.code = x.target.code;
      }
      if (dup) continue;
      Event ev = x;
      ev.sentence = s;
      ev.span = sc.t.span(doc, head, last);
      ev.date = doc.date, ev.time = -1, ev.place = -1, ev.quote = -1;
      ev.reported_by = {}, ev.also_reported_by.clear();
      ev.confidence = 0.5f;
      doc.events.push_back(std::move(ev));
    }
  }
}

// The name of a person with no code that holds word `w` of sentence `s`, or nullptr; with
// `or_org`, also a name with no code the recogniser took for an organisation or gave no type
// (whoever is arrested is a person: "Li Zhaokun was detained", a name it read as ORG), or a
// bare count of people.
static Mention* unknown_person(Document& doc, uint32_t s, uint32_t w, bool or_org) {
  auto it = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), s,
                             [](const Mention& m, uint32_t sent) { return m.sentence < sent; });
  for (; it != doc.mentions.end() && it->sentence == s && it->first_word <= w; ++it) {
    Mention& m = *it;
    if (w >= m.first_word + m.word_count) continue;
    // (Or a bare count of people: "All four were arrested".)
    static const uint16_t kNumPos = upos_id("NUM");
    const bool count = m.kind == MentionKind::kNominal && m.type == EntityType::kPerson &&
                       doc.words[m.head_word].upos == kNumPos;
    bool unknown = (m.kind == MentionKind::kName || count) &&
                   (m.type == EntityType::kPerson ||
                    (or_org && (m.type == EntityType::kOrg || m.type == EntityType::kNone))) &&
                   (m.chain < 0 || doc.chains[static_cast<size_t>(m.chain)].actor.empty());
    return unknown ? &m : nullptr;
  }
  return nullptr;
}

bool Coder::violent_noun(const SentenceTree& t, int j) const {
  if (t.up[j] != kNoun) return false;
  for (uint64_t key : {t.hs[j], t.hl[j]})
    if (auto it = by_head_.find(key); it != by_head_.end())
      for (uint32_t pi : it->second)
        if (patterns_[pi].noun && is_violent(patterns_[pi].code)) return true;
  return false;
}

// Matches pattern tokens in order over [from, to) inside `scope`.
static bool match_tokens(const SentenceTree& t, const std::vector<Coder::CTok>& toks, int from, int to,
                         const std::vector<uint8_t>& scope, Coder::Match& m) {
  int p = from;
  for (const Coder::CTok& tok : toks) {
    if (tok.kind == PatternToken::kWords) {
      bool found = false;
      for (int j = p; j < to && !found; ++j) {
        if (!scope[j]) continue;
        if (tok.tight && j > p && !modifier_like(t, j - 1)) return false;  // {A B}: only modifiers between
        for (const auto& alt : tok.alts) {
          int len = static_cast<int>(alt.size());
          if (len == 0 || j + len > to) continue;
          bool ok = true;
          for (int k = 0; k < len && ok; ++k) ok = scope[j + k] && t.word_is(j + k, alt[k]);
          if (ok) {
            found = true;
            p = j + len;
            m.score += len;
            m.last = std::max(m.last, j + len - 1);
            break;
          }
        }
      }
      if (!found) return false;
      continue;
    }
    int a = -1;  // $, +, ^: the next actor (^ also passes agents)
    for (int j = p; j < to && a < 0; ++j)
      if (scope[j] && t.match_at[j] >= 0 && (tok.kind == PatternToken::kSkip || !t.matches[t.match_at[j]].agent))
        a = t.match_at[j];
    if (a < 0) return false;
    if (tok.kind == PatternToken::kSource) m.src = a;
    if (tok.kind == PatternToken::kTarget) m.tgt = a;
    p = static_cast<int>(t.matches[a].last - t.fw) + 1;
    ++m.score;
  }
  return true;
}

bool Coder::match_pattern(const Scratch& sc, int v, uint32_t pi, Match& m) const {
  const SentenceTree& t = sc.t;
  const VerbPattern& p = patterns_[pi];
  const CPattern& c = compiled_[pi];
  for (uint64_t r : c.required)
    if (!t.has_word(r)) return false;
  m = Match{static_cast<int>(pi), 1, -1, -1, v};
  int pl = static_cast<int>(c.prefix.size()), sl = static_cast<int>(c.suffix.size());
  if (v - pl < 0 || v + sl >= t.n) return false;
  for (int i = 0; i < pl; ++i)
    if (!t.word_is(v - pl + i, c.prefix[i])) return false;
  for (int i = 0; i < sl; ++i)
    if (!t.word_is(v + 1 + i, c.suffix[i])) return false;
  m.score += pl + sl;
  m.last = v + sl;
  if (p.compound_source) {
    if (sc.subject.size() < 2) return false;
    ++m.score;
  }
  auto child_in = [&](int head, uint16_t deprel, const std::vector<uint64_t>& lemmas) {
    int x = head < 0 ? -1 : t.child_with(head, deprel);
    return x >= 0 && among(lemmas, t.hl[x]);
  };
  if (c.particle) {
    // The particle right after the verb counts however the tree hangs it ("gunned down a
    // judge": "down" read as the object's preposition).
    static const uint16_t kRP = xpos_id("RP");
    bool next = t.lone_agents && v + 1 < t.n && t.hl[v + 1] == c.particle && t.xp[v + 1] == kRP;
    if (!next && !child_in(v, kPrt, {c.particle})) return false;
    ++m.score;
  }
  if (!c.object.empty()) {
    // In the passive the object is the subject: "78 people were captured" (173), not 171;
    // "disperse some of the demonstrators" disperses demonstrators.
    auto object_in = [&](uint16_t rel) {
      if (child_in(v, rel, c.object)) return true;
      // (Or a second object: "took 170 people hostage".)
      if (t.lone_agents)
        for (uint32_t x : t.kids(v))
          if (t.dep[x] == rel && among(c.object, t.hl[x])) return true;
      int o = t.lone_agents ? t.child_with(v, rel) : -1;
      // A name whose title says what it is ("received Iranian Foreign Minister Manouchehr
      // Mottaki": a minister).
      static const uint16_t kNmodDesc = deprel_id("nmod:desc");
      if (o >= 0 && t.up[o] == kPropn)
        for (int k = o - 1; k >= 0 && k >= o - 6; --k)
          if (t.below(k, o) && among(c.object, t.hl[k]) &&
              (t.dep[k] == kNmodDesc || t.dep[k] == kCompound || t.dep[k] == kFlat))
            return true;
      if (o < 0 || !(t.up[o] == kNum || t.up[o] == kPron || t.up[o] == kAdj || t.up[o] == kDetPos ||
                     among(words().quantity, t.hl[o])))
        return false;
      int of = t.prep_phrase(o, words().of, {});
      return of >= 0 && among(c.object, t.hl[of]);
    };
    if (!object_in(kObj) && !(t.lone_agents && object_in(kNsubjPass))) return false;
    ++m.score;
  }
  int prep_head = -1;  // the noun of the pattern's prepositional phrase: modifiers may sit on it
  if (c.prep) {
    // On the head or on its object ("hurled a grenade at a patrol", "demand the release of");
    // PETRARCH's (PREP ...) is the head's only.
    prep_head = t.prep_phrase(v, c.prep, c.prep_object);
    if (prep_head < 0 && t.lone_agents) prep_head = t.prep_phrase(t.child_with(v, kObj), c.prep, c.prep_object);
    // Or on what the object is of ("retook the district of Kunduz from the Taliban").
    if (prep_head < 0 && t.lone_agents)
      prep_head = t.prep_phrase(t.prep_phrase(t.child_with(v, kObj), words().of, {}), c.prep, c.prep_object);
    // "charged with taking hard drives": a gerund clause the preposition introduces, when
    // the pattern names no object of it or names the gerund ("held for stabbing").
    if (prep_head < 0 && t.lone_agents)
      for (uint32_t x : t.kids(v))
        if (prep_head < 0 && t.dep[x] == kAdvcl && t.xp[x] == kVBG && x > static_cast<uint32_t>(v) &&
            (c.prep_object.empty() || among(c.prep_object, t.hl[x])))
          for (uint32_t k : t.kids(static_cast<int>(x)))
            if (t.dep[k] == kMark && t.hl[k] == c.prep) prep_head = static_cast<int>(x);
    // A time is no phrase of the pattern's: "called Xi on Friday" is no "call on X".
    if (prep_head < 0 || (t.lone_agents && c.prep_object.empty() && time_word(t.hl[prep_head]))) return false;
    m.score += c.prep_object.empty() ? 2 : 3;  // "call for talks" (026) is more than "call for" (020)
  }
  if (c.source_prep) {  // "received weapons from X": the phrase is part of the pattern
    if (phrase_with_prep(t, v, c.source_prep, true) < 0) return false;
    m.score += 2;
  }
  if (!c.xcomp.empty()) {
    if (!child_in(v, kXcomp, c.xcomp)) return false;
    ++m.score;
    // What the complement does it to: "threatened to cut diplomatic ties" (xobj:),
    // "threatened to withdraw from the treaty" (xprep:).
    int x = t.child_with(v, kXcomp);
    if (!c.xcomp_object.empty()) {
      if (!child_in(x, kObj, c.xcomp_object)) return false;
      ++m.score;
    }
    if (c.xcomp_prep) {
      if (!t.has_prep_phrase(x, c.xcomp_prep, c.xcomp_prep_object)) return false;
      m.score += c.xcomp_prep_object.empty() ? 2 : 3;
    }
  }
  if (!c.modifiers.empty()) {
    // On the head, its object or the pattern's prepositional noun ("accused of war crimes").
    int o = t.child_with(v, kObj);
    bool found = false;
    // (Any such child: "a US air strike" has two compounds.)
    for (int hd : {v, o, prep_head})
      if (hd >= 0)
        for (uint32_t x : t.kids(hd))
          found |= (t.dep[x] == kAmod || t.dep[x] == kCompound || t.dep[x] == kNmod) && among(c.modifiers, t.hl[x]);
    if (!found) return false;
    ++m.score;
  }
  // A pattern whose target phrase is there fits better than its twin whose is not
  // ("approved a loan to Kenya": target:prep:to before target:prep:for).
  if (p.target == TargetFrom::kPreposition && c.target_prep && c.target_prep != c.prep &&
      phrase_with_prep(t, v, c.target_prep, false) >= 0)
    ++m.score;
  if (!c.after.empty() && !match_tokens(t, c.after, v + sl + 1, t.n, sc.after, m)) return false;
  Match before = m;
  if (!c.before.empty() && !match_tokens(t, c.before, 0, v - pl, sc.before, before)) return false;
  m.score = before.score, m.src = before.src, m.tgt = before.tgt;
  return true;
}

void Coder::subject_actors(Scratch& sc, int v, int& subj, bool& passive) const {
  SentenceTree& t = sc.t;
  sc.subject.clear();
  passive = false;
  // A verb attached as a function word: the tree around it is broken, word order decides.
  uint16_t vd = t.dep[v];
  bool broken = vd == kMark || vd == kCase || vd == kCc || vd == kDet || vd == kPunctRel;
  subj = broken ? -1 : t.subject_of(v, passive);
  // "the protesters who pelted stones": a relative pronoun is the noun its clause describes.
  if (t.lone_agents) subj = antecedent_of(t, v, subj);
  if (subj >= 0) {
    t.group_of_phrase(subj, sc.subject);
    if (sc.subject.empty() && t.up[subj] == kPron) {  // "X indicated it would...": X
      for (int a = t.parent[v], steps = 0; a >= 0 && steps < t.n && sc.subject.empty(); a = t.parent[a], ++steps) {
        bool pv = false;
        int s2 = t.subject_of(a, pv);
        if (s2 >= 0 && s2 != subj && t.up[s2] != kPron) t.group_of_phrase(s2, sc.subject);
      }
      for (int j = subj - 1; j >= 0 && sc.subject.empty(); --j) {  // else the last subject actor before it
        int m = t.cover[j];
        if (m < 0 || t.matches[m].agent) continue;
        int hd = t.np_head(m);
        if (t.dep[hd] == kNsubj || t.dep[hd] == kNsubjPass) t.group_of_match(m, sc.subject);
      }
    }
  }
  if (sc.subject.empty() && (subj < 0 || (t.up[subj] != kPron && t.up[subj] != kNoun))) {
    // No actor in the tree's subject: the nearest actor before the verb in its clause,
    // not one behind a preposition other than an agent's "by" ("a bomb exploded in
    // Kabul, killing five": not Kabul; "appointed by the AU after consultations": the AU).
    for (int j = v - 1; j >= 0 && sc.subject.empty(); --j) {
      if (t.cover[j] >= 0) {
        int c = t.child_with(t.np_head(t.cover[j]), kCase);
        // (A case marker other than the possessive's: "according to" is tagged a verb.)
        bool prepositional = c >= 0 && t.up[c] != kPart && t.hl[c] != words().by;
        // (Nor whom a passive before it was done to: "Three policemen killed in ambush".)
        if (t.dep[t.np_head(t.cover[j])] == kNsubjPass) break;
        if (!t.matches[t.cover[j]].agent && !prepositional) t.group_of_match(t.cover[j], sc.subject);
        continue;
      }
      if (t.clause_start(j) || t.up[j] == kNoun) break;  // a noun: the real subject
    }
  }
}

// The source the pattern names ($), else the passive's by-agent, else the clause's subject.
void Coder::pattern_source(Scratch& sc, int v, const Match& m, bool passive, bool target_is_subject,
                           Pending& e) const {
  SentenceTree& t = sc.t;
  if (m.src >= 0) {
    t.group_of_match(m.src, e.src);
  } else if (passive) {  // the by-agent
    for (uint32_t c : t.kids(v)) {
      int cs = t.child_with(static_cast<int>(c), kCase);
      if (!e.src.empty() || !(t.dep[c] == kOblAgent || (t.dep[c] == kObl && cs >= 0 && t.hl[cs] == words().by)))
        continue;
      t.group_of_phrase(static_cast<int>(c), e.src);
      // "struck by a roadside bomb in Baghdad", "... northwest of Baghdad": a place in the
      // by-phrase is where, not who.
      std::erase_if(e.src, [&](const CodedActor& a) {
        if (a.last < 0 || t.match_at[a.last] < 0) return false;
        int hd = t.np_head(t.match_at[a.last]);
        return hd != static_cast<int>(c) && locative(t, hd);
      });
      // "killed by unidentified men": people no one identifies are an unknown doer, not
      // civilians.
      static const std::vector<uint64_t> kUnidentified{h("unidentified"), h("unknown")};
      bool unidentified = false;
      for (uint32_t a : t.kids(c)) unidentified = unidentified || (t.dep[a] == kAmod && among(kUnidentified, t.hl[a]));
      auto people = [](const CodedActor& x) { return is_population(x.code) || x.code == "CVL"; };
      if (unidentified && std::all_of(e.src.begin(), e.src.end(), people)) e.src.clear();
    }
  } else if (!target_is_subject) {
    e.src = sc.subject;
  }
}

// Where the pattern says the target is: its object, indirect object, or the phrase
// of a preposition (on the head, or with our resolver on its object); -1 when none.
int Coder::pattern_target_phrase(const Scratch& sc, int v, const Match& m) const {
  const SentenceTree& t = sc.t;
  const VerbPattern& p = patterns_[m.pattern];
  int from = -1;
  if (p.target == TargetFrom::kObject) from = t.child_with(v, kObj);
  // "warned Pyongyang against further tests": a pattern with a phrase after its object
  // takes the tree's indirect object when there is no object ("told Xinhua" is no target).
  if (p.target == TargetFrom::kObject && from < 0 && t.lone_agents && !p.prep.empty())
    from = t.child_with(v, kIobj);
  // Or an oblique with no preposition right after the verb: an object the tree mislabelled
  // ("warned the United States against deploying": "States" read as an oblique).
  if (p.target == TargetFrom::kObject && from < 0 && t.lone_agents)
    for (uint32_t c : t.kids(v))
      if (from < 0 && t.dep[c] == kObl && static_cast<int>(c) > v && t.child_with(static_cast<int>(c), kCase) < 0 &&
          t.cover[c] >= 0 && !time_word(t.hl[c]))
        from = static_cast<int>(c);
  if (p.target == TargetFrom::kIndirectObject) from = t.child_with(v, kIobj);
  if (p.target == TargetFrom::kPreposition) from = phrase_with_prep(t, v, compiled_[m.pattern].target_prep, false);
  return from;
}

// The noun of the phrase with preposition `prep` on the head, or (with our resolver) on its
// object, or with `on_obliques` on the noun of an oblique ("came under fire from X"); -1 when none.
int Coder::phrase_with_prep(const SentenceTree& t, int v, uint64_t prep, bool on_obliques) const {
  int heads[8] = {v, t.child_with(v, kObj)};
  int n = 2;
  if (on_obliques)
    for (uint32_t c : t.kids(v))
      if (t.dep[c] == kObl && n < 8) heads[n++] = static_cast<int>(c);
  // What the object is told in ("10 million dollars in emergency aid to Pakistan"; the tree
  // may hang the "in" phrase on the head: "provided $50 million in aid to Syrian refugees").
  if (t.lone_agents && heads[1] >= 0) {
    for (uint32_t c : t.kids(heads[1]))
      if (t.dep[c] == kNmod && n < 8) heads[n++] = static_cast<int>(c);
    for (uint32_t c : t.kids(v))
      if (t.dep[c] == kObl && static_cast<int>(c) > heads[1] && n < 8)
        if (const int cs = t.child_with(static_cast<int>(c), kCase); cs >= 0 && t.hl[cs] == words().in)
          heads[n++] = static_cast<int>(c);
  }
  int fronted = -1;  // a phrase ahead of the head only when none follows ("On Tuesday, X called on Y")
  for (int i = 0; i < n; ++i) {
    int hd = heads[i];
    if (hd < 0 || (hd != v && !t.lone_agents)) continue;
    for (uint32_t c : t.kids(hd)) {
      if (t.dep[c] != kObl && t.dep[c] != kNmod && hd != v) continue;
      int cs = t.child_with(static_cast<int>(c), kCase);
      if (cs < 0 || t.hl[cs] != prep) continue;
      if (static_cast<int>(c) > v) return static_cast<int>(c);
      if (fronted < 0) fronted = static_cast<int>(c);
    }
  }
  // "clashed with farmers blocking a highway": the phrase read as a clause the preposition
  // opens (an absolute construction); its subject is the phrase's noun.
  if (fronted < 0 && t.lone_agents)
    for (uint32_t x : t.kids(v)) {
      if (t.dep[x] != kAdvcl || t.xp[x] != kVBG || static_cast<int>(x) < v) continue;
      if (int mk = t.child_with(static_cast<int>(x), kMark); mk < 0 || t.hl[mk] != prep) continue;
      if (int subj = t.child_with(static_cast<int>(x), kNsubj); subj >= 0) return subj;
    }
  return fronted;
}

// The default target: the first actor after the head in its phrase, else (for verbs)
// the complement's first actor, else by word order up to the next clause; never a
// circumstance's actor or a meeting's venue. The match index, or -1.
int Coder::default_target(const Scratch& sc, int v, const VerbPattern& p, Pending& e) const {
  const SentenceTree& t = sc.t;
  // Words sent in writing go to whom they are addressed ("praised the development of
  // Russia-China relations in a message to Hu Jintao": Hu, not Russia the topic).
  // (The tree may hang the message on the object: "relations in a message".)
  // (Not over an object that names someone: "accused Israel in a letter to Ban Ki-moon".)
  const int own_object = t.child_with(v, kObj);
  const bool object_named = own_object >= 0 && t.cover[own_object] >= 0;
  for (int m = v + 1; m < t.n && t.lone_agents && !object_named && !p.noun && !is_material_event(p.code); ++m) {
    if (!among(words().missive, t.hl[m]) || !t.below(m, v) || (t.parent[m] != v && t.verbal(t.parent[m]))) continue;
    const int cs = t.child_with(m, kCase);
    if (cs < 0 || t.hl[cs] != words().in) continue;
    if (int to = t.prep_phrase(m, words().to, {}); to >= 0)
      for (int j = to; j < t.n; ++j)
        if (t.match_at[j] >= 0 && !t.matches[t.match_at[j]].agent && t.below(j, to)) return t.match_at[j];
  }
  int a = t.first_actor(sc.after, v + 1);
  // Not an actor of a circumstance of time or cause ("fought three wars since
  // independence from British rule"), nor the venue of a meeting ("held talks in Warsaw").
  // Nor the object the pattern names when it is the source's own or no one's in particular
  // ("recalled its ambassador to the Netherlands", "reiterated its call for talks"): it is
  // what is done; "killed four Taliban militants" names whom.
  const int named_object = p.object.empty() ? -1 : t.child_with(v, kObj);

  auto own_or_agent = [&](int x) {
    if (t.matches[x].agent) return true;
    int poss = t.child_with(named_object, kPoss);
    return poss >= 0 && t.up[poss] == kPron;
  };
  const int doer = p.noun && t.lone_agents ? by_phrase(t, v) : -1;  // "the arrest of X by Y": Y is no target
  // The speaker of a speech verb above the head reports the event ("..., killing two of
  // them, state media said"): not whom it was done to.
  auto reporter = [&](int x) {
    int hd = t.np_head(x), sp = t.parent[hd];
    // (Or beside it: ", Palestinian sources said" hung on the clause the head is in.)
    return (t.dep[hd] == kNsubj && sp >= 0 && sp != v && is_speech_verb(t.hl[sp]) &&
            (t.below(v, sp) ||
             (t.dep[sp] == kParataxis && (t.below(sp, v) || (t.parent[sp] >= 0 && t.below(v, t.parent[sp]))))));
  };
  // Nor, for an act among several sources, its topic ("Japan and South Korea agreed to
  // cooperate on North Korea": between the two, about the third).
  static const std::vector<uint64_t> topic{h("on"), h("about"), h("over"), h("regarding"), h("concerning")};
  auto about = [&](int head) {  // inside a phrase "on ..." below the head ("on Russia's entry into the WTO")
    if (!e.symmetric || e.src.size() < 2) return false;
    for (int k = head, g = 0; k >= 0 && k != v && g < t.n; k = t.parent[k], ++g) {
      int cs = t.child_with(k, kCase);
      if (cs >= 0 && among(topic, t.hl[cs])) return true;
    }
    return false;
  };
  // Nor who brought it about between others ("restore relations in a deal brokered by China").
  auto intermediary = [&](int head) {
    for (int k = head, g = 0; k >= 0 && k != v && g < t.n; k = t.parent[k], ++g)
      if (t.dep[k] == kOblAgent && t.parent[k] >= 0 && among(words().intermediary, t.hl[t.parent[k]])) return true;
    return false;
  };
  // Nor whom a clause on the object names, when the object is a thing and the act is words
  // or a decision ("approved a bill allowing raids against Kurdish rebels": the bill is
  // approved, not the rebels; "seized heroin stashed by X" is X's loss).
  auto object_clause = [&](int head) {
    const int o = t.child_with(v, kObj);
    if (is_material_event(e.code) || o < 0 || t.up[o] != kNoun || t.cover[o] >= 0) return false;
    for (int k = head, g = 0; k >= 0 && k != v && g < t.n; k = t.parent[k], ++g)
      if ((t.dep[k] == kAcl || t.dep[k] == kRelcl) && t.parent[k] == o) return true;
    return false;
  };
  // Nor, for words or aid told as a noun, whose they are ("condemnation from Japan").
  const int from_phrase = p.noun && t.lone_agents && !is_material_event(e.code) ? t.prep_phrase(v, words().from, {}) : -1;
  // (Where a party arrives for talks is its hosts': "arrived in Seoul for talks".)
  static const uint64_t kArrive[] = {h("arrive"), h("travel"), h("fly"), h("come")};
  const bool arriving = std::find(std::begin(kArrive), std::end(kArrive), t.hl[v]) != std::end(kArrive);
  // Nor who reports it ("According to Afghan officials, ...": the claims tell who says so).
  auto skip = [&](int x) {
    return t.lone_agents && (in_circumstance(t, t.np_head(x), v) || t.according(t.np_head(x)) ||
                             (e.symmetric && locative(t, t.np_head(x)) && !arriving) ||
                             (from_phrase >= 0 && t.below(t.np_head(x), from_phrase)) ||
                             about(t.np_head(x)) || intermediary(t.np_head(x)) || object_clause(t.np_head(x)) ||
                             reporter(x) ||
                             (doer >= 0 && t.below(t.np_head(x), doer)) ||
                             (e.claim_word >= 0 && t.below(t.np_head(x), e.claim_word)) ||
                             (named_object >= 0 && t.np_head(x) == named_object && own_or_agent(x)));
  };
  for (int guard = 0; a >= 0 && skip(a) && guard < t.n; ++guard) {
    int next = -1;
    for (int j = static_cast<int>(t.matches[a].last - t.fw) + 1; j < t.n && next < 0; ++j)
      if (sc.after[j] && t.match_at[j] >= 0 && !t.matches[t.match_at[j]].agent) next = t.match_at[j];
    a = next;
  }
  // Where it happened is the target only when no one is named after it in the clause
  // ("protested in Belgrade against the government": the government; "protested in Tehran":
  // Tehran, for its government).
  if (a >= 0 && t.lone_agents && locative(t, t.np_head(a)))
    for (int j = static_cast<int>(t.matches[a].last - t.fw) + 1; j < t.n; ++j) {
      const int m = t.match_at[j];
      if (!sc.after[j] || m < 0 || m == a || t.matches[m].agent || skip(m) || locative(t, t.np_head(m))) continue;
      a = m;
      break;
    }
  // A nominal event's target is in its own phrase ("the attack on X"), never
  // the next clause's: with our resolver the searches below stop here.
  bool phrase_only = p.noun && t.lone_agents;
  for (int j = v + 1; j < t.n && a < 0 && !phrase_only; ++j)  // "X said that Y ...": the complement's first actor
    if (t.match_at[j] >= 0 && !t.matches[t.match_at[j]].agent && t.in_clause(j, v, false, true) &&
        !skip(t.match_at[j]))
      a = t.match_at[j];
  for (int j = v + 1; j < t.n && a < 0 && !phrase_only; ++j) {  // an implausible tree: word order, up to the next clause
    if (t.xp[j] == kOpenQuote || t.xp[j] == kCloseQuote) break;  // or the quotation's end: not its speaker
    if (sc.after[j]) continue;
    if (t.match_at[j] >= 0 && !t.matches[t.match_at[j]].agent && !skip(t.match_at[j]))
      a = t.match_at[j];
    else if (t.clause_start(j) || (t.lone_agents && t.dep[j] == kAdvcl && t.parent[j] == v && t.verbal(j) &&
                                    !t.to_clause(j)))
      break;  // (or the head's own adverbial clause, not a purpose: "fired a missile, drawing
              // condemnation from Japan"; "called for talks to resolve the conflict in Ukraine")
  }
  // A bare role as the object ("Police arrested 12 protesters", "gunmen killed soldiers"),
  // or in apposition to it ("detained Guan Jingquan, the driver"): whom it was done to,
  // though no country is named (the article's may give one later). Not when the pattern
  // names its object ("recalled its ambassador": what is done), unless the act is force
  // done to people ("killed three soldiers", "arrested two policemen": whom) or their
  // release ("police released 4,138 people").
  const bool force = is_violent(p.code) || p.code.starts_with("17") || p.code.starts_with("0841");
  if (a < 0 && t.lone_agents && !p.noun && (named_object < 0 || force))
    if (int obj = t.child_with(v, kObj); obj >= 0)
      for (int j = 0; j < t.n && a < 0; ++j) {
        if (t.match_at[j] < 0) continue;
        int head = t.np_head(t.match_at[j]);
        // (Or counted by it: "dispersed hundreds of protesters".)
        const bool counted = t.parent[head] == obj && t.dep[head] == kNmod && among(words().quantity, t.hl[obj]) &&
                             t.prep_phrase(obj, words().of, {}) == head;
        if (head == obj || (t.parent[head] == obj && t.dep[head] == kAppos) || counted) a = t.match_at[j];
      }
  // A material nominal event's place is where it happened, not whom it hit ("a firefight
  // in the Golan Heights"); "a call for talks on the conflict in Ukraine" is about it.
  if (a >= 0 && p.noun && is_material_event(e.code) && locative(t, t.np_head(a))) {
    e.place_match = a;
    a = -1;
  }
  return a;
}

// A nominal event with no source yet: the noun's modifiers before it ("the Freedonian
// strike"), the subject of a verb of doing ("X carried out a strike on Y"), or of a verb
// whose circumstance a symmetric event is ("made the remarks in a meeting with Y").
void Coder::nominal_source(Scratch& sc, int v, Pending& e) const {
  SentenceTree& t = sc.t;
  // (A country named here for military force is its armed forces: target_actors.)
  // "an air strike by government forces": the doer the "by" phrase names.
  if (int b = t.lone_agents ? by_phrase(t, v) : -1; b >= 0) {
    t.group_of_phrase(b, e.src);
    if (!e.src.empty()) return;
  }
  // "talks between X and Y" (symmetric) holds among the actors after it.
  t.np_mask(v);
  std::fill(t.mask.begin() + v, t.mask.end(), 0);
  t.group(e.src);
  // "X carried out a strike on Y"; not "X condemned the strike".
  if (e.src.empty() && t.dep[v] == kObj && t.parent[v] >= 0 && among(words().support, t.hl[t.parent[v]])) {
    bool pv = false;
    int s = t.subject_of(t.parent[v], pv);
    if (s >= 0 && !pv) t.group_of_phrase(s, e.src);
  }
  // "the Taliban were behind the attack": who is behind it did it.
  // (Responsible for violence: "responsible for the talks" is no one's doing them.)
  if (e.src.empty() && t.lone_agents)
    if (int s = behind_subject(t, v); s >= 0 && (is_violent(e.code) || t.child_with(v, kNsubj) == s))
      t.group_of_phrase(s, e.src);
  // "The attack ... was carried out by Boko Haram": the agent of the passive verb of doing.
  if (e.src.empty() && t.lone_agents && t.dep[v] == kNsubjPass && t.parent[v] >= 0 &&
      among(words().support, t.hl[t.parent[v]]))
    if (int b = t.prep_phrase(t.parent[v], words().by, {}); b >= 0) t.group_of_phrase(b, e.src);
  // "condemnation from Japan", "support from Russia": words or aid are whose the "from" phrase
  // names (a withdrawal or a release from a place is material and leaves it).
  if (e.src.empty() && t.lone_agents && !is_material_event(e.code))
    if (int f = t.prep_phrase(v, words().from, {}); f >= 0) t.group_of_phrase(f, e.src);
  // "X made the remarks in / during a meeting with Y": a symmetric event in a
  // circumstance of a verb is its subject's.
  // (Not when the event names its sides: "after a call between top diplomats in Beijing and
  // Kyiv, the news agency Xinhua said".)
  if (e.src.empty() && e.symmetric && (t.dep[v] == kObl || t.dep[v] == kNmod) && t.parent[v] >= 0 &&
      t.prep_phrase(v, words().between, {}) < 0) {
    int cs = t.child_with(v, kCase), g = t.parent[v];
    for (int guard = 0; g >= 0 && !t.verbal(g) && guard < t.n; ++guard) g = t.parent[g];
    if (cs >= 0 && g >= 0 && among(words().circumstance, t.hl[cs])) {
      bool pv = false;
      int s = t.subject_of(g, pv);
      if (s >= 0 && !pv) t.group_of_phrase(s, e.src);
    }
  }
  if (e.src.empty() && e.symmetric && e.tgt.size() >= 2) e.compound = true, e.src = e.tgt;
}

// With our resolver (not PETRARCH's), a violent nominal event that names no one
// doing it ("the deaths of civilians in a missile strike", "residents killed in the
// attack") is coded against its victims, source unknown.
void Coder::victims_of_violence(Scratch& sc, int v, Pending& e) const {
  SentenceTree& t = sc.t;
  for (int g = t.parent[v], steps = 0; g >= 0 && steps < 3 && e.tgt.empty(); g = t.parent[g], ++steps) {
    if (t.cover[g] >= 0) {  // "civilians in a strike"
      t.group_of_match(t.cover[g], e.tgt);
      break;
    }
    // "the deaths of civilians in ...", "civilians died in ...", "killed 25 civilians in an
    // air strike" (the object; the subject of a killing with an object is its doer).
    if (among(words().victim, t.hl[g])) {
      const bool object = t.child_with(g, kObj) >= 0;
      for (uint32_t c : t.kids(g))
        if (e.tgt.empty() && static_cast<int>(c) != v && t.cover[c] >= 0 &&
            (t.dep[c] == kNmod || (t.dep[c] == kNsubj && !object) || t.dep[c] == kNsubjPass || t.dep[c] == kObj))
          t.group_of_phrase(static_cast<int>(c), e.tgt);
    }
    if (!e.tgt.empty()) break;
    if (t.dep[g] != kNmod && t.dep[g] != kObl && t.dep[g] != kNsubj && t.dep[g] != kObj) break;
  }
}

void Coder::target_actors(Scratch& sc, int v, const Match& m, bool passive, Pending& e) const {
  SentenceTree& t = sc.t;
  const VerbPattern& p = patterns_[m.pattern];
  bool target_is_subject = p.target == TargetFrom::kSubject;  // target:subj, or `+` before the head
  for (const PatternToken& tok : p.before) target_is_subject |= tok.kind == PatternToken::kTarget;
  // "received support from X", "came under fire from X": X did it to the subject; so in
  // the passive of violence ("were killed at the hands of X": the subject underwent it).
  if (uint64_t from = compiled_[m.pattern].source_prep; from && (!passive || is_violent(p.code))) {
    int x = phrase_with_prep(t, v, from, true);
    if (x >= 0) t.group_of_phrase(x, e.src);
    e.tgt = sc.subject;
    return;
  }
  pattern_source(sc, v, m, passive, target_is_subject, e);
  // "20 people died in fighting between rebels and the army": the sides a "between" phrase
  // names fight each other, whoever the clause lent the verb as its subject; "fighting broke
  // out between X and Y" names them on the verb the fighting is the subject of.
  // (A noun's own phrase, "talks between X and Y", is nominal_source's but for force.)
  if (t.lone_agents && (e.symmetric || e.code.starts_with("19"))) {
    int b = !p.noun || e.code.starts_with("19") ? t.prep_phrase(v, words().between, {}) : -1;
    // (Not in a clause of time: "since hostilities began" says when, not what happened.)
    if (b < 0 && p.noun && t.dep[v] == kNsubj && t.parent[v] >= 0 && t.verbal(t.parent[v]) &&
        t.child_with(t.parent[v], kMark) < 0)
      b = t.prep_phrase(t.parent[v], words().between, {});
    if (b >= 0) {
      std::vector<CodedActor> sides;
      t.group_of_phrase(b, sides);
      if (sides.size() >= 2) {
        e.src = std::move(sides);
        e.tgt.clear();
        e.compound = true;
        return;
      }
    }
  }
  if (m.tgt >= 0) {
    t.group_of_match(m.tgt, e.tgt);
  } else if (target_is_subject || passive) {
    e.tgt = sc.subject;
  } else if (int doer = !p.noun && t.lone_agents && (p.target == TargetFrom::kObject || p.target == TargetFrom::kDefault)
                           ? doer_of_object(t, v) : -1;
             doer >= 0 && !e.compound) {
    t.group_of_match(doer, e.tgt, true);
  } else if (!e.compound && p.target != TargetFrom::kNone) {
    int from = pattern_target_phrase(sc, v, m);
    if (from >= 0) {
      t.group_of_phrase(from, e.tgt);
    } else if (p.target == TargetFrom::kDefault) {
      int a = default_target(sc, v, p, e);
      if (a >= 0) t.group_of_match(a, e.tgt, true);
    }
  }
  if (p.noun && e.src.empty()) nominal_source(sc, v, e);
  // Military force a country named in the noun's own phrase does is its forces' ("an Israeli
  // air strike", "deploring the Israeli military offensive", "airstrikes carried out by
  // Israeli army aircraft": ISRMIL), as CAMEO codes the armed forces, whichever way the
  // source was found.
  if (p.noun && t.lone_agents && e.code.starts_with("19"))
    for (CodedActor& a : e.src)
      if (a.code.size() == 3 && resolver_.has_country(a.code) && a.last >= 0 && t.below(a.last, v)) a.code += "MIL";
  // "killed one rebel and arrested four others": "others" as the object, which names no one,
  // are more of those the object before it in the sentence names (rather than where it was).
  static const uint64_t kEach = h("each"), kOther = h("other"), kOne = h("one"), kAnother = h("another");
  if (t.lone_agents && !p.noun && !e.compound)
    if (const int o = t.child_with(v, kObj); o >= 0 && t.cover[o] < 0 && t.hl[o] == kOther)
      for (int j = o - 1; j >= 0; --j)
        if (t.dep[j] == kObj && t.cover[j] >= 0 && t.parent[j] != v && !t.matches[t.cover[j]].agent) {
          e.tgt.clear();
          t.group_of_match(t.cover[j], e.tgt);
          break;
        }
  // Targets that are sources too (none acts on itself), dropped; how many were.
  auto drop_sources = [&] {
    return std::erase_if(e.tgt, [&](const CodedActor& a) {
      return std::any_of(e.src.begin(), e.src.end(), [&](const CodedActor& b) { return b.code == a.code; });
    });
  };
  // "North Korea fired a missile, drawing condemnation from Japan": a reaction a deed draws
  // is toward the deed's doer.
  if (t.lone_agents && p.noun && e.tgt.empty() && !is_material_event(e.code) && t.dep[v] == kObj) {
    const int g = t.parent[v];
    if (g >= 0 && among(words().drawing, t.hl[g]) && t.parent[g] >= 0 && t.verbal(t.parent[g])) {
      bool pv = false;
      int doer = t.subject_of(t.parent[g], pv);
      if (doer >= 0 && !pv) t.group_of_phrase(doer, e.tgt);
      drop_sources();
    }
  }
  // "Germany and France signed an agreement in Paris": a source is not its own target; with
  // none left the act holds among the sources. (Not force, whose target a place may give:
  // "Afghan and coalition forces arrested another in Afghanistan's Khost province".)
  if (t.lone_agents && e.src.size() >= 2 && !e.tgt.empty() && !e.compound && !is_material_event(e.code)) {
    const size_t dropped = drop_sources();
    bool countries = true;  // (between countries: "Germany and France", not two agencies of one)
    for (size_t i = 0; i < e.src.size(); ++i)
      for (size_t j = i + 1; j < e.src.size(); ++j)
        countries = countries && e.src[i].code.compare(0, 3, e.src[j].code, 0, 3) != 0;
    if (e.tgt.empty() && dropped > 0 && countries) e.symmetric = true;
  }
  // "Armenia and Azerbaijan accused each other": a reciprocal object holds among the sources.
  if (t.lone_agents && !p.noun && e.src.size() >= 2)
    for (int k = v + 1; k + 1 < t.n && k <= v + 2; ++k)
      if ((t.hl[k] == kEach && t.hl[k + 1] == kOther) || (t.hl[k] == kOne && t.hl[k + 1] == kAnother)) {
        e.tgt.clear();
        e.symmetric = true;
        break;
      }
  // "X and Y held talks": a symmetric event without a target holds among its sources.
  if (e.tgt.empty() && e.symmetric && e.src.size() >= 2) e.compound = true;
  if (p.noun && e.src.empty() && e.tgt.empty() && t.lone_agents && is_violent(e.code)) {
    victims_of_violence(sc, v, e);
    // "NATO troops killed 25 civilians in an air strike": the attack a killing was done in is
    // the killers'.
    const int g = t.parent[v];
    if (!e.tgt.empty() && t.dep[v] == kObl && g >= 0 && t.verbal(g) && among(words().victim, t.hl[g]) &&
        t.child_with(g, kObj) >= 0) {
      bool pv = false;
      int subj = t.subject_of(g, pv);
      if (subj >= 0 && !pv) t.group_of_phrase(subj, e.src);
    }
  }
  // "Nine Palestinians were wounded in an Israeli air strike": the attack someone did is
  // done to those the passive verb it is the circumstance of names (the killing is then its
  // toll: fold_tolls).
  if (p.noun && e.tgt.empty() && !e.src.empty() && t.lone_agents && is_violent(e.code) &&
      (t.dep[v] == kObl || t.dep[v] == kNmod) && t.parent[v] >= 0 && t.verbal(t.parent[v])) {
    bool pv = false;
    int subj = t.subject_of(t.parent[v], pv);
    if (subj >= 0 && pv) t.group_of_phrase(subj, e.tgt);
  }
  // "the Israeli military offensive in the Gaza Strip": one side's force on a place abroad,
  // no one else named, is against that place's country (as GDELT codes it); at home ("a
  // police operation in Lagos") the place only says where, but for an armed group's attack
  // ("Taliban fighters carried out the suicide bombing in Kabul": on Afghanistan).
  if (t.lone_agents && e.place_match >= 0 && e.tgt.empty() && !e.src.empty() && !e.symmetric && is_violent(e.code)) {
    std::vector<CodedActor> where;
    t.group_of_match(e.place_match, where);
    bool abroad = !where.empty() && where.front().code.size() == 3 && resolver_.has_country(where.front().code);
    // (A doer the attack's own words name: "carried out the bombing", "the bombing by X", "a
    // Taliban bombing"; not "blamed the Taliban for the attack", an accusation.)
    bool insurgent = abroad && ((t.dep[v] == kObj && t.parent[v] >= 0 && among(words().support, t.hl[t.parent[v]])) ||
                                by_phrase(t, v) >= 0 ||
                                std::all_of(e.src.begin(), e.src.end(),
                                            [&](const CodedActor& a) { return a.last >= 0 && t.below(a.last, v); }));
    for (const CodedActor& a : e.src) {
      abroad = abroad && !a.code.starts_with(where.front().code);
      insurgent = insurgent && non_state_armed(a.code);
    }
    if (abroad || insurgent) e.tgt = std::move(where);
  }
}

// "A rocket attack claimed by the Taliban killed four soldiers": who claims an attack told
// as a noun, the agent of its participle "claimed" (the claims tell it; the text does not
// assert the doer).
void Coder::claimed_attack(Scratch& sc, int v, Pending& e) const {
  SentenceTree& t = sc.t;
  if (!t.lone_agents || !e.noun || !is_violent(e.code)) return;
  for (uint32_t c : t.kids(v))
    if (t.dep[c] == kAcl && t.hl[c] == words().claim)
      if (int b = t.prep_phrase(static_cast<int>(c), words().by, {}); b >= 0) {
        t.group_of_phrase(b, e.claimed_by);
        e.claim_word = static_cast<int>(c);
      }
  // "Taliban-claimed attacks" (the group's claim), "Taliban-blamed attacks" (someone unnamed
  // blames the group): the word hyphened to the participle on the noun.
  static const uint64_t kBlame = h("blame"), kBlamed = h("blamed");
  for (uint32_t c : t.kids(v)) {
    if (!e.claimed_by.empty() || !t.hyphened_claim(static_cast<int>(c))) continue;
    // (The group word hangs on the participle or, as the noun's compound, beside it.)
    const int x = static_cast<int>(c) - 2;
    if (t.parent[x] == static_cast<int>(c) || t.parent[x] == v) {
      t.group_of_phrase(x, e.claimed_by);
      e.claim_word = static_cast<int>(c);
      e.blamed_on = t.hl[c] == kBlame || t.hl[c] == kBlamed;
    }
  }
}

// False when the event must not be written: negated with no negated code known.
bool Coder::negate_and_mark_modality(const Scratch& sc, int v, Pending& e) const {
  const SentenceTree& t = sc.t;
  const Words& w = words();
  // A hypothesis is no event ("if Iran was banned from the game", "unless troops withdraw";
  // docs/annotation.md): the clause's "if", or its governor's for a conjunct or complement.
  if (t.lone_agents) {
    static const std::vector<uint64_t> kIf{h("if"), h("unless")};
    for (int k = v, steps = 0; k >= 0 && steps < 3; k = t.parent[k], ++steps) {
      for (uint32_t c : t.kids(k))
        if (t.dep[c] == kMark && among(kIf, t.hl[c])) return false;
      if (t.dep[k] != kConj && t.dep[k] != kXcomp) break;
    }
    // So is an event an indefinite noun names as the subject of what would, could, might or
    // may follow from it ("warned that an attack on Iran would destabilise the region").
    // (An indefinite article or "any", and no clause of its own telling it: "an attack that
    // killed 30 could prompt retaliation" happened.)
    static const std::vector<uint64_t> kConditional{h("would"), h("could"), h("might"), h("may")};
    static const std::vector<uint64_t> kIndefinite{h("a"), h("an"), h("any")};
    bool indefinite = false, told = false;
    if (t.up[v] == kNoun && t.dep[v] == kNsubj && t.parent[v] >= 0)
      for (uint32_t c : t.kids(v)) {
        indefinite = indefinite || (t.dep[c] == kDet && among(kIndefinite, t.hl[c]));
        told = told || t.dep[c] == kRelcl || t.dep[c] == kAcl;
      }
    if (indefinite && !told)
      for (uint32_t c : t.kids(t.parent[v]))
        if (t.dep[c] == kAux && among(kConditional, t.hl[c])) return false;
  }
  auto negator = [&](uint32_t c) {
    return ((t.dep[c] == kAdvmod || t.up[c] == kPart) &&
            (t.word_is(static_cast<int>(c), w.not_) || t.word_is(static_cast<int>(c), w.nt) ||
             t.word_is(static_cast<int>(c), w.never) || t.word_is(static_cast<int>(c), w.neither))) ||
           (t.dep[c] == kCc && t.word_is(static_cast<int>(c), w.nor));  // "neither X nor called Y"
  };
  bool own_subject = false;
  for (uint32_t c : t.kids(v)) {
    if (negator(c)) e.negated = true;
    if (t.dep[c] == kAux && among(w.modal, t.hl[c])) e.future = true;
    if (t.dep[c] == kNsubj || t.dep[c] == kNsubjPass) own_subject = true;
  }
  // A verb conjoined without its own subject shares the first one's negation:
  // "did not condemn or criticise X".
  // Only through "or": "did not attack Kyiv but shelled Kharkiv" shelled.
  bool joined_by_or = false;
  for (uint32_t c : t.kids(v)) joined_by_or = joined_by_or || (t.dep[c] == kCc && t.word_is(static_cast<int>(c), w.or_));
  if (!e.negated && !own_subject && joined_by_or && t.dep[v] == kConj && t.parent[v] >= 0)
    for (uint32_t c : t.kids(t.parent[v]))
      if (negator(c) && c < static_cast<uint32_t>(v)) e.negated = true;
  if (t.dep[v] == kXcomp && t.parent[v] >= 0 && among(w.refusal, t.hl[t.parent[v]])) e.negated = true;
  // "was not required to attend", "did not agree to meet": a negated governor negates its
  // open complement.
  if (t.lone_agents && !e.negated && t.dep[v] == kXcomp && t.parent[v] >= 0)
    for (uint32_t c : t.kids(t.parent[v]))
      if (negator(c)) e.negated = true;
  for (int k = v, steps = 0; t.dep[k] == kXcomp && t.parent[k] >= 0 && steps < t.n; k = t.parent[k], ++steps)
    if (among(w.intent, t.hl[t.parent[k]])) e.future = true;
  if (!e.negated) {
    // "refused to condemn X": the refusal is coded (12x) and flagged, as the refused act.
    e.negated = among(w.refusal, t.hl[v]) && t.child_with(v, kXcomp) >= 0;
    return true;
  }
  auto neg = negation_.find(e.code);
  if (neg == negation_.end()) return false;  // never the positive code
  e.code = neg->second;
  if (!e.reverse.empty()) {
    auto r = negation_.find(e.reverse);
    e.reverse = r == negation_.end() ? "" : r->second;
  }
  return true;
}

// The governor wins over its open complement ("urged X to respond"); an event
// under a speech verb is reported by its subject, and the statement itself is
// dropped when something is coded inside it.
void Coder::resolve_reports(Scratch& sc) const {
  SentenceTree& t = sc.t;
  // (Not force that is disapproved of: "deploring the Israeli military offensive in Gaza" is a
  // disapproval and the offensive, two events, when the offensive names its sides; what is
  // discussed, "to discuss Russia's invasion of Ukraine", is only a topic.)
  for (Pending& e : sc.pending)
    if (t.dep[e.verb] == kXcomp || t.dep[e.verb] == kObj)  // also "launched an air strike": the verb's code
      for (const Pending& g : sc.pending)
        e.dropped |= g.verb == t.parent[e.verb] &&
                     !(t.lone_agents && e.noun && is_violent(e.code) && !e.src.empty() && !e.tgt.empty() &&
                       g.code.starts_with("11"));
  // "Police recommended that the minister be charged": a charge or arrest recommended has
  // not happened; the recommendation accuses the one it names (112, as docs/annotation.md's
  // police set; "recommended indicting him" is the pattern 'recommend xcomp:indict'), whether
  // the verb matched an appeal (020) or nothing.
  for (size_t i = 0; i < sc.pending.size(); ++i) {
    const Pending& e = sc.pending[i];
    const int gov = t.parent[e.verb];
    if (!t.lone_agents || e.dropped || gov < 0 || t.dep[e.verb] != kCcomp || !e.code.starts_with("173") ||
        e.tgt.empty() || !among(words().recommending, t.hl[gov]))
      continue;
    // (A clause of what is to be done, "be charged" or "should be charged", not a report:
    // "the police proposal noted that he was arrested".)
    static const uint64_t kShould = h("should");
    bool mandative = false;
    for (uint32_t c : t.kids(e.verb))
      mandative = mandative || ((t.dep[c] == kAux || t.dep[c] == kAuxPass) && (t.xp[c] == kVB || t.hl[c] == kShould));
    if (!mandative) continue;
    std::vector<CodedActor> accused = e.tgt;
    int g = -1;
    for (size_t j = 0; j < sc.pending.size(); ++j)
      if (sc.pending[j].verb == gov && !sc.pending[j].dropped) g = static_cast<int>(j);
    if (g < 0) {  // (the verb matched nothing: the recommendation, with its subject's actors)
      Pending r = sc.pending[i];
      r.src.clear();
      if (const int subj = t.child_with(gov, kNsubj); subj >= 0) t.group_of_phrase(subj, r.src);
      if (r.src.empty()) continue;
      r.verb = gov, r.end = gov, r.prefix = 0, r.pattern = -1, r.dropped = false, r.future = false;
      sc.pending.push_back(std::move(r));
      g = static_cast<int>(sc.pending.size()) - 1;
    }
    sc.pending[i].dropped = true;
    Pending& x = sc.pending[static_cast<size_t>(g)];
    x.code = "112", x.reverse.clear(), x.symmetric = false, x.tgt = std::move(accused);
    x.pattern = -1;  // (a rule of the coder's, whatever the verb matched)
  }
  // What is appealed for, offered, demanded or threatened has not happened ("called for
  // talks between X and Y", "threatened an invasion"): only the appeal is an event.
  for (Pending& e : sc.pending) {
    if (!t.lone_agents || t.parent[e.verb] < 0) continue;
    for (const Pending& g : sc.pending) {
      if (&g == &e || g.verb != t.parent[e.verb] || g.code.size() < 2) continue;
      std::string_view r = std::string_view(g.code).substr(0, 2);
      if (r == "02" || r == "03" || r == "10" || r == "13") e.dropped = true;
    }
  }
  // "shot dead by police in an encounter": a meeting noun where force is used is the fight
  // the force ended (South Asian news's "encounter"), no consultation.
  // (Also where the tree hung it on the victims: "shot dead two militants in an encounter".)
  static const uint64_t kEncounter = h("encounter");
  for (Pending& e : sc.pending) {
    if (!t.lone_agents || !e.noun || t.hl[e.verb] != kEncounter || !e.code.starts_with("04") ||
        (t.dep[e.verb] != kObl && t.dep[e.verb] != kNmod))
      continue;
    const int up = t.parent[e.verb], up2 = up >= 0 && t.dep[e.verb] == kNmod && t.dep[up] == kObj ? t.parent[up] : -1;
    for (const Pending& g : sc.pending)
      if (&g != &e && !g.noun && (g.verb == up || g.verb == up2) && is_violent(g.code)) e.dropped = true;
  }
  // "The Taliban banned women from attending universities", "refrained from attacking": an
  // act someone is kept from, "from" and a gerund under a verb of keeping, has not happened.
  for (Pending& e : sc.pending) {
    const int gov = t.parent[e.verb];
    if (!t.lone_agents || gov < 0 || e.noun || t.xp[e.verb] != kVBG || !among(words().prevention, t.hl[gov])) continue;
    for (uint32_t c : t.kids(e.verb)) e.dropped = e.dropped || t.hl[c] == words().from;
  }
  // "Over 3,000 people marched on Red Square to mark the anniversary": a march or a rally to
  // commemorate or celebrate is no protest.
  static const std::vector<uint64_t> kCommemorating{h("mark"), h("commemorate"), h("celebrate"), h("honour"),
                                                    h("honor"), h("remember"), h("mourn"), h("observe")};
  for (Pending& e : sc.pending) {
    if (!t.lone_agents || !(e.code.starts_with("140") || e.code.starts_with("141"))) continue;
    for (uint32_t c : t.kids(e.verb))
      if ((t.dep[c] == kAdvcl || t.dep[c] == kXcomp) && among(kCommemorating, t.hl[c])) e.dropped = true;
  }
  // "held a phone conversation to discuss the war": a purpose (of the verb or of the event
  // noun) of the same kind as its governor's event is that event, told again; so is what a
  // protest is for ("marched in Tehran to denounce the government": the march, 141).
  static const uint64_t kTo = h("to");
  for (Pending& e : sc.pending) {
    if ((t.dep[e.verb] != kAdvcl && t.dep[e.verb] != kAcl) || t.parent[e.verb] < 0 || e.code.size() < 2) continue;
    bool purpose = false;
    for (uint32_t c : t.kids(e.verb)) purpose = purpose || (t.dep[c] == kMark && t.hl[c] == kTo);
    if (!purpose) continue;
    const int gov = t.parent[e.verb], gov_object = t.child_with(gov, kObj);  // "held a conversation"
    for (const Pending& g : sc.pending)
      if (&g != &e && !g.dropped && (g.verb == gov || g.verb == gov_object) &&
          (g.code.compare(0, 2, e.code, 0, 2) == 0 ||
           (g.code.starts_with("14") && (e.code.starts_with("10") || e.code.starts_with("11") || e.code.starts_with("12")))))
        e.dropped = true;
  }
  // "shelled Kharkiv, killing 12 civilians", "shot into houses, killing nine villagers": the
  // participle tells the toll of the attack, one event. Its victims become the attack's
  // target when the attack has none; a different source ("..., killing two of the attackers")
  // keeps both.
  // A bare country the attack's target took from its place ("a checkpoint in Helmand") yields
  // to the victims of that country ("four soldiers": AFGMIL).
  for (Pending& e : sc.pending) {
    if (!t.lone_agents || !is_violent(e.code) || t.xp[e.verb] != kVBG) continue;
    int participle = e.verb;  // "killing nine and injuring nine others": the first participle
    if (t.dep[participle] == kConj && t.parent[participle] >= 0 && t.xp[t.parent[participle]] == kVBG)
      participle = t.parent[participle];
    if (t.dep[participle] != kAdvcl) continue;
    for (Pending& g : sc.pending) {
      if (&g == &e || g.dropped || g.verb != t.parent[participle] || !is_violent(g.code)) continue;
      if (!e.src.empty() && !g.src.empty() && e.src.front().code != g.src.front().code) continue;
      bool bare_country = !g.tgt.empty() && g.tgt.front().code.size() == 3 && !e.tgt.empty() &&
                          e.tgt.front().code.starts_with(g.tgt.front().code);
      // "A suicide bomber blew himself up in a market, killing 20 people": the attacker is
      // no target; the victims are.
      bool reflexive = !g.tgt.empty() && g.tgt.front().first >= 0 && g.tgt.front().first == g.tgt.front().last &&
                       among(words().reflexive, t.hs[g.tgt.front().first]);
      if (g.tgt.empty() || bare_country || reflexive) g.tgt = e.tgt;
      e.dropped = true;
    }
  }
  // "seized two cars full of explosives in Kabul and arrested four persons": what is seized
  // is taken from those arrested with it, by the same hands; a bare country the seizure took
  // from its place yields to them.
  for (Pending& e : sc.pending) {
    if (!t.lone_agents || e.dropped || !e.code.starts_with("171") || e.src.empty()) continue;
    if (!e.tgt.empty() && !(e.tgt.size() == 1 && e.tgt.front().code.size() == 3)) continue;
    for (const Pending& g : sc.pending)
      if (&g != &e && !g.dropped && g.code.starts_with("173") && !g.tgt.empty() && !g.src.empty() &&
          g.src.front().code == e.src.front().code) {
        e.tgt = g.tgt;
        break;
      }
  }
  // "Four people were killed when Indian police fired on a mob": a killing no one is named
  // doing, told with an attack in its "when" clause, is that attacker's.
  static const uint64_t kWhen = h("when");
  for (Pending& e : sc.pending) {
    if (!t.lone_agents || e.dropped || !e.src.empty() || !is_violent(e.code)) continue;
    for (const Pending& g : sc.pending) {
      // (Its clause may hang on a toll joined to the killing: "were killed and three others
      // injured when ...".)
      int above = t.parent[g.verb];
      bool on_it = above == e.verb || (above >= 0 && t.dep[above] == kConj && t.parent[above] == e.verb);
      if (&g == &e || g.dropped || g.src.empty() || !on_it || (t.dep[g.verb] != kAdvcl && t.dep[g.verb] != kAcl) ||
          !(is_violent(g.code) || g.code.starts_with("17")))
        continue;
      bool when = false;
      for (uint32_t c : t.kids(g.verb)) when = when || (c < static_cast<uint32_t>(g.verb) && t.hl[c] == kWhen);
      if (!when) continue;
      e.src = g.src;
      break;
    }
  }
  std::vector<CodedActor> who;
  for (Pending& e : sc.pending) {
    if (e.dropped) continue;
    // The speech verb above it, or one that closes its clause or a clause above it ("...,
    // killing four people, the news agency reported": the attribution hangs beside it).
    for (int up = e.verb, steps = 0; up >= 0 && steps < t.n; up = t.parent[up], ++steps) {
      int a = up != e.verb && is_speech_verb(t.hl[up]) ? up : -1;
      for (uint32_t c : t.kids(up))
        if (a < 0 && t.dep[c] == kParataxis && static_cast<int>(c) > e.verb && t.verbal(static_cast<int>(c)) &&
            is_speech_verb(t.hl[c]))
          a = static_cast<int>(c);
      if (a < 0) continue;
      bool pv = false;
      int sj = t.subject_of(a, pv);
      if (sj >= 0 && t.verbal(sj)) sj = -1;  // a clause the tree made the subject: no speaker
      if (sj >= 0) {
        t.group_of_phrase(sj, who);
        e.reported = who.empty() ? CodedActor{"", sj, sj} : who.front();
        e.has_reported = true;
        e.also_reported.clear();
        for (size_t i = 1; i < who.size(); ++i)
          if (who[i].code != e.reported.code) e.also_reported.push_back(who[i]);
        // "The politicians are accused of siphoning off funds, the CBI said": an accusation
        // no one in its clause makes is the reporter's (not one on a person the report names:
        // "officials said gendarmes arrested a paratrooper accused of sadism").
        if (e.src.empty() && e.code.starts_with("112") && !e.reported.code.empty() && t.dep[e.verb] != kAcl &&
            t.dep[e.verb] != kRelcl)
          e.src.push_back(e.reported);
      }
      // (Not a claim or a denial of responsibility: "claimed responsibility for the attack
      // that killed ..." is an event about that deed.)
      for (Pending& g : sc.pending)
        if (g.verb == a && g.code.size() >= 2 && g.code.compare(0, 2, "01") == 0 && !responsibility(g.code))
          g.dropped = true;
      break;
    }
  }
}

// One attack, not two or three: a killing or a wounding no one is named doing "in" a
// bombing, a blast or an attack ("five soldiers were killed in a roadside bomb blast", "nine
// Palestinians were wounded in an Israeli air strike") is that attack's toll, and the attack
// noun carries the event (with the victims); of two attack nouns in one phrase ("roadside
// bomb blast") that no one is named doing, the more specific code stays. An attack that is
// the subject of the killing ("an Israeli air strike killed one militant") likewise.
namespace {
bool same_actors(const std::vector<CodedActor>& a, const std::vector<CodedActor>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].code != b[i].code) return false;
  return true;
}
}  // namespace

void Coder::fold_tolls(Scratch& sc) const {
  const SentenceTree& t = sc.t;
  if (!t.lone_agents) return;
  auto attack = [](const Pending& a) { return !a.dropped && a.noun && a.src.empty() && is_violent(a.code); };
  for (Pending& a : sc.pending)
    for (Pending& b : sc.pending)
      if (&a != &b && attack(a) && attack(b) && t.parent[b.verb] == a.verb && t.dep[b.verb] == kCompound) {
        Pending& weaker = b.code.size() > a.code.size() ? a : b;
        Pending& stronger = &weaker == &a ? b : a;
        if (stronger.tgt.empty()) stronger.tgt = weaker.tgt;
        weaker.dropped = true;
      }
  auto any_attack = [](const Pending& a) { return !a.dropped && a.noun && is_violent(a.code); };
  // The "with" phrase of a fight noun told as where a killing happened, on the noun or, as the
  // tree may hang it, on the killing: the fight's other side.
  auto with_side = [&](const Pending& a, const Pending& k) {
    if (!a.symmetric) return -1;
    int w = t.prep_phrase(a.verb, words().with, {});
    if (w < 0 && t.parent[a.verb] == k.verb) w = t.prep_phrase(k.verb, words().with, {});
    return w;
  };
  // "Two soldiers died in clashes with rebels": a fight whose side is the killing's victims is
  // with the other side; it carries the toll.
  for (Pending& k : sc.pending) {
    if (k.dropped || k.noun || !is_violent(k.code) || !k.src.empty() || k.tgt.empty()) continue;
    for (Pending& a : sc.pending)
      if (&a != &k && any_attack(a) && a.tgt.empty() && same_actors(a.src, k.tgt) && t.parent[a.verb] == k.verb)
        if (const int w = with_side(a, k); w >= 0) {
          sc.t.group_of_phrase(w, a.tgt);
          if (same_actors(a.src, a.tgt)) a.tgt.clear();
          if (!a.tgt.empty()) k.dropped = true;
        }
  }
  for (Pending& k : sc.pending) {
    if (k.dropped || k.noun || !is_violent(k.code)) continue;
    for (Pending& a : sc.pending)
      // (Not an attack whose doers are the killing's victims: "two soldiers died in clashes".)
      if (&a != &k && any_attack(a) && !(!a.src.empty() && same_actors(a.src, k.tgt)) &&
          ((k.src.empty() && t.below(a.verb, k.verb)) || (t.parent[a.verb] == k.verb && t.dep[a.verb] == kNsubj) ||
           // "the attack on the village, which killed 30 people"
           // (by someone named; an attack by no one leaves the killing its own code)
           (t.parent[k.verb] == a.verb && t.dep[k.verb] == kRelcl && k.src.empty() && !a.src.empty()) ||
           // "NATO troops killed 25 civilians in an air strike": the killers' attack
           (t.parent[a.verb] == k.verb && t.dep[a.verb] == kObl && t.child_with(k.verb, kObj) >= 0 &&
            !k.src.empty() && same_actors(a.src, k.src)))) {
        // "Three Maoists were killed in a clash with security forces": those the fight is with
        // are the other side of those it killed (the tree may hang "with" on the killing).
        if (a.src.empty() && k.src.empty() && !k.tgt.empty())
          if (const int w = with_side(a, k); w >= 0) {
            std::vector<CodedActor> side;
            sc.t.group_of_phrase(w, side);
            if (!side.empty() && !same_actors(side, k.tgt)) a.src = std::move(side), a.tgt = k.tgt;
          }
        if (a.tgt.empty()) a.tgt = k.tgt;
        if (a.src.empty()) a.src = k.src;  // "A US air raid killed 12 people": the subject's country
        k.dropped = true;
        break;
      }
  }
  // "The deputy minister was kidnapped when gunmen stormed his house": a deed done to someone
  // by no one named, told with the act it happened in ("when" and a violent act with a doer),
  // is that doer's; the act is how it was done, no second event.
  // (A charge or a volley on a crowd, 175, or a crowd's violence, 145, is how it was done too:
  // "a student was killed when police charged at a demonstration" is the repression, "two
  // policemen were hurt when a mob pelted them with stones" the riot.)
  static const uint64_t kWhen = h("when");
  auto crowd_force = [](const std::string& c) { return c == "145" || c.starts_with("175"); };
  for (Pending& k : sc.pending) {
    if (k.dropped || k.noun || !is_violent(k.code) || k.tgt.empty()) continue;
    for (Pending& a : sc.pending) {
      if (&a == &k || a.dropped || a.noun || !(is_violent(a.code) || crowd_force(a.code)) || a.src.empty() ||
          t.parent[a.verb] != k.verb ||
          t.dep[a.verb] != kAdvcl || same_actors(a.src, k.tgt) || (!k.src.empty() && !same_actors(a.src, k.src)))
        continue;
      bool when = false;
      for (uint32_t c : t.kids(a.verb)) when = when || (static_cast<int>(c) < a.verb && t.hl[c] == kWhen);
      if (!when) continue;
      // (A clash between police and a crowd keeps its two sides, 175 and 145, and the harm
      // done in it is its own: "dozens were injured when police clashed with protesters".)
      if (crowd_force(a.code) && a.symmetric) {
        k.dropped = true;
        break;
      }
      k.src = a.src;
      if (crowd_force(a.code)) k.code = a.code, k.pattern = a.pattern;
      a.dropped = true;
      break;
    }
  }
  // "Gunmen shot into a market, killing nine villagers and injuring nine others": the shot
  // waiting for its victims takes those of its participle, and the participle (and what is
  // joined to it) is no second event.
  for (Pending& a : sc.pending) {
    if (a.dropped || a.noun || !a.awaits_toll || !a.tgt.empty()) continue;
    for (Pending& k : sc.pending) {
      if (&k == &a || k.dropped || k.noun || !is_violent(k.code) || k.tgt.empty() || t.parent[k.verb] != a.verb ||
          t.dep[k.verb] != kAdvcl || t.xp[k.verb] != kVBG || (!k.src.empty() && !same_actors(k.src, a.src)))
        continue;
      a.tgt = k.tgt;
      k.dropped = true;
      for (Pending& j : sc.pending)
        if (&j != &a && !j.dropped && !j.noun && is_violent(j.code) && t.parent[j.verb] == k.verb && t.dep[j.verb] == kConj)
          j.dropped = true;
      break;
    }
  }
  for (Pending& a : sc.pending)
    if (a.awaits_toll && a.tgt.empty()) a.dropped = true;
}

void Coder::emit(Document& doc, uint32_t s, const Scratch& sc) const {
  const SentenceTree& t = sc.t;
  size_t begin = doc.events.size();
  auto add = [&](const Pending& e, const CodedActor& a, const CodedActor* tg, const std::string& code) {
    // Nothing is done to oneself; a denial about oneself ("Russia denies that it was
    // involved") is a denial with no target, an admission likewise.
    // (An implied source is not the target itself: police arresting policemen, "Eight
    // policemen have been detained".)
    // (Force two different people of one kind use on each other is done: "a man attacked a
    // group of children", CVL on CVL.)
    // (Not someone's own: "its opponents", "his wife" take the owner's code.)
    static const uint16_t kPossessive = xpos_id("PRP$");
    bool owned = false;
    if (tg && tg->first >= 0)
      for (int k = tg->first; k <= tg->last && k < t.n; ++k) owned = owned || t.xp[k] == kPossessive;
    bool two_people = tg && a.first >= 0 && tg->first >= 0 && (a.last < tg->first || tg->last < a.first) &&
                      is_material_event(code) && a.code.size() > 3 && !owned;
    // (Not one group and a pronoun for it: "the men ... wounded four of them" read wrong.)
    if (two_people) {
      const int32_t chain = chain_of(doc, t.span(doc, a.first, a.last));
      two_people = chain < 0 || chain != chain_of(doc, t.span(doc, tg->first, tg->last));
    }
    if (tg && a.code == tg->code && a.first >= 0 && !two_people) {
      if (!responsibility(code)) return;
      tg = nullptr;
    }
    // People travelling are no official visit; a crowd gathering somewhere is no meeting at a
    // third place ("500 people gathered in front of the parliament to protest").
    if ((code.starts_with("042") || code.starts_with("044")) && is_population(a.code)) return;
    // Nor is going to a town or region of one's own country a visit to anyone ("the fleet
    // arrived in this port city in east China": CHNMIL 042 CHNGOV, the city for its
    // government); a visit to someone there is ("visited Google's headquarters").
    if (code.starts_with("042") && t.lone_agents && tg && tg->first >= 0 && a.code.size() >= 3 &&
        tg->code.size() >= 3 && a.code.compare(0, 3, tg->code, 0, 3) == 0) {
      // (The place is the target itself, its head word: not "the Kashmir police headquarters".)
      const int head = t.head_of(*tg);
      const Span word = t.span(doc, head, head);
      for (const Place& p : doc.places)
        if (p.sentence == s && p.span.begin <= word.begin && word.end <= p.span.end &&
            p.country == tg->code.substr(0, 3) && (p.precision == 1 || p.precision == 2))
          return;
    }
    // Meeting or telling the press is no consultation ("met with reporters in Beijing"); a
    // named outlet's interview is not coded either way.
    auto press = [&](const CodedActor* x) {
      if (!x || x->first < 0 || !std::string_view(x->code).ends_with("MED")) return false;
      bool generic = false;
      for (int k = x->first; k <= x->last && k < t.n; ++k) {
        if (t.up[k] == kPropn) return false;
        generic = generic || among(words().press, t.hl[k]) || among(words().press, t.hs[k]);
      }
      return generic;
    };
    if (code.starts_with("04") && (press(&a) || press(tg))) return;
    // Nor is telling the media a statement to them ("told Russian television that ...",
    // "in remarks to al-Ikhbariya television"): the outlet is the channel, not the addressee.
    if (code == "010" && tg && std::string_view(tg->code).ends_with("MED")) return;
    // The same event twice, once with its sides' roles ("UKR 040 CHN" and "UKRGOV 040 CHNGOV"
    // from two phrases of one sentence): once, the more precise.
    const std::string_view tcode = tg ? std::string_view(tg->code) : std::string_view();
    for (size_t i = begin; i < doc.events.size(); ++i) {
      Event& x = doc.events[i];
      if (x.code != code || !told_twice(x.source.code, x.target.code, a.code, tcode)) continue;
      if (x.source.code.size() < a.code.size() && a.first >= 0)
        x.source = EventActor{a.code, t.span(doc, a.first, a.last), -1};
      if (tg && x.target.code.size() < tg->code.size() && tg->first >= 0)
        x.target = EventActor{tg->code, t.span(doc, tg->first, tg->last), -1};
      return;
    }
    Event ev;
    ev.sentence = s;
    ev.span = t.span(doc, e.verb - e.prefix, e.end);
    // An implied source (the police of an arrest) has a code and no words.
    ev.source = a.first < 0 ? EventActor{a.code, Span{}, -1} : EventActor{a.code, t.span(doc, a.first, a.last), -1};
    if (tg) ev.target = {tg->code, tg->first < 0 ? Span{} : t.span(doc, tg->first, tg->last), -1};
    ev.code = code;
    if (e.pattern >= 0) {
      const std::string& origin = patterns_[static_cast<size_t>(e.pattern)].origin;
      const size_t slash = origin.rfind('/');
      ev.pattern = slash == std::string::npos ? origin : origin.substr(slash + 1);
    }
    ev.date = doc.date;
    ev.negated = e.negated;
    ev.future = e.future;
    ev.mutual = e.symmetric || e.compound;
    if (e.has_reported) ev.reported_by = {e.reported.code, t.span(doc, e.reported.first, e.reported.last), -1};
    for (const CodedActor& r : e.also_reported) ev.also_reported_by.push_back({r.code, t.span(doc, r.first, r.last), -1});
    ev.confidence = std::min(0.95f, 0.45f + 0.1f * static_cast<float>(e.score));
    ev.reports = e.told_again;
    for (const CodedActor& c : e.claimed_by) {
      EventActor by{c.code, t.span(doc, c.first, c.last), -1};
      if (e.blamed_on)  // (by someone the text does not name)
        ev.claims.push_back(Claim{EventActor{}, "blames", by, s, t.span(doc, e.claim_word, e.claim_word)});
      else
        ev.claims.push_back(Claim{by, "claims", by, s, t.span(doc, e.claim_word, e.claim_word)});
    }
    doc.events.push_back(std::move(ev));
  };
  // Police and a crowd clashing: the police repress (175), the crowd riots (145), as our
  // annotation guide codes a clash between them; armed sides fight (19x) both ways.
  // (A crowd no country owns too: "clashes between police and students" in an article that
  // names none.)
  auto crowd = [](std::string_view c) {
    if (c == "CVL" || c == "OPP" || c == "LAB" || c == "EDU") return true;
    return is_population(c) || (c.size() == 6 && (c.ends_with("OPP") || c.ends_with("LAB") || c.ends_with("EDU")));
  };
  // A crowd killed from: protesters, or a crowd or mob named as one, or many people where the
  // sentence tells of protesters or a protest ("fired on protesters, killing two people"); not
  // "police killed two men", a killing of suspects.
  static const std::vector<uint64_t> kProtesting{h("protester"), h("demonstrator"), h("rioter"), h("marcher"),
                                                  h("protest"), h("demonstration"), h("rally"), h("riot")};
  bool crowd_told = false;
  for (int k = 0; k < t.n && !crowd_told; ++k)
    crowd_told = among(kProtesting, t.hl[k]) || among(words().collective, t.hl[k]);
  auto many = [&](const CodedActor& b) {
    if (b.first < 0) return false;
    if (std::string_view(b.code).ends_with("OPP")) return true;
    const int head = t.head_of(b);
    if (head < 0) return false;
    if (among(words().collective, t.hl[head])) return true;
    return crowd_told && (t.xp[head] == kNNS || t.xp[head] == kNNPS || t.up[head] == kNum);
  };
  // (So is the police's beating or injuring of a crowd, 180 and 182: "police injured dozens
  // of protesters" is repression; and so is their killing of many: "police fired on a
  // crowd, killing four people", "two protesters were killed when police opened fire".)
  auto clash = [&](const Pending& e, const CodedActor& a, const CodedActor& b) {
    if (!t.lone_agents) return e.code;
    const bool police_on_crowd = std::string_view(a.code).ends_with("COP") && crowd(b.code);
    if (police_on_crowd && (e.code == "180" || e.code == "182")) return std::string("175");
    if (police_on_crowd && e.code.starts_with("182") && many(b)) return std::string("175");
    if (!(e.symmetric || e.compound) || !(e.code.starts_with("19") || e.code == "145")) return e.code;
    if (police_on_crowd) return std::string("175");
    if (crowd(a.code) && std::string_view(b.code).ends_with("COP")) return std::string("145");
    return e.code;
  };
  bool told_else = false;  // an event other than a statement about someone
  for (const Pending& pending : sc.pending) told_else = told_else || (!pending.dropped && !pending.about);
  for (const Pending& pending : sc.pending) {
    if (pending.dropped || (pending.about && told_else)) continue;
    const Pending* ep = &pending;
    // A symmetric event of officials no country owns with two countries or more ("a phone
    // call between Foreign Ministers was the first contact between Ukraine and China"): the
    // officials are those countries', and the event holds among them (UKRGOV, CHNGOV).
    Pending among_owners;
    if (t.lone_agents && pending.symmetric && !pending.compound && pending.src.size() == 1 &&
        pending.tgt.size() >= 2 && !resolver_.has_country(pending.src[0].code) &&
        pending.src[0].code.size() == 3 && !pending.src[0].code.starts_with("IGO") &&
        std::all_of(pending.tgt.begin(), pending.tgt.end(), [&](const CodedActor& a) {
          return a.code.size() == 3 && resolver_.has_country(a.code);
        })) {
      among_owners = pending;
      among_owners.compound = true;
      among_owners.src = pending.tgt;
      for (CodedActor& a : among_owners.src) a.code += pending.src[0].code;
      ep = &among_owners;
    }
    const Pending& e = *ep;
    if (e.compound) {  // between the members of a compound, both ways
      for (const CodedActor& a : e.src)
        for (const CodedActor& b : e.src)
          if (&a != &b) add(e, a, &b, clash(e, a, b));
    } else if (e.src.empty()) {  // victims of an attack by no one named, or no one at all
      static const CodedActor kUnknown{"", -1, -1};
      if (e.tgt.empty()) add(e, kUnknown, nullptr, e.code);
      for (const CodedActor& b : e.tgt) add(e, kUnknown, &b, e.code);
    } else if (e.tgt.empty()) {
      for (const CodedActor& a : e.src) add(e, a, nullptr, e.code);
    } else {
      for (const CodedActor& a : e.src)
        for (const CodedActor& b : e.tgt) {
          add(e, a, &b, clash(e, a, b));
          if (!e.reverse.empty() && e.reverse != "---") add(e, b, &a, e.reverse);
          if (e.symmetric) add(e, b, &a, clash(e, b, a));
        }
    }
  }
}

void Coder::code_sentence(Document& doc, uint32_t s, Scratch& sc) const {
  SentenceTree& t = sc.t;
  t.load(doc, s, resolver_);
  const int n = t.n;
  sc.pending.clear();
  sc.anaphora.clear();
  // The country of the first actor of a side that has one ("" when none).
  auto first_country = [&](const std::vector<CodedActor>& side) {
    for (const CodedActor& a : side)
      if (resolver_.has_country(a.code)) return a.code.substr(0, 3);
    return std::string();
  };
  // A target that is a place the act happened in ("in Beijing"), no one it was done to.
  auto place_target = [&](const CodedActor& a) {
    return a.last >= 0 && t.match_at[a.last] >= 0 && locative(t, t.np_head(t.match_at[a.last]));
  };
  for (int v = 0; v < n; ++v) {
    bool verbal = t.verbal(v), nominal = t.up[v] == kNoun;
    // A predicate adjective with its copula ("Kuleba was grateful to Wang"): its subject is
    // the copula's.
    static const uint16_t kCop = deprel_id("cop");
    const bool predicative = t.up[v] == kAdj && t.child_with(v, kCop) >= 0;
    if (!verbal && !nominal && !predicative) continue;
    // "Iranian-backed militias", "US-led troops": a participle hyphened to its modifier
    // describes the noun; it tells no event of its own.
    if (verbal && v > 0 && t.xp[v - 1] == kHYPH && (t.dep[v] == kAmod || t.dep[v] == kCompound)) continue;
    // So does a present participle before its noun ("fired on a rampaging mob", "the
    // advancing troops"): what the noun is doing, not an event the sentence reports.
    if (verbal && t.lone_agents && t.dep[v] == kAmod && t.xp[v] == kVBG && t.parent[v] > v) continue;
    // So does a participle describing who stands behind a group ("troops backed by Afghan
    // security forces", "militias supported by Iran").
    if (verbal && t.lone_agents && t.dep[v] == kAcl && t.xp[v] == kVBN && among(words().backing, t.hl[v])) continue;
    // "died of a heart attack": an illness, no violence.
    if (nominal && v > 0 && t.dep[v - 1] == kCompound && t.parent[v - 1] == v && among(words().illness, t.hl[v - 1]))
      continue;
    // Candidate heads: the surface form, the dictionary's form table, the lemma.
    uint64_t keys[3] = {t.hs[v], 0, t.hl[v]};
    if (auto f = forms_.find(t.hs[v]); f != forms_.end()) keys[1] = f->second;
    const std::vector<uint32_t>* cands[3] = {nullptr, nullptr, nullptr};
    bool any = false;
    for (int k = 0; k < 3; ++k) {
      if (keys[k] == 0 || (k > 0 && (keys[k] == keys[0] || (k == 2 && keys[2] == keys[1])))) continue;
      if (auto it = by_head_.find(keys[k]); it != by_head_.end()) cands[k] = &it->second, any = true;
    }
    if (!any) continue;
    sc.after.assign(n, 0);
    sc.before.assign(n, 0);
    for (int j = 0; j < n; ++j) {
      if (j > v) sc.after[j] = t.in_clause(j, v, false, false);
      if (j < v) sc.before[j] = t.up[j] != kAdv && t.in_clause(j, v, true, false);
    }

    int subj = -1;
    bool passive = false;
    subject_actors(sc, v, subj, passive);
    // The pattern matching most elements; the surface form's before the lemma's on a tie.
    Match best, m;
    for (const auto* list : cands) {
      if (!list) continue;
      for (uint32_t pi : *list)
        if ((patterns_[pi].noun ? nominal : patterns_[pi].adjective ? predicative : verbal) &&
            match_pattern(sc, v, pi, m) && m.score > best.score)
          best = m;
    }
    if (best.pattern < 0) continue;
    // "the number of soldiers killed (since 2003)": a tally, not an event.
    if (t.lone_agents && (t.dep[v] == kAcl || t.dep[v] == kRelcl) && t.parent[v] >= 0 &&
        t.dep[t.parent[v]] == kNmod && t.parent[t.parent[v]] >= 0 && among(words().tally, t.hl[t.parent[t.parent[v]]]))
      continue;
    const VerbPattern& p = patterns_[best.pattern];
    if (p.code.empty() || p.code == "---") continue;
    // "The meeting between Netanyahu and Abbas was cancelled", "talks were postponed": a
    // consultation called off did not take place (calling it off, 125, is the verb's).
    if (p.noun && p.code.starts_with("04") && (t.dep[v] == kObj || t.dep[v] == kNsubjPass) && t.parent[v] >= 0 &&
        among(words().calling_off, t.hl[t.parent[v]]) &&
        (t.hl[t.parent[v]] != words().call || t.child_with(t.parent[v], kPrt) >= 0))
      continue;
    // "have claimed the lives of 3,700 people since January", "126 soldiers killed since
    // 2003": violence counted since a time is a tally, not an event.
    if (t.lone_agents && is_violent(p.code) && since_phrase(t, v)) continue;
    // A participle on a noun reads as done to the noun ("soldiers killed in Iraq") only when
    // the pattern can take it as its object: "insurgents fired at a patrol", "thousands of
    // people demonstrated in Paris" (the tree missed the main verb) did it.
    if (passive && t.lone_agents && t.dep[v] == kAcl && t.child_with(v, kAuxPass) < 0 &&
        (p.target == TargetFrom::kPreposition || p.target == TargetFrom::kNone || p.code.starts_with("14")))
      passive = false;
    Pending e;
    e.verb = v, e.end = best.last, e.score = best.score, e.pattern = best.pattern;
    e.prefix = static_cast<int>(p.head_prefix.size());
    e.code = p.code, e.reverse = p.reverse_code, e.symmetric = p.symmetric, e.compound = p.compound_source;
    e.noun = p.noun;
    claimed_attack(sc, v, e);
    target_actors(sc, v, best, passive, e);
    // "Somali troops backed by US aircraft killed ...", "ISAF troops backed by Afghan forces":
    // who backs the doers in the act does it with them.
    if (t.lone_agents && is_material_event(e.code) && !e.src.empty() && subj >= 0 && !passive) {
      static const std::vector<uint64_t> kBacking{h("back"), h("support"), h("assist"), h("aid")};
      for (uint32_t c : t.kids(subj))
        if (t.dep[c] == kAcl && t.xp[c] == kVBN && among(kBacking, t.hl[c]))
          if (int agent = t.child_with(static_cast<int>(c), kOblAgent); agent >= 0) {
            std::vector<CodedActor> backers;
            t.group_of_phrase(agent, backers);
            for (CodedActor& b : backers)  // (armed backers: "accompanied by journalists" is no doer)
              if (armed_agent(b.code) &&
                  std::none_of(e.src.begin(), e.src.end(), [&](const CodedActor& a) { return a.code == b.code; }))
                e.src.push_back(std::move(b));
          }
    }
    // "a missile fired by the Houthis at Riyadh": a participle on a noun whose pattern takes
    // its target from a preposition reads as active above, but its "by" phrase is its doer.
    if (t.lone_agents && e.src.empty() && !passive && t.dep[v] == kAcl && t.xp[v] == kVBN)
      if (int agent = t.child_with(v, kOblAgent); agent >= 0) t.group_of_phrase(agent, e.src);
    // Where whom it was done to were is no one it was done to: "dispersed the protesters
    // outside parliament" is on the protesters (a place inside the target's phrase, beside
    // a party, is where).
    if (t.lone_agents && e.tgt.size() >= 2 && !std::all_of(e.tgt.begin(), e.tgt.end(), place_target)) {
      std::vector<int> heads;  // the phrase heads of the parties that are in no place themselves
      for (const CodedActor& b : e.tgt) {
        if (place_target(b) || b.first < 0 || t.cover[b.first] < 0) continue;
        const int bh = t.np_head(t.cover[b.first]);
        bool placed = false;  // (itself in a place: "ports in X, Y and Z")
        for (int k = bh, g = 0; k >= 0 && k != v && g < t.n && !placed; k = t.parent[k], ++g) placed = locative(t, k);
        if (!placed) heads.push_back(bh);
      }
      std::erase_if(e.tgt, [&](const CodedActor& a) {
        return place_target(a) && std::any_of(heads.begin(), heads.end(), [&](int bh) { return t.below(a.last, bh); });
      });
    }
    // "marched against a proposed extradition law", "protested in Nairobi against the new
    // education law": a demonstration for a change of leaders, policy, rights or institutions
    // (1411-1414) that names no one it is against, or only where it was, is against the
    // government of the demonstrators' country, who makes that change.
    // A curfew, a state of emergency or martial law (1723, 1724) declared on no one or no
    // place named is on the country of whoever declares it (on its people).
    const bool on_own_country = (p.code == "1723" || p.code == "1724") && e.tgt.empty();
    if (t.lone_agents && p.code.size() == 4 && (p.code.starts_with("141") || on_own_country)) {
      const std::string country = first_country(e.src);
      if (std::all_of(e.tgt.begin(), e.tgt.end(), place_target) && !country.empty())
        e.tgt.assign(1, CodedActor{on_own_country ? country : country + "GOV", -1, -1});
    }
    // A definite consultation noun naming no one refers back ("the talks", "his call").
    // Not the singular "talk" ("after all the tough talk": speech, not negotiations).
    // With one party named in the sentence ("During this conversation, Wang stressed"),
    // it is the consultation that party just had.
    if (p.noun && e.tgt.empty() && t.lone_agents && e.code.starts_with("04") && definite(t, v) &&
        t.hs[v] != words().talk && (e.src.empty() || (e.symmetric && e.src.size() == 1))) {
      std::string party = e.src.empty() ? std::string() : e.src.front().code.substr(0, 3);
      if (party != "---") {
        sc.anaphora.push_back({v, best.last, std::move(party)});
        continue;
      }
    }
    // "Palestinian officials condemned the attack": disapproving of a definite violent deed
    // that names no doer disapproves of whoever the text just reported doing it (within five
    // sentences; the latest attack with a known doer).
    if (e.tgt.empty() && !e.src.empty() && !p.noun && t.lone_agents && e.code.starts_with("11"))
      if (int o = t.child_with(v, kObj); o >= 0 && definite(t, o) && violent_noun(t, o))
        for (size_t i = doc.events.size(); i-- > 0;) {
          const Event& x = doc.events[i];
          if (x.sentence + 5 < s) break;
          if (x.sentence >= s || !is_violent(x.code) || x.negated || x.future) continue;
          if (!x.source.code.empty()) e.tgt.push_back({x.source.code, -1, -1});
          break;
        }
    // "A Taliban spokesman said one of the movement's fighters had carried out the attack",
    // "The bombing was carried out by one of our mujahedin": violence done to a definite
    // attack that names no victim is that attack, told before (within five sentences, the
    // latest with a known target), told again with its doer (Event::reports: its claims).
    // (Or the weapons of that attack: "Hamas said it fired the rockets"; or the attack its
    // doer is behind: "officials said the Taliban were behind the attack".)
    if (e.tgt.empty() && !e.src.empty() && (!p.noun || behind_it(t, v)) && t.lone_agents && is_violent(e.code))
      if (int o = p.noun ? v : t.child_with(v, passive ? kNsubjPass : kObj);
          o >= 0 && definite(t, o) && (violent_noun(t, o) || is_weapon_noun(t.hl[o])))
        for (size_t i = doc.events.size(); i-- > 0;) {
          const Event& x = doc.events[i];
          if (x.sentence + 5 < s) break;
          if (x.sentence >= s || !is_violent(x.code) || x.negated || x.future || x.target.code.empty()) continue;
          e.tgt.push_back({x.target.code, -1, -1});
          e.code = x.code, e.told_again = static_cast<int>(i);
          break;
        }
    // The country of a place in the verb's own clause (places are in text order: this
    // sentence's only), else the document's main country ("Li Zhaokun was detained ... after
    // starting a forest fire in south China's Guangdong province"); "" when none.
    auto clause_country = [&](int head) {
      auto pl_it = std::lower_bound(doc.places.begin(), doc.places.end(), s,
                                    [](const Place& x, uint32_t sent) { return x.sentence < sent; });
      for (; pl_it != doc.places.end() && pl_it->sentence == s; ++pl_it) {
        const Place& pl = *pl_it;
        if (pl.mention < 0 || !resolver_.has_country(pl.country)) continue;
        int j = static_cast<int>(doc.mentions[static_cast<size_t>(pl.mention)].head_word) - static_cast<int>(t.fw);
        if (j >= 0 && j < n && j != head && (j > head ? sc.after[j] : sc.before[j])) return pl.country.substr(0, 3);
      }
      return resolver_.has_country(doc.country) ? doc.country : std::string();
    };
    // "Russian forces shelled the town", "troops raided a village near Jenin": violence on a
    // place named only by what it is, by a doer of one country, is against the country of the
    // place its clause names, else the article's, when that is another country.
    if (t.lone_agents && !p.noun && !passive && is_violent(e.code) && e.tgt.empty() && !e.src.empty())
      if (int o = t.child_with(v, kObj); o >= 0 && t.cover[o] < 0 && among(words().settlement, t.hl[o]))
        if (std::string doer = first_country(e.src), country = clause_country(v);
            !doer.empty() && !country.empty() && doer != country)
          e.tgt.push_back({country, o, o});
    // "Thousands marched in Hong Kong to demand democracy": a crowd counted and not named
    // protesting is the people of where it protests (CVL).
    if (t.lone_agents && !p.noun && e.code.starts_with("14") && e.src.empty() && subj >= 0 && !passive &&
        t.cover[subj] < 0 && among(words().quantity, t.hl[subj]))
      if (std::string country = clause_country(v); !country.empty()) e.src.push_back({country + "CVL", subj, subj});
    // "Police have detained Guan Jingquan", "Li Zhaokun was detained": a person the
    // dictionaries do not know, arrested, attacked or killed, is a civilian (CVL) of the
    // country of whoever did it, else of the place its clause names (docs/annotation.md);
    // the person, not the place where ("arrested Zhang Wei in Beijing").
    if (t.lone_agents && !p.noun && is_material_event(e.code) && !e.compound)
      if (int who = passive ? subj : t.child_with(v, kObj); who >= 0)
        if (Mention* person = unknown_person(doc, s, t.fw + static_cast<uint32_t>(who), e.code.starts_with("173"))) {
          person->type = EntityType::kPerson;  // the arrest tells it (the tolls count one person)
          if (!e.tgt.empty() && std::all_of(e.tgt.begin(), e.tgt.end(), [&](const CodedActor& a) {
                return place_target(a) && !t.below(a.last, who);
              }))
            e.tgt.clear();
          if (e.tgt.empty()) {
            std::string country = first_country(e.src);
            if (country.empty()) country = clause_country(v);
            e.tgt.push_back({country + "CVL", static_cast<int>(person->first_word - t.fw),
                             static_cast<int>(person->first_word + person->word_count - 1 - t.fw)});
          }
        }
    // Implied agents (our resolver only): a material event (roots 14-20) done to
    // someone by no one named, in the passive ("40 protesters were arrested") or by a
    // weapon ("a car bomb exploded, killing nine people"), keeps its target with an
    // unknown source; a bomb makes it a bombing (183).
    // (Subjects that are no one's agency: the event they do has an unknown source.)
    bool weapon = subj >= 0 && (is_weapon_noun(t.hl[subj]) || among(words().battle, t.hl[subj]) ||
                                (e.src.empty() && among(words().unknown_agent, t.hl[subj])));
    // Where a weapon or a fight was is no doer of it ("A car bomb in Baghdad killed five
    // people", "Clashes in Gaza killed three Palestinians": someone unknown).
    // (An actor "in", "near", "at" a phrase is a place there.)
    auto located = [&](const CodedActor& a) {
      return a.first >= 0 && a.first < t.n && t.cover[a.first] >= 0 && locative(t, t.np_head(t.cover[a.first]));
    };
    if (weapon && t.lone_agents && !p.noun)
      std::erase_if(e.src, [&](const CodedActor& a) { return located(a) && t.below(a.first, subj); });
    // "The trial of Saddam Hussein resumed": a trial or an indictment is the courts' even
    // when no one is named (the arrest rule below gives COUNTRY+JUD).
    bool court_noun = p.noun && e.code.starts_with("17") && e.src.empty() && among(words().court_noun, t.hl[v]);
    // So is an arrest told as a noun with no one named making it ("The arrest of opposition
    // leader Kizza Besigye sparked riots": the police's, as "Besigye was arrested").
    bool arrest_noun = p.noun && e.code.starts_with("173") && e.src.empty();
    // Violence an accusation alleges or a denial denies is told with its doer unknown: who
    // did it is the claims' to say, not the text's ("Ukraine accused Russia of shelling the
    // market": --- 194 UKR, with Ukraine's claim that Russia did); its toll stays counted.
    // What a participle alleges of someone another act is done to is that act's reason, no
    // event ("arrested a man suspected of killing his wife").
    // An involvement a denial denies is no one's accusation ("the Kremlin denied that Russian
    // troops were involved in the attack": the denial, 016, tells it).
    if (t.lone_agents && e.code.starts_with("112") && e.src.empty())
      if (const int g = t.alleged(v); g >= 0 && is_denying_verb(t.hl[g])) continue;
    const int accusing = t.lone_agents && is_violent(e.code) ? t.alleged(v) : -1;
    if (accusing >= 0) e.src.clear();
    // (The accused is no victim of what they are accused of: "sentenced a former militia
    // commander to death for torture" names no one tortured.)
    if (accusing >= 0 && !e.tgt.empty())
      if (const int accused = t.child_with(accusing, kObj); accused >= 0) {
        std::erase_if(e.tgt, [&](const CodedActor& a) { return a.first >= 0 && (a.first == accused || t.below(a.first, accused)) && !t.below(a.first, v); });
        if (e.tgt.empty()) continue;
      }
    const bool alleged = accusing >= 0 && t.dep[accusing] != kAcl;
    bool implied = t.lone_agents && !e.tgt.empty() &&
                   ((is_material_event(e.code) &&
                     (passive || weapon || court_noun || arrest_noun || alleged || p.target == TargetFrom::kSubject)) ||
                    // A release of people or a return is one too ("two Italian hostages were
                    // freed", "he was released on bail": released by someone unknown).
                    (passive && e.code.starts_with("084")));
    // Deaths in a crash, a storm or a fire are no one's act.
    // (Its own clause, the clauses below it — "when a storm destroyed their homes" — and its
    // subject; the word as written too, for a mis-tagged one: "lightning" read as a verb.)
    // (Not the verb "storm": gunmen storming a house assault it.)
    static const uint64_t kStorm = h("storm");
    auto disaster = [&](int j) {
      return (among(words().disaster, t.hl[j]) || among(words().disaster, t.hs[j])) && !(t.verbal(j) && t.hl[j] == kStorm);
    };
    for (int j = 0; j < n && implied; ++j)
      if (disaster(j) && (j == subj || t.below(j, v))) implied = false;
    // "The plane crashed near Abuja. Two people on board were killed": deaths told right
    // after a disaster, by no one named and with no attack told since, are the disaster's.
    if (implied && passive && e.src.empty() && is_violent(e.code) && sc.disaster >= 0 &&
        static_cast<int>(s) <= sc.disaster + 2 &&
        std::none_of(doc.events.begin(), doc.events.end(), [&](const Event& x) {
          return static_cast<int>(x.sentence) >= sc.disaster && is_violent(x.code);
        }))
      implied = false;
    // "The aircraft crashed in Abuja, killing 98 people": a killing that tells what a crash
    // or a storm did is nobody's attack, whoever the sentence names.
    // ("stormed a building, kidnapping 100": the verb "storm" is an assault.)
    if (t.lone_agents && is_violent(e.code) && t.dep[v] == kAdvcl && t.parent[v] >= 0 &&
        (t.verbal(t.parent[v]) ? among(words().disaster_verb, t.hl[t.parent[v]]) : disaster(t.parent[v])))
      continue;
    if (implied && weapon && among(words().bomb, t.hl[subj]) && (e.code.starts_with("18") || e.code.starts_with("19")))
      e.code = "183";
    // "Demonstrators set fire to the parliament building", "torched the US embassy": violence
    // protesters do (arson, assault, 18x; force, 19x, but a fight both ways) is a violent
    // protest, a riot (145).
    // So is the force a crowd of civilians, students or workers uses on the police ("3,000
    // youths attacked security forces", "villagers attacked a police station", "a mob
    // pelted policemen with stones": a plural or a crowd, not "a man attacked a policeman").
    auto crowd_on_police = [&] {
      if (e.tgt.empty() || !std::all_of(e.tgt.begin(), e.tgt.end(), [](const CodedActor& a) {
            return std::string_view(a.code).ends_with("COP");
          }))
        return false;
      return std::all_of(e.src.begin(), e.src.end(), [&](const CodedActor& a) {
        const std::string_view c = a.code;
        if (a.first < 0 || !(c.ends_with("CVL") || c.ends_with("EDU") || c.ends_with("LAB"))) return false;
        // ("Masked men stabbed a policeman": men who attack are assailants, not a crowd.)
        static const uint64_t kMan = h("man"), kWoman = h("woman");
        const int head = t.head_of(a);
        return head >= 0 && t.hl[head] != kMan && t.hl[head] != kWoman &&
               (t.xp[head] == kNNS || t.xp[head] == kNNPS || among(words().collective, t.hl[head]));
      });
    };
    if (t.lone_agents && (e.code.starts_with("18") || (e.code.starts_with("19") && !e.symmetric)) && !e.src.empty() &&
        (std::all_of(e.src.begin(), e.src.end(), [](const CodedActor& a) { return a.code.ends_with("OPP"); }) ||
         crowd_on_police()))
      e.code = "145";
    // "Turkish jets struck Kurdish militant positions": fighting from the air.
    // (Not a person who bombs: "a suicide car bomber struck a convoy".)
    auto person_bomber = [&](int k) {
      static const uint64_t kBomber = h("bomber");
      static const uint64_t kKinds[] = {h("suicide"), h("car"), h("truck"), h("motorcycle"), h("bicycle"), h("lone"),
                                        h("would-be"), h("female"), h("woman"), h("teenage")};
      if (t.hl[k] != kBomber) return false;
      for (int c = 0; c < k; ++c)
        if (t.below(c, k) && std::find(std::begin(kKinds), std::end(kKinds), t.hl[c]) != std::end(kKinds)) return true;
      return false;
    };
    if (t.lone_agents && subj >= 0 && (e.code == "190" || e.code == "180") && among(words().aircraft, t.hl[subj]) &&
        !person_bomber(subj))
      e.code = "195";
    // "A suicide car bomber struck a NATO convoy", "a suicide bomber killed eight Israelis": a
    // bombing (183), a suicide one (1831).
    else if (t.lone_agents && subj >= 0 &&
             (e.code == "190" || e.code == "180" || e.code == "1823" || e.code == "183") && person_bomber(subj)) {
      e.code = "183";
      for (int c = 0; c < subj; ++c)
        if (t.below(c, subj) && t.hl[c] == h("suicide")) e.code = "1831";
    }
    // An appeal whose open complement is to negotiate ("called on Ukraine and Russia to find
    // a solution through negotiations", "urged them to return to talks") appeals to others to
    // meet or negotiate (026).
    // (The tree may read "calls on X to find" as an adverbial clause: "to" marks it.)
    if (t.lone_agents && e.code == "020")
      for (uint32_t x : t.kids(v)) {
        bool to_clause = t.to_clause(static_cast<int>(x));
        for (int j = static_cast<int>(x); to_clause && j < n && e.code == "020"; ++j)
          if (t.below(j, static_cast<int>(x)) &&
              (among(words().negotiation, t.hl[j]) || (t.hl[j] == words().talk && (t.xp[j] == kNNS || t.up[j] == kVerb))))
            e.code = "026";
      }
    // A meeting "in" a place is at a third location (044) only when the place is neither
    // side's: "Olmert met Abbas in Jerusalem" is a meeting (040).
    int in = t.lone_agents && e.code == "044" ? t.prep_phrase(v, words().in, {}) : -1;
    if (t.lone_agents && e.code == "044" && in < 0) in = t.prep_phrase(t.child_with(v, kObj), words().in, {});
    if (in >= 0 && t.cover[in] >= 0) {
      std::string_view where = t.matches[t.cover[in]].code.substr(0, 3);
      bool home = false;
      for (const std::vector<CodedActor>* side : {&e.src, &e.tgt})
        for (const CodedActor& a : *side) home = home || a.code.substr(0, 3) == where;
      if (home) e.code = "040";
    }
    // A visit to a country is to its government ("visited China": CHNGOV), as its host is.
    if (t.lone_agents && (e.code.starts_with("042") || e.code.starts_with("043"))) {
      std::vector<CodedActor>& side = e.code.starts_with("042") ? e.tgt : e.src;
      for (CodedActor& a : side)
        if (a.code.size() == 3 && a.code != "---") a.code += "GOV";
    }
    // "The fighting has killed eight people": fighting, not a killing outside battle.
    if (implied && weapon && among(words().battle, t.hl[subj]) && e.code.starts_with("18")) e.code = "190";
    // Victims named by their nationality ("dozens of Iraqis were killed", "killed two
    // Americans") are that country's civilians, as a reader codes them; so are people of a
    // nationality arrested or released ("arrested 15 Palestinians", "released six Americans").
    if (t.lone_agents && (is_violent(e.code) || e.code.starts_with("17") || e.code.starts_with("084")))
      for (CodedActor& a : e.tgt)
        if (a.code.size() == 3 && a.last >= 0 && a.last < n && (t.xp[a.last] == kNNPS || t.xp[a.last] == kNNS) &&
            nationality_at(doc, t.fw + static_cast<uint32_t>(a.last)))
          a.code += "CVL";
    // A force posture (15x) is toward someone: the troops or police deployed are the
    // poster's own, never its target ("Jakarta police will deploy 18,000 officers": toward
    // its own country when no one else is named; "security forces have been deployed along
    // the routes": no one's posture toward anyone).
    if (t.lone_agents && e.code.starts_with("15") && !e.tgt.empty()) {
      std::string home = e.src.empty() ? std::string() : e.src.front().code.substr(0, 3);
      const CodedActor first = e.tgt.front();
      // (In the passive with no one named doing it, the subject is what is deployed or
      // mobilised, whoever it is: "security and health authorities are mobilized".)
      std::erase_if(e.tgt, [&](const CodedActor& a) {
        bool own = e.src.empty();
        for (const CodedActor& x : e.src) own = own || x.code.substr(0, 3) == a.code.substr(0, 3);
        const bool deployed = passive && e.src.empty() && subj >= 0 && a.first <= subj && subj <= a.last;
        return (armed_agent(a.code) || deployed) && own;
      });
      if (e.tgt.empty() && home.size() == 3 && resolver_.has_country(home)) e.tgt.push_back({home, first.first, first.last});
    }
    // Killing soldiers, police or fighters is fighting (190), not killing outside battle.
    if (t.lone_agents && (e.code == "1823" || e.code == "182")) {
      bool armed = !e.tgt.empty();
      for (const CodedActor& a : e.tgt) armed = armed && armed_agent(a.code);
      if (armed) e.code = "190";
    }
    // Civilians shot by no one named were assaulted outside battle (182), as killing outside
    // battle is 1823: "the victims had been shot at close range". (A shooting by armed men
    // named stays the weapon's 193: docs/verb-dictionary.md.)
    if (t.lone_agents && e.code == "193" && e.src.empty() && !e.symmetric && !e.tgt.empty() &&
        std::all_of(e.tgt.begin(), e.tgt.end(), [](const CodedActor& a) {
          return has_code_part(a.code, {"CVL"}) || is_population(a.code);
        }))
      e.code = "182";
    // Arrests, detentions and expulsions by no one named are the police's, of the
    // country of those arrested when it is known ("40 protesters were arrested in Minsk").
    // (So is a legal act its subject undergoes: "went on trial", "stood trial", the courts'.)
    const bool undergone = p.target == TargetFrom::kSubject && !passive;
    bool arrest = implied && (passive || court_noun || arrest_noun || undergone) && e.src.empty() &&
                  e.code.starts_with("17");
    // "Seven British soldiers accused of beating an Iraqi teenager", "Russia was accused of
    // killing civilians": an accusation no one is named making is made by someone unknown.
    const bool accused = t.lone_agents && passive && !p.noun && e.code.starts_with("112") && !e.tgt.empty();
    // Victims alone, or (kept only to date the others: attach_event_context
    // drops it) a violent happening with no actor at all ("last Friday's attack").
    if (e.src.empty() && !implied && !accused && (!p.noun || !t.lone_agents || !is_violent(e.code))) continue;
    // A protest's target is what its purpose clause names ("marched in Tehran to
    // denounce the government"; "rallied against X" has it already).
    // (Its place is only whom when it has no purpose naming someone: "marched in Tehran".)
    bool where = !e.tgt.empty() && std::all_of(e.tgt.begin(), e.tgt.end(), located);
    auto purpose = [&](uint32_t c, std::vector<CodedActor>& out) {
      for (int j = static_cast<int>(c) + 1; j < t.n && out.empty(); ++j) {
        int a = t.match_at[j];
        if (a >= 0 && !t.matches[a].agent && t.below(j, static_cast<int>(c))) t.group_of_match(a, out, true);
      }
    };
    if ((e.tgt.empty() || where) && !e.src.empty() && e.code.starts_with("14") && t.lone_agents)
      for (uint32_t c : t.kids(v)) {
        if (t.dep[c] != kAdvcl && t.dep[c] != kXcomp) continue;
        if (e.tgt.empty()) {
          purpose(c, e.tgt);
        } else if (where) {
          std::vector<CodedActor> against;
          purpose(c, against);
          if (!against.empty()) e.tgt = std::move(against), where = false;
        }
      }
    // Nor a purpose: what it is "in protest against" ("downed shutters in protest against
    // the police action": the police), or an institution it is held at or goes to ("a sit-in
    // outside the governor's office", "marched to the police headquarters"), rather than
    // only where it was.
    if ((e.tgt.empty() || where) && !e.src.empty() && e.code.starts_with("14") && t.lone_agents) {
      std::vector<CodedActor> whom;
      static const std::vector<uint64_t> kAgainst{h("against"), h("over"), h("at")};
      static const std::vector<uint64_t> kAt{h("outside"), h("to"), h("at"), h("before"), h("near"), h("front"),
                                             h("toward"), h("towards")};
      static const uint64_t kProtest = h("protest"), kIn = h("in"), kFront = h("front");
      const int object = t.child_with(v, kObj);
      for (int host : {v, object}) {
        if (host < 0 || !whom.empty()) continue;
        for (uint32_t c : t.kids(host)) {
          if ((t.dep[c] != kObl && t.dep[c] != kNmod) || !whom.empty()) continue;
          const int cs = t.child_with(static_cast<int>(c), kCase);
          if (cs < 0) continue;
          std::vector<CodedActor> found;
          if (t.hl[c] == kProtest && t.hl[cs] == kIn) {  // (the tree may hang "against" on the verb)
            for (int on : {static_cast<int>(c), v})
              for (uint64_t prep : kAgainst)
                if (const int x = t.prep_phrase(on, prep, {}); x >= 0 && found.empty()) t.group_of_phrase(x, found);
          } else if (among(kAt, t.hl[cs]) || (t.hl[cs] == kIn && t.hl[c] == kFront)) {
            const int x = t.hl[c] == kFront ? t.prep_phrase(static_cast<int>(c), words().of, {}) : static_cast<int>(c);
            if (x >= 0) t.group_of_phrase(x, found);
          }
          // (An institution, not a place: "marched to the capital" names no one.)
          std::erase_if(found, [&](const CodedActor& a) { return a.code.size() == 3 && resolver_.has_country(a.code); });
          whom = std::move(found);
        }
      }
      if (!whom.empty()) e.tgt = std::move(whom), where = false;
      // Dissent by people that names no one it is against (a march, a hunger strike, a
      // blockade; not a strike, whose target is an employer, nor a riot) is against the
      // government of their country, as a demonstration for a change of policy is (below).
      static const std::string_view kDissent[] = {"140", "141", "142", "144"};
      const bool people = std::all_of(e.src.begin(), e.src.end(), [](const CodedActor& a) {
        const std::string_view c = a.code;
        return c.size() == 6 && (is_population(c) || c.ends_with("OPP") || c.ends_with("EDU"));
      });
      const std::string country = first_country(e.src);
      if (e.tgt.empty() && people && !country.empty() &&
          std::any_of(std::begin(kDissent), std::end(kDissent), [&](std::string_view d) { return e.code.starts_with(d); }))
        e.tgt.push_back(CodedActor{country + "GOV", -1, -1});
    }
    // An event needs whom it is done to; a denial or a claim of responsibility stands alone
    // ("The Kremlin denies any involvement", "The Taliban claimed responsibility").
    // (An attack someone did that is the subject of a killing waits for its victims: "an
    // Israeli air strike killed one militant", fold_tolls.)
    // (Or one the killing happened in: "were killed on Thursday night in two airstrikes
    // carried out by Israeli aircraft", the phrase hung on the time.)
    auto in_phrase_of_verb = [&] {
      int k = v;
      for (int steps = 0; steps < 2 && k >= 0 && (t.dep[k] == kObl || t.dep[k] == kNmod); ++steps) {
        k = t.parent[k];
        if (k >= 0 && t.verbal(k)) return true;
      }
      return false;
    };
    // (Or the killing is a relative clause on it: "the attack, which killed 30 people, was
    // carried out by Boko Haram".)
    bool toll_clause = false;
    for (uint32_t c : t.kids(v)) toll_clause = toll_clause || (t.dep[c] == kRelcl && t.verbal(static_cast<int>(c)));
    // (Or a shot or a volley at no one named, whose participle tells the victims: "Gunmen
    // shot into a crowded market, killing nine villagers": the weapon's code, 19x.)
    bool toll_participle = false;
    if (!p.noun && e.code.starts_with("19"))
      for (uint32_t c : t.kids(v))
        toll_participle = toll_participle || (t.dep[c] == kAdvcl && t.xp[c] == kVBG && among(words().victim, t.hl[c]));
    e.awaits_toll = t.lone_agents && is_violent(e.code) && e.tgt.empty() && !e.compound &&
                    ((p.noun && ((t.dep[v] == kNsubj && t.parent[v] >= 0 && t.verbal(t.parent[v])) ||
                                 (!e.src.empty() && (in_phrase_of_verb() || toll_clause)))) ||
                     (!e.src.empty() && toll_participle));
    if (e.tgt.empty() && !e.compound && p.target != TargetFrom::kNone && !e.src.empty() &&
        !(t.lone_agents && responsibility(e.code)) && !e.awaits_toll)
      continue;
    // What an accusation's "of" clause alleges ("accused India of supporting separatists")
    // is no event; the accusation is. (Violence alleged stays, its doer the claims' to tell:
    // "soldiers accused of beating a teenager to death" has its toll.)
    if (t.lone_agents && !p.noun && !is_material_event(e.code) && t.allegation(v)) continue;
    // Nor what a denial denies ("Israel denied that it had held talks with Hamas", "rejected
    // allegations that it supplied drones"): the denial (016) is the event.
    if (t.lone_agents && !is_violent(e.code) && !e.code.starts_with("016") && !e.code.starts_with("112"))
      if (const int g = t.alleged(v); g >= 0 && (is_denying_verb(t.hl[g]) || t.dep[g] == kObj)) continue;
    // Nor an act the accused is said to plan ("accused the United States of planning to
    // invade Venezuela": no invasion, planned or done, is told).
    if (t.lone_agents && t.dep[v] == kXcomp && t.parent[v] >= 0 && among(words().planning, t.hl[t.parent[v]]) &&
        t.allegation(t.parent[v]))
      continue;
    // (An infinitive with its "to": what a plan or a mission is for.)
    const int mark = t.child_with(v, kMark);
    const bool infinitive = mark >= 0 && t.hl[mark] == words().to;
    // Nor a plot someone foiled ("police foiled a plot to bomb the embassy", "thwarted an
    // attempt to attack the base"): the act never happened, and not by the foilers.
    if (t.lone_agents && (t.dep[v] == kAcl || t.dep[v] == kXcomp) && infinitive && t.parent[v] >= 0 &&
        !t.verbal(t.parent[v]) &&
        (among(words().planning, t.hl[t.parent[v]]) || t.hl[t.parent[v]] == h("bid") ||
         t.hl[t.parent[v]] == h("conspiracy"))) {
      const int g = t.parent[t.parent[v]];
      if (g >= 0 && among(words().foiling, t.hl[g])) continue;
    }
    // Nor the fighting troops are sent to do ("sent 6,500 troops to Michoacan to fight drug
    // cartels"): a mission, told by the sending (15x).
    if (t.lone_agents && is_violent(e.code) && (t.dep[v] == kAdvcl || t.dep[v] == kXcomp) && t.parent[v] >= 0 &&
        infinitive && among(words().sending, t.hl[t.parent[v]]))
      continue;
    // What a text someone blocks or rejects would say has not been said ("China blocked a
    // U.N. resolution condemning the crackdown": no condemnation).
    if (t.lone_agents && !p.noun && t.dep[v] == kAcl && t.parent[v] >= 0 && t.dep[t.parent[v]] == kObj) {
      const int g = t.parent[t.parent[v]];
      if (g >= 0 && among(words().blocking, t.hl[g])) continue;
    }
    // "almost five years after crowds burned down its embassy": history, not the day's news
    // (coded at the report's date it would be years off).
    if (t.long_ago(v)) continue;
    // "called Bush a devil", "called the vote illegal": naming, not a phone call.
    if (t.lone_agents && !p.noun && e.code.starts_with("041") && t.hl[v] == words().call) {
      int named = t.child_with(v, kXcomp);
      if (named >= 0 && (t.up[named] == kNoun || t.up[named] == kAdj || t.up[named] == kPropn)) continue;
    }
    // A plain statement (010) is an event only toward whom it is told ("told Y", "conveyed
    // to Y", "addressed Y"), not toward whoever its content names: that content is coded for
    // itself.
    if (t.lone_agents && e.code == "010") {
      bool told = false;
      for (int o : {t.child_with(v, kObj), t.child_with(v, kIobj), t.prep_phrase(v, words().to, {})})
        for (const CodedActor& a : e.tgt)
          told = told || (o >= 0 && a.first <= o && o <= a.last && !is_population(a.code));  // not "the drivers"
      // About the subject of what it says, when the sentence tells nothing else ("Wang said
      // Ukraine is capable of making choices", as docs/annotation.md codes it).
      bool about = false;
      for (const CodedActor& a : e.tgt)
        if (a.last >= 0 && t.match_at[a.last] >= 0) {
          const int hd = t.np_head(t.match_at[a.last]), cl = t.parent[hd];
          // (Not the speaker's own country: "Wang stressed that China has always believed".)
          bool own = false;
          for (const CodedActor& b : e.src) own = own || (b.code.size() >= 3 && a.code.compare(0, 3, b.code, 0, 3) == 0);
          about = about || (t.dep[hd] == kNsubj && cl >= 0 && t.dep[cl] == kCcomp && t.parent[cl] == v &&
                            !is_population(a.code) && !own);
        }
      if (!told && !about) continue;
      e.about = !told;
    }
    // An event noun that is what a verb of asking asks for ("the resolution, which calls for
    // the Israeli troops' immediate withdrawal", "urged a return to talks") has not happened:
    // the asking is the event, coded for itself.
    // Also through the open complements the asking governs ("urged Israel and Syria to
    // return to talks").
    // (The tree may read "to return" as an adverbial clause, and "calls for" as a noun.)
    if (t.lone_agents && p.noun && t.parent[v] >= 0 && (t.dep[v] == kObj || t.dep[v] == kObl || t.dep[v] == kNmod)) {
      int k = t.parent[v];
      for (int guard = 0; k >= 0 && t.to_clause(k) && t.parent[k] >= 0 && guard < n; ++guard) k = t.parent[k];
      if (k >= 0 && among(words().asking, t.hl[k]) && (t.verbal(k) || t.dep[v] == kNmod)) continue;
    }
    // A killing told as a noun, by no one named, of victims a violent event of an earlier
    // sentence already had ("vowing to hunt down those behind the killing of Gemayel", after
    // the article told it): the article referring back to what it reported, no new event.
    if (t.lone_agents && p.noun && is_violent(e.code) && e.src.empty() && !e.tgt.empty()) {
      bool told = false;
      for (const Event& x : doc.events)
        for (const CodedActor& a : e.tgt)
          told = told || (x.sentence < s && is_violent(x.code) && !x.negated && x.target.code == a.code);
      if (told) continue;
    }
    // "police shot dead four suspects after an exchange of gunfire", "killed in a shootout":
    // force told as the end of a fight between the two sides holds both ways.
    if (t.lone_agents && !p.noun && is_violent(e.code) && !e.src.empty() && !e.tgt.empty() && !e.symmetric)
      for (uint32_t c : t.kids(v)) {
        if (t.dep[c] != kObl) continue;
        bool exchange =
            t.hl[c] == words().exchange && t.prep_phrase(static_cast<int>(c), words().of, words().fire) >= 0;
        if (exchange || among(words().shootout, t.hl[c])) e.symmetric = true;
      }
    if (!negate_and_mark_modality(sc, v, e)) continue;
    if (arrest) {
      const CodedActor& who = e.tgt.front();
      std::string_view c = who.code;
      // (Those arrested with no country: the document's main country's police.)
      std::string_view country = resolver_.has_country(c) ? c.substr(0, 3) : std::string_view(doc.country);
      // Charges and trials are the courts' and prosecutors' (JUD); arrests the police's.
      const char* sector = court_noun || undergone || among(words().judicial, t.hl[v]) ? "JUD" : "COP";
      e.src.push_back(CodedActor{std::string(country) + sector, -1, -1});
    }
    // "Officers arrested two men", "officers broke up a demonstration": officers no word
    // names as the army's who arrest, search or repress a crowd are the police's.
    if (t.lone_agents && (e.code.starts_with("173") || e.code.starts_with("175") || e.code.starts_with("091")))
      for (CodedActor& a : e.src) {
        static const uint64_t kOfficer = h("officer");
        if (a.first < 0 || !std::string_view(a.code).ends_with("MIL")) continue;
        const int head = t.head_of(a);
        bool bare = head >= 0 && t.hl[head] == kOfficer;
        for (int k = a.first; bare && k <= a.last; ++k)
          bare = k == head || t.up[k] == kDetPos || t.up[k] == kNum || t.up[k] == kPunctPos;
        if (bare) a.code.replace(a.code.size() - 3, 3, "COP");
      }
    // "arrived in China at the invitation of Chinese Foreign Minister Li Zhaoxing": whoever
    // invited the visitor hosts the visit (043).
    Pending host;
    if (t.lone_agents && e.code.starts_with("042") && !e.src.empty() && !e.negated)
      for (uint32_t c : t.kids(v)) {
        if (t.dep[c] != kObl || t.hl[c] != words().invitation || !host.src.empty()) continue;
        for (uint32_t x : t.kids(static_cast<int>(c)))
          if (t.dep[x] == kNmod && t.prep_phrase(static_cast<int>(c), words().of, {}) == static_cast<int>(x))
            t.group_of_phrase(static_cast<int>(x), host.src);
      }
    if (!host.src.empty()) {
      host.verb = e.verb, host.end = e.end, host.score = e.score, host.prefix = e.prefix, host.future = e.future;
      host.code = "043", host.tgt = e.src;
    }
    sc.pending.push_back(std::move(e));
    if (!host.src.empty()) sc.pending.push_back(std::move(host));
  }
  resolve_reports(sc);
  fold_tolls(sc);
  emit(doc, s, sc);
}

bool is_disaster_word(std::string_view lemma) { return among(words().disaster, h(lemma)); }

}  // namespace sitrep::events
