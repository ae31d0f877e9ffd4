#include "events/magnitudes.h"

#include "events/coder.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/tagset.h"
#include "events/event_context.h"
#include "events/ontology.h"
#include "text/text_util.h"

namespace sitrep::events {
namespace {

using Kind = int;  // a Magnitudes::Kind, or kNoKind
constexpr Kind kDead = Magnitudes::kDead, kInjured = Magnitudes::kInjured, kArrested = Magnitudes::kArrested,
               kDisplaced = Magnitudes::kDisplaced, kNoKind = Magnitudes::kKinds;

// The words that state a toll, by lemma: verbs whose object (or passive subject) is
// counted, verbs whose subject is, and nouns counted by their own number or their
// "of" phrase ("deaths of 50 civilians").
struct TollWord {
  std::string_view lemma;
  Kind kind;
  bool subject_counts;  // "12 people died", "thousands fled"
};
// "a fourth", "a third": one more of a list counted before.
bool ordinal(std::string_view w) {
  static constexpr std::string_view kOrdinals[] = {"second", "third", "fourth", "fifth", "sixth", "seventh",
                                                  "eighth", "ninth", "tenth"};
  for (std::string_view o : kOrdinals)
    if (w == o) return true;
  return false;
}

constexpr TollWord kTollWords[] = {
    {"kill", kDead, false},      {"slay", kDead, false},       {"murder", kDead, false},
    {"massacre", kDead, false},  {"execute", kDead, false},    {"die", kDead, true},
    {"killing", kDead, false},   {"execution", kDead, false},  {"assassinate", kDead, false},
    {"assassination", kDead, false}, {"behead", kDead, false}, {"lynch", kDead, false},
    {"perish", kDead, true},     {"death", kDead, false},      {"fatality", kDead, false},
    {"dead", kDead, true},       {"injured", kInjured, true},  {"wounded", kInjured, true},
    {"injure", kInjured, false},  {"wound", kInjured, false},
    {"hurt", kInjured, false},   {"maim", kInjured, false},    {"injury", kInjured, false},
    {"arrest", kArrested, false}, {"detain", kArrested, false}, {"apprehend", kArrested, false},
    {"nab", kArrested, false},
    {"displace", kDisplaced, false}, {"uproot", kDisplaced, false}, {"flee", kDisplaced, true},
};
constexpr TollWord kRoundedUp{"round up", kArrested, false};

// Nouns of several people that are no count ("the family", "a patrol"): never one.
constexpr std::string_view kCollective[] = {"family", "crew", "staff", "delegation", "household", "team", "group",
                                            "unit", "patrol", "convoy", "gang", "squad", "platoon", "battalion",
                                            "company", "community", "population", "crowd", "mob", "couple",
                                            "personnel", "police", "people", "military", "army", "security"};
bool collective(std::string_view lemma) {
  for (std::string_view c : kCollective)
    if (lemma == c) return true;
  return false;
}

// Nouns that are counts themselves ("dozens were arrested"): their value, open above.
struct Amount {
  std::string_view word;
  int64_t value;
  bool open;
};
constexpr Amount kAmounts[] = {
    {"dozen", 12, false},     {"dozens", 24, true},        {"score", 20, false},   {"scores", 40, true},
    {"hundreds", 200, true},  {"thousands", 2000, true},   {"millions", 2000000, true},
    {"several", 3, true},     {"many", 2, true},
};

constexpr std::string_view kSmall[] = {"zero",    "one",     "two",       "three",    "four",
                                       "five",    "six",     "seven",     "eight",    "nine",
                                       "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                       "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::string_view kTens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '-')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '-') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Digits with thousands separators ("1,200"), a decimal before a scale word ("1.5 million").
std::optional<double> digits(std::string_view w) {
  std::string clean;
  for (char c : w) {
    if (c == ',') continue;
    if ((c < '0' || c > '9') && c != '.') return std::nullopt;
    clean += c;
  }
  if (clean.empty() || clean == ".") return std::nullopt;
  return std::strtod(clean.c_str(), nullptr);
}

// The number the words from `i` spell ("twenty five", "two hundred", "1,200", "1.5
// million"); advances `i` past them.
std::optional<int64_t> number_at(const std::vector<std::string_view>& w, size_t& i) {
  double total = 0, group = 0;
  bool any = false;
  for (; i < w.size(); ++i) {
    std::string_view x = w[i];
    if (auto d = digits(x)) {
      if (any && group != 0) break;
      group = *d, any = true;
      continue;
    }
    // "2, 875": a thousands separator the writer spaced.
    if (x == "," && any && group > 0 && group < 1000 && i + 1 < w.size() && w[i + 1].size() == 3 &&
        std::all_of(w[i + 1].begin(), w[i + 1].end(), [](char c) { return c >= '0' && c <= '9'; })) {
      group = group * 1000 + *digits(w[i + 1]);
      ++i;
      continue;
    }
    int small = -1, tens = -1;
    for (int k = 0; k < 20; ++k)
      if (x == kSmall[k]) small = k;
    for (int k = 2; k < 10; ++k)
      if (x == kTens[k]) tens = k;
    if (small >= 0) group += small, any = true;
    else if (tens >= 0) group += 10 * tens, any = true;
    else if (x == "a" && i + 1 < w.size() && (w[i + 1] == "hundred" || w[i + 1] == "thousand")) group = 1, any = true;
    else if (x == "hundred" && any) group *= 100;
    else if (x == "thousand" && any) total += group * 1000, group = 0;
    else if (x == "million" && any) total += group * 1000000, group = 0;
    else if (x == "and" && any && i > 0 && (w[i - 1] == "hundred" || w[i - 1] == "thousand")) continue;  // "two hundred and ten"
    else break;
  }
  if (!any || total + group > 1e12) return std::nullopt;  // an id or a phone number, no count
  return static_cast<int64_t>(total + group + 0.5);
}

bool starts(const std::vector<std::string_view>& w, size_t i, std::initializer_list<std::string_view> words) {
  size_t k = i;
  for (std::string_view x : words)
    if (k >= w.size() || w[k++] != x) return false;
  return true;
}

}  // namespace

