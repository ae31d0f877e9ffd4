#include "places/places.h"

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/tagset.h"
#include "entities/context.h"
#include "entities/mentions.h"
#include "io/file.h"
#include "text/normalize.h"
#include "text/text_util.h"

namespace sitrep::places {
namespace {

using entities::GazetteerCategory;
using entities::GazetteerHit;

constexpr const char* kIsoCodes = "/usr/share/iso-codes/json/iso_3166-2.json";

std::string_view strip_the(std::string_view s) {
  if (s.starts_with("the ") || s.starts_with("The ")) s.remove_prefix(4);
  return s;
}

bool place_category(GazetteerCategory c) {
  return c == GazetteerCategory::kCity || c == GazetteerCategory::kCountryName || c == GazetteerCategory::kMetonym ||
         c == GazetteerCategory::kNationality;
}

}  // namespace

Result<Gazetteer> Gazetteer::load(const entities::ActorDictionary& dict, const std::string& iso3166_2) {
  Gazetteer g;
  g.dict_ = &dict;
  std::error_code ec;
  if (iso3166_2.empty() || !std::filesystem::exists(iso3166_2, ec)) {
    g.warning_ = "places: " + (iso3166_2.empty() ? std::string("no iso-codes file") : iso3166_2 + " not found") +
                 "; first-level subdivisions are unknown (install iso-codes)";
    return g;
  }
  std::string bytes;
  SITREP_RETURN_IF_ERROR(io::read_file_bytes(iso3166_2, &bytes));
  auto json = nlohmann::json::parse(bytes, nullptr, false);
  if (json.is_discarded() || !json.contains("3166-2") || !json["3166-2"].is_array())
    return Status::Error(iso3166_2 + ": not the iso-codes 3166-2 JSON");
  std::unordered_map<std::string, std::string> alpha3;  // "UA" -> "UKR"
  for (size_t i = 0; i < dict.size(); ++i)
    if (dict.entry(i).category == GazetteerCategory::kCountryName && !dict.entry(i).iso2.empty())
      alpha3[dict.entry(i).iso2] = dict.entry(i).code;
  for (const auto& s : json["3166-2"]) {
    if (!s.contains("code") || !s.contains("name")) continue;
    std::string code = s["code"].get<std::string>(), name = s["name"].get<std::string>();
    auto it = alpha3.find(code.substr(0, code.find('-')));
    if (it == alpha3.end()) continue;
    GazetteerPlace p{name, it->second, code, s.value("type", std::string("subdivision"))};
    const auto index = static_cast<uint32_t>(g.places_.size());
    std::vector<std::string> names{name};
    if (auto cut = name.find_first_of("([,"); cut != std::string::npos && cut > 1)  // "Bayern [Bavaria]"
      names.push_back(name.substr(0, name.find_last_not_of(' ', cut - 1) + 1));
    // As English news writes them: without diacritics ("Khōst" as "Khost"), and with the
    // kind of subdivision after the name ("Khost province", "Diyala governorate").
    for (size_t i = 0, n = names.size(); i < n; ++i)
      if (std::string plain = text::strip_marks(names[i]); plain != names[i]) names.push_back(std::move(plain));
    std::string kind = text::ascii_lower(p.kind);
    static constexpr std::string_view kKinds[] = {"province", "region", "state", "governorate", "oblast",
                                                  "county", "district", "prefecture", "department"};
    if (std::find(std::begin(kKinds), std::end(kKinds), kind) != std::end(kKinds))
      for (size_t i = 0, n = names.size(); i < n; ++i) names.push_back(names[i] + " " + kind);
    for (const std::string& x : names) g.by_name_.emplace(x, index);
    g.places_.push_back(std::move(p));
  }
  return g;
}

Result<Gazetteer> Gazetteer::load_default(const entities::ActorDictionary& dict) { return load(dict, kIsoCodes); }

std::optional<GazetteerPlace> Gazetteer::find(std::string_view name) const {
  name = strip_the(name);
  if (name.empty()) return std::nullopt;
  const entities::ActorEntry* best = nullptr;
  auto rank = [](GazetteerCategory c) {
    return c == GazetteerCategory::kCity ? 0 : c == GazetteerCategory::kCountryName ? 1
                                          : c == GazetteerCategory::kMetonym  ? 2 : 9;
  };
  for (uint32_t e : dict_->lookup(name)) {
    const auto& x = dict_->entry(e);
    if (rank(x.category) < 9 && (!best || rank(x.category) < rank(best->category))) best = &x;
  }
  if (best) {
    const char* kind = best->category == GazetteerCategory::kCity ? "city"
                       : best->category == GazetteerCategory::kCountryName ? "country" : "capital or seat";
    return GazetteerPlace{best->name, best->code, best->admin1, kind, best->point};
  }
  if (auto it = by_name_.find(std::string(name)); it != by_name_.end()) return places_[it->second];
  return std::nullopt;
}

namespace {

// ACLED's geo_precision of a gazetteer entry: a country 3; a region, province, or the
// iso-codes subdivision 2; a city, capital or seat 1.
uint8_t precision_of(const GazetteerPlace& g) {
  if (g.kind == "country") return 3;
  std::string kind = text::ascii_lower(g.kind);  // iso-codes types: "City", "Autonomous city", "Region"...
  if (kind.find("city") == std::string::npos && kind != "capital or seat") return 2;
  std::string lower = text::ascii_lower(g.name);
  std::string_view rest = lower;
  while (!rest.empty()) {  // a word of the name that names a region ("Golan Heights", "Kharkiv region")
    size_t space = rest.find(' ');
    std::string_view word = rest.substr(0, space);
    for (std::string_view region : {"region", "province", "oblast", "state", "district", "governorate", "prefecture",
                                    "heights", "bank", "strip", "valley", "delta", "peninsula", "territory", "county"})
      if (word == region) return 2;
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  return 1;
}

const uint16_t kAdj = upos_id("ADJ"), kDet = upos_id("DET"), kNoun = upos_id("NOUN"), kPropn = upos_id("PROPN");

bool place_noun(const entities::Context& ctx, uint32_t w) {
  for (const char* n : {"city", "town", "village", "region", "province", "capital", "port", "district", "oblast",
                        "suburb", "settlement", "area", "state", "county", "municipality", "enclave", "outskirts"})
    if (ctx.is(w, n)) return true;
  return false;
}

class Resolver {
 public:
  Resolver(Document& doc, const Gazetteer& g, const entities::ActorDictionary& dict)
      : doc_(doc), gaz_(g), dict_(dict), ctx_(doc, dict) {}

  void run() {
    doc_.places.clear();
    std::vector<uint8_t> covered(doc_.words.size(), 0);
    struct Cand { uint32_t b, e; int32_t mention; };
    std::vector<Cand> cands;
    for (size_t m = 0; m < doc_.mentions.size(); ++m) {
      const Mention& x = doc_.mentions[m];
      for (uint32_t w = x.first_word; w < x.first_word + x.word_count; ++w) covered[w] = 1;
      // A name the recogniser gave no type that a place noun introduces ("the village of
      // Zorkivka") is a place.
      bool introduced = x.kind == MentionKind::kName && x.type == EntityType::kNone && x.first_word >= 2 &&
                        ctx_.is(x.first_word - 1, "of") && place_noun(ctx_, x.first_word - 2);
      if (x.type != EntityType::kGpe && x.type != EntityType::kLoc && !introduced) continue;
      // A name; or a description the gazetteer knows whole ("Khost province", "Rivers state").
      if (x.kind == MentionKind::kName ||
          (x.kind == MentionKind::kNominal && doc_.words[x.first_word].upos == kPropn &&
           gaz_.find(strip_the(doc_.str(x.span)))))
        cands.push_back({x.first_word, x.first_word + x.word_count, static_cast<int32_t>(m)});
    }
    for (const auto& h : ctx_.hits())  // cities and countries the NER missed
      if ((h.category == GazetteerCategory::kCity || h.category == GazetteerCategory::kCountryName) &&
          !covered[h.first_word])
        cands.push_back({h.first_word, h.first_word + h.word_count, -1});
    // Stable: a mention stays before a dictionary hit on the same word, and wins below.
    std::stable_sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) { return a.b < b.b; });
    cands.erase(std::unique(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) { return a.b == b.b; }),
                cands.end());

