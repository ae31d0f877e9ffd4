#include "events/chain_resolver.h"

#include <algorithm>

#include "core/tagset.h"

namespace sitrep::events {

ChainActorResolver::ChainActorResolver(const entities::ActorDictionary& dict) : dict_(dict) {
  for (size_t i = 0; i < dict.size(); ++i)
    if (dict.entry(static_cast<uint32_t>(i)).category == entities::GazetteerCategory::kRole)
      agents_.push_back("~" + dict.entry(static_cast<uint32_t>(i)).code);
  for (size_t i = 0; i < dict.size(); ++i)
    if (dict.entry(static_cast<uint32_t>(i)).category == entities::GazetteerCategory::kMetonym)
      governments_.push_back(dict.entry(static_cast<uint32_t>(i)).code + "GOV");
  std::sort(governments_.begin(), governments_.end());
  governments_.erase(std::unique(governments_.begin(), governments_.end()), governments_.end());
  std::sort(agents_.begin(), agents_.end());
  agents_.erase(std::unique(agents_.begin(), agents_.end()), agents_.end());
}

bool ChainActorResolver::city_modifier(const Document& doc, const Mention& m) const {
  static const uint16_t compound = deprel_id("compound"), amod = deprel_id("amod");
  uint16_t rel = doc.words[m.head_word].deprel;
  if (m.kind != MentionKind::kName || (rel != compound && rel != amod)) return false;
  auto entries = dict_.lookup(doc.str(m.span));
  return !entries.empty() && std::all_of(entries.begin(), entries.end(), [&](uint32_t e) {
    return dict_.entry(e).category == entities::GazetteerCategory::kCity;
  });
}

// "10 million U.S. dollars", "500 Hong Kong dollars": a country naming a currency is no actor.
static bool currency_modifier(const Document& doc, const Mention& m) {
  static const uint16_t compound = deprel_id("compound"), amod = deprel_id("amod");
  static constexpr std::string_view kCurrencies[] = {"dollar", "euro", "pound", "yuan", "yen", "rupee", "ruble",
                                                     "rouble", "franc", "peso", "dinar", "riyal", "shilling", "won"};
  const Word& head = doc.words[m.head_word];
  if (head.deprel != compound && head.deprel != amod) return false;
  const Sentence& s = doc.sentences[m.sentence];
  if (head.head == 0 || head.head > s.word_count) return false;
  const Word& noun = doc.words[s.first_word + head.head - 1];
  std::string_view lemma = noun.lemma.end > noun.lemma.begin ? doc.pooled(noun.lemma) : std::string_view();
  return std::find(std::begin(kCurrencies), std::end(kCurrencies), lemma) != std::end(kCurrencies);
}

// "the Paris-based IEA", "a London-based rights group": where an organisation sits is no actor.
static bool seat_modifier(const Document& doc, const Mention& m) {
  const uint32_t after = m.first_word + m.word_count;
  if (after + 1 >= doc.words.size() || doc.word_text(after) != "-") return false;
  const std::string_view w = doc.word_text(after + 1);
  return w == "based" || w == "headquartered";
}

// "Cambodian Prime Minister Hun Sen": the nationality of a title is no actor of its
// own when the name the title belongs to has a code of that country.
bool ChainActorResolver::title_owner(const Document& doc, const Mention& m, const std::string& code) const {
  static const uint16_t noun = upos_id("NOUN"), propn = upos_id("PROPN"), adj = upos_id("ADJ"),
                        part = upos_id("PART");  // "Egypt's Foreign Minister Ahmed Abul Gheit"
  if (m.kind != MentionKind::kName || code.size() != 3) return false;
  uint32_t end = m.first_word + m.word_count;
  auto from = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), end,
                               [&](const Mention& x, uint32_t w) { return x.first_word < w; });
  for (auto it = from; it != doc.mentions.end(); ++it) {
    const Mention& n = *it;
    if (n.sentence != m.sentence || n.chain < 0) continue;
    if (n.first_word > end + 3) break;
    const std::string& other = doc.chains[static_cast<size_t>(n.chain)].actor;
    if (other.size() <= code.size() || !other.starts_with(code)) continue;
    bool title = true;
    for (uint32_t w = end; w < n.first_word; ++w) {
      uint16_t u = doc.words[w].upos;
      title = title && (u == noun || u == propn || u == adj || (u == part && w == end));
    }
    if (title) return true;
  }
  return false;
}

