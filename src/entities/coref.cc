#include "entities/coref.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <string>
#include <vector>

#include "core/tagset.h"
#include "entities/mentions.h"

namespace sitrep::entities {
namespace {

// How far back each pass looks, in mentions: keeps the sieve linear in practice.
constexpr size_t kNameWindow = 400;
constexpr size_t kRoleWindow = 150;
constexpr uint32_t kPronounSentences = 2;
// I/we/you keep their referent while one speaker talks: a longer reach.
constexpr uint32_t kSpeakerSentences = 10;

bool is_article_or_det(std::string_view l) {
  return l == "the" || l == "a" || l == "an" || l == "this" || l == "that" || l == "these" || l == "those";
}

// Gender of a person noun, when the word gives it.
char noun_gender(std::string_view l) {
  static constexpr std::string_view kMale[] = {"man", "father", "husband", "son", "brother", "king", "prince",
                                               "boy", "spokesman", "chairman", "actor", "uncle", "nephew"};
  static constexpr std::string_view kFemale[] = {"woman", "mother", "wife", "daughter", "sister", "queen",
                                                 "princess", "girl", "spokeswoman", "chairwoman", "actress",
                                                 "aunt", "niece"};
  for (std::string_view w : kMale)
    if (l == w) return 'm';
  for (std::string_view w : kFemale)
    if (l == w) return 'f';
  return 0;
}

// What the sieve knows of one mention.
struct Info {
  std::vector<std::string> name;   // lowercase name tokens, titles and "the" dropped (names)
  std::vector<std::string> roles;  // lowercase titles and description words
  std::string key;                 // exact-match key: name tokens, or the description without its article
  std::string head;                // lowercase head lemma
  std::string surface;             // the name without titles, as written (for the canonical name)
  bool definite = false, plural = false, subject = false, object = false;
  bool modifier = false;  // a compound inside another noun phrase ("the Russia-Ukraine war")
  bool quantified = false;         // "a", "every", "all", "some"... before a description
  std::string possessor;           // "his" of "his country" (descriptions)
  char gender = 0;                 // from a title (Mr./Mrs.) or the pronoun
  PronounInfo pron;
  uint32_t verb = UINT32_MAX;      // head of the mention's head word
};

// An entity being built: a union-find root carries the merged attributes.
struct Entity {
  EntityType type = EntityType::kNone;
  char gender = 0;
  int8_t plural = -1;              // -1 unknown
  bool has_name = false, has_nominal = false;
  std::vector<std::string> roles;
};

class SieveRunner {
 public:
  explicit SieveRunner(Document& doc) : doc_(doc), n_(doc.mentions.size()), parent_(n_), info_(n_), ent_(n_) {
    std::iota(parent_.begin(), parent_.end(), 0);
    word_sentence_ = sentence_of_words(doc);
    for (size_t i = 0; i < n_; ++i) describe(i);
  }

  void run() {
    pass(kSieveExact, [&](size_t i) { return exact(i); });
    pass(kSieveName, [&](size_t i) { return name_match(i); });
    pass(kSieveRole, [&](size_t i) { return apposition(i); });
    pass(kSieveRole, [&](size_t i) { return role(i); });
    pass(kSievePronoun, [&](size_t i) { return pronoun(i); });
    build_chains();
  }

 private:
  size_t find(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }

  const Mention& m(size_t i) const { return doc_.mentions[i]; }
  std::string_view lemma_of(uint32_t w) const {
    return doc_.words[w].lemma.empty() ? doc_.word_text(w) : doc_.pooled(doc_.words[w].lemma);
  }
  std::string_view rel(uint32_t w) const { return kDeprel[doc_.words[w].deprel]; }