std::optional<Count> parse_count(std::string_view phrase) {
  std::vector<std::string_view> w = split_words(phrase);
  for (size_t start = 0; start < w.size(); ++start) {
    size_t i = start;
    enum { kExact, kAtLeast, kUpTo, kBelow } qual = kExact;
    if (starts(w, i, {"at", "least"}) || starts(w, i, {"more", "than"}) || starts(w, i, {"upwards", "of"}))
      qual = kAtLeast, i += 2;
    else if (starts(w, i, {"up", "to"})) qual = kUpTo, i += 2;
    else if (starts(w, i, {"as", "many", "as"})) qual = kUpTo, i += 3;
    else if (starts(w, i, {"fewer", "than"}) || starts(w, i, {"less", "than"})) qual = kBelow, i += 2;
    else if (w[i] == "over" || w[i] == "above") qual = kAtLeast, i += 1;
    else if (starts(w, i, {"an", "estimated"})) i += 2;
    else if (w[i] == "nearly" || w[i] == "almost" || w[i] == "about" || w[i] == "around" || w[i] == "some" ||
             w[i] == "roughly" || w[i] == "approximately" || w[i] == "estimated")
      i += 1;  // an approximate count is taken as stated
    if (i < w.size() && w[i] == "between") {
      size_t j = i + 1;
      auto lo = number_at(w, j);
      if (lo && j < w.size() && w[j] == "and") {
        ++j;
        if (auto hi = number_at(w, j)) return Count{*lo, *hi};
      }
    }
    // "tens of thousands", "hundreds of thousands"
    if (starts(w, i, {"tens", "of", "thousands"})) return Count{20000, -1};
    if (starts(w, i, {"hundreds", "of", "thousands"})) return Count{200000, -1};
    size_t j = i;
    if (auto n = number_at(w, j)) {
      switch (qual) {
        case kExact: return Count{*n, *n};
        case kAtLeast: return Count{*n, -1};
        case kUpTo: return Count{*n > 0 ? 1 : 0, *n};
        case kBelow: return Count{0, *n};
      }
    }
    if (i + 1 < w.size() && w[i] == "a" && (w[i + 1] == "dozen" || w[i + 1] == "score")) ++i;  // "more than a dozen"
    if (i < w.size())
      for (const Amount& a : kAmounts)
        if (w[i] == a.word) return Count{a.value, a.open || qual == kAtLeast ? -1 : a.value};
  }
  return std::nullopt;
}

namespace {

const uint16_t kNum = upos_id("NUM"), kNummod = deprel_id("nummod"), kObj = deprel_id("obj"),
               kNsubj = deprel_id("nsubj"), kNsubjPass = deprel_id("nsubj:pass"), kNmod = deprel_id("nmod"),
               kCase = deprel_id("case"), kConj = deprel_id("conj"), kAmod = deprel_id("amod"),
               kAux = deprel_id("aux"), kDet = deprel_id("det"), kAcl = deprel_id("acl"),
               kRelcl = deprel_id("acl:relcl"), kXcomp = deprel_id("xcomp"), kCompound = deprel_id("compound"),
               kObl = deprel_id("obl");
const uint16_t kDetPos = upos_id("DET"), kVerb = upos_id("VERB");
const uint16_t kVbn = xpos_id("VBN"), kVbg = xpos_id("VBG"), kNns = xpos_id("NNS"), kNnps = xpos_id("NNPS"), kNoun = upos_id("NOUN"), kPropn = upos_id("PROPN"),
               kPron = upos_id("PRON");

// A word's lemma (its form where it has none), lower-cased.
std::string lemma_of(const Document& doc, uint32_t w) {
  const Word& x = doc.words[w];
  return text::ascii_lower(x.lemma.end > x.lemma.begin ? doc.pooled(x.lemma) : doc.word_text(w));
}

// Verbs that kill when "dead" completes them ("shot dead", "gunned down" aside).
constexpr std::string_view kKillingWithDead[] = {"shoot", "gun", "beat", "stab", "hack", "club", "stone"};

class SentenceTolls {
 public:
  SentenceTolls(const Document& doc, uint32_t s)
      : doc_(doc), first_(doc.sentences[s].first_word), n_(doc.sentences[s].word_count), sentence_(s) {}