// "Afghan and American troops", "Iraqi and US forces", "Afghan and US-led coalition forces":
// a country name inside the phrase joined by "and" to its first one is a second owner of the
// phrase's role (the mentions inside the phrase come right after it, entities/mentions.h).
void ChainActorResolver::joined_countries(const Document& doc, std::vector<Mention>::const_iterator it,
                                         ActorMatch& a) const {
  static const uint16_t conj = deprel_id("conj"), cc = deprel_id("cc");
  if (a.code.size() < 6 || dict_.country(a.code.substr(0, 3)) < 0) return;
  const Sentence& s = doc.sentences[it->sentence];
  int n = 0;
  for (auto in = it + 1; in != doc.mentions.end() && in->sentence == it->sentence && in->first_word <= a.last && n < 2;
       ++in) {
    if (in->chain < 0 || in->kind != MentionKind::kName) continue;
    const std::string& c = doc.chains[static_cast<size_t>(in->chain)].actor;
    if (c.size() != 3 || dict_.country(c) < 0 || a.code.starts_with(c)) continue;
    // (Any word of it joined by "and": "US and South Korean troops" hangs "South" as the
    // conjunct, "Korean" on the noun.)
    // (Not an "and" inside the name: "Trinidad and Tobago".)
    const uint32_t first = in->first_word, last = in->first_word + in->word_count;
    auto inside = [&](uint32_t w) { return w >= first && w < last; };
    bool joined = false;
    for (uint32_t x = first; x < last && !joined; ++x) {
      const uint32_t head = doc.words[x].head ? s.first_word + doc.words[x].head - 1 : UINT32_MAX;
      joined = doc.words[x].deprel == conj && !inside(head);
      for (uint32_t w = s.first_word; w < s.first_word + s.word_count && !joined; ++w)
        joined = !inside(w) && doc.words[w].deprel == cc && doc.words[w].head == x - s.first_word + 1 &&
                 (doc.word_text(w) == "and" || doc.word_text(w) == "And");
    }
    if (joined) a.also[n++] = c;
  }
}

// "Moscow denied the charge", "accused Beijing of", "Beijing's position": a capital that
// acts or is acted on (a subject, an object, an owner) stands for its government, as readers
// code it (docs/annotation.md); "in Moscow" is where.
const std::string* ChainActorResolver::capital_acting(const Document& doc, const Mention& m,
                                                      const std::string& code) const {
  static const uint16_t kNsubj = deprel_id("nsubj"), kNsubjPass = deprel_id("nsubj:pass"), kObj = deprel_id("obj"),
                        kIobj = deprel_id("iobj"), kPoss = deprel_id("nmod:poss"), kConj = deprel_id("conj");
  if (m.kind != MentionKind::kName || code.size() != 3) return nullptr;
  auto core = [&](uint16_t rel) {
    return rel == kNsubj || rel == kNsubjPass || rel == kObj || rel == kIobj || rel == kPoss;
  };
  const Word& head = doc.words[m.head_word];
  bool acting = core(head.deprel);
  const Sentence& s = doc.sentences[m.sentence];
  if (!acting && head.deprel == kConj && head.head > 0 && head.head <= s.word_count)
    acting = core(doc.words[s.first_word + head.head - 1].deprel);
  if (!acting) return nullptr;
  auto entries = dict_.lookup(doc.str(m.span));
  bool capital = std::any_of(entries.begin(), entries.end(), [&](uint32_t e) {
    const entities::ActorEntry& x = dict_.entry(e);
    return x.category == entities::GazetteerCategory::kMetonym && x.role.empty() && x.code == code;
  });
  auto gov = std::lower_bound(governments_.begin(), governments_.end(), code);
  if (!capital || gov == governments_.end() || !gov->starts_with(code) || gov->size() != code.size() + 3)
    return nullptr;
  return &*gov;  // "XXXGOV" sorts right after any shorter prefix, and only codes of 3 letters are here
}