  void describe(size_t i) {
    const Mention& mm = m(i);
    Info& f = info_[i];
    const Sentence& s = doc_.sentences[mm.sentence];
    const uint32_t last = mm.first_word + mm.word_count - 1;
    f.head = lower(lemma_of(mm.head_word));
    std::string_view hr = rel(mm.head_word);
    f.verb = head_of(doc_, s, mm.head_word);
    // A subject, or a conjunct of one ("X and Y said").
    f.subject = hr.starts_with("nsubj") || (hr == "conj" && f.verb != UINT32_MAX && rel(f.verb).starts_with("nsubj"));
    f.object = hr == "obj" || hr == "iobj";
    f.modifier = hr == "compound";
    std::string_view xpos = kXpos[doc_.words[mm.head_word].xpos];
    f.plural = xpos == "NNS" || xpos == "NNPS";
    Entity& e = ent_[i];
    e.type = mm.type;
    if (mm.kind == MentionKind::kPronoun) {
      f.pron = pronoun_info(lower(doc_.word_text(mm.head_word)));
      // "injured four of them": a pronoun counted out of the object is the verb's object too.
      if (hr == "nmod" && f.verb != UINT32_MAX && kUpos[doc_.words[f.verb].upos] == std::string_view("NUM") &&
          rel(f.verb) == "obj")
        f.object = true, f.verb = head_of(doc_, s, f.verb);
      f.gender = f.pron.gender;
      f.plural = f.pron.plural;
      e.gender = f.gender == 'n' ? 0 : f.gender;
      e.plural = f.plural ? 1 : 0;
      if (f.gender == 'm' || f.gender == 'f') e.type = EntityType::kPerson;
      return;
    }
    if (mm.kind == MentionKind::kName) {
      e.has_name = true;
      // A name headed by a common plural noun ("European officials") is several: never "it".
      if (xpos == "NNS") e.plural = 1;
      // Leading article and titles ("the", "Ukrainian Foreign Minister", "Mr.") are not the name:
      // the name starts after the last title word.
      uint32_t first = mm.first_word;
      for (uint32_t w = mm.first_word; w < last; ++w) {
        std::string l = lower(doc_.word_text(w));
        if (is_article_or_det(l) || is_title_word(l) || is_title_word(lower(lemma_of(w)))) first = w + 1;
      }
      for (uint32_t w = mm.first_word; w < first; ++w) {
        std::string l = lower(doc_.word_text(w));
        if (l == "mr." || l == "mr") f.gender = 'm';
        if (l == "mrs." || l == "mrs" || l == "ms." || l == "ms") f.gender = 'f';
        if (!is_article_or_det(l)) f.roles.push_back(l);
      }
      uint32_t end = last;
      while (end > first && (doc_.word_text(end) == "'s" || doc_.word_text(end) == "'" ||
                             kUpos[doc_.words[end].upos] == std::string_view("PUNCT")))
        --end;
      for (uint32_t w = first; w <= end; ++w) f.name.push_back(lower(doc_.word_text(w)));
      f.surface = std::string(doc_.str(Span{doc_.words[first].span.begin, doc_.words[end].span.end}));
      for (const auto& t : f.name) f.key += (f.key.empty() ? "" : " ") + t;
      // Modifiers of the name outside it ("Chinese", "China's") describe it too.
      for (uint32_t w = s.first_word; w < mm.first_word; ++w) {
        uint32_t h = head_of(doc_, s, w);
        if (h != UINT32_MAX && h >= mm.first_word && h <= last) add_words(f.roles, w);
      }
      if (f.gender) e.gender = f.gender;
      if (!f.roles.empty() && e.type == EntityType::kNone) e.type = EntityType::kPerson;
    } else {
      e.has_nominal = true;
      for (uint32_t w = mm.first_word; w <= last; ++w) {
        std::string l = lower(doc_.word_text(w));
        std::string_view r = rel(w);
        if (head_of(doc_, s, w) == mm.head_word) {
          // Definite: "the", a demonstrative or a possessor; "a", "every", "all" are not.
          if (r == "det" && (l == "the" || l == "this" || l == "that" || l == "these" || l == "those"))
            f.definite = true;
          if (r == "nmod:poss" || r == "det:poss") f.definite = true, f.possessor = l;
          if ((r == "det" || r == "det:predet") && !(l == "the" || l == "this" || l == "that" || l == "these" ||
                                                    l == "those"))
            f.quantified = true;
        }
        if (is_article_or_det(l)) continue;
        f.key += (f.key.empty() ? "" : " ") + l;
        std::string_view up = kUpos[doc_.words[w].upos];
        if (w != mm.head_word && (up == "ADJ" || up == "NOUN" || up == "PROPN")) f.roles.push_back(l);
      }
      f.roles.push_back(f.head);
      e.plural = f.plural ? 1 : 0;
      f.gender = noun_gender(f.head);
      if (f.gender) e.gender = f.gender;
    }
    e.roles = f.roles;
  }