    std::unordered_map<std::string, size_t> learned;  // name -> place that learned it
    std::vector<size_t> open, directed;
    for (const auto& c : cands) {
      Place p;
      p.span = {doc_.words[c.b].span.begin, doc_.words[c.e - 1].span.end};
      p.sentence = ctx_.sentence_of(c.b);
      p.mention = c.mention;
      std::string text(strip_the(doc_.str(p.span)));
      p.name = text;
      auto g = gaz_.find(text);
      // A country's name before a noun says whose the thing is, not where anything
      // happens: "a US patrol", "the Iraq war" are no places.
      if (g && g->kind == "country" && modifies_next_noun(c.b, c.e)) continue;
      // Nor is a country owning a thing ("on Russia's entry into the WTO", "China's
      // position"); one owning a place is ("Sri Lanka's capital Colombo").
      if (g && g->kind == "country" && owns_a_thing(c.e)) continue;
      // Nor a place in an organisation's name ("the Anatolia news agency", "the Kabul Bank").
      if (inside_organisation(c.b, c.e)) continue;
      if (g) {
        p.name = g->name, p.country = g->country, p.admin1 = g->admin1;
        p.evidence = "gazetteer: " + g->kind + " " + g->name;
        p.precision = precision_of(*g);
        p.point = g->point;
      } else if (learn(c.b, c.e, p)) {
        learned.emplace(text, doc_.places.size());
      } else {
        open.push_back(doc_.places.size());
      }
      // "northern Iraq", "eastern Ukraine": the region is the place, of the same country
      // (named so after the names are learned below; not when the word is a name's own).
      if (c.b > doc_.sentences[p.sentence].first_word && !covered[c.b - 1] &&
          is_region_direction(text::ascii_lower(doc_.word_text(c.b - 1))))
        directed.push_back(doc_.places.size());
      doc_.places.push_back(std::move(p));
    }
    // Names learned anywhere in the text resolve the other mentions of the same name.
    for (size_t i : open) {
      Place& p = doc_.places[i];
      if (auto it = learned.find(p.name); it != learned.end()) {
        const Place& src = doc_.places[it->second];
        p.country = src.country, p.admin1 = src.admin1;
        p.evidence = "learned in this text (" + src.evidence + ")";
        p.precision = 1;
      }
    }
    for (size_t i : directed) {
      Place& p = doc_.places[i];
      auto it = std::lower_bound(doc_.words.begin(), doc_.words.end(), p.span.begin,
                                 [](const Word& x, uint32_t b) { return x.span.begin < b; });
      size_t w = static_cast<size_t>(it - doc_.words.begin());
      if (w == 0 || w >= doc_.words.size()) continue;
      p.span.begin = doc_.words[w - 1].span.begin;
      p.name = std::string(doc_.word_text(w - 1)) + " " + p.name;
      p.precision = 2;  // "northern Iraq", "eastern Ukraine": a region
    }
    for (Place& p : doc_.places)  // a region or town the gazetteer has no point for
      if (!p.point.known && !p.country.empty())
        if (int32_t c = dict_.country(p.country); c >= 0) {
          p.point = dict_.entry(c).point;
          p.point.of_country = p.precision != 3;  // a country's own point is its own
        }
  }