void ChainActorResolver::find(const Document& doc, uint32_t s, Date, std::vector<ActorMatch>& out) const {
  // Mentions are sorted by start, longer first (entities/mentions.h), so a nested
  // mention ("Chinese" inside "the Chinese foreign minister") comes after the
  // one around it and is skipped.
  auto it = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), s,
                             [](const Mention& m, uint32_t sent) { return m.sentence < sent; });
  size_t begin = out.size();
  for (; it != doc.mentions.end() && it->sentence == s; ++it) {
    const Mention& m = *it;
    if (m.chain < 0 || m.word_count == 0) continue;
    const std::string& code = doc.chains[static_cast<size_t>(m.chain)].actor;
    if (code.empty()) continue;
    if (out.size() > begin && m.first_word <= out.back().last) continue;
    if (city_modifier(doc, m) || currency_modifier(doc, m) || seat_modifier(doc, m)) continue;
    if (title_owner(doc, m, code)) continue;
    // A bare role is an agent: it joins the country of its phrase (not a foreign one: "expelled
    // 13 foreign aid agencies from Darfur" are NGOs, not Sudan's).
    auto agent = std::lower_bound(agents_.begin(), agents_.end(), code, [](const std::string& a, const std::string& c) {
      return std::string_view(a).substr(1) < c;
    });
    if (agent != agents_.end() && std::string_view(*agent).substr(1) == code &&
        !doc.chains[static_cast<size_t>(m.chain)].foreign)
      out.push_back({m.first_word, m.first_word + m.word_count - 1, *agent, true});
    else if (const std::string* gov = capital_acting(doc, m, code))
      out.push_back({m.first_word, m.first_word + m.word_count - 1, *gov, false});
    else
      out.push_back({m.first_word, m.first_word + m.word_count - 1, code, false});
    if (!out.back().agent) joined_countries(doc, it, out.back());
  }
  both_sides(doc, s, begin, out);
}