  void add_words(std::vector<std::string>& out, uint32_t w) {
    std::string_view up = kUpos[doc_.words[w].upos];
    if (up == "ADJ" || up == "NOUN" || up == "PROPN") out.push_back(lower(doc_.word_text(w)));
  }

  template <class Try>
  void pass(uint8_t sieve, Try attempt) {
    for (size_t i = 0; i < n_; ++i) {
      if (doc_.mentions[i].antecedent >= 0) continue;
      long j = attempt(i);
      if (j < 0) continue;
      doc_.mentions[i].antecedent = static_cast<int32_t>(j);
      doc_.mentions[i].sieve = sieve;
      merge(i, static_cast<size_t>(j));
    }
  }

  void merge(size_t a, size_t b) {
    size_t ra = find(a), rb = find(b);
    if (ra == rb) return;
    Entity& x = ent_[rb];
    const Entity& y = ent_[ra];
    if (x.type == EntityType::kNone || (!x.has_name && y.has_name && y.type != EntityType::kNone)) x.type = y.type;
    if (!x.gender) x.gender = y.gender;
    if (x.plural < 0 || (!x.has_name && !x.has_nominal)) x.plural = y.plural;
    x.has_name |= y.has_name;
    x.has_nominal |= y.has_nominal;
    x.roles.insert(x.roles.end(), y.roles.begin(), y.roles.end());
    parent_[ra] = rb;
  }

  // True when the spans of i and j overlap (one inside the other): never coreferent.
  bool nested(size_t i, size_t j) const {
    return m(i).span.begin < m(j).span.end && m(j).span.begin < m(i).span.end;
  }

  static bool types_agree(EntityType a, EntityType b) {
    if (a == EntityType::kNone || b == EntityType::kNone || a == b) return true;
    auto place = [](EntityType t) { return t == EntityType::kGpe || t == EntityType::kLoc; };
    return place(a) && place(b);
  }

  bool same_entity_ok(size_t i, size_t j) {
    const Entity& a = ent_[find(i)];
    const Entity& b = ent_[find(j)];
    if (!types_agree(a.type, b.type)) return false;
    if (a.gender && b.gender && a.gender != b.gender) return false;
    return true;
  }

  size_t window_start(size_t i, size_t window) const { return i > window ? i - window : 0; }

  long exact(size_t i) {
    const Info& f = info_[i];
    if (f.key.empty() || m(i).kind == MentionKind::kPronoun) return -1;
    if (m(i).kind == MentionKind::kNominal && (!f.definite || f.plural || f.quantified)) return -1;
    for (size_t j = i; j-- > window_start(i, kNameWindow);) {
      if (m(j).kind != m(i).kind || info_[j].key != f.key || nested(i, j)) continue;
      if (m(i).kind == MentionKind::kNominal && (m(i).sentence - m(j).sentence > 8 || info_[j].quantified)) continue;
      if (same_entity_ok(i, j)) return static_cast<long>(j);
    }
    return -1;
  }

  static std::string acronym_of(const std::vector<std::string>& name, const Document&, std::string_view) {
    std::string a;
    for (const auto& t : name)
      if (t != "of" && t != "the" && t != "and" && t != "for" && !t.empty()) a += t[0];
    return a;
  }

