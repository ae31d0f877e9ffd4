#include "entities/context.h"

#include <algorithm>

#include "core/tagset.h"

namespace sitrep::entities {
namespace {

const uint16_t kAdj = upos_id("ADJ"), kAdp = upos_id("ADP"), kNoun = upos_id("NOUN"), kPropn = upos_id("PROPN"),
               kPron = upos_id("PRON"), kPart = upos_id("PART"), kDet = upos_id("DET"), kNum = upos_id("NUM"),
               kVerb = upos_id("VERB"), kAux = upos_id("AUX"), kSconj = upos_id("SCONJ"),
               kCconj = upos_id("CCONJ"), kPunct = upos_id("PUNCT");
constexpr uint32_t kMaxDescription = 16;  // words

bool owner_category(GazetteerCategory c, bool persons) {
  return c == GazetteerCategory::kCountryName || c == GazetteerCategory::kNationality ||
         c == GazetteerCategory::kMetonym || c == GazetteerCategory::kIgo ||
         c == GazetteerCategory::kCity ||  // "shelled Kharkiv" -> UKR, "Kharkiv residents" -> UKRCVL
         (persons && c == GazetteerCategory::kPerson);
}

}  // namespace

Context::Context(const Document& doc, const ActorDictionary& dict) : doc_(doc), dict_(dict) {
  sentence_of_.assign(doc.words.size(), 0);
  sentence_hits_.reserve(doc.sentences.size() + 1);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    sentence_hits_.push_back(static_cast<uint32_t>(hits_.size()));
    dict.match(doc, s, hits_);
    const Sentence& sent = doc.sentences[s];
    for (uint32_t w = sent.first_word; w < sent.first_word + sent.word_count; ++w) sentence_of_[w] = s;
  }
  sentence_hits_.push_back(static_cast<uint32_t>(hits_.size()));
}

bool Context::is(uint32_t word, std::string_view lower) const {
  std::string_view t = doc_.word_text(word);
  if (t.size() != lower.size()) return false;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower[i]) return false;
  }
  return true;
}

std::string Context::text(uint32_t b, uint32_t e) const {
  if (b >= e) return {};
  return std::string(doc_.str({doc_.words[b].span.begin, doc_.words[e - 1].span.end}));
}

std::vector<const GazetteerHit*> Context::hits_in(uint32_t b, uint32_t e) const {
  std::vector<const GazetteerHit*> out;
  if (b >= e) return out;
  uint32_t s = sentence_of_[b];
  for (uint32_t i = sentence_hits_[s]; i < sentence_hits_[s + 1]; ++i)
    if (hits_[i].first_word >= b && hits_[i].first_word + hits_[i].word_count <= e) out.push_back(&hits_[i]);
  return out;
}

const GazetteerHit* Context::first_role(uint32_t b, uint32_t e) const {
  const GazetteerHit* first = nullptr;
  for (const auto* h : hits_in(b, e)) {
    if (h->category != GazetteerCategory::kRole) continue;
    if (!first) {
      first = h;
      continue;
    }
    // A civilian word right before another role describes that one: "the woman suicide
    // bomber", "civilian police officers".
    if (h->first_word == first->first_word + first->word_count && dict_.entry(first->entry).code == "CVL" &&
        dict_.entry(h->entry).code != "CVL")
      return h;
    break;
  }
  return first;
}

const GazetteerHit* Context::owner_hit(uint32_t b, uint32_t e, bool persons) const {
  for (const auto* h : hits_in(b, e))
    if (owner_category(h->category, persons)) return h;
  return nullptr;
}

const GazetteerHit* Context::covering_owner(uint32_t b, uint32_t e) const {
  if (b >= e) return nullptr;
  uint32_t s = sentence_of_[b];
  for (uint32_t i = sentence_hits_[s]; i < sentence_hits_[s + 1]; ++i) {
    const GazetteerHit& h = hits_[i];
    if (h.first_word <= b && h.first_word + h.word_count >= e && h.word_count >= e - b &&
        owner_category(h.category, false))
      return &h;
  }
  return nullptr;
}

std::optional<uint32_t> Context::possessive_pronoun(uint32_t b, uint32_t e) const {
  for (uint32_t w = b; w < e; ++w)
    if (doc_.words[w].upos == kPron && (is(w, "his") || is(w, "her") || is(w, "their") || is(w, "its"))) return w;
  return std::nullopt;
}