 private:
  // Whether the words [b, e) are a compound or adjectival modifier of the noun right after
  // them ("a US patrol"), by the tree: "exploded in Iraq Sunday" is a place.
  bool modifies_next_noun(uint32_t b, uint32_t e) const {
    const Sentence& s = doc_.sentences[ctx_.sentence_of(b)];
    if (e >= s.first_word + s.word_count) return false;
    if (doc_.words[e].upos != kNoun && doc_.words[e].upos != kPropn) return false;
    // A time after it is when, not what ("in Iraq Sunday", read as a compound): the time
    // stage has found it already.
    const Span next = doc_.words[e].span;
    for (const TimeExpr& t : doc_.times)
      if (t.span.begin <= next.begin && next.end <= t.span.end) return false;
    static const uint16_t kCompound = deprel_id("compound"), kAmod = deprel_id("amod");
    const Word& last = doc_.words[e - 1];
    return last.head != 0 && s.first_word + last.head - 1 == e && (last.deprel == kCompound || last.deprel == kAmod);
  }

  // Whether the words [b, e) lie inside a longer organisation mention.
  // Only the mentions of its sentence are looked at (sorted by start: linear in the document).
  bool inside_organisation(uint32_t b, uint32_t e) const {
    const Sentence& s = doc_.sentences[ctx_.sentence_of(b)];
    const uint32_t from = doc_.words[s.first_word].span.begin, to = doc_.words[b].span.begin;
    auto it = std::lower_bound(doc_.mentions.begin(), doc_.mentions.end(), from,
                               [](const Mention& m, uint32_t x) { return m.span.begin < x; });
    for (; it != doc_.mentions.end() && it->span.begin <= to; ++it)
      if (it->type == EntityType::kOrg && it->first_word <= b && e <= it->first_word + it->word_count &&
          it->word_count > e - b)
        return true;
    return false;
  }