  long name_match(size_t i) {
    const Info& f = info_[i];
    if (m(i).kind == MentionKind::kName) {
      if (f.name.empty()) return -1;
      std::string compact;  // "U.N." -> "un"
      for (char c : f.key)
        if (c != '.') compact += c;
      for (size_t j = i; j-- > window_start(i, kNameWindow);) {
        const Info& g = info_[j];
        if (m(j).kind != MentionKind::kName || nested(i, j) || g.name.size() <= f.name.size()) continue;
        // A person's name may be cut anywhere ("Wang" of "Wang Yi", "Kuleba" of "Dmytro
        // Kuleba"); other names only keep their end ("Museum" of "Space Museum", not
        // "Washington" of "Washington Dulles International Airport").
        bool contained;
        const EntityType t = ent_[find(j)].type;
        if (t == EntityType::kPerson || (t == EntityType::kNone && g.name.size() <= 3)) {
          contained = std::all_of(f.name.begin(), f.name.end(), [&](const std::string& t) {
            return std::find(g.name.begin(), g.name.end(), t) != g.name.end();
          });
        } else {
          contained = std::equal(f.name.rbegin(), f.name.rend(), g.name.rbegin());
        }
        bool acronym = f.name.size() == 1 && compact.size() >= 2 && g.name.size() >= 2 &&
                       compact == acronym_of(g.name, doc_, "");
        if ((contained || acronym) && same_entity_ok(i, j)) return static_cast<long>(j);
      }
      return -1;
    }
    if (m(i).kind != MentionKind::kNominal || !f.definite || f.quantified) return -1;
    // "the minister" -> "the foreign minister": same head, no modifier the antecedent lacks.
    for (size_t j = i; j-- > window_start(i, kRoleWindow);) {
      const Info& g = info_[j];
      if (m(j).kind != MentionKind::kNominal || g.head != f.head || g.plural != f.plural || nested(i, j)) continue;
      if (g.quantified || (!f.possessor.empty() && !g.possessor.empty() && f.possessor != g.possessor)) continue;
      if (m(i).sentence - m(j).sentence > 8) break;
      if (modifiers_in(f, ent_[find(j)].roles) && same_entity_ok(i, j)) return static_cast<long>(j);
    }
    return -1;
  }

  // "chinese" matches "china", "ukrainian" "ukraine": a shared prefix of four letters or more.
  static bool word_matches(const std::string& a, const std::string& b) {
    if (a == b) return true;
    size_t k = 0;
    while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
    return k >= 4 && k + 3 >= std::min(a.size(), b.size());
  }

  static bool modifiers_in(const Info& f, const std::vector<std::string>& bag) {
    for (const auto& r : f.roles) {
      if (r == f.head) continue;
      if (std::none_of(bag.begin(), bag.end(), [&](const std::string& b) { return word_matches(r, b); }))
        return false;
    }
    return true;
  }

  long apposition(size_t i) {
    const Mention& a = m(i);
    if (a.kind == MentionKind::kPronoun) return -1;
    const Sentence& s = doc_.sentences[a.sentence];
    if (rel(a.head_word) != "appos") return -1;
    uint32_t h = head_of(doc_, s, a.head_word);
    for (size_t j = i; j-- > 0 && m(j).sentence == a.sentence;)
      // Two names in apposition are mostly places ("Houston, Texas"): a description joins, or two persons.
      if (m(j).head_word == h && m(j).kind != MentionKind::kPronoun && info_[j].plural == info_[i].plural &&
          (m(j).kind == MentionKind::kNominal || a.kind == MentionKind::kNominal ||
           (a.type == EntityType::kPerson && m(j).type == EntityType::kPerson)) &&
          same_entity_ok(i, j))
        return static_cast<long>(j);
    return -1;
  }