  struct Toll {
    Kind kind;
    Figure figure;
    uint32_t word;       // the toll word (absolute word index)
    bool total = false;  // a running total ("the death toll rose to 35")
  };

  std::vector<Toll> find() const {
    std::vector<Toll> out;
    for (uint32_t i = 0; i < n_; ++i) {
      const TollWord* t = toll_word(i);
      if (!t) continue;
      int victim = victim_of(i, *t);
      if (victim < 0 || planned(i)) continue;
      auto f = figure(victim, i);
      // A death told as a noun counts only a count or one of a kind ("the killing of an
      // Ivorian man"), not someone it names ("the assassination of the group's commander").
      if (f && doc_.words[first_ + i].upos == kNoun && f->min == 1 && f->max == 1 && !counted_one(static_cast<uint32_t>(victim)))
        continue;
      if (f) out.push_back({t->kind, *f, first_ + i});
    }
    // "the death toll rose to 35", "the toll has reached 2,947", "the death toll stood at 12";
    // "the number of British troops killed in Iraq has increased to 121" (the kind is the
    // toll word the count's phrase holds).
    for (uint32_t i = 0; i < n_; ++i) {
      if (dep(i) != kNsubj || parent(i) < 0) continue;
      Kind kind = kNoKind;
      if (lemma(i) == "toll") {
        kind = kDead;
        for (uint32_t k = 0; k < n_; ++k)
          if (parent(k) == static_cast<int>(i) && (dep(k) == kCompound || dep(k) == kAmod)) {
            std::string l = lemma(k);
            if (l == "injury" || l == "casualty" || l == "wounded") kind = kNoKind;  // not only the dead
          }
      } else if (lemma(i) == "number" || lemma(i) == "tally") {
        for (uint32_t k = i + 1; k < n_ && kind == kNoKind && below(k, i); ++k)
          if (const TollWord* t = toll_word(k)) kind = t->kind;
      }
      if (kind == kNoKind) continue;
      // "the death toll from the floods": a disaster's, no one's attack.
      bool disaster = false;
      for (uint32_t k = 0; k < n_; ++k)
        if (parent(k) == static_cast<int>(i) && dep(k) == kNmod) {
          for (uint32_t d = 0; d < n_; ++d)
            disaster = disaster || ((d == k || parent(d) == static_cast<int>(k)) && is_disaster_word(lemma(d)));
        }
      if (disaster) continue;
      const uint32_t verb = static_cast<uint32_t>(parent(i));
      int count = child(verb, kObj);  // "reached 2,947"
      // "broke the 2,000 mark": the mark's number.
      if (count >= 0 && doc_.words[first_ + static_cast<uint32_t>(count)].upos != kNum)
        for (uint32_t k = 0; k < n_; ++k)
          if (parent(k) == count && doc_.words[first_ + k].upos == kNum &&
              (lemma(static_cast<uint32_t>(count)) == "mark" || lemma(static_cast<uint32_t>(count)) == "level"))
            count = static_cast<int>(k);
      for (uint32_t k = 0; k < n_ && count < 0; ++k)
        if (parent(k) == static_cast<int>(verb) && (dep(k) == kObl || dep(k) == kNmod)) {
          int c = child(k, kCase);
          std::string prep = c >= 0 ? lemma(static_cast<uint32_t>(c)) : "";
          if (prep == "to" || prep == "at") count = static_cast<int>(k);  // "rose to 35", "stood at 12"
        }
      if (count < 0 || doc_.words[first_ + static_cast<uint32_t>(count)].upos != kNum) continue;
      if (auto f = figure(count, i)) {
        // "rose to 35": the figure's words start after the preposition.
        if (int c = child(static_cast<uint32_t>(count), kCase); c >= 0 && doc_.words[first_ + c].span.begin == f->text.begin)
          f->text.begin = doc_.words[first_ + c + 1].span.begin;
        // "broke the 2,000 mark", "passed 100": more than the figure.
        const std::string v = lemma(verb);
        if (v == "break" || v == "pass" || v == "exceed" || v == "top" || v == "cross" || v == "surpass") f->max = -1;
        out.push_back({kind, *f, first_ + i, true});
      }
    }
    return out;
  }