// "The two sides signed an agreement", "both countries", "the two leaders": the two
// countries the text last named as actors (not as places), each with the phrase's role,
// as a reader takes them (a government's leaders and ministers: GOV; "sides": the role the
// last of them had). Looked for in the sentence before the phrase and the three before it.
void ChainActorResolver::both_sides(const Document& doc, uint32_t s, size_t begin, std::vector<ActorMatch>& out) const {
  static const uint16_t kNummod = deprel_id("nummod"), kDet = deprel_id("det"), kPreconj = deprel_id("cc:preconj"),
                        kNns = xpos_id("NNS"), kCase = deprel_id("case"), kNsubj = deprel_id("nsubj"),
                        kNsubjPass = deprel_id("nsubj:pass");
  static constexpr std::string_view kGov[] = {"leader", "president", "premier", "minister", "government",
                                              "delegation", "counterpart", "head", "official", "diplomat"};
  static constexpr std::string_view kSides[] = {"side", "country", "nation"};
  static constexpr std::string_view kSpeech[] = {"say", "tell", "add", "report", "announce", "state", "confirm"};
  const Sentence& sent = doc.sentences[s];
  auto lemma = [&](uint32_t w) {
    const Word& x = doc.words[w];
    return x.lemma.end > x.lemma.begin ? doc.pooled(x.lemma) : std::string_view();
  };
  for (uint32_t i = 0; i < sent.word_count; ++i) {
    const uint32_t w = sent.first_word + i;
    const Word& x = doc.words[w];
    std::string_view l = lemma(w);
    bool two = (l == "two" && x.deprel == kNummod) || (l == "both" && (x.deprel == kDet || x.deprel == kPreconj));
    if (!two || x.head == 0 || x.head <= i + 1 || x.head > sent.word_count || x.head > i + 4) continue;
    const uint32_t head = sent.first_word + x.head - 1;
    std::string_view noun = lemma(head);
    bool gov = std::find(std::begin(kGov), std::end(kGov), noun) != std::end(kGov);
    bool side = std::find(std::begin(kSides), std::end(kSides), noun) != std::end(kSides);
    // As the doers only ("the two sides signed"): as whom something is done to, one of the
    // two is mostly the doer ("praising relations between the two countries").
    const uint16_t rel = doc.words[head].deprel;
    if ((!gov && !side) || doc.words[head].xpos != kNns || (rel != kNsubj && rel != kNsubjPass)) continue;
    uint32_t first = w;
    if (i > 0 && doc.words[w - 1].deprel == kDet && lemma(w - 1) == "the") --first;
    // Not when a named actor covers the phrase ("the two Koreas").
    bool named = false;
    for (size_t k = begin; k < out.size(); ++k)
      named = named || (!out[k].agent && out[k].first <= head && out[k].last >= first);
    if (named) continue;
    // The antecedents: mentions before the phrase with a country, most recent first (those
    // inside a longer one too: "Israeli and Palestinian negotiators"); a place ("in Beijing")
    // is where, and the speaker of a report ("a US official said") tells, neither is who.
    const uint32_t from_sent = s >= 3 ? s - 3 : 0;
    std::string_view countries[2], role_code;
    int found = 0;
    auto end = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), first,
                                [](const Mention& m, uint32_t word) { return m.first_word < word; });
    for (auto it = end; it != doc.mentions.begin() && found < 2;) {
      const Mention& m = *--it;
      if (m.sentence < from_sent) break;
      if (m.chain < 0 || m.first_word + m.word_count > first) continue;
      const std::string& code = doc.chains[static_cast<size_t>(m.chain)].actor;
      if (code.size() < 3 || dict_.country(std::string_view(code).substr(0, 3)) < 0) continue;
      const Word& mh = doc.words[m.head_word];
      const Sentence& ms = doc.sentences[m.sentence];
      bool place = false;
      for (uint32_t k = ms.first_word; k < ms.first_word + ms.word_count && !place; ++k)
        place = doc.words[k].deprel == kCase && doc.words[k].head == m.head_word - ms.first_word + 1 &&
                lemma(k) != "of" && lemma(k) != "'s" && lemma(k) != "with" && lemma(k) != "between" && lemma(k) != "by";
      // (A name inside the speaker's phrase, "US" in "a US official", climbs to its head.)
      const Word* sp = &mh;
      for (int up = 0; up < 3 && sp->deprel != kNsubj && sp->head > 0 && sp->head <= ms.word_count; ++up)
        sp = &doc.words[ms.first_word + sp->head - 1];
      bool reporter = sp->deprel == kNsubj && sp->head > 0 && sp->head <= ms.word_count &&
                      std::ranges::find(kSpeech, lemma(ms.first_word + sp->head - 1)) != std::end(kSpeech);
      if (place || reporter || city_modifier(doc, m) || currency_modifier(doc, m)) continue;
      if (role_code.empty() && code.size() > 3) role_code = code;
      std::string_view c = dict_.entry(static_cast<uint32_t>(dict_.country(std::string_view(code).substr(0, 3)))).code;
      if (found == 1 && countries[0] == c) continue;
      countries[found++] = c;
    }
    if (found < 2) continue;
    std::string_view role = gov ? std::string_view("GOV") : role_code.substr(std::min<size_t>(3, role_code.size()));
    // The match's own code carries the role (the other country takes it from there): the
    // country whose code gave the role goes first.
    if (!role.empty() && role_code.starts_with(countries[0])) std::swap(countries[0], countries[1]);
    ActorMatch a{first, head, countries[1], false};
    if (!role.empty()) {
      // A stable string for "XXX" + role: the resolver's governments, or the antecedent's own code.
      auto g = std::lower_bound(governments_.begin(), governments_.end(), countries[1]);
      if (role == "GOV" && g != governments_.end() && g->size() == 6 && g->starts_with(countries[1]))
        a.code = *g;
      else if (role_code.starts_with(countries[1]))
        a.code = role_code;
      else
        continue;
    }
    a.also[0] = countries[0];
    // Replace the bare role the phrase held ("the two leaders": GOV), keeping text order.
    std::erase_if(out, [&](const ActorMatch& m) { return m.agent && m.first >= first && m.last <= head; });
    auto at = std::lower_bound(out.begin() + static_cast<std::ptrdiff_t>(begin), out.end(), first,
                               [](const ActorMatch& m, uint32_t word) { return m.first < word; });
    out.insert(at, a);
  }
}

}  // namespace sitrep::events