  // "the city", "the company": a definite description of a place or organisation
  // names the most recent place or organisation named in the last sentences.
  long thing_role(size_t i) {
    const Info& f = info_[i];
    const EntityType t = m(i).type;
    if (f.plural || f.quantified || !f.definite || !f.possessor.empty()) return -1;
    if (!(t == EntityType::kGpe && is_place_noun(f.head)) && !(t == EntityType::kOrg && is_org_noun(f.head)))
      return -1;
    // A description holding a name of its own is not one named before: "the Xinhua news
    // agency" is Xinhua, whatever organisation the text named last.
    static const uint16_t kPropn = upos_id("PROPN");
    for (uint32_t w = m(i).first_word; w < m(i).first_word + m(i).word_count; ++w)
      if (w != m(i).head_word && doc_.words[w].upos == kPropn) return -1;
    // (Nor one naming whose it is: "the eastern Afghan province" is no Pakistan named before.)
    for (size_t k = i + 1; k < doc_.mentions.size() && m(k).span.begin < m(i).span.end; ++k)
      if (m(k).kind == MentionKind::kName && m(k).span.end <= m(i).span.end) return -1;
    for (size_t j = i; j-- > window_start(i, kRoleWindow);) {
      if (m(i).sentence - m(j).sentence > kPronounSentences) break;
      if (m(j).kind != MentionKind::kName || nested(i, j)) continue;
      // A name modifying a noun is no place or organisation talked about ("a US patrol"); nor,
      // for "the group", "the movement", one named inside another's description ("the
      // Brigades, armed wing of the ruling Fatah movement": the group is the Brigades).
      if (rel(m(j).head_word) == "compound" || rel(m(j).head_word) == "amod") continue;
      if (t == EntityType::kOrg && !is_agent_org_noun(f.head) && rel(m(j).head_word).starts_with("nmod")) continue;
      const EntityType u = ent_[find(j)].type;
      // "the government" is not the farmers' union named before it; "the ministry" is
      // "the Ministry of Defence".
      if (t == EntityType::kOrg && is_agent_org_noun(f.head) &&
          std::none_of(info_[j].name.begin(), info_[j].name.end(),
                       [&](const std::string& w) { return word_matches(f.head, w); }))
        continue;
      if (u == t || (t == EntityType::kGpe && u == EntityType::kLoc)) return static_cast<long>(j);
    }
    return -1;
  }

  long role(size_t i) {
    const Info& f = info_[i];
    if (m(i).type != EntityType::kPerson) return thing_role(i);
    if (m(i).kind != MentionKind::kNominal || !f.definite || f.plural) return -1;
    const bool counterpart = f.head == "counterpart";
    for (size_t j = i; j-- > window_start(i, kRoleWindow);) {
      if (m(j).kind != MentionKind::kName || nested(i, j)) continue;
      size_t r = find(j);
      const Entity& e = ent_[r];
      if (e.type != EntityType::kPerson) continue;
      bool head_ok = counterpart || std::any_of(e.roles.begin(), e.roles.end(),
                                                [&](const std::string& b) { return word_matches(f.head, b); });
      if (!head_ok || !modifiers_in(f, e.roles)) continue;
      if (counterpart && f.roles.size() < 2) continue;  // a bare "his counterpart" says too little
      if (same_entity_ok(i, j)) return static_cast<long>(j);
    }
    return -1;
  }

  // Whether verb v is joined ("and") to verb g, or is a participle clause of it ("clashed with
  // gunmen, killing six of them"), and has no subject of its own: g's is its.
  bool shares_subject(uint32_t v, uint32_t g, uint32_t sent) const {
    const Sentence& s = doc_.sentences[sent];
    static const uint16_t kVbg = xpos_id("VBG");
    if (v == UINT32_MAX || g == UINT32_MAX) return false;
    const bool participle = rel(v) == "advcl" && doc_.words[v].xpos == kVbg;
    if ((rel(v) != "conj" && !participle) || head_of(doc_, s, v) != g) return false;
    for (uint32_t w = s.first_word; w < s.first_word + s.word_count; ++w)
      if (head_of(doc_, s, w) == v && rel(w).starts_with("nsubj")) return false;
    return true;
  }

  bool pronoun_agrees(size_t i, size_t j) {
    const Info& f = info_[i];
    const Entity& e = ent_[find(j)];
    if (m(j).kind == MentionKind::kPronoun) {
      const Info& g = info_[j];
      return g.pron.gender == f.pron.gender && g.pron.plural == f.pron.plural && g.pron.person == f.pron.person;
    }
    if (f.pron.person != 3) return false;  // I, we, you: only to an earlier I, we, you
    if (f.pron.plural) {
      // they: a plural description, or an organisation named as a whole.
      return e.plural == 1 || (e.type == EntityType::kOrg && m(j).kind == MentionKind::kName);
    }
    if (e.plural == 1) return false;
    if (f.pron.gender == 'n')
      return e.type == EntityType::kOrg || e.type == EntityType::kGpe || e.type == EntityType::kLoc;
    if (e.gender && e.gender != f.pron.gender) return false;
    return e.type == EntityType::kPerson || (e.type == EntityType::kNone && m(j).kind == MentionKind::kName);
  }