 private:
  // A killing plotted or attempted, not done: "a plot to assassinate the judge", "tried to
  // kill him" (the infinitive under a word of planning).
  bool planned(uint32_t i) const {
    static const std::string_view kPlanning[] = {"plot", "plan", "attempt", "try", "conspiracy", "bid", "scheme",
                                                 "conspire", "intend", "threaten", "vow", "want", "seek"};
    if (dep(i) != kAcl && dep(i) != kXcomp) return false;
    const int p = parent(i);
    return p >= 0 && std::find(std::begin(kPlanning), std::end(kPlanning), lemma(static_cast<uint32_t>(p))) != std::end(kPlanning);
  }
  // Whether the victim phrase counts one itself: a number, or "a", "an", "one", "another".
  bool counted_one(uint32_t v) const {
    if (doc_.words[first_ + v].upos == kNum || child(v, kNummod) >= 0) return true;
    const int det = article(v);
    const std::string d = det >= 0 ? text::ascii_lower(doc_.word_text(first_ + static_cast<uint32_t>(det))) : "";
    const std::string self = text::ascii_lower(doc_.word_text(first_ + v));
    return d == "a" || d == "an" || d == "one" || d == "another" || self == "one" || self == "another";
  }
  std::string lemma(uint32_t i) const { return lemma_of(doc_, first_ + i); }
  // Whether word k is in the phrase word i heads.
  bool below(uint32_t k, uint32_t i) const {
    int x = static_cast<int>(k);
    for (uint32_t steps = 0; x >= 0 && steps < n_; ++steps, x = parent(static_cast<uint32_t>(x)))
      if (x == static_cast<int>(i)) return true;
    return false;
  }
  int parent(uint32_t i) const {
    uint32_t h = doc_.words[first_ + i].head;
    return h == 0 || h > n_ ? -1 : static_cast<int>(h - 1);
  }
  uint16_t dep(uint32_t i) const { return doc_.words[first_ + i].deprel; }
  int child(uint32_t i, uint16_t rel) const {
    for (uint32_t k = 0; k < n_; ++k)
      if (parent(k) == static_cast<int>(i) && dep(k) == rel) return static_cast<int>(k);
    return -1;
  }
  const TollWord* toll_word(uint32_t i) const {
    std::string l = lemma(i);
    for (const TollWord& t : kTollWords)
      if (l == t.lemma) return &t;
    // "claimed the lives of five police officers", "has cost nearly 4,000 lives".
    if (l == "life" && dep(i) == kObj && parent(i) >= 0) {
      std::string v = lemma(static_cast<uint32_t>(parent(i)));
      if (v == "claim" || v == "cost" || v == "take") return &kTollWords[0];
    }
    // "rounded up", "locked up": arrests.
    if (l == "round" || l == "lock") {
      int prt = child(i, deprel_id("compound:prt"));
      if (prt >= 0 && lemma(static_cast<uint32_t>(prt)) == "up") return &kRoundedUp;
    }
    // "were shot dead", "beaten to death" is "death" itself: a killing.
    for (std::string_view v : kKillingWithDead)
      if (l == v) {
        int x = child(i, kXcomp);
        if (x >= 0 && lemma(static_cast<uint32_t>(x)) == "dead") return &kTollWords[0];
      }
    return nullptr;
  }
  // Who is counted: the passive subject, the object, the subject of "die", the "of"
  // phrase of a noun ("deaths of 50 civilians"); a noun or adjective counted itself
  // ("57 deaths", "12 dead").
  int victim_of(uint32_t i, const TollWord& t) const {
    if (int x = victim_in_clause(i, t); x >= 0) {
      // "the two soldiers who died", "opponents that were killed": the noun the relative
      // pronoun stands for.
      std::string w = text::ascii_lower(doc_.word_text(first_ + static_cast<uint32_t>(x)));
      if ((w == "who" || w == "that" || w == "which") && dep(i) == kRelcl && parent(i) >= 0) return parent(i);
      return x;
    }
    // "killing two soldiers and wounding five others, a local journalist told Xinhua": the
    // tree may hand the count after a toll verb to the attribution that follows; the number
    // right after a verb with no victim in the tree is its count (not a year: "killed 2005").
    const Word& v = doc_.words[first_ + i];
    if (i + 1 < n_ && (v.upos == kVerb || v.xpos == kVbn) && child(i, kObj) < 0 &&
        doc_.words[first_ + i + 1].upos == kNum) {
      std::string_view next = doc_.word_text(first_ + i + 1);
      bool year = next.size() == 4 && (next.starts_with("19") || next.starts_with("20"));
      if (!year) return static_cast<int>(i + 1);
    }
    return -1;
  }
  // The determiner of word v: its det child, else the one right before it wherever the tree
  // hung it ("a fourth was wounded" with "a" on "wounded"); -1 when none.
  int article(uint32_t v) const {
    int det = child(v, kDet);
    if (det < 0 && v > 0 && doc_.words[first_ + v - 1].upos == kDetPos) det = static_cast<int>(v) - 1;
    return det;
  }
  int victim_in_clause(uint32_t i, const TollWord& t) const {
    if (int x = child(i, kNsubjPass); x >= 0) return x;
    // "three others injured", "27 traffickers arrested": a participle without its auxiliary
    // says what its subject underwent.
    bool participle = doc_.words[first_ + i].xpos == kVbn && child(i, kAux) < 0 && child(i, kObj) < 0;
    if (t.subject_counts || participle)
      if (int x = child(i, kNsubj); x >= 0) return x;
    // (Not what those who fled left: "more than two million fled their homes", the count
    // hung on the verb.)
    if (int x = child(i, kObj); x >= 0 && t.lemma != "flee") return x;
    // "10 persons (were) killed", "30 others injured": a participle that describes a noun
    // says what the noun underwent; where the noun is one of a list, the one just before
    // the participle ("10 persons were killed and about 30 others injured").
    if ((dep(i) == kAcl || dep(i) == kRelcl) && doc_.words[first_ + i].xpos == kVbn && parent(i) >= 0 &&
        parent(i) < static_cast<int>(i) && child(i, kNsubj) < 0) {
      const int head = parent(i);
      int noun = head;  // conjuncts all hang from the first noun (UD)
      for (uint32_t k = static_cast<uint32_t>(head) + 1; k < i; ++k)
        if (parent(k) == head && dep(k) == kConj) noun = static_cast<int>(k);
      return noun;
    }
    for (uint32_t k = 0; k < n_; ++k)
      if (parent(k) == static_cast<int>(i) && dep(k) == kNmod) {
        int c = child(k, kCase);
        if (c >= 0 && lemma(static_cast<uint32_t>(c)) == "of") return static_cast<int>(k);
      }
    if (child(i, kNummod) >= 0) return static_cast<int>(i);
    // "12 people dead", "left 12 dead": the noun the adjective describes.
    if (dep(i) == kAmod && parent(i) >= 0) return parent(i);
    // "57 people were killed and up to 300 wounded": the tree may hang the elided toll word
    // on its count, whatever the relation.
    if (parent(i) >= 0 && parent(i) + 1 == static_cast<int>(i) && doc_.words[first_ + i - 1].upos == kNum)
      return parent(i);
    // "the attack left 28 passengers dead": the object of the verb the adjective completes
    // (or the count the tree hung on the adjective itself: "left 28 people dead").
    if (dep(i) == kXcomp && parent(i) >= 0 && doc_.words[first_ + i].upos == upos_id("ADJ")) {
      if (int x = child(static_cast<uint32_t>(parent(i)), kObj); x >= 0 && x < static_cast<int>(i)) return x;
      static const uint16_t kUnmarked = deprel_id("obl:unmarked");
      if (int x = child(i, kUnmarked); x >= 0 && x < static_cast<int>(i)) return x;
    }
    // "one was killed and another injured": the tree may hang "another" on the toll word.
    if (int d = child(i, kDet); d >= 0 && (lemma(static_cast<uint32_t>(d)) == "another")) return d;
    // "Seven people were killed and 25 wounded": the tree may make the count and the toll
    // word two conjuncts of the first toll; the count right before it, joined beside it.
    if (i > 0 && dep(i) == kConj && parent(i - 1) >= 0 &&
        (parent(i - 1) == parent(i) || parent(i - 1) == static_cast<int>(i))) {
      const Word& w = doc_.words[first_ + i - 1];
      if (w.upos == kNum || ((w.upos == kNoun || w.upos == kPron) && child(i - 1, kNummod) >= 0))
        return static_cast<int>(i - 1);
    }
    // "two villagers were shot and wounded": a conjunct with no subject of its own shares the
    // first one's passive subject.
    if (dep(i) == kConj && parent(i) >= 0 && child(i, kNsubj) < 0)
      if (int x = child(static_cast<uint32_t>(parent(i)), kNsubjPass); x >= 0 && x < static_cast<int>(i)) return x;
    return -1;
  }
  // The subtree of `i` as a word range [b, e).
  void extent(uint32_t i, uint32_t& b, uint32_t& e) const {
    b = i, e = i + 1;
    for (bool grew = true; grew;) {
      grew = false;
      for (uint32_t k = 0; k < n_; ++k) {
        if (k >= b && k < e) continue;
        int p = parent(k);
        if (p >= static_cast<int>(b) && p < static_cast<int>(e) && (k + 1 == b || k == e)) {
          b = std::min(b, k), e = std::max(e, k + 1), grew = true;
        }
      }
    }
  }
  // The count of the victim phrase, summed over a list of victims ("Rafik Hariri and 22
  // others": 23; "a German soldier and eight Afghans": 9) when each part is counted, and
  // on the same side of the toll word `at` ("10 were killed and 30 others injured": two tolls).
  std::optional<Figure> figure(int victim, uint32_t at) const {
    std::optional<Figure> f = part_figure(victim);
    std::vector<uint32_t> parts;
    for (uint32_t k = static_cast<uint32_t>(victim) + 1; k < n_; ++k)
      if (parent(k) == victim && dep(k) == kConj && (k < at) == (static_cast<uint32_t>(victim) < at) &&
          (doc_.words[first_ + k].upos == kNoun || doc_.words[first_ + k].upos == kPropn ||
           doc_.words[first_ + k].upos == kPron))
        parts.push_back(k);
    // "four children playing football and an Iraqi soldier": the tree may join a person to
    // the object of a gerund describing the victims; a person, not a thing ("two men
    // carrying pistols and a grenade").
    if (parts.empty())
      for (uint32_t g = 0; g < n_; ++g) {
        if (parent(g) != victim || dep(g) != kAcl || doc_.words[first_ + g].xpos != kVbg) continue;
        const int x = child(g, kObj);
        for (uint32_t k = 0; x >= 0 && k < n_; ++k)
          if (parent(k) == x && dep(k) == kConj && (k < at) == (static_cast<uint32_t>(victim) < at) && person(k))
            parts.push_back(k);
      }
    if (parts.empty() || !summable(static_cast<uint32_t>(victim), parts)) return f;
    std::optional<Figure> sum = f ? f : one_named(static_cast<uint32_t>(victim));
    if (!sum) return f;
    for (uint32_t k : parts) {
      std::optional<Figure> p = part_figure(static_cast<int>(k));
      if (!p) p = one_named(k);
      if (!p) return f;  // a part without a count: no sum
      sum->min += p->min;
      sum->max = sum->max < 0 || p->max < 0 ? -1 : sum->max + p->max;
      sum->text.end = std::max(sum->text.end, p->text.end);
      sum->text.begin = std::min(sum->text.begin, p->text.begin);
    }
    return sum;
  }
  // A list of victims to add up: joined by "and" or "plus" at its end, no part a subset of
  // another ("20 people, including five policemen", "57 people, mostly Jordanians") and
  // no other toll between ("killed seven people and wounded 20 others").
  bool summable(uint32_t victim, const std::vector<uint32_t>& parts) const {
    for (uint32_t k = victim + 1; k < parts.back(); ++k)
      if (toll_word(k)) return false;
    for (uint32_t p : parts)
      for (uint32_t k = 0; k < n_; ++k)
        if (parent(k) == static_cast<int>(p)) {
          std::string l = lemma(k);
          if (l == "include" || l == "including" || l == "mostly" || l == "mainly" || l == "among" ||
              l == "especially" || l == "most")
            return false;
        }
    int cc = child(parts.back(), deprel_id("cc"));
    if (cc < 0) return false;
    std::string c = lemma(static_cast<uint32_t>(cc));
    return c == "and" || c == "plus";
  }
  // One person named ("Rafik Hariri") or one of a kind ("a police colonel", "a national
  // electricity employee": any singular noun with "a" in a list of victims) in a list.
  std::optional<Figure> one_named(uint32_t v) const {
    const Word& w = doc_.words[first_ + v];
    if (w.xpos == kNns || w.xpos == kNnps) return std::nullopt;
    int det = child(v, kDet);
    std::string d = det >= 0 ? text::ascii_lower(doc_.word_text(first_ + static_cast<uint32_t>(det))) : "";
    // ("their teacher", "his brother": one person a possessive pronoun picks out.)
    const int poss = child(v, deprel_id("nmod:poss"));
    const bool owned =
        poss >= 0 && doc_.words[first_ + static_cast<uint32_t>(poss)].upos == kPron && !collective(lemma(v));
    // ("his son and daughter", "police officer and driver": a singular person noun with no
    // determiner in a list is one person too.)
    const bool bare = det < 0 && poss < 0 && person(v) && !collective(lemma(v));
    // (A proper noun with "a" is a common one the tagger misread: "a US marine".)
    const bool one_of_a_kind = (w.upos == kNoun && (d == "a" || d == "an" || d == "another" || d == "one" || owned || bare)) ||
                               (w.upos == kPropn && (d == "a" || d == "an" || d == "another"));
    if (!one_of_a_kind && !(w.upos == kPropn && person(v))) return std::nullopt;
    uint32_t b, e;
    extent(v, b, e);
    Figure f;
    f.min = f.max = 1, f.sentence = sentence_;
    f.text = {doc_.words[first_ + b].span.begin, doc_.words[first_ + e - 1].span.end};
    return f;
  }
  std::optional<Figure> part_figure(int victim) const {
    uint32_t v = static_cast<uint32_t>(victim);
    // The count: the victim itself ("57 were killed"), its number ("12 civilians"), or a
    // count noun heading it ("dozens of civilians").
    int count = doc_.words[first_ + v].upos == kNum ? victim : child(v, kNummod);
    // "Four police officers": the tree may count the noun's modifier instead.
    for (uint32_t k = 0; k < v && count < 0; ++k)
      if (parent(k) == victim && dep(k) == kCompound) count = child(k, kNummod);
    uint32_t b, e;
    if (count >= 0) {
      uint32_t cb, ce;
      extent(static_cast<uint32_t>(count), cb, ce);
      // (A count the tree hung on the toll verb itself is the phrase: "more than two million
      // fled".)
      b = cb, e = doc_.words[first_ + v].upos == kVerb ? ce : std::max(ce, v + 1);
      // "at least", "more than", "between" may hang on the noun rather than the number, and
      // the tree may cut a number in words ("Twenty - seven").
      while (b > 0 && b > v - std::min(v, 5u) &&
             (qualifier_word(b - 1) || doc_.words[first_ + b - 1].upos == kNum || doc_.word_text(first_ + b - 1) == "-"))
        --b;
    } else {
      // A count the tree did not join to the noun ("Between 10 and 15 people died"): the
      // numbers and qualifiers right before it.
      b = v, e = v + 1;
      while (b > 0 && v - b < 6 &&
             (qualifier_word(b - 1) || doc_.words[first_ + b - 1].upos == kNum ||
              text::ascii_lower(doc_.word_text(first_ + b - 1)) == "and"))
        --b;
    }
    std::string phrase;
    for (uint32_t k = b; k < e; ++k) {
      if (!phrase.empty()) phrase += ' ';
      phrase += text::ascii_lower(doc_.word_text(first_ + k));
    }
    auto c = parse_count(phrase);
    // "and another (was) injured": one more; "and a fourth was wounded": one more, counted.
    if (!c && count < 0) {
      std::string self = text::ascii_lower(doc_.word_text(first_ + v));
      int det = article(v);
      std::string d = det >= 0 ? text::ascii_lower(doc_.word_text(first_ + static_cast<uint32_t>(det))) : "";
      if (self == "another" || self == "one") {
        c = Count{1, 1};
      } else if ((d == "a" || d == "another") && ordinal(self)) {
        c = Count{1, 1};
        b = std::min(b, static_cast<uint32_t>(det));
      }
    }
    // "A Palestinian was killed", "another man wounded", "the aide was killed", "killing
    // Rafik Hariri": one person.
    // ("his advocate was shot dead": one a possessive pronoun picks out, whatever the
    // recogniser made of the noun.)
    const int poss = child(v, deprel_id("nmod:poss"));
    const bool owned = poss >= 0 && doc_.words[first_ + static_cast<uint32_t>(poss)].upos == kPron &&
                       doc_.words[first_ + v].upos == kNoun && !collective(lemma(v));
    if (!c && count < 0 && doc_.words[first_ + v].xpos != kNns && doc_.words[first_ + v].xpos != kNnps &&
        doc_.words[first_ + v].upos != kPron && (person(v) || owned)) {
      int det = article(v);
      std::string d = det >= 0 ? text::ascii_lower(doc_.word_text(first_ + static_cast<uint32_t>(det))) : "";
      // "a"/"an"/"another"/"one", a name, or a definite role the actor stage coded ("the
      // aide"); not a collective ("the family", "the crew").
      bool one = !collective(lemma(v)) && (owned || d == "a" || d == "an" || d == "another" || d == "one" ||
                 doc_.words[first_ + v].upos == kPropn || (d != "no" && d != "every" && d != "each" &&
                                                            d != "any" && d != "all" && d != "some" && coded_person(v)));
      if (one) {
        c = Count{1, 1};
        if (det >= 0) b = std::min(b, static_cast<uint32_t>(det));
      }
    }
    if (!c) return std::nullopt;
    Figure f;
    f.min = c->min, f.max = c->max, f.sentence = sentence_;
    f.text = {doc_.words[first_ + b].span.begin, doc_.words[first_ + e - 1].span.end};
    return f;
  }
  // Whether the word is inside a mention of a person whose chain has an actor code (a role
  // the actor stage knows: "the aide", "the driver"), not a bare collective.
  bool coded_person(uint32_t v) const {
    const uint32_t w = first_ + v;
    for (const Mention& m : doc_.mentions)
      if (m.type == EntityType::kPerson && m.first_word <= w && w < m.first_word + m.word_count && m.chain >= 0 &&
          static_cast<size_t>(m.chain) < doc_.chains.size() && !doc_.chains[m.chain].actor.empty())
        return true;
    return false;
  }
  // Whether the word is inside a mention of a person or people ("a Palestinian", "another man").
  bool person(uint32_t v) const {
    const uint32_t w = first_ + v;
    for (const Mention& m : doc_.mentions)
      if ((m.type == EntityType::kPerson || m.type == EntityType::kNorp) && m.first_word <= w &&
          w < m.first_word + m.word_count)
        return true;
    return false;
  }
  bool qualifier_word(uint32_t k) const {
    std::string w = text::ascii_lower(doc_.word_text(first_ + k));
    return w == "at" || w == "least" || w == "more" || w == "than" || w == "over" || w == "up" || w == "to" ||
           w == "nearly" || w == "almost" || w == "about" || w == "around" || w == "some" || w == "between" ||
           w == "an" || w == "estimated" || w == "roughly" || w == "approximately" || w == "as" || w == "many" ||
           w == "a";
  }