uint32_t Context::destination_start(uint32_t b, uint32_t e) const {
  for (uint32_t w = b; w < e; ++w)
    if (doc_.words[w].upos == kAdp && !is(w, "of") && !is(w, "than")) return w;  // "more than 50 civilians"
  return e;
}

uint32_t Context::name_start(uint32_t b, uint32_t e) const {
  uint32_t w = b;
  for (const auto* h : hits_in(b, e)) {
    // (A second reading of words already passed is no stop: "German" is a nationality and
    // a name, German Gref's.)
    if (h->first_word < w) continue;
    if (h->first_word != w || h->category == GazetteerCategory::kPerson || h->category == GazetteerCategory::kCity)
      break;
    w = h->first_word + h->word_count;
  }
  // Possessive marks after a leading country ("Ukraine 's Foreign Minister ...").
  while (w < e && doc_.words[w].upos == kPart) ++w;
  if (w > b && w < e && first_role(b, w)) return w;
  return b;
}

uint32_t Context::title_start(uint32_t w) const {
  if (w >= doc_.words.size()) return w;
  uint32_t first = doc_.sentences[sentence_of_[w]].first_word, t = w;
  while (t > first) {
    const Word& x = doc_.words[t - 1];
    bool title_word = x.upos == kNoun || x.upos == kPropn || x.upos == kAdj || x.upos == kPart ||
                      (x.upos == kPron && (is(t - 1, "his") || is(t - 1, "her") || is(t - 1, "their"))) ||
                      (is(t - 1, "-") && t - 1 > first);  // "Secretary-General
    if (!title_word) break;
    --t;
  }
  return first_role(t, w) ? t : w;
}

bool Context::boundary(uint32_t w) const {
  std::string_view t = doc_.word_text(w);
  return t == "," || t == ";" || t == ":" || t == "(" || t == ")" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93" ||
         t == "--" || t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D";
}

// A description is a noun phrase: it may not start with a verb, a relative or
// a preposition ("Biden, who said", "Blinken, after meeting").
bool Context::description_word(uint32_t w) const {
  uint16_t u = doc_.words[w].upos;
  if (u == kVerb || u == kAux || u == kSconj || u == kCconj || u == kAdp || u == kPunct) return false;
  if (is(w, "who") || is(w, "which") || is(w, "whose") || is(w, "where") || is(w, "when")) return false;
  return u == kDet || u == kAdj || u == kNoun || u == kPropn || u == kPron || u == kNum || u == 0;
}

std::optional<std::pair<uint32_t, uint32_t>> Context::apposition_after(uint32_t e) const {
  if (e == 0 || e >= doc_.words.size()) return std::nullopt;
  const Sentence& s = doc_.sentences[sentence_of_[e - 1]];
  uint32_t end = s.first_word + s.word_count;
  if (e >= end || doc_.word_text(e) != ",") return std::nullopt;
  uint32_t b = e + 1, x = b;
  if (b >= end || !description_word(b)) return std::nullopt;
  while (x < end && !boundary(x) && doc_.word_text(x) != "." && x - b < kMaxDescription) {
    if ((doc_.words[x].upos == kVerb || doc_.words[x].upos == kAux) && !in_name(x)) {
      // "recaptured Robotyne, the defence ministry said": a description a finite verb follows
      // is that verb's subject, no apposition ("NAME, a farmer living in X" is one).
      static const uint16_t kFinite[] = {xpos_id("VBD"), xpos_id("VBZ"), xpos_id("VBP"), xpos_id("MD")};
      if (std::find(std::begin(kFinite), std::end(kFinite), doc_.words[x].xpos) != std::end(kFinite))
        return std::nullopt;
      break;
    }
    ++x;
  }
  return std::make_pair(b, x);
}

std::optional<std::pair<uint32_t, uint32_t>> Context::apposition_before(uint32_t b) const {
  if (b < 2) return std::nullopt;
  const Sentence& s = doc_.sentences[sentence_of_[b]];
  if (b - 1 < s.first_word || doc_.word_text(b - 1) != ",") return std::nullopt;
  uint32_t e = b - 1, x = e;
  while (x > s.first_word && !boundary(x - 1) && e - x < kMaxDescription) {
    uint16_t u = doc_.words[x - 1].upos;
    if (u == kSconj || u == kCconj) break;                  // "while his adviser, NAME"
    if ((u == kVerb || u == kAux) && !in_name(x - 1)) return std::nullopt;  // "After meeting X, NAME"
    --x;
  }
  if (x == e || !description_word(x)) return std::nullopt;
  return std::make_pair(x, e);
}

