#include "entities/mentions.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <unordered_set>

#include "core/tagset.h"
#include "entities/actor_dictionary.h"
#include "text/text_util.h"

namespace sitrep::entities {
namespace {

template <size_t N>
bool in(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

constexpr std::string_view kPersonNouns[] = {
    "minister", "president", "premier", "counterpart", "official", "spokesman", "spokeswoman", "spokesperson",
    "envoy", "ambassador", "diplomat", "leader", "chancellor", "secretary", "chief", "director", "commander",
    "general", "officer", "soldier", "adviser", "advisor", "aide", "representative", "delegate", "senator",
    "governor", "mayor", "king", "queen", "prince", "princess", "man", "woman", "people", "resident", "civilian",
    "protester", "rebel", "journalist", "reporter", "analyst", "expert", "lawmaker", "politician", "candidate",
    "negotiator", "member", "citizen", "victim", "worker", "student", "teacher", "professor", "doctor", "author",
    "writer", "player", "coach", "actor", "actress", "singer", "artist", "chairman", "chairwoman", "ceo",
    "founder", "owner", "manager", "executive", "boy", "girl", "child", "kid", "mother", "father", "wife",
    "husband", "son", "daughter", "brother", "sister", "friend", "person", "judge", "lawyer", "scientist",
    "researcher", "colleague", "pope", "emperor", "dictator", "militant", "fighter", "survivor", "pilot",
    "prosecutor", "source", "witness", "eyewitness", "medic",
    // People news counts among the dead, the hurt and the doers of violence.
    "attacker", "gunman", "assailant", "passer", "passer-by", "passerby", "bystander", "pedestrian", "driver", "passenger",
    "villager", "farmer", "hostage", "suspect", "teenager", "baby", "infant", "guard", "bodyguard", "policeman",
    "policewoman", "employee", "engineer", "nurse", "priest", "cleric", "monk", "nun", "shepherd", "trader",
    "shopkeeper", "fisherman", "detainee", "prisoner", "inmate", "worshipper", "pilgrim", "tourist"};
constexpr std::string_view kOrgNouns[] = {
    "ministry", "government", "administration", "company", "firm", "agency", "organization", "organisation",
    "council", "committee", "party", "army", "military", "police", "court", "parliament", "congress",
    "university", "bank", "union", "alliance", "bloc", "team", "club", "department", "embassy", "commission",
    "board", "corporation", "newspaper", "regime", "cabinet", "navy", "force", "senate", "kremlin",
    "group", "movement", "faction", "militia"};
// Organisation nouns that name a kind of actor of their own ("the government" is a
// government, "the army" an army): a description with one of these heads is only the
// organisation whose name says so ("the ministry": "the Ministry of Defence"), never a
// union or a company named before it.
constexpr std::string_view kAgentOrgNouns[] = {
    "government", "administration", "regime", "cabinet", "army", "military", "police", "navy", "force",
    "court", "parliament", "congress", "senate", "kremlin", "embassy", "ministry"};
constexpr std::string_view kPlaceNouns[] = {
    "country", "nation", "city", "town", "village", "state", "region", "province", "capital", "territory",
    "island", "continent", "republic", "kingdom"};
// Nouns that name what someone issued: "X's statement said", "an army statement said".
constexpr std::string_view kIssuedNouns[] = {
    "statement", "report",  "letter", "release", "tweet",  "post",   "message", "communique",
    "memo",      "email",   "announcement", "speech", "remarks", "interview", "filing", "editorial"};
constexpr std::string_view kTitles[] = {
    "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "prof.", "gen.", "sen.", "rep.", "gov.", "sir",
    "foreign", "deputy", "vice", "prime", "defence", "defense", "interior", "finance", "state", "lord"};
constexpr std::string_view kOrgSuffixes[] = {
    "ministry", "council", "party", "inc.", "inc", "corp.", "ltd", "ltd.", "university", "bank", "committee",
    "organization", "organisation", "association", "agency", "company", "group", "nations", "union", "army"};
bool calendar(std::string_view w) { return text::weekday_number(w) >= 0 || text::month_number(w) > 0; }

// Left dependents that belong to a noun phrase ("the", "his", "Chinese", "two", "foreign").
bool np_modifier(std::string_view rel) {
  return rel == "det" || rel == "amod" || rel == "compound" || rel == "nmod:poss" || rel == "nummod" ||
         rel == "det:poss" || rel == "det:predet" || rel == "flat" || rel == "case";
}

std::string_view word_lemma(const Document& doc, uint32_t w) {
  return doc.words[w].lemma.empty() ? doc.word_text(w) : doc.pooled(doc.words[w].lemma);
}

Mention make_mention(const Document& doc, uint32_t sent, uint32_t first, uint32_t last, uint32_t head,
                     EntityType type, MentionKind kind) {
  Mention m;
  m.sentence = sent;
  m.first_word = first;
  m.word_count = last - first + 1;
  m.head_word = head;
  m.span = Span{doc.words[first].span.begin, doc.words[last].span.end};
  m.type = type;
  m.kind = kind;
  return m;
}

// Per word of the document: whether it heads one of its mentions (one pass, not one per lookup).
std::vector<bool> heads_of_mentions(const Document& doc) {
  std::vector<bool> headed(doc.words.size(), false);
  for (const Mention& m : doc.mentions)
    if (m.head_word < headed.size()) headed[m.head_word] = true;
  return headed;
}

}  // namespace

void lower_into(std::string_view s, std::string& out) {
  out.assign(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

std::string lower(std::string_view s) {
  std::string out;
  lower_into(s, out);
  return out;
}

bool is_nominal_adjective(const Word& w) {
  static const uint16_t adj = upos_id("ADJ");
  static const uint16_t rels[] = {deprel_id("nsubj"), deprel_id("nsubj:pass"), deprel_id("obj"), deprel_id("iobj"),
                                  deprel_id("obl"),   deprel_id("nmod"),       deprel_id("appos")};
  return w.upos == adj && std::find(std::begin(rels), std::end(rels), w.deprel) != std::end(rels);
}
bool is_person_noun(std::string_view l) { return in(kPersonNouns, l); }
bool is_org_noun(std::string_view l) { return in(kOrgNouns, l); }
bool is_agent_org_noun(std::string_view l) { return in(kAgentOrgNouns, l); }
bool is_place_noun(std::string_view l) { return in(kPlaceNouns, l); }
bool is_title_word(std::string_view l) { return in(kTitles, l) || is_person_noun(l); }
bool is_org_suffix(std::string_view l) { return in(kOrgSuffixes, l); }
bool is_issued_noun(std::string_view l) { return in(kIssuedNouns, l); }
bool names_issuer(std::string_view modifier, std::string_view text) {
  // Texts an office puts out (not a post, a release, an interview or a speech: "an army post",
  // "a prisoner release", "a newspaper interview"), and not the kind of text ("a press release",
  // "a news report").
  static constexpr std::string_view kIssued[] = {"statement", "report", "letter", "communique", "memo",
                                                 "announcement", "message", "editorial"};
  return in(kIssued, text) && modifier != "press" && modifier != "news";
}

PronounInfo pronoun_info(std::string_view l) {
  PronounInfo p;
  p.pronoun = true;
  if (l == "he" || l == "him" || l == "his" || l == "himself") {
    p.gender = 'm';
  } else if (l == "she" || l == "her" || l == "hers" || l == "herself") {
    p.gender = 'f';
  } else if (l == "it" || l == "its" || l == "itself") {
    p.gender = 'n';
  } else if (l == "they" || l == "them" || l == "their" || l == "theirs" || l == "themselves") {
    p.plural = true;
  } else if (l == "i" || l == "me" || l == "my" || l == "mine" || l == "myself") {
    p.person = 1;
  } else if (l == "we" || l == "us" || l == "our" || l == "ours" || l == "ourselves") {
    p.person = 1, p.plural = true;
  } else if (l == "you" || l == "your" || l == "yours" || l == "yourself" || l == "yourselves") {
    p.person = 2;
  } else {
    return PronounInfo{};
  }
  p.possessive = l == "his" || l == "her" || l == "hers" || l == "its" || l == "their" || l == "theirs" ||
                 l == "my" || l == "mine" || l == "our" || l == "ours" || l == "your" || l == "yours";
  p.object = l == "him" || l == "her" || l == "them" || l == "me" || l == "us";
  p.reflexive = l.ends_with("self") || l.ends_with("selves");
  return p;
}

uint32_t head_of(const Document& doc, const Sentence& s, uint32_t w) {
  uint32_t h = doc.words[w].head;
  return h == 0 || h > s.word_count ? UINT32_MAX : s.first_word + h - 1;
}

uint32_t phrase_head(const Document& doc, const Sentence& s, uint32_t first, uint32_t last) {
  uint32_t head = last;
  for (uint32_t w = first; w <= last; ++w)
    if (uint32_t up = head_of(doc, s, w); up == UINT32_MAX || up < first || up > last) head = w;
  return head;
}

std::vector<uint32_t> sentence_of_words(const Document& doc) {
  std::vector<uint32_t> out(doc.words.size(), 0);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s)
    for (uint32_t w = 0; w < doc.sentences[s].word_count; ++w) out[doc.sentences[s].first_word + w] = s;
  return out;
}

void sort_mentions(Document& doc) {
  std::stable_sort(doc.mentions.begin(), doc.mentions.end(), [](const Mention& a, const Mention& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end > b.span.end;
    return a.head_word < b.head_word;
  });
}

void add_name_mentions_from_parse(Document& doc) {
  const uint16_t nnp = xpos_id("NNP"), nnps = xpos_id("NNPS"), noun = upos_id("NOUN");
  // A capitalised word opening a sentence that the tagger read as a common noun ("Wang
  // reportedly told Kuleba...") is a name when a person the recogniser named in the
  // document bears it ("Foreign Minister Wang Yi").
  std::unordered_set<std::string_view> person_words;
  for (const Mention& m : doc.mentions)
    if (m.type == EntityType::kPerson && m.kind == MentionKind::kName)
      for (uint32_t k = m.first_word; k < m.first_word + m.word_count && k < doc.words.size(); ++k)
        if (std::string_view t = doc.word_text(k); !t.empty() && t[0] >= 'A' && t[0] <= 'Z') person_words.insert(t);
  auto opening_name = [&](uint32_t w, const Sentence& s) {
    return w == s.first_word && doc.words[w].upos == noun && person_words.count(doc.word_text(w));
  };
  auto proper = [&](uint32_t w) { return doc.words[w].xpos == nnp || doc.words[w].xpos == nnps; };
  std::vector<bool> headed = heads_of_mentions(doc);
  std::unordered_set<uint64_t> named;  // (first word, last word) of the mentions there are
  std::vector<bool> in_person(doc.words.size(), false);  // words of a person's name mention
  for (const Mention& m : doc.mentions) {
    named.insert(uint64_t{m.first_word} << 32 | (m.first_word + m.word_count - 1));
    if (m.kind == MentionKind::kName && m.type == EntityType::kPerson)
      for (uint32_t k = m.first_word; k < m.first_word + m.word_count && k < in_person.size(); ++k) in_person[k] = true;
  }
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    const uint32_t end = s.first_word + s.word_count;
    for (uint32_t w = s.first_word; w < end;) {
      if (!proper(w) && !opening_name(w, s)) {
        ++w;
        continue;
      }
      // A run of proper-noun words is one name with its titles ("Foreign Minister Wang Yi").
      uint32_t first = w, last = w;
      // (Across a hyphen written tight before a short syllable in lower case, after a name of two
      // words or more: "Prayuth Chan-ocha", "Moon Jae-in"; not "US-based", "New York-based".)
      auto tight_hyphen = [&](uint32_t k) {
        if (k < first + 1 || k + 2 >= end || doc.word_text(k + 1) != "-" ||
            doc.words[k].span.end != doc.words[k + 1].span.begin || doc.words[k + 1].span.end != doc.words[k + 2].span.begin)
          return false;
        std::string_view after = doc.word_text(k + 2);
        return !after.empty() && after.size() <= 4 &&
               std::all_of(after.begin(), after.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      };
      while (last + 1 < end && (proper(last + 1) || (proper(last) && tight_hyphen(last)))) last += proper(last + 1) ? 1 : 2;
      w = last + 1;
      while (first <= last && calendar(doc.word_text(first))) ++first;
      while (last > first && calendar(doc.word_text(last))) --last;
      if (first > last || (first == last && calendar(doc.word_text(first)))) continue;
      const uint32_t head = phrase_head(doc, s, first, last);
      // (Nor a run inside a person's name: "Jordan" of "Jordan's King Abdullah".)
      if (headed[head] || named.count(uint64_t{first} << 32 | last) || (in_person[first] && in_person[last])) continue;
      // (Nor a person's name the recogniser found with the titles before it: "King Abdullah"
      // of "Abdullah"; the title is the name's context, not a second mention over it.)
      {
        uint32_t t = first;
        while (t < last && is_title_word(lower(doc.word_text(t)))) ++t;
        if (t > first && in_person[t] && in_person[last] &&
            named.count(uint64_t{t} << 32 | last))
          continue;
      }
      headed[head] = true;
      EntityType type = EntityType::kNone;
      for (uint32_t k = first; k < last; ++k)
        if (is_title_word(lower(doc.word_text(k)))) type = EntityType::kPerson;
      if (first > s.first_word && is_title_word(lower(doc.word_text(first - 1)))) type = EntityType::kPerson;
      if (is_org_suffix(lower(doc.word_text(last)))) type = EntityType::kOrg;
      doc.mentions.push_back(make_mention(doc, si, first, last, head, type, MentionKind::kName));
    }
  }
  sort_mentions(doc);
}

void add_nominal_and_pronoun_mentions(Document& doc, const ActorDictionary* dict) {
  const uint16_t noun = upos_id("NOUN"), pron = upos_id("PRON"), propn = upos_id("PROPN"), num = upos_id("NUM");
  const size_t before = doc.mentions.size();
  std::vector<bool> headed = heads_of_mentions(doc);  // words already heading a mention (the NER's names)
  std::string two;                                    // "police station": a role of two lemmas
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    const uint32_t end = s.first_word + s.word_count;
    for (uint32_t w = s.first_word; w < end; ++w) {
      const Word& word = doc.words[w];
      if (headed[w]) continue;
      if (word.upos == pron) {
        PronounInfo p = pronoun_info(lower(doc.word_text(w)));
        if (!p.pronoun) continue;
        EntityType type = p.gender == 'm' || p.gender == 'f' || p.person == 1 ? EntityType::kPerson : EntityType::kNone;
        doc.mentions.push_back(make_mention(doc, si, w, w, w, type, MentionKind::kPronoun));
        continue;
      }
      // A count standing for people as a verb's subject or object ("All four were arrested",
      // "police detained 12"): a description of people. Not "two of the soldiers" (the noun
      // is the mention) and not a year or a figure in digits of four or more.
      if (word.upos == num) {
        std::string_view rel = kDeprel[word.deprel];
        if (rel != "nsubj" && rel != "nsubj:pass" && rel != "obj") continue;
        bool of_phrase = false;
        for (uint32_t k = w + 1; k < end; ++k) of_phrase = of_phrase || head_of(doc, s, k) == w;
        std::string_view t = doc.word_text(w);
        if (of_phrase || (t.size() >= 4 && std::isdigit(static_cast<unsigned char>(t[0])))) continue;
        uint32_t first = w;
        while (first > s.first_word && head_of(doc, s, first - 1) == w) --first;
        doc.mentions.push_back(make_mention(doc, si, first, w, w, EntityType::kPerson, MentionKind::kNominal));
        continue;
      }
      if (word.upos != noun && !is_nominal_adjective(word)) continue;
      std::string lemma = lower(word_lemma(doc, w));
      EntityType type = is_person_noun(lemma) ? EntityType::kPerson
                        : is_org_noun(lemma)  ? EntityType::kOrg
                        : is_place_noun(lemma) ? EntityType::kGpe
                                               : EntityType::kNone;
      // A role word, or a role of two words whose head alone is none ("police station",
      // "army post", "military convoy": the police's, the army's).
      auto role_type = [&](const std::string& key) {
        for (uint32_t e : dict->lookup(key))
          if (dict->entry(e).category == GazetteerCategory::kRole) {
            std::string_view c = dict->entry(e).code;
            bool group = c.starts_with("GOV") || c.starts_with("LEG") || c.starts_with("JUD") || c.starts_with("MED") ||
                         c.starts_with("BUS") || c.starts_with("NGO") || c.starts_with("PTY") || c.starts_with("EDU");
            return group ? EntityType::kOrg : EntityType::kPerson;
          }
        return EntityType::kNone;
      };
      if (type == EntityType::kNone && dict) type = role_type(lemma);
      if (type == EntityType::kNone && dict && w > s.first_word) {
        lower_into(word_lemma(doc, w - 1), two);  // one buffer for the whole document
        two.append(" ").append(lemma);
        type = role_type(two);
      }
      if (type == EntityType::kNone) continue;
      // A noun modifying another noun ("government officials") or a title of
      // a name ("Minister Wang") is not a mention of its own.
      std::string_view rel = kDeprel[word.deprel];
      uint32_t h = head_of(doc, s, w);
      // (But the issuer of a text is: "an army statement said", "a police report".)
      const bool issuer = rel == "compound" && h != UINT32_MAX && h > w && names_issuer(lemma, word_lemma(doc, h));
      if (rel == "compound" && h != UINT32_MAX && !issuer) continue;
      if (h != UINT32_MAX && doc.words[h].upos == propn && (rel == "flat" || rel == "nmod:npmod")) continue;
      // Extend left over the noun phrase's modifiers and their subtrees.
      uint32_t first = w;
      for (uint32_t k = w; k-- > s.first_word;) {
        uint32_t top = k;  // climb to the dependent of w that k belongs to
        for (int guard = 0; guard < 64; ++guard) {
          uint32_t up = head_of(doc, s, top);
          if (up == UINT32_MAX || up == w) break;
          top = up;
        }
        if (head_of(doc, s, top) != w || top > w || !np_modifier(kDeprel[doc.words[top].deprel])) break;
        first = k;
      }
      // The issuer's nationality on the text: "an Israeli army statement" is the Israeli army's
      // (a capitalised adjective; not "a new army statement").
      while (issuer && first > s.first_word && head_of(doc, s, first - 1) == h &&
             kDeprel[doc.words[first - 1].deprel] == std::string_view("amod") &&
             !doc.word_text(first - 1).empty() && doc.word_text(first - 1)[0] >= 'A' && doc.word_text(first - 1)[0] <= 'Z')
        --first;
      // Leading case markers ("of", "according to") are not part of the phrase.
      while (first < w && (kDeprel[doc.words[first].deprel] == std::string_view("case") ||
                           kDeprel[doc.words[first].deprel] == std::string_view("fixed") ||
                           doc.words[first].upos == upos_id("ADP")))
        ++first;
      doc.mentions.push_back(make_mention(doc, si, first, w, w, type, MentionKind::kNominal));
    }
  }
  if (doc.mentions.size() != before) sort_mentions(doc);
}

void split_coordinated_names(Document& doc) {
  const uint16_t cconj = upos_id("CCONJ");
  std::vector<Mention> parts;
  bool split = false;
  for (const Mention& m : doc.mentions) {
    if (m.kind != MentionKind::kName || m.type != EntityType::kPerson || m.word_count < 3) {
      parts.push_back(m);
      continue;
    }
    const Sentence& s = doc.sentences[m.sentence];
    uint32_t first = m.first_word, end = m.first_word + m.word_count;
    size_t before = parts.size();
    for (uint32_t w = first; w <= end; ++w) {
      // "and", "or", commas; never a hyphen ("Jean-Yves Le Drian", "al-Sisi").
      bool sep = w < end && (doc.words[w].upos == cconj || doc.word_text(w) == ",");
      if (w < end && !sep) continue;
      if (w > first) {
        parts.push_back(make_mention(doc, m.sentence, first, w - 1, phrase_head(doc, s, first, w - 1), m.type, m.kind));
      }
      first = w + 1;
    }
    if (parts.size() - before > 1) {
      split = true;
    } else {  // no coordination inside: keep the mention as it was
      parts.resize(before);
      parts.push_back(m);
    }
  }
  if (!split) return;
  doc.mentions = std::move(parts);
  sort_mentions(doc);
}

void add_dictionary_names(Document& doc, const ActorDictionary& dict) {
  const uint16_t propn = upos_id("PROPN"), adj = upos_id("ADJ"), det = upos_id("DET"), noun = upos_id("NOUN");
  std::vector<GazetteerHit> hits;
  const size_t before = doc.mentions.size();
  std::vector<bool> drop(before);
  bool grown = false;
  size_t m = 0;  // first name mention not ending before the hit (mentions are in text order)
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    hits.clear();
    dict.match(doc, si, hits);
    for (const GazetteerHit& h : hits) {
      // A person's name the recogniser cut short ("Ban Ki" of "Ban Ki-moon" at the hyphen,
      // "Mahmood Qureshi" of "Shah Mahmood Qureshi"): the name mention inside it grows to the
      // whole name the dictionary lists.
      // (Or cut before a title the name holds: "Jordan" of "Jordan's King Abdullah"; then the
      // other pieces inside it give way.)
      if (h.category == GazetteerCategory::kPerson) {
        const uint32_t hit_end = h.first_word + h.word_count;
        bool whole = false;
        for (size_t k = m; k < before; ++k) {
          Mention& x = doc.mentions[k];
          if (x.first_word >= hit_end) break;
          const uint32_t x_end = x.first_word + x.word_count;
          if (x.kind != MentionKind::kName || drop[k] || x.first_word < h.first_word || x_end > hit_end ||
              x.word_count >= h.word_count)
            continue;
          if (whole) {
            drop[k] = true;
            continue;
          }
          const bool titled = x_end < hit_end && doc.word_text(x_end) == "'s";
          if (x.first_word > h.first_word || doc.word_text(x_end) == "-" || titled) {
            x.first_word = h.first_word;
            x.span.begin = doc.words[h.first_word].span.begin;
            x.word_count = h.word_count;
            x.span.end = doc.words[hit_end - 1].span.end;
            x.head_word = phrase_head(doc, s, h.first_word, hit_end - 1);
            x.type = EntityType::kPerson;
            grown = whole = true;
          }
        }
        // A name of two words or more that the recogniser missed altogether ("Jordan's King
        // Abdullah" opening a sentence): the dictionary's person, one mention, before the
        // parse's proper-noun runs cut it in two.
        const bool missed = std::none_of(doc.mentions.begin() + static_cast<std::ptrdiff_t>(m),
                                         doc.mentions.begin() + static_cast<std::ptrdiff_t>(before),
                                         [&](const Mention& x) {
                                           return x.first_word < hit_end && x.first_word + x.word_count > h.first_word;
                                         });
        if (missed && h.word_count >= 2 && doc.words[h.first_word].upos == propn &&
            doc.words[hit_end - 1].upos == propn &&
            std::none_of(doc.mentions.begin() + static_cast<std::ptrdiff_t>(before), doc.mentions.end(),
                         [&](const Mention& x) { return x.first_word < hit_end && x.first_word + x.word_count > h.first_word; })) {
          doc.mentions.push_back(make_mention(doc, si, h.first_word, hit_end - 1,
                                              phrase_head(doc, s, h.first_word, hit_end - 1), EntityType::kPerson,
                                              MentionKind::kName));
        }
        continue;
      }
      EntityType type;
      switch (h.category) {
        case GazetteerCategory::kCountryName:
        case GazetteerCategory::kMetonym:
        case GazetteerCategory::kCity: type = EntityType::kGpe; break;
        case GazetteerCategory::kIgo: type = EntityType::kOrg; break;
        case GazetteerCategory::kNationality: type = EntityType::kNorp; break;
        default: continue;
      }
      uint32_t first = h.first_word, last = h.first_word + h.word_count - 1;
      if (first < last && doc.words[first].upos == det) ++first;  // "the West": the name is "West"
      // Proper names only: "china" in lowercase or a sentence-initial "Turkey" recipe stays out.
      // A capitalised noun inside the sentence counts too ("the West", "the Gulf").
      bool capital_noun = first > s.first_word && doc.words[first].upos == noun &&
                          !doc.word_text(first).empty() && doc.word_text(first)[0] >= 'A' &&
                          doc.word_text(first)[0] <= 'Z';
      if (doc.words[first].upos != propn && doc.words[first].upos != adj && !capital_noun) continue;
      Span span{doc.words[first].span.begin, doc.words[last].span.end};
      while (m < before && doc.mentions[m].span.end <= span.begin) ++m;
      bool covered = false, pieces = true;  // pieces: every name mention it overlaps is a part of it
      for (size_t k = m; k < before && doc.mentions[k].span.begin < span.end; ++k) {
        Mention& x = doc.mentions[k];
        if (x.kind != MentionKind::kName || drop[k]) continue;
        // A name the recogniser began inside a known name of several words ("Lankan navy" of
        // "the Sri Lankan navy") begins where that name does.
        if (x.span.begin > span.begin && x.span.end > span.end && x.first_word > first &&
            x.first_word <= last) {
          x.word_count += x.first_word - first;
          x.first_word = first;
          x.span.begin = span.begin;
          grown = true;
        }
        covered = true;
        pieces = pieces && x.span.begin >= span.begin && x.span.end <= span.end &&
                 (x.span.begin != span.begin || x.span.end != span.end);
        if (x.span.begin == span.begin && x.span.end == span.end && x.type != type &&
            (x.type == EntityType::kPerson || x.type == EntityType::kNone || x.type == EntityType::kLoc))
          x.type = type;
      }
      // A known name of several words that the recogniser cut into pieces ("Lord" and "Army"
      // in "the Lord's Resistance Army") is one mention: the pieces give way to it.
      if (covered && pieces && last > first) {
        for (size_t k = m; k < before && doc.mentions[k].span.begin < span.end; ++k)
          if (doc.mentions[k].kind == MentionKind::kName) drop[k] = true;
        covered = false;
      }
      // A phrase in two categories ("Moscow": metonym and city) is one mention.
      if (!covered && doc.mentions.size() > before && doc.mentions.back().span.begin == span.begin &&
          doc.mentions.back().span.end == span.end)
        covered = true;
      if (covered) continue;
      doc.mentions.push_back(make_mention(doc, si, first, last, phrase_head(doc, s, first, last), type, MentionKind::kName));
    }
  }
  if (doc.mentions.size() == before && std::none_of(drop.begin(), drop.end(), [](bool d) { return d; })) {
    if (grown) sort_mentions(doc);
    return;
  }
  size_t kept = 0;
  for (size_t k = 0; k < doc.mentions.size(); ++k)
    if (k >= before || !drop[k]) doc.mentions[kept++] = std::move(doc.mentions[k]);
  doc.mentions.resize(kept);
  sort_mentions(doc);
}

}  // namespace sitrep::entities
