#include "entities/actors.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "core/tagset.h"
#include "entities/context.h"
#include "entities/mentions.h"
#include "places/places.h"
#include "text/text_util.h"

namespace sitrep::entities {
namespace {

// Whether the text at `at` is a hyphen and a participle ("US-led", "Iranian-backed",
// "Gaza-based"): the word before it modifies its own noun ("the Afghanistan-Pakistan border"
// names two places).
bool hyphened_to_participle(std::string_view text, size_t at) {
  if (at >= text.size() || text[at] != '-') return false;
  size_t e = at + 1;
  while (e < text.size() && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
  return e - at > 3 && text.substr(e - 2, 2) == "ed";
}

int date_key(Date x) { return x.year * 10000 + x.month * 100 + x.day; }

bool in_office(const ActorEntry& e, Date d) {
  if (e.from.known() && date_key(d) < date_key(e.from)) return false;
  if (e.to.known() && date_key(d) > date_key(e.to)) return false;
  return true;
}

std::string date_range(const ActorEntry& e) {
  return e.from.iso() + ".." + (e.to.known() ? e.to.iso() : std::string());
}

struct Guess {
  std::string code, evidence;
  int strength = 0;  // which evidence wins within a chain
};
enum Strength { kRoleOnly = 1, kNominal = 3, kName = 4, kContext = 5, kDictionary = 6 };

class Assigner {
 public:
  Assigner(Document& doc, const ActorDictionary& dict) : doc_(doc), dict_(dict), ctx_(doc, dict) {
    // Persons named by a full name or strong alias somewhere: their weak aliases count.
    for (const auto& h : ctx_.hits())
      if (h.category == GazetteerCategory::kPerson)
        for (uint32_t e : dict_.entries(h))
          if (!dict_.entry(e).weak) strong_names_.insert(dict_.entry(e).name);
  }

  void run() {
    ensure_chains();
    std::vector<Guess> guesses(doc_.mentions.size());
    // Dictionary persons first: possessive pronouns ("his adviser") point back to them.
    for (size_t m = 0; m < doc_.mentions.size(); ++m)
      if (auto g = dictionary_person(doc_.mentions[m])) {
        guesses[m] = *g;
        persons_.push_back({static_cast<uint32_t>(m), g->code});
      }
    for (size_t m = 0; m < doc_.mentions.size(); ++m) {
      // A dated office is the dictionary's word; an undated entry (a person's default role,
      // "elite") yields to the title or apposition the text gives ("Cambodian Prime Minister
      // Hun Sen" is KHMGOV whatever role the dictionary gives him at other dates).
      if (guesses[m].strength >= kDictionary) continue;
      if (auto g = from_context(doc_.mentions[m]); g && g->strength > guesses[m].strength) {
        guesses[m] = *g;
        // (A dictionary guess it replaces is no longer this person's code: pronouns must not
        // find it.)
        auto known = std::find_if(persons_.begin(), persons_.end(), [&](const auto& p) { return p.first == m; });
        if (known != persons_.end())
          known->second = g->code;
        else if (doc_.mentions[m].type == EntityType::kPerson && doc_.mentions[m].kind == MentionKind::kName &&
                 guesses[m].strength >= kContext)
          persons_.push_back({static_cast<uint32_t>(m), g->code});
      }
    }
    // Each chain takes its strongest guess (the first in the text among equals).
    std::vector<int> best(doc_.chains.size(), 0);
    for (size_t m = 0; m < doc_.mentions.size(); ++m) {
      int c = doc_.mentions[m].chain;
      if (c < 0 || guesses[m].strength <= best[c]) continue;
      best[c] = guesses[m].strength;
      doc_.chains[c].actor = guesses[m].code;
      doc_.chains[c].evidence = guesses[m].evidence;
    }
  }

 private:
  void ensure_chains() {
    if (doc_.chains.empty()) link_surnames();
    for (auto& m : doc_.mentions) {
      if (m.chain >= 0) continue;
      m.chain = static_cast<int32_t>(doc_.chains.size());
      Chain c;
      c.canonical = std::string(doc_.str(m.span));
      c.type = m.type;
      doc_.chains.push_back(std::move(c));
    }
  }

  // Without coreference, a one-word name ("Kuleba", "Mr. Wang") joins the chain of
  // the latest earlier full person name that begins or ends with it.
  void link_surnames() {
    for (size_t i = 0; i < doc_.mentions.size(); ++i) {
      Mention& m = doc_.mentions[i];
      if (m.kind != MentionKind::kName || m.type != EntityType::kPerson) continue;
      uint32_t last = m.first_word + m.word_count - 1;
      bool titled = m.word_count == 2 && ctx_.is_honorific(m.first_word);
      if (m.word_count != 1 && !titled) continue;
      std::string_view surname = doc_.word_text(last);
      for (size_t j = i; j-- > 0;) {
        Mention& full = doc_.mentions[j];
        if (full.kind != MentionKind::kName || full.type != EntityType::kPerson || full.word_count < 2) continue;
        if (ctx_.is_honorific(full.first_word)) continue;
        if (doc_.word_text(full.first_word) != surname &&
            doc_.word_text(full.first_word + full.word_count - 1) != surname)
          continue;
        if (full.chain < 0) {
          full.chain = static_cast<int32_t>(doc_.chains.size());
          doc_.chains.push_back(Chain{std::string(doc_.str(full.span)), full.type, {}, {}});
        }
        m.chain = full.chain;
        break;
      }
    }
  }

  std::optional<Guess> dictionary_person(const Mention& m) {
    if (m.kind != MentionKind::kName) return std::nullopt;
    uint32_t e = m.first_word + m.word_count, name = ctx_.name_start(m.first_word, e);
    if (name < e && ctx_.is_honorific(name)) ++name;
    for (const auto* h : ctx_.hits_in(m.first_word, e)) {
      // The whole name, not a part of it ("Assad" in "Assad Sarwar").
      if (h->category != GazetteerCategory::kPerson || h->first_word != name || h->first_word + h->word_count != e)
        continue;
      const ActorEntry* pick = nullptr;
      auto pick_in = [&](auto&& ids, std::string_view only) {
        for (uint32_t e : ids) {
          const ActorEntry& p = dict_.entry(e);
          if (p.category != GazetteerCategory::kPerson || (!only.empty() && p.name != only)) continue;
          if (p.weak && !strong_names_.count(p.name)) continue;
          if (doc_.date.known() ? in_office(p, doc_.date) : !p.to.known()) return &p;
        }
        return static_cast<const ActorEntry*>(nullptr);
      };
      pick = pick_in(dict_.entries(*h), {});
      // An alias written on one office's line ("Crown Prince Mohammed bin Salman") names the
      // person in the others too: the office the person held that day.
      if (!pick && doc_.date.known())
        for (uint32_t e : dict_.entries(*h))
          if (const ActorEntry& p = dict_.entry(e); !p.weak && !pick) pick = pick_in(dict_.lookup(p.name), p.name);
      std::string note;
      if (!pick && !doc_.date.known()) {  // undated: the person's latest office
        for (uint32_t e : dict_.entries(*h)) {
          const ActorEntry& p = dict_.entry(e);
          if (p.weak && !strong_names_.count(p.name)) continue;
          if (!pick || date_key(p.to) > date_key(pick->to)) pick = &p;
        }
        note = " (document date unknown: latest office)";
      }
      // An undated entry (a person's default role, "elite") yields to a title or apposition.
      if (pick)
        return Guess{pick->code,
                     "dictionary: " + pick->name + ", " + pick->office + " " + date_range(*pick) + note,
                     pick->from.known() || pick->to.known() ? kDictionary : kName};
    }
    return std::nullopt;
  }

  std::optional<Guess> from_context(const Mention& m) {
    uint32_t b = m.first_word, e = m.first_word + m.word_count;
    if (m.kind == MentionKind::kName && (m.type == EntityType::kPerson || m.type == EntityType::kNone)) {
      // A "name" made only of role words and nationalities, ending on a role word, is a
      // description the recognizer took for a name: "Gunmen" opening a sentence, "AFGHAN POLICE" in capitals.
      if ((m.type == EntityType::kPerson || m.type == EntityType::kNone) && wholly_description(b, e))
        return describe(b, e, "nominal");
      uint32_t name_start = ctx_.name_start(b, e);  // after a title inside the mention
      // "Chinese and Ukrainian foreign ministers Wang Yi and Dmytro Kuleba": the
      // second name takes the title of the first, and the second owner.
      uint32_t first_name = name_start, index = 0;
      while (ctx_.title_start(first_name) == first_name) {
        auto prev = ctx_.coordinated_before(first_name);
        if (!prev) break;
        first_name = ctx_.name_start(prev->first, prev->second), ++index;
      }
      uint32_t t = ctx_.title_start(first_name);
      if (t < first_name)
        if (auto g = describe(ctx_.coordinated_title_start(t), first_name, "title", index)) {
          // "King Abdullah of Jordan": a title naming no owner takes the country its name
          // ends on after "of".
          for (uint32_t w = first_name + 1; w + 1 < e && g->strength == kRoleOnly; ++w)
            if (ctx_.is(w, "of"))
              for (const GazetteerHit* o : ctx_.hits_in(w + 1, e))
                if (g->strength == kRoleOnly && o->first_word == w + 1 && o->first_word + o->word_count == e &&
                    o->category == GazetteerCategory::kCountryName) {
                  g->code = dict_.entry(o->entry).code.substr(0, 3) + g->code;
                  g->evidence += " of " + ctx_.text(w + 1, e);
                  g->strength = kContext;
                }
          return g;
        }
      if (auto r = ctx_.apposition_after(e)) 
        if (auto g = describe(r->first, r->second, "apposition")) return g;
      if (auto r = ctx_.apposition_before(b))
        if (auto g = describe(r->first, r->second, "apposition")) return g;
      return std::nullopt;
    }
    if (m.kind == MentionKind::kPronoun) return std::nullopt;
    // Names of places and organisations, nationalities, role descriptions.
    return describe(b, e, m.kind == MentionKind::kName ? "name" : "nominal");
  }

  // A person hit that is only some person's surname, never named in full here ("King").
  bool unconfirmed_surname(const GazetteerHit& h) const {
    if (h.category != GazetteerCategory::kPerson) return false;
    for (uint32_t x : dict_.entries(h)) {
      const ActorEntry& p = dict_.entry(x);
      if (!p.weak || strong_names_.count(p.name)) return false;
    }
    return true;
  }

  bool wholly_description(uint32_t b, uint32_t e) const {
    const GazetteerHit* role = ctx_.last_role(b, e);
    if (!role || role->first_word + role->word_count != e) return false;
    // Not a population word ("the Chinese People" of a longer name the recognizer cut).
    std::string_view code = dict_.entry(role->entry).code;
    if (code == "CVL" || code == "REF") return false;
    uint32_t covered = b;
    for (const GazetteerHit* h : ctx_.hits_in(b, e)) {
      bool describing = h->category == GazetteerCategory::kRole || h->category == GazetteerCategory::kNationality ||
                        h->category == GazetteerCategory::kCountryName || unconfirmed_surname(*h);
      if (h->first_word > covered || !describing) return false;
      covered = std::max(covered, h->first_word + h->word_count);
    }
    return covered == e;
  }

  // The code that the words [b, e) describe: the owner (country, organisation,
  // or a possessive pronoun's person) joined with the role word.
  // With coordinated owners ("Chinese and Ukrainian ministers X and Y"), `index`
  // picks the owner of the index-th name.
  std::optional<Guess> describe(uint32_t b, uint32_t e, const char* kind, uint32_t index = 0) {
    uint32_t cut = ctx_.destination_start(b, e);
    // A title's role is its last ("Business Administration" -> administration); a description's its first.
    const GazetteerHit* role = std::string_view(kind) == "title" ? ctx_.last_role(b, cut) : ctx_.first_role(b, cut);
    bool person_context = std::string_view(kind) != "nominal" && std::string_view(kind) != "name";
    // A capitalised role word after an unknown proper noun is part of a name ("Burger King").
    if (role && person_context && ctx_.inside_unknown_name(*role)) return std::nullopt;
    // A title ends on its role word, right before the name ("press secretary Jen Psaki").
    if (role && std::string_view(kind) == "title" && role->first_word + role->word_count != e) return std::nullopt;
    std::string owner, owner_role, via;
    bool igo = false;
    auto owners = ctx_.owner_hits(b, role ? role->first_word : cut);
    const GazetteerHit* chosen = nullptr;
    if (owners.size() > 1 && std::string_view(kind) == "title") {
      if (index >= owners.size()) return std::nullopt;
      chosen = owners[index];
    } else {
      chosen = ctx_.owner_hit(b, cut, true);
      // A dictionary name the mention is, with a preposition inside ("the National League
      // for Democracy"), or one the recognizer cut it out of ("Tanzania" of "the United
      // Republic of Tanzania"): that name.
      if (!chosen && !role && std::string_view(kind) == "name")
        chosen = ctx_.covering_owner(b + (e - b > 1 && ctx_.is(b, "the") ? 1 : 0), e);
    }
    // "The government of Sudan", "police of Belarus": the owner named right after the
    // description's role word, behind "of" (the mention ends before it).
    // Also "a spokesman for the Taliban": a spokesperson's owner behind "for".
    // (So are members: "ten members of the National League for Democracy" are the party's.)
    const bool members = !role && e > b && (ctx_.is(e - 1, "members") || ctx_.is(e - 1, "member"));
    if (!chosen && (role || members) && std::string_view(kind) == "nominal" &&
        (members || role->first_word + role->word_count == e)) {
      const Sentence& sent = doc_.sentences[ctx_.sentence_of(b)];
      uint32_t end = sent.first_word + sent.word_count, w = e;
      bool spokes = ctx_.is(e - 1, "spokesman") || ctx_.is(e - 1, "spokeswoman") || ctx_.is(e - 1, "spokesperson") ||
                    ctx_.is(e - 1, "representative");
      if (w + 1 < end && (ctx_.is(w, "of") || (spokes && ctx_.is(w, "for")))) {
        ++w;
        if (w + 1 < end && ctx_.is(w, "the")) ++w;
        const GazetteerHit* o = ctx_.owner_hit(w, end, false);
        // (Else over a word or two that qualify the owner: "the toppled Taliban"; a name that
        // opens on an adjective, "the Free Syrian Army", is found first.)
        static const uint16_t kAdjTag = upos_id("ADJ");
        if (!o || o->first_word != w) {
          for (int k = 0; k < 2 && w + 1 < end && doc_.words[w].upos == kAdjTag; ++k) ++w;
          o = ctx_.owner_hit(w, end, false);
        }
        if (o && o->first_word == w && o->category != GazetteerCategory::kNationality) chosen = o;
      }
    }
    // "Iranian-backed militias" are not Iran's: a patron before "-backed" owns nothing.
    if (chosen && std::string_view(kind) == "nominal") {
      uint32_t x = chosen->first_word + chosen->word_count;
      if (x + 1 < e && doc_.word_text(x) == "-" &&
          (ctx_.is(x + 1, "backed") || ctx_.is(x + 1, "sponsored") || ctx_.is(x + 1, "supported") ||
           ctx_.is(x + 1, "funded") || ctx_.is(x + 1, "armed") || ctx_.is(x + 1, "trained")))
        chosen = nullptr;
    }
    // "US-led coalition troops", "a Saudi-led coalition": the leader named before "-led"
    // owns the group ("Iranian-backed militias" are not Iran's: their patron is no owner).
    if (!chosen && role && std::string_view(kind) == "nominal") {
      const Sentence& sent = doc_.sentences[ctx_.sentence_of(b)];
      uint32_t w = b;
      while (w > sent.first_word && (ctx_.is(w - 1, "a") || ctx_.is(w - 1, "an") || ctx_.is(w - 1, "the"))) --w;
      if (w >= sent.first_word + 3 && doc_.word_text(w - 2) == "-" &&
          (ctx_.is(w - 1, "led") || ctx_.is(w - 1, "run") || ctx_.is(w - 1, "commanded") ||
           ctx_.is(w - 1, "controlled")))
        for (const GazetteerHit* o : ctx_.hits_in(sent.first_word, w - 2))
          if (o->first_word + o->word_count == w - 2 &&
              (o->category == GazetteerCategory::kCountryName || o->category == GazetteerCategory::kNationality ||
               o->category == GazetteerCategory::kMetonym || o->category == GazetteerCategory::kIgo))
            chosen = o;
    }
    // Only a surname of someone never named here ("the King"): no owner at all.
    if (chosen && unconfirmed_surname(*chosen) && !person_code_at(chosen->first_word) &&
        !ctx_.owner_hit(chosen->first_word, chosen->first_word + chosen->word_count, false))
      chosen = nullptr;
    // A role word inside the name of the place or organisation that owns it is no role ("the
    // West Bank" is a place, not a bank: PSE, was PSEBUS).
    if (chosen && role && chosen->category != GazetteerCategory::kPerson && role->first_word >= chosen->first_word &&
        role->first_word + role->word_count <= chosen->first_word + chosen->word_count)
      role = nullptr;
    if (const GazetteerHit* o = chosen) {
      // A person no one names in full ("Goma", the weak alias of a politician, is also a
      // city): the same words' place or organisation reading, if they have one.
      if (o->category == GazetteerCategory::kPerson && !person_code_at(o->first_word))
        if (const GazetteerHit* other = ctx_.owner_hit(o->first_word, o->first_word + o->word_count, false))
          o = other;
      const ActorEntry& x = dict_.entry(o->entry);
      if (o->category == GazetteerCategory::kPerson) {
        auto p = person_code_at(o->first_word);
        if (!p) return std::nullopt;
        owner = owner_part(*p);
      } else {
        owner = x.code, owner_role = x.role, igo = x.category == GazetteerCategory::kIgo;
      }
    } else if (auto pron = ctx_.possessive_pronoun(b, cut)) {
      // (A pronoun pointing to no one coded leaves the role alone: "his brother was
      // arrested" is a civilian arrested.)
      auto p = antecedent_code(*pron);
      if (!p && !role) return std::nullopt;
      if (p) {
        owner = owner_part(*p);
        via = " (" + std::string(doc_.word_text(*pron)) + " = " + *p + ")";
      }
    }
    if (person_context && !role) return std::nullopt;
    // "Monday, U.S. President Joe Biden": a title of another name is no description.
    if (std::string_view(kind) == "apposition" && role && ctx_.followed_by_name(*role)) return std::nullopt;
    if (owner.empty() && !role) return std::nullopt;
    std::string code = owner;
    igo = igo || (!owner.empty() && dict_.country(owner.substr(0, 3)) < 0);
    if (!igo) code += !owner_role.empty() ? owner_role : role ? dict_.entry(role->entry).code : std::string();
    int strength = owner.empty() ? kRoleOnly
                   : person_context ? kContext
                   : std::string_view(kind) == "name" ? kName : kNominal;
    return Guess{code, std::string(kind) + ": " + ctx_.text(b, e) + via, strength};
  }

  std::optional<std::string> person_code_at(uint32_t word) {
    for (const auto& [m, code] : persons_)
      if (doc_.mentions[m].first_word == word) return code;
    return std::nullopt;
  }
  // The person a possessive pronoun at `word` points to: within three sentences
  // before it, a subject in the same sentence first ("Biden said X was Y, while
  // his adviser ..."), else the nearest.
  std::optional<std::string> antecedent_code(uint32_t word) {
    uint32_t limit = ctx_.sentence_first_word(word, 3), sentence = ctx_.sentence_of(word);
    const std::string* best = nullptr;
    int best_score = -1;
    for (const auto& [m, code] : persons_) {
      const Mention& x = doc_.mentions[m];
      if (x.first_word >= word || x.first_word < limit) continue;
      int score = static_cast<int>(x.first_word);
      if (x.sentence == sentence && ctx_.is_subject(x.first_word, x.first_word + x.word_count)) score += 1 << 28;
      if (score > best_score) best = &code, best_score = score;
    }
    return best ? std::optional<std::string>(*best) : std::nullopt;
  }
  // "USAGOV" -> "USA"; organisation codes stay whole.
  std::string owner_part(const std::string& code) const {
    return dict_.has_country(code) ? code.substr(0, 3) : code;
  }

  Document& doc_;
  const ActorDictionary& dict_;
  Context ctx_;
  std::unordered_set<std::string> strong_names_;
  std::vector<std::pair<uint32_t, std::string>> persons_;  // person mention index, its code
};

}  // namespace

void assign_actors(Document& doc, const ActorDictionary& dict) { Assigner(doc, dict).run(); }

namespace {
// A place named as where something is: after "in", "near", "at"... (over "the",
// "northern" and the like): 2; named as where someone comes from ("from"): 1; else 0.
int locative_place(const Document& doc, const Place& p) {
  const Sentence& s = doc.sentences[p.sentence];
  uint32_t w = s.first_word;
  while (w < s.first_word + s.word_count && doc.words[w].span.begin < p.span.begin) ++w;
  // "in the eastern Afghan province of Khost": through "of" and the place noun it names, and
  // the words before that noun (at most four).
  auto lemma_at = [&](uint32_t k) {
    const Word& x = doc.words[k];
    return x.lemma.empty() ? text::ascii_lower(doc.word_text(k)) : std::string(doc.pooled(x.lemma));
  };
  if (w >= s.first_word + 2 && text::ascii_lower(doc.word_text(w - 1)) == "of" && is_place_noun(lemma_at(w - 2))) {
    uint32_t k = w - 2;
    for (uint32_t steps = 0; k > s.first_word && steps < 4; --k, ++steps) {
      static const uint16_t kAdjTag = upos_id("ADJ"), kDetTag = upos_id("DET"), kPropnTag = upos_id("PROPN");
      const uint16_t u = doc.words[k - 1].upos;
      if (u != kAdjTag && u != kDetTag && u != kPropnTag) break;
    }
    w = k;
  }
  for (uint32_t k = w, steps = 0; k > s.first_word && steps < 3; --k, ++steps) {
    std::string lower = text::ascii_lower(doc.word_text(k - 1));
    if (lower == "in" || lower == "near" || lower == "at" || lower == "outside" || lower == "around" ||
        lower == "across" || lower == "throughout" || lower == "inside")
      return 2;
    if (lower == "from") return 1;
    if (lower != "the" && lower != "north" && lower != "south" && lower != "east" && lower != "west" &&
        !places::is_region_direction(lower))
      return 0;
  }
  return 0;
}
}  // namespace

namespace {

// Whether place `p` is inside mention `m` or hangs in the tree from the noun phrase the
// mention heads or modifies ("al-Qaida terror group in Iraq"), below any verb.
bool in_phrase_of(const Document& doc, const Mention& m, const Place& p) {
  if (p.span.begin >= m.span.begin && p.span.end <= m.span.end) return true;
  if (m.sentence >= doc.sentences.size() || m.word_count == 0) return false;
  const Sentence& s = doc.sentences[m.sentence];
  auto word_at = [&](uint32_t byte) {
    for (uint32_t w = s.first_word; w < s.first_word + s.word_count; ++w)
      if (doc.words[w].span.begin <= byte && byte < doc.words[w].span.end) return static_cast<int64_t>(w);
    return int64_t{-1};
  };
  int64_t w = word_at(p.span.begin);
  if (w < 0) return false;
  static const uint16_t kVerb = upos_id("VERB"), kAux = upos_id("AUX");
  const uint32_t last = m.first_word + m.word_count - 1;
  // The word the mention hangs from: "group" of "al-Qaida terror group".
  uint32_t noun = last;
  for (uint32_t k = m.first_word; k <= last; ++k) {
    uint32_t h = doc.words[k].head;
    if (h && (s.first_word + h - 1 < m.first_word || s.first_word + h - 1 > last)) noun = s.first_word + h - 1;
  }
  for (int step = 0; step < 4 && w >= 0; ++step) {
    const Word& x = doc.words[w];
    if (x.head == 0 || x.upos == kVerb || x.upos == kAux) return false;
    w = s.first_word + x.head - 1;
    if ((w >= m.first_word && w <= last) || (w == noun && doc.words[noun].upos != kVerb)) return true;
  }
  return false;
}

}  // namespace

void localize_agents(Document& doc, const ActorDictionary& dict) {
  auto is_country = [&](std::string_view code) { return dict.has_country(code); };
  // A bare role: the code of a role word ("COP", "GOVMIL"), not an organisation's
  // code without a country ("NGO..."). An armed group that acts across borders
  // ("IMGMUSALQ", al-Qaeda) is coded as the rebels of the country it acts in (IRQREB),
  // as docs/annotation.md has it; its own code stays in the evidence.
  // (Also a region's armed group: "MEAREB", the Middle East's rebels, for the al-Aqsa
  // Martyrs Brigades.)
  auto regional_armed = [&](std::string_view code) {
    if (code.size() < 6 || is_country(code) || code.starts_with("IGO") || code.starts_with("NGO") ||
        code.starts_with("MNC") || code.starts_with("IMG"))
      return false;
    std::string_view r = code.substr(3, 3);
    return r == "REB" || r == "INS" || r == "SEP" || r == "UAF" || r == "RAD";
  };
  auto transnational = [&](std::string_view code) { return code.starts_with("IMG") || regional_armed(code); };
  auto bare_role = [&](const std::string& code) {
    return !is_country(code) && (dict.is_role_code(code) || transnational(code));
  };
  auto role_of = [&](const std::string& code) {
    return code.starts_with("IMG") ? std::string("REB") : regional_armed(code) ? code.substr(3) : code;
  };
  // The document's main country.
  std::vector<std::pair<std::string, double>> weight;
  auto add = [&](std::string_view country, uint32_t sentence, double w) {
    if (sentence < 2) w *= 2;
    for (auto& [c, x] : weight)
      if (c == country) { x += w; return; }
    weight.emplace_back(std::string(country), w);
  };
  for (const Place& p : doc.places)
    if (is_country(p.country)) add(std::string_view(p.country).substr(0, 3), p.sentence, 1.0);
  // Not a dateline's agency ("KABUL (Reuters) -"); a news outlet counts little: the wire a
  // source told ("an Interior Ministry source told Xinhua") says little of where things
  // happen, though it is all an article may say ("Li was detained, Xinhua reported").
  // The wire a source talked to ("a police spokesman told AFP") is the article's own
  // reporter, there wherever the story is: no clue at all.
  auto outlet = [](std::string_view code) { return code.size() >= 6 && code.substr(3, 3) == "MED"; };
  auto told = [&](const Mention& m) {
    const Sentence& s = doc.sentences[m.sentence];
    uint32_t h = doc.words[m.head_word].head;
    return h && doc.pooled(doc.words[s.first_word + h - 1].lemma) == "tell";
  };
  for (const Mention& m : doc.mentions)
    if (m.chain >= 0 && is_country(doc.chains[m.chain].actor) && !doc.sentences[m.sentence].dateline) {
      bool media = outlet(doc.chains[m.chain].actor);
      if (media && told(m)) continue;
      add(std::string_view(doc.chains[m.chain].actor).substr(0, 3), m.sentence, media ? 0.1 : 0.5);
    }
  auto leader = [](const std::vector<std::pair<std::string, double>>& weights) {
    std::string lead;
    double best = 0, second = 0, total = 0;
    for (const auto& [c, x] : weights) {
      total += x;
      if (x > best) second = best, best = x, lead = c;
      else if (x > second) second = x;
    }
    if (best < 2 * second || best < 0.35 * total) lead.clear();  // no clear lead
    return lead;
  };
  std::string home = leader(weight);
  doc.country = home;
  // Where the article's events happen, when its actors' countries give no lead ("US
  // soldiers" in Fallujah and Baghdad): the country of the places it names, for a role no
  // sentence places.
  if (home.empty()) {
    weight.clear();
    for (const Place& p : doc.places)
      if (is_country(p.country)) add(std::string_view(p.country).substr(0, 3), p.sentence, 1.0);
    home = leader(weight);
  }
  // An organisation the dictionary names with a sector code and no country ("FIFA", "Special
  // Olympics": NGO) keeps it: it is that organisation, not a role of the setting's country.
  std::vector<bool> named_org(doc.chains.size());
  for (const Mention& m : doc.mentions) {
    // (Not an armed group across borders: it is coded as the rebels of where it acts.)
    if (m.chain < 0 || m.kind != MentionKind::kName || !dict.is_role_code(doc.chains[m.chain].actor)) continue;
    std::string_view name = doc.str(m.span);
    if (name.starts_with("the ") || name.starts_with("The ")) name.remove_prefix(4);
    for (uint32_t e : dict.lookup(name))
      if (dict.entry(e).category == GazetteerCategory::kIgo && dict.entry(e).code == doc.chains[m.chain].actor)
        named_org[m.chain] = true;
  }
  bool any = false;
  for (size_t c = 0; c < doc.chains.size(); ++c) any = any || (bare_role(doc.chains[c].actor) && !named_org[c]);
  if (!any) return;
  // Each bare-role chain, sentence by sentence: the country of an actor of the same role
  // named before it or in its sentence, with its own country or placed already ("Israeli
  // troops ... the army said"; "12 civilians in Kharkiv ... civilians"), else the place its
  // sentence says things happen in, else home. One pass over mentions and places.
  std::vector<std::string> country(doc.chains.size()), evidence(doc.chains.size());
  std::vector<bool> from_setting(doc.chains.size());  // the country of a place or of the article
  std::vector<std::vector<uint32_t>> mentions_in(doc.sentences.size()), places_in(doc.sentences.size());
  for (uint32_t i = 0; i < doc.mentions.size(); ++i)
    if (doc.mentions[i].sentence < doc.sentences.size()) mentions_in[doc.mentions[i].sentence].push_back(i);
  for (uint32_t i = 0; i < doc.places.size(); ++i)
    if (doc.places[i].sentence < doc.sentences.size() && is_country(doc.places[i].country))
      places_in[doc.places[i].sentence].push_back(i);
  std::unordered_map<std::string, std::pair<std::string, Span>> known;  // role -> country, the words that said it
  // "expelled 13 foreign journalists", "foreign aid agencies": people of no country the
  // text names, and not of the one where they are (the foreign minister is a country's).
  std::vector<bool> abroad(doc.chains.size());
  auto foreign = [&](const Mention& m) {
    static const std::unordered_set<std::string_view> kForeign = {"foreign", "overseas", "expatriate"};
    static const std::unordered_set<std::string_view> kOffices = {
        "minister", "ministers", "ministry", "ministries", "secretary", "secretaries", "office", "offices",
        "affairs", "policy", "service", "services", "relations"};
    for (uint32_t w = m.first_word; w < m.head_word && w + 1 < doc.words.size(); ++w)
      if (kForeign.count(text::ascii_lower(doc.word_text(w))) &&
          !kOffices.count(text::ascii_lower(doc.word_text(w + 1))))
        return true;
    return false;
  };
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    // Coded officials of this sentence, for a bare one of the same role: any named before it,
    // and any after it but the other side of its own verb (in "King Abdullah met Obama in
    // Riyadh" the king is no American; in "the Marines followed the rules ... after the
    // soldiers became embroiled" the soldiers say whose Marines).
    struct Clue {
      std::string role, country;
      Span span;
      uint32_t governor;
    };
    std::vector<Clue> here;
    auto governor = [&](const Mention& x) {  // the verb of its clause (0: none)
      static const uint16_t kVerbTag = upos_id("VERB");
      const uint32_t first = doc.sentences[s].first_word;
      uint32_t h = doc.words[x.head_word].head;
      for (int steps = 0; h != 0 && steps < 8 && doc.words[first + h - 1].upos != kVerbTag; ++steps)
        h = doc.words[first + h - 1].head;
      return h;
    };
    for (uint32_t i : mentions_in[s]) {
      const Mention& o = doc.mentions[i];
      if (o.chain < 0) continue;
      const std::string& code = doc.chains[o.chain].actor;
      if (code.size() > 3 && is_country(code) && dict.is_role_code(std::string_view(code).substr(3)))
        here.push_back({code.substr(3), code.substr(0, 3), o.span, governor(o)});
    }
    std::unordered_set<std::string> resolved_here;  // roles a bare agent of this sentence set
    for (uint32_t i : mentions_in[s]) {
      const Mention& m = doc.mentions[i];
      if (m.chain < 0 || !bare_role(doc.chains[m.chain].actor) || named_org[m.chain]) continue;
      if (foreign(m)) {
        abroad[m.chain] = true;
        continue;
      }
      const std::string role = role_of(doc.chains[m.chain].actor);
      // "Hamas said its fighters fired rockets at Tel Aviv", "Russia denied that its forces
      // shelled the hospital in Mariupol": an owner's people are the owner's country's, not
      // the place's.
      if (country[m.chain].empty())
        for (uint32_t k : mentions_in[s]) {
          const Mention& o = doc.mentions[k];
          if (o.kind != MentionKind::kPronoun || o.first_word != m.first_word || o.chain < 0 || o.chain == m.chain)
            continue;
          const std::string& owner = doc.chains[o.chain].actor;
          if (owner.size() < 3 || !is_country(owner)) continue;
          country[m.chain] = owner.substr(0, 3);
          evidence[m.chain] = "; country from its owner: " + std::string(doc.str(o.span)) + " = " + owner;
          break;
        }
      // "A delegation from North Korea", "officials of Sudan", "police in the Indian state of
      // Gujarat": the country its own phrase names.
      if (country[m.chain].empty()) {
        const Sentence& st = doc.sentences[s];
        for (uint32_t k : mentions_in[s]) {
          const Mention& o = doc.mentions[k];
          // (Or an organisation of one: "the exiled leader of Hamas", PSE.)
          if (o.chain < 0 || o.chain == m.chain || !is_country(doc.chains[o.chain].actor)) continue;
          static const uint16_t kNmod = deprel_id("nmod");
          const Word& h = doc.words[o.head_word];
          if (h.head == 0 || st.first_word + h.head - 1 != m.head_word || h.deprel != kNmod) continue;
          bool from = false;  // its preposition: "from", "of", or "in" ("a border checkpost in Khost")
          for (uint32_t w = st.first_word; w < o.head_word && !from; ++w)
            if (doc.words[w].head == o.head_word - st.first_word + 1) {
              const std::string lower = text::ascii_lower(doc.word_text(w));
              from = lower == "from" || lower == "of" || lower == "in";
            }
          if (!from) continue;
          country[m.chain] = doc.chains[o.chain].actor.substr(0, 3);
          evidence[m.chain] = "; country from its phrase: " + std::string(doc.str(o.span));
          break;
        }
      }
      // A group across borders is first where its own name places it ("al-Qaeda in Iraq",
      // "the al-Qaida terror group in Iraq": a place in the noun phrase of its name).
      if (country[m.chain].empty() && transnational(doc.chains[m.chain].actor))
        for (uint32_t pi : places_in[s]) {
          const Place& p = doc.places[pi];
          if (p.country.empty() || !in_phrase_of(doc, m, p)) continue;
          country[m.chain] = p.country.substr(0, 3);
          evidence[m.chain] = "; country from its name: " + p.name;
          break;
        }
      const Clue* clue = nullptr;
      for (const Clue& x : here)
        if (x.role == role && (x.span.end <= m.span.begin || x.governor != governor(m))) clue = &x;
      if (country[m.chain].empty() && clue) {
        country[m.chain] = clue->country;
        evidence[m.chain] = "; country from " + std::string(doc.str(clue->span));
      }
      if (country[m.chain].empty()) {
        if (auto k = known.find(role); k != known.end()) {
          country[m.chain] = k->second.first;
          evidence[m.chain] = "; country from " + std::string(doc.str(k->second.second));
        } else {
          // Where the sentence says it happens ("in Fallujah") before any other place it
          // names before the agent ("Kenya's capital ... the police"); the nearest among
          // equals. A place named after the agent, not as where, is what it acts on or goes
          // to, not whose it is ("the king will visit Tanzania", "an insurgent fired at a US
          // patrol").
          const Place* near = nullptr;
          uint32_t best_distance = UINT32_MAX;
          for (uint32_t pi : places_in[s]) {
            const Place& p = doc.places[pi];
            if (p.span.begin >= m.span.begin && p.span.end <= m.span.end) continue;
            // (A place hyphened to a participle modifies its own noun, "US-led coalition
            // forces": it is no place where the sentence happens.)
            if (hyphened_to_participle(doc.text, p.span.end)) continue;
            uint32_t d = p.span.begin > m.span.begin ? p.span.begin - m.span.begin : m.span.begin - p.span.begin;
            // (Where one came from is less where it happens: "militants crossed from Pakistan
            // and attacked a border checkpost in the Afghan province of Khost".)
            const int where = locative_place(doc, p);
            if (where == 0 && p.span.begin > m.span.begin) continue;
            if (where < 2) d += where == 1 ? 1u << 10 : 1u << 20;
            if (d < best_distance) best_distance = d, near = &p;
          }
          if (near) {
            country[m.chain] = near->country.substr(0, 3);
            evidence[m.chain] = "; country from the place in its sentence: " + near->name;
            from_setting[m.chain] = true;
          }
        }
      }
      if (!country[m.chain].empty()) known[role] = {country[m.chain], m.span}, resolved_here.insert(role);
    }
    for (const Clue& x : here)
      if (!resolved_here.count(x.role)) known[x.role] = {x.country, x.span};
  }
  for (size_t c = 0; c < doc.chains.size(); ++c) {
    Chain& ch = doc.chains[c];
    ch.foreign = abroad[c];
    if (!bare_role(ch.actor) || named_org[c] || abroad[c]) continue;
    if (country[c].empty() && !home.empty()) {
      country[c] = home;
      evidence[c] = "; country from the document's main country";
      from_setting[c] = true;
    }
    if (country[c].empty()) continue;
    if (transnational(ch.actor)) ch.evidence += "; group " + ch.actor + " acting in " + country[c];
    ch.actor = country[c] + role_of(ch.actor);
    ch.evidence += evidence[c];
    ch.country_from_setting = from_setting[c];
  }
}

std::string export_learned(const Document& doc) {
  std::string out;
  for (size_t c = 0; c < doc.chains.size(); ++c) {
    const Chain& ch = doc.chains[c];
    if (ch.actor.empty() || ch.type != EntityType::kPerson) continue;
    std::string_view ev = ch.evidence;
    if (!ev.starts_with("title:") && !ev.starts_with("apposition:")) continue;
    std::string name = ch.canonical;
    for (auto& ch2 : name)
      if (ch2 == '\t' || ch2 == '\n') ch2 = ' ';
    size_t sp = name.rfind(' ');
    std::string surname = sp == std::string::npos ? std::string() : name.substr(sp + 1);
    std::string office(ev);
    for (auto& ch2 : office)
      if (ch2 == '\t' || ch2 == '\n') ch2 = ' ';
    out += name + '\t' + surname + '\t' + ch.actor + '\t' + doc.date.iso() + '\t' + doc.date.iso() + '\t' +
           office + '\n';
  }
  return out;
}

}  // namespace sitrep::entities