  const Document& doc_;
  uint32_t first_, n_, sentence_;
};

// Whether sentence s counts since a time ("since December", "since the war began").
bool mentions_since(const Document& doc, uint32_t s) {
  const Sentence& st = doc.sentences[s];
  for (uint32_t w = st.first_word; w < st.first_word + st.word_count; ++w)
    if (text::ascii_lower(doc.word_text(w)) == "since") return true;
  return false;
}

bool open_event(const Event& e) { return is_material_event(e.code) && !e.negated && !e.future; }
bool actorless(const Event& e) { return e.source.code.empty() && e.target.code.empty(); }

}  // namespace

bool tells_casualties(std::string_view lemma) {
  for (const TollWord& t : kTollWords)
    if (lemma == t.lemma) return t.kind == kDead || t.kind == kInjured;
  return false;
}

void merge_figure(Figure& into, const Figure& f) {
  if (f.known() && (!into.known() || (!into.exact() && f.exact()))) into = f;
}

void merge_magnitudes(Magnitudes& into, const Magnitudes& m) {
  for (int k = 0; k < Magnitudes::kKinds; ++k) merge_figure(into[k], m[k]);
}

void attach_magnitudes(Document& doc) {
  doc.figures.clear();
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    SentenceTolls finder(doc, s);
    // (A count since a time is a running total, not the toll of the attack told before:
    // "the latest unrest has killed more than 1,700 people since January 2004".)
    const bool since = mentions_since(doc, s);
    const size_t sentence_figures = doc.figures.size();
    for (const auto& toll : finder.find()) {
      doc.figures.push_back({Magnitudes::kNames[toll.kind], toll.figure, -1, toll.total});
      // (The figure is told by the event it is merged into; its index is the event's.)
      auto carried_by = [&](const Event* e) { doc.figures.back().event = static_cast<int32_t>(e - doc.events.data()); };
      const uint32_t at = doc.words[toll.word].span.begin;
      // The material event of this sentence nearest to the toll word.
      // (An attack no one is named in, only when no event names anyone.)
      Event* best = nullptr;
      uint32_t best_d = UINT32_MAX;
      for (bool unnamed : {false, true})
        for (Event& e : doc.events) {
          if ((unnamed && best) || e.sentence != s || !open_event(e) || unnamed != actorless(e)) continue;
          if (toll.kind == kArrested ? !e.code.starts_with("17") : false) continue;
          uint32_t d = e.span.begin > at ? e.span.begin - at : at - e.span.begin;
          if (d < best_d) best_d = d, best = &e;
        }
      if (best && actorless(*best) && toll.kind != kDead && toll.kind != kInjured) best = nullptr;
      // "four more people died", "three other soldiers": an addition to a toll told before,
      // another happening, not that toll told again.
      std::string words(1, ' ');
      words += text::ascii_lower(doc.str(toll.figure.text));
      words += ' ';
      // (Not "more than": a bound, no addition.)
      const size_t more = words.find(" more ");
      const bool addition = (more != std::string::npos && words.compare(more + 6, 5, "than ") != 0) ||
                            words.find(" other") != std::string::npos || words.find(" another ") != std::string::npos;
      if (!best) {
        // No event here to carry it ("Four people were killed in the blast", no one named):
        // the toll of the violent event told just before, when one was (dead, injured, and
        // those who fled it).
        // (Those who fled, not those a noun or a tally counts: "has displaced 900,000 since
        // December" is a total.)
        if (toll.kind == kArrested) continue;
        if (toll.kind == kDisplaced && (lemma_of(doc, toll.word) != "flee" || mentions_since(doc, s))) continue;
        if (addition) continue;
        if (since) {
          doc.figures.back().total = true;
          continue;
        }
        if (Event* earlier = violence_told_before(doc, s)) {
          merge_figure(earlier->size[toll.kind], toll.figure);
          carried_by(earlier);
        }
        continue;
      }
      carried_by(best);
      merge_figure(best->size[toll.kind], toll.figure);
      merge_figure(best->told[toll.kind], toll.figure);
      // A sentence that only tells a toll ("57 people were killed, and 109 were injured":
      // its event names no source) reports the violent event told just before.
      bool report = best->source.code.empty() && !addition;
      if (report && since && (toll.kind == kDead || toll.kind == kInjured)) {
        doc.figures.back().total = true;
        report = false;
      }
      if (!report || !violence_that_happened(*best)) continue;
      if (Event* earlier = violence_told_before(doc, s)) {
        merge_figure(earlier->size[toll.kind], toll.figure);
        if (actorless(*best)) carried_by(earlier);  // (one with no actor may not be kept)
        best->reports = static_cast<int32_t>(earlier - doc.events.data());
        // The same happening, told again by its toll: what the strike was ("57 people were
        // killed" after "a missile struck the station": 195, not a killing outside battle),
        // when the toll's own words name no kind of attack (a killing, fighting, violence);
        // not a blockade or an occupation, which kill no one by themselves ("taking the town
        // ... The fighting has killed eight people": the fighting, 190).
        if ((best->code == "1823" || best->code == "190" || best->code == "180") && earlier->code != "191" &&
            earlier->code != "192")
          best->code = earlier->code;
        // Where and when it happened are the reported event's, unless this sentence says.
        if (best->place < 0 || doc.places[best->place].sentence != s) best->place = earlier->place;
        if (best->time < 0) best->time = earlier->time, best->date = earlier->date;
      }
    }
    // (The finder gives the tolls of toll words before running totals: the sentence's
    // figures in text order.)
    std::stable_sort(doc.figures.begin() + static_cast<std::ptrdiff_t>(sentence_figures), doc.figures.end(),
                     [](const StatedFigure& a, const StatedFigure& b) { return a.figure.text.begin < b.figure.text.begin; });
  }
  // An attack no one is named in that states its toll is an attack where it happened, on
  // that place's country ("the death toll of a suicide bomb attack in western Baghdad rose to
  // 35": IRQ, as GDELT codes it); one with no toll was kept for its toll only.
  std::vector<int32_t> index(doc.events.size(), -1);
  size_t kept = 0;
  for (size_t i = 0; i < doc.events.size(); ++i) {
    Event& e = doc.events[i];
    if (actorless(e)) {
      const std::string& c = e.place >= 0 ? doc.places[static_cast<size_t>(e.place)].country : std::string();
      if (!(e.size.dead.known() || e.size.injured.known()) || c.size() != 3) continue;
      e.target.code = c;
      e.target.text = doc.places[static_cast<size_t>(e.place)].span;
    }
    index[i] = static_cast<int32_t>(kept);
    if (kept != i) doc.events[kept] = std::move(e);
    ++kept;
  }
  doc.events.resize(kept);
  for (Event& e : doc.events)
    if (e.reports >= 0) e.reports = index[static_cast<size_t>(e.reports)];
  for (StatedFigure& f : doc.figures)
    if (f.event >= 0) f.event = index[static_cast<size_t>(f.event)];
}

}  // namespace sitrep::events