  long pronoun(size_t i) {
    const Info& f = info_[i];
    if (m(i).kind != MentionKind::kPronoun) return -1;
    const uint32_t sent = m(i).sentence;
    long best = -1;
    std::tuple<uint32_t, int, int, int, long> best_rank{UINT32_MAX, 0, 0, 0, 0};
    for (size_t j = i; j-- > 0;) {
      const Mention& c = m(j);
      if (sent - c.sentence > (f.pron.person == 3 ? kPronounSentences : kSpeakerSentences)) break;
      if (nested(i, j) || !pronoun_agrees(i, j)) continue;
      const Info& g = info_[j];
      // Binding: "he met him": an object pronoun is not its own verb's subject;
      // a reflexive is.
      // (Or the subject of the verb it is joined to, when its own has none: "X opened fire at
      // the teenagers and injured four of them".)
      bool same_clause = c.sentence == sent && g.subject && (g.verb == f.verb || shares_subject(f.verb, g.verb, sent));
      if (f.pron.object && !f.pron.reflexive && same_clause) continue;
      if (f.pron.reflexive && (c.sentence != sent || !g.subject)) continue;  // "X blamed himself"
      uint32_t distance = sent - c.sentence;
      long order = distance == 0 ? -static_cast<long>(j) : static_cast<long>(j);  // nearest, or first
      // A mention known to be a person beats a name of unknown type for he/she.
      int known = f.pron.person == 3 && f.pron.gender != 'n' && ent_[find(j)].type == EntityType::kNone ? 1 : 0;
      // Salience: a subject, then an object, then a phrase's noun ("warned China of the risks
      // of support for Russia and urged it to": China).
      // (An object pronoun in its antecedent's sentence takes the nearest: "opened fire at a
      // group of teenagers and injured four of them".)
      int role = f.pron.object && distance == 0 ? 0 : g.subject ? 0 : g.object ? 1 : 2;
      std::tuple<uint32_t, int, int, int, long> rank{distance, role, g.modifier ? 1 : 0, known, order};
      if (best < 0 || rank < best_rank) best = static_cast<long>(j), best_rank = rank;
    }
    return best;
  }

  void build_chains() {
    doc_.chains.clear();
    std::vector<int32_t> chain_of_root(n_, -1);
    std::vector<uint32_t> size(n_, 0);
    std::vector<bool> canonical_is_name;
    for (size_t i = 0; i < n_; ++i) ++size[find(i)];
    for (size_t i = 0; i < n_; ++i) {
      size_t r = find(i);
      const Entity& e = ent_[r];
      if (!e.has_name && !e.has_nominal && size[r] < 2) continue;
      if (chain_of_root[r] < 0) {
        chain_of_root[r] = static_cast<int32_t>(doc_.chains.size());
        doc_.chains.emplace_back();
        doc_.chains.back().type = e.type;
        canonical_is_name.push_back(false);
      }
      Chain& c = doc_.chains[chain_of_root[r]];
      doc_.mentions[i].chain = chain_of_root[r];
      if (doc_.mentions[i].type == EntityType::kNone) doc_.mentions[i].type = e.type;
      // Canonical: the longest name; without one, the longest description.
      bool is_name = m(i).kind == MentionKind::kName;
      std::string candidate = is_name ? info_[i].surface : std::string(doc_.str(m(i).span));
      bool was_name = canonical_is_name[chain_of_root[r]];
      if ((is_name && !was_name) || (is_name == was_name && candidate.size() > c.canonical.size()) ||
          c.canonical.empty()) {
        c.canonical = candidate;
        canonical_is_name[chain_of_root[r]] = is_name;
      }
    }
  }

  Document& doc_;
  size_t n_;
  std::vector<size_t> parent_;
  std::vector<Info> info_;
  std::vector<Entity> ent_;
  std::vector<uint32_t> word_sentence_;
};

}  // namespace

const char* sieve_name(uint8_t sieve) {
  switch (sieve) {
    case kSieveExact: return "exact";
    case kSieveName: return "name";
    case kSieveRole: return "role";
    case kSievePronoun: return "pronoun";
    default: return "none";
  }
}

void resolve_coreference(Document& doc) {
  for (Mention& mm : doc.mentions) mm.chain = -1, mm.sieve = kSieveNone, mm.antecedent = -1;
  SieveRunner(doc).run();
}

}  // namespace sitrep::entities