  // Whether the name ending before word e is the possessor ("X's") of a common noun
  // that is no place ("Russia's entry"; not "Iraq's Anbar province", "Ukraine's capital").
  bool owns_a_thing(uint32_t e) const {
    static const uint16_t kPoss = deprel_id("nmod:poss");
    const Sentence& s = doc_.sentences[ctx_.sentence_of(e - 1)];
    static const uint16_t kPos = xpos_id("POS");
    if (doc_.words[e - 1].xpos == kPos && e - 1 > s.first_word) --e;  // the name before its "'s"
    const Word& last = doc_.words[e - 1];
    if (last.deprel != kPoss || last.head == 0) return false;
    const uint32_t h = s.first_word + last.head - 1;
    if (h <= e - 1 || h >= s.first_word + s.word_count) return false;
    const Word& owned = doc_.words[h];
    if (owned.upos != kNoun) return false;
    const std::string lemma = text::ascii_lower(doc_.pooled(owned.lemma));
    static const std::string_view kWhere[] = {"district", "area", "border", "borders", "coast", "port", "airport",
                                              "soil", "waters", "airspace", "east", "west", "north", "south",
                                              "south-east", "north-east", "south-west", "north-west", "interior",
                                              "outskirts", "suburb", "suburbs", "side", "part", "heartland"};
    return !entities::is_place_noun(lemma) && std::find(std::begin(kWhere), std::end(kWhere), lemma) == std::end(kWhere);
  }

  // Country of a place-ish hit: a country, capital, city or nationality.
  const entities::ActorEntry* owner(uint32_t b, uint32_t e) const {
    for (const auto* h : ctx_.hits_in(b, e))
      if (place_category(h->category)) return &dict_.entry(h->entry);
    return nullptr;
  }

  bool set(Place& p, const entities::ActorEntry& x, std::string evidence) {
    p.country = x.code;
    p.precision = 1;  // a town named with its country or region ("Irpin, Ukraine")
    if (x.category == GazetteerCategory::kCountryName) p.admin1.clear();
    p.evidence = std::move(evidence);
    return true;
  }

  bool learn(uint32_t b, uint32_t e, Place& p) {
    const Sentence& s = doc_.sentences[ctx_.sentence_of(b)];
    const uint32_t end = s.first_word + s.word_count;
    // "Bucha, the city northwest of Kyiv," / "Irpin, Ukraine"
    if (auto r = ctx_.apposition_after(e)) {
      bool noun = false;
      for (uint32_t w = r->first; w < r->second; ++w) noun = noun || place_noun(ctx_, w);
      const entities::ActorEntry* o = owner(r->first, r->second);
      auto whole = ctx_.hits_in(r->first, r->second);
      bool just_a_place = !whole.empty() && whole[0]->first_word == r->first &&
                          whole[0]->first_word + whole[0]->word_count == r->second && o;
      if (o && (noun || just_a_place)) return set(p, *o, "apposition: " + ctx_.text(r->first, r->second));
    }
    // "Kramatorsk, in eastern Ukraine" / "Kramatorsk near Kharkiv"
    uint32_t w = e;
    if (w < end && ctx_.is(w, ",")) ++w;
    if (w < end && (ctx_.is(w, "in") || ctx_.is(w, "near"))) {
      uint32_t x = w + 1;
      while (x < end && x < w + 4 && (doc_.words[x].upos == kAdj || doc_.words[x].upos == kDet)) ++x;
      for (const auto* h : ctx_.hits_in(x, end))
        if (h->first_word == x && place_category(h->category) && h->category != GazetteerCategory::kNationality)
          return set(p, dict_.entry(h->entry), "context: " + ctx_.text(b, h->first_word + h->word_count));
    }
    // "the Ukrainian city of Izium"
    if (b >= s.first_word + 3 && ctx_.is(b - 1, "of") && place_noun(ctx_, b - 2))
      for (const auto* h : ctx_.hits_in(s.first_word, b - 2))
        if (h->first_word + h->word_count == b - 2 && place_category(h->category))
          return set(p, dict_.entry(h->entry), "context: " + ctx_.text(h->first_word, e));
    return false;
  }

  Document& doc_;
  const Gazetteer& gaz_;
  const entities::ActorDictionary& dict_;
  entities::Context ctx_;
};

}  // namespace

bool is_region_direction(std::string_view w) {
  static const std::string_view kDirections[] = {"northern", "southern", "eastern", "western", "central",
                                                 "northeastern", "northwestern", "southeastern", "southwestern",
                                                 "north-eastern", "north-western", "south-eastern", "south-western"};
  return std::find(std::begin(kDirections), std::end(kDirections), w) != std::end(kDirections);
}

void resolve_places(Document& doc, const Gazetteer& gazetteer, const entities::ActorDictionary& dict) {
  Resolver(doc, gazetteer, dict).run();
}

}  // namespace sitrep::places