bool Context::followed_by_name(const GazetteerHit& h) const {
  uint32_t w = h.first_word + h.word_count;
  const Sentence& s = doc_.sentences[sentence_of_[h.first_word]];
  if (w >= s.first_word + s.word_count || doc_.words[w].upos != kPropn) return false;
  for (const auto* o : hits_in(w, s.first_word + s.word_count))
    if (o->first_word == w && o->category != GazetteerCategory::kPerson && o->category != GazetteerCategory::kRole)
      return false;
  return true;
}

std::vector<const GazetteerHit*> Context::owner_hits(uint32_t b, uint32_t e) const {
  std::vector<const GazetteerHit*> out;
  for (const auto* h : hits_in(b, e))
    if (owner_category(h->category, false)) out.push_back(h);
  for (size_t i = 1; i < out.size(); ++i)  // only "and" and commas between them
    for (uint32_t w = out[i - 1]->first_word + out[i - 1]->word_count; w < out[i]->first_word; ++w)
      if (!is(w, "and") && !is(w, ",")) return {};
  return out;
}

std::optional<std::pair<uint32_t, uint32_t>> Context::coordinated_before(uint32_t b) const {
  uint32_t first = doc_.sentences[sentence_of_[b]].first_word;
  if (b < first + 2 || !(is(b - 1, "and") || is(b - 1, ","))) return std::nullopt;
  uint32_t e = b - 1, x = e;
  while (x > first && doc_.words[x - 1].upos == kPropn) --x;
  if (x == e) return std::nullopt;
  return std::make_pair(x, e);
}

uint32_t Context::coordinated_title_start(uint32_t t) const {
  uint32_t first = doc_.sentences[sentence_of_[t]].first_word;
  while (t >= first + 2 && (is(t - 1, "and") || is(t - 1, ","))) {
    bool owner = false;
    for (const auto* h : hits_in(first, t))
      if (h->first_word + h->word_count == t - 1 && owner_category(h->category, false)) owner = true, t = h->first_word;
    if (!owner) break;
  }
  return t;
}

bool Context::is_subject(uint32_t b, uint32_t e) const {
  static const uint16_t kNsubj = deprel_id("nsubj"), kNsubjPass = deprel_id("nsubj:pass");
  for (uint32_t w = b; w < e; ++w) {
    const Word& x = doc_.words[w];
    if (x.deprel != kNsubj && x.deprel != kNsubjPass) continue;
    uint32_t head = x.head ? doc_.sentences[sentence_of_[w]].first_word + x.head - 1 : UINT32_MAX;
    if (head < b || head >= e) return true;
  }
  return false;
}

bool Context::in_name(uint32_t w) const {
  uint32_t s = sentence_of_[w];
  for (uint32_t i = sentence_hits_[s]; i < sentence_hits_[s + 1]; ++i) {
    const GazetteerHit& h = hits_[i];
    if (h.category != GazetteerCategory::kRole && h.first_word <= w && w < h.first_word + h.word_count) return true;
  }
  return false;
}

bool Context::inside_unknown_name(const GazetteerHit& role) const {
  uint32_t w = role.first_word;
  uint32_t first = doc_.sentences[sentence_of_[w]].first_word;
  return w > first && doc_.words[w].upos == kPropn && doc_.words[w - 1].upos == kPropn && !in_name(w - 1) &&
         !is_honorific(w - 1);
}

const GazetteerHit* Context::last_role(uint32_t b, uint32_t e) const {
  const GazetteerHit* last = nullptr;
  for (const auto* h : hits_in(b, e))
    if (h->category == GazetteerCategory::kRole) last = h;
  return last;
}

bool Context::is_honorific(uint32_t w) const {
  return is(w, "mr.") || is(w, "mrs.") || is(w, "ms.") || is(w, "dr.") || is(w, "mr") || is(w, "mrs") ||
         is(w, "ms") || is(w, "dr");
}

uint32_t Context::sentence_first_word(uint32_t word, uint32_t back) const {
  uint32_t s = sentence_of_[word];
  s = s >= back ? s - back : 0;
  return doc_.sentences[s].first_word;
}

}  // namespace sitrep::entities
