#include "entities/actor_dictionary.h"
#include "core/locate.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <functional>

#include "core/tagset.h"
#include "entities/mentions.h"
#include "entities/tsv.h"
#include "text/tokenizer.h"

namespace sitrep::entities {
namespace {

constexpr uint32_t kPrefix = 0xFFFFFFFEu;  // a phrase prefix that is no phrase itself
constexpr uint64_t kSeed = 0x6a09e667f3bcc908ull;

uint64_t combine(uint64_t h, uint64_t w) {
  return tagger::HashIndex::nonzero_key((h ^ w) * 0x9E3779B97F4A7C15ull + (h >> 29));
}

// Splits a dictionary phrase the way the tokenizer splits text: on spaces, and
// hyphens and commas become words of their own ("Guinea-Bissau" = 3 words).
template <typename Fn>
void for_each_word(std::string_view phrase, Fn&& fn) {
  size_t i = 0;
  while (i < phrase.size()) {
    if (phrase[i] == ' ') { ++i; continue; }
    if (phrase[i] == '-' || phrase[i] == ',') { fn(phrase.substr(i, 1)); ++i; continue; }
    size_t j = i;
    // (A prefix the tokenizer keeps joined, at a word's first hyphen, stays joined here too:
    // "sub-inspector", "anti-riot police".)
    const bool word_start = i == 0 || phrase[i - 1] == ' ';
    bool joined = false;
    while (j < phrase.size() && phrase[j] != ' ' && phrase[j] != ',') {
      if (phrase[j] == '-') {
        if (joined || !word_start || j == i || j + 1 >= phrase.size() || phrase[j + 1] == ' ' ||
            !text::is_kept_prefix(phrase.substr(i, j - i)))
          break;
        joined = true;
      }
      ++j;
    }
    // A possessive ending is its own token, as the tokenizer splits it ("Lord's Resistance
    // Army": Lord 's; "Workers' Party": Workers '), else the name never matches the text
    // ("People's Republic of China" was matched as "Republic of China").
    std::string_view w = phrase.substr(i, j - i);
    size_t cut = w.size();
    if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("'S"))) cut = w.size() - 2;
    else if (w.size() > 4 && (w.ends_with("\xE2\x80\x99s") || w.ends_with("\xE2\x80\x99S"))) cut = w.size() - 4;
    else if (w.size() > 2 && w.back() == '\'' && (w[w.size() - 2] == 's' || w[w.size() - 2] == 'S')) cut = w.size() - 1;
    fn(w.substr(0, cut));
    if (cut < w.size()) fn(w.substr(cut));
    i = j;
  }
}

bool valid_role(std::string_view r) {
  if (r.empty() || r.size() % 3 != 0) return false;
  return std::all_of(r.begin(), r.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Cells `first` and `first + 1` of `row` as latitude and longitude in degrees; both empty:
// no point.
Status read_point(const TsvRow& row, size_t first, GeoPoint* out) {
  std::string_view lat = row[first], lon = row[first + 1];
  if (lat.empty() && lon.empty()) return Status::Ok();
  auto number = [](std::string_view cell, double limit, double* v) {
    auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), *v);
    return ec == std::errc() && end == cell.data() + cell.size() && *v >= -limit && *v <= limit;
  };
  if (!number(lat, 90, &out->lat) || !number(lon, 180, &out->lon))
    return Status::Error(row.where() + ": lat and lon must be degrees (-90..90, -180..180) or both empty: " +
                         std::string(lat) + " " + std::string(lon));
  out->known = true;
  return Status::Ok();
}

}  // namespace

const char* gazetteer_category_name(GazetteerCategory c) {
  static const char* const kNames[] = {"country", "nationality", "metonym", "igo", "person", "role", "city"};
  return kNames[static_cast<int>(c)];
}

uint64_t dictionary_word_hash(std::string_view word, bool lower) {
  char buf[96] = {};
  size_t n = 0;
  for (size_t i = 0; i < word.size() && n < sizeof buf; ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    // U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) reads as an apostrophe.
    if (c == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80 &&
        static_cast<unsigned char>(word[i + 2]) == 0x99) {
      buf[n++] = '\'';
      i += 2;
      continue;
    }
    if (lower && c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    buf[n++] = static_cast<char>(c);
  }
  return XXH3_64bits(buf, n) ^ (word.size() > sizeof buf ? 0x55 : 0);
}

Status ActorDictionary::add(tagger::HashIndex& index, std::vector<std::vector<uint32_t>>& lists,
                            std::string_view phrase, bool lower, uint32_t entry, uint32_t* words, uint64_t* hash) {
  uint64_t h = kSeed;
  uint32_t* slot = nullptr;
  uint32_t count = 0;
  for_each_word(phrase, [&](std::string_view w) {
    ++count;
    h = combine(h, dictionary_word_hash(w, lower));
    slot = &index.at(h, tagger::HashIndex::kNone);
    if (*slot == tagger::HashIndex::kNone) *slot = kPrefix;
  });
  if (!slot) return Status::Error("empty name");
  if (words) *words = count;
  if (hash) *hash = h;
  if (*slot == kPrefix) {
    *slot = static_cast<uint32_t>(lists.size());
    lists.emplace_back();
  }
  auto& list = lists[*slot];
  if (std::find(list.begin(), list.end(), entry) == list.end()) list.push_back(entry);
  return Status::Ok();
}

Status ActorDictionary::add_name(std::string_view phrase, uint32_t entry, const std::string& where) {
  if (phrase.empty()) return Status::Error(where + ": empty name in a list");
  uint32_t words = 0;
  uint64_t key = 0;
  SITREP_RETURN_IF_ERROR(add(names_, name_lists_, phrase, false, entry, &words, &key));
  // For truecasing: not the one-word acronyms of converted files ("DAWN", "ZERO": in caseless
  // text these are words far more often than names); ours are few and reviewed.
  bool acronym = phrase.find(' ') == std::string_view::npos &&
                 std::none_of(phrase.begin(), phrase.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (!entries_[entry].weak && !(acronym && reading_extra_file_)) name_phrases_.emplace_back(phrase);
  // An acronym of our own lists said as a word is written as one too, in British and wire
  // style ("Nato-led troops", "Unicef", "Opec"): four letters or more, so no short word is one.
  if (acronym && !reading_extra_file_ && phrase.size() >= 4 &&
      std::all_of(phrase.begin(), phrase.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    std::string title(phrase);
    for (size_t i = 1; i < title.size(); ++i) title[i] = static_cast<char>(title[i] + 32);
    SITREP_RETURN_IF_ERROR(add(names_, name_lists_, title, false, entry));
  }
  // A leading "the" is optional in the text: "The Hague" is also found as "Hague" (and, for
  // truecasing, "islamic state" as "Islamic State"; not one word: "the West" is no "west").
  if (phrase.starts_with("The ") || phrase.starts_with("the ")) {
    uint32_t rest_words = 0;
    uint64_t rest_key = 0;
    SITREP_RETURN_IF_ERROR(add(names_, name_lists_, phrase.substr(4), false, entry, &rest_words, &rest_key));
    if (!entries_[entry].weak && phrase.find(' ', 4) != std::string_view::npos) name_phrases_.emplace_back(phrase.substr(4));
    if (rest_words == 1) after_the_words_.push_back(rest_key);
  } else if (words == 1) {
    plain_words_.push_back(key);
  }
  return Status::Ok();
}

Status ActorDictionary::add_role(std::string_view phrase, uint32_t entry, const std::string& where) {
  if (phrase.empty()) return Status::Error(where + ": empty role word in a list");
  return add(roles_, role_lists_, phrase, true, entry);
}

// Turns the per-phrase lists into the flat phrase table (entries grouped by category).
void ActorDictionary::finish() {
  auto flatten = [&](tagger::HashIndex& index, std::vector<std::vector<uint32_t>>& lists) {
    std::vector<uint32_t> remap(lists.size());
    for (size_t i = 0; i < lists.size(); ++i) {
      auto& l = lists[i];
      std::stable_sort(l.begin(), l.end(), [&](uint32_t a, uint32_t b) {
        return entries_[a].category < entries_[b].category;
      });
      remap[i] = static_cast<uint32_t>(phrases_.size());
      phrases_.push_back({static_cast<uint32_t>(phrase_entries_.size()), static_cast<uint32_t>(l.size())});
      phrase_entries_.insert(phrase_entries_.end(), l.begin(), l.end());
    }
    tagger::HashIndex rebuilt(index.size());
    index.for_each([&](uint64_t k, uint32_t v) { rebuilt.at(k, v == kPrefix ? kPrefix : remap[v]); });
    index = std::move(rebuilt);
    lists.clear();
  };
  flatten(names_, name_lists_);
  flatten(roles_, role_lists_);
  std::sort(plain_words_.begin(), plain_words_.end());
  for (uint64_t h : after_the_words_)
    if (!std::binary_search(plain_words_.begin(), plain_words_.end(), h))
      if (uint32_t v = names_.find(h); v != tagger::HashIndex::kNone && v != kPrefix) phrases_[v].after_the_only = true;
  after_the_words_.clear();
  plain_words_.clear();
  std::sort(countries_.begin(), countries_.end());
  for (const auto& e : entries_)
    if (e.category == GazetteerCategory::kRole) role_codes_.push_back(e.code);
  std::sort(role_codes_.begin(), role_codes_.end());
  role_codes_.erase(std::unique(role_codes_.begin(), role_codes_.end()), role_codes_.end());
  for (auto& e : entries_) e.country = country(e.category == GazetteerCategory::kPerson ? std::string_view(e.code).substr(0, 3) : std::string_view(e.code));
}

bool ActorDictionary::is_role_code(std::string_view code) const {
  auto it = std::lower_bound(role_codes_.begin(), role_codes_.end(), code,
                             [](const std::string& a, std::string_view b) { return a < b; });
  return it != role_codes_.end() && *it == code;
}

int32_t ActorDictionary::country(std::string_view code) const {
  auto it = std::lower_bound(countries_.begin(), countries_.end(), code,
                             [](const auto& p, std::string_view c) { return p.first < c; });
  return it != countries_.end() && it->first == code ? static_cast<int32_t>(it->second) : -1;
}

Result<ActorDictionary> ActorDictionary::load(const std::string& dir) {
  ActorDictionary d;
  auto path = [&](const char* f) { return (std::filesystem::path(dir) / f).string(); };
  // KIND.tsv, then KIND-*.tsv in name order (converted dictionaries with their own licence,
  // e.g. persons-phoenix.tsv), all in the same format.
  auto paths = [&](std::string_view kind) {
    std::vector<std::string> out{path(std::string(kind).append(".tsv").c_str())};
    std::vector<std::string> extra;
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(dir, ec)) {
      std::string name = f.path().filename().string();
      if (name.size() > kind.size() + 5 && name.starts_with(std::string(kind) + "-") && name.ends_with(".tsv"))
        extra.push_back(f.path().string());
    }
    std::sort(extra.begin(), extra.end());
    out.insert(out.end(), extra.begin(), extra.end());
    return out;
  };
  auto read_all = [&](std::string_view kind, std::vector<std::string_view> columns,
                      const std::function<Status(const TsvRow&)>& fn) -> Status {
    for (const auto& f : paths(kind)) {
      d.reading_extra_file_ = f != path(std::string(kind).append(".tsv").c_str());
      SITREP_RETURN_IF_ERROR(read_tsv(f, columns, fn));
    }
    d.reading_extra_file_ = false;
    return Status::Ok();
  };
  auto new_entry = [&](GazetteerCategory c) -> ActorEntry& {
    d.entries_.emplace_back();
    d.entries_.back().category = c;
    return d.entries_.back();
  };
  auto id = [&] { return static_cast<uint32_t>(d.entries_.size() - 1); };

  // countries.tsv: code iso2 names adjectives metonyms fips lat lon
  SITREP_RETURN_IF_ERROR(read_tsv(path("countries.tsv"),
                                  {"code", "iso2", "names", "adjectives", "metonyms", "fips", "lat", "lon"},
                                  [&](const TsvRow& row) -> Status {
    std::string code(row[0]);
    if (code.size() != 3) return Status::Error(row.where() + ": country code must have 3 letters: " + code);
    if (d.country(code) >= 0 || std::any_of(d.countries_.begin(), d.countries_.end(), [&](auto& p) { return p.first == code; }))
      return Status::Error(row.where() + ": duplicate country code " + code);
    auto names = split_list(row[2]);
    if (names.empty()) return Status::Error(row.where() + ": a country needs a name");
    ActorEntry& c = new_entry(GazetteerCategory::kCountryName);
    c.code = code, c.name = std::string(names[0]), c.iso2 = std::string(row[1]);
    c.fips = std::string(row[5]);
    SITREP_RETURN_IF_ERROR(read_point(row, 6, &c.point));
    uint32_t cid = id();
    d.countries_.emplace_back(code, cid);
    for (auto n : names) SITREP_RETURN_IF_ERROR(d.add_name(n, cid, row.where()));
    auto adjectives = split_list(row[3]);
    if (!adjectives.empty()) {
      ActorEntry& a = new_entry(GazetteerCategory::kNationality);
      a.code = code, a.name = std::string(adjectives[0]);
      for (auto n : adjectives) SITREP_RETURN_IF_ERROR(d.add_name(n, id(), row.where()));
    }
    for (auto m : split_list(row[4])) {
      std::string_view name = m, role;
      if (auto eq = m.find('='); eq != std::string_view::npos) {
        name = m.substr(0, eq), role = m.substr(eq + 1);
        if (!valid_role(role)) return Status::Error(row.where() + ": bad role code in " + std::string(m));
      }
      ActorEntry& e = new_entry(GazetteerCategory::kMetonym);
      e.code = code, e.role = std::string(role), e.name = std::string(name);
      SITREP_RETURN_IF_ERROR(d.add_name(name, id(), row.where()));
    }
    return Status::Ok();
  }));

  // igos.tsv: code names
  SITREP_RETURN_IF_ERROR(read_all("igos", {"code", "names"}, [&](const TsvRow& row) -> Status {
    if (!valid_role(row[0])) return Status::Error(row.where() + ": bad organisation code " + std::string(row[0]));
    auto names = split_list(row[1]);
    if (names.empty()) return Status::Error(row.where() + ": an organisation needs a name");
    ActorEntry& e = new_entry(GazetteerCategory::kIgo);
    e.code = std::string(row[0]), e.name = std::string(names[0]);
    for (auto n : names) SITREP_RETURN_IF_ERROR(d.add_name(n, id(), row.where()));
    return Status::Ok();
  }));

  // roles.tsv: role words
  SITREP_RETURN_IF_ERROR(read_all("roles", {"role", "words"}, [&](const TsvRow& row) -> Status {
    if (!valid_role(row[0])) return Status::Error(row.where() + ": bad role code " + std::string(row[0]));
    for (auto w : split_list(row[1])) {
      ActorEntry& e = new_entry(GazetteerCategory::kRole);
      e.code = std::string(row[0]), e.name = std::string(w);
      SITREP_RETURN_IF_ERROR(d.add_role(w, id(), row.where()));
    }
    return Status::Ok();
  }));

  // persons.tsv: name aliases code from to office
  SITREP_RETURN_IF_ERROR(read_all("persons", {"name", "aliases", "code", "from", "to", "office"},
                                  [&](const TsvRow& row) -> Status {
    if (row[0].empty()) return Status::Error(row.where() + ": a person needs a name");
    if (!valid_role(row[2])) return Status::Error(row.where() + ": bad actor code " + std::string(row[2]));
    ActorEntry p;
    p.category = GazetteerCategory::kPerson;
    p.name = std::string(row[0]), p.code = std::string(row[2]), p.office = std::string(row[5]);
    auto from = parse_partial_date(row[3], false), to = parse_partial_date(row[4], true);
    if (!from) return Status::Error(row.where() + ": bad date in column from: " + std::string(row[3]));
    if (!to) return Status::Error(row.where() + ": bad date in column to: " + std::string(row[4]));
    p.from = *from, p.to = *to;
    d.entries_.push_back(p);
    uint32_t strong = id(), weak = UINT32_MAX;
    SITREP_RETURN_IF_ERROR(d.add_name(row[0], strong, row.where()));
    for (auto a : split_list(row[1])) {
      if (a.starts_with('~')) {
        if (weak == UINT32_MAX) {
          d.entries_.push_back(p);
          d.entries_.back().weak = true;
          weak = id();
        }
        SITREP_RETURN_IF_ERROR(d.add_name(a.substr(1), weak, row.where()));
      } else {
        SITREP_RETURN_IF_ERROR(d.add_name(a, strong, row.where()));
      }
    }
    return Status::Ok();
  }));

  // cities.tsv: name country admin1 lat lon
  SITREP_RETURN_IF_ERROR(read_all("cities", {"name", "country", "admin1", "lat", "lon"}, [&](const TsvRow& row) -> Status {
    auto names = split_list(row[0]);
    if (names.empty()) return Status::Error(row.where() + ": a city needs a name");
    if (d.country(row[1]) < 0 && std::none_of(d.countries_.begin(), d.countries_.end(),
                                              [&](auto& p) { return p.first == row[1]; }))
      return Status::Error(row.where() + ": unknown country code " + std::string(row[1]));
    ActorEntry& e = new_entry(GazetteerCategory::kCity);
    e.code = std::string(row[1]), e.name = std::string(names[0]), e.admin1 = std::string(row[2]);
    SITREP_RETURN_IF_ERROR(read_point(row, 3, &e.point));
    for (auto n : names) SITREP_RETURN_IF_ERROR(d.add_name(n, id(), row.where()));
    return Status::Ok();
  }));

  d.finish();
  return d;
}

Result<ActorDictionary> ActorDictionary::load_default() {
  auto countries = locate(Shipped::kData, "actors/countries.tsv");
  if (!countries.ok()) return countries.status().prefixed("actor dictionary: ");
  return load(std::filesystem::path(countries.value()).parent_path().string());
}

void ActorDictionary::scan(const Document& doc, const Sentence& s, bool roles,
                           std::vector<GazetteerHit>& out) const {
  const tagger::HashIndex& index = roles ? roles_ : names_;
  static const uint16_t kNoun = upos_id("NOUN"), kPropn = upos_id("PROPN");
  const uint32_t end = s.first_word + s.word_count;
  static const uint64_t kThe = dictionary_word_hash("the", true);
  for (uint32_t i = s.first_word; i < end;) {
    // A name never starts with "the": every name is also listed without it ("the West"
    // is found as "West", the words a mention of it covers).
    if (!roles && i + 1 < end && dictionary_word_hash(doc.word_text(i), true) == kThe) {
      ++i;
      continue;
    }
    uint64_t h = kSeed;
    uint32_t best_end = 0, best_phrase = 0;
    for (uint32_t j = i; j < end; ++j) {
      const Word& w = doc.words[j];
      std::string_view form = roles && !w.lemma.empty() ? doc.pooled(w.lemma) : doc.word_text(j);
      h = combine(h, dictionary_word_hash(form, roles));
      uint32_t v = index.find(h);
      if (v == tagger::HashIndex::kNone) break;
      // A role phrase ends on a noun ("foreign minister", not "foreign" of "foreign policy").
      if (v != kPrefix && (!roles || w.upos == 0 || w.upos == kNoun || w.upos == kPropn || is_nominal_adjective(w)))
        best_end = j + 1, best_phrase = v;
    }
    if (!best_end) { ++i; continue; }
    const Phrase& p = phrases_[best_phrase];
    // "West Java": "the West" is no name's first word (a capitalised proper noun follows).
    if (p.after_the_only && best_end == i + 1 && best_end < end && doc.words[best_end].upos == kPropn && !doc.word_text(best_end).empty() &&
        std::isupper(static_cast<unsigned char>(doc.word_text(best_end).front()))) {
      ++i;
      continue;
    }
    for (uint32_t k = 0; k < p.count;) {  // one hit per category
      uint32_t e = phrase_entries_[p.first + k], n = 1;
      while (k + n < p.count && entries_[phrase_entries_[p.first + k + n]].category == entries_[e].category) ++n;
      out.push_back({i, best_end - i, entries_[e].category, e, p.first + k, n});
      k += n;
    }
    i = best_end;
  }
}

void ActorDictionary::match(const Document& doc, uint32_t sentence, std::vector<GazetteerHit>& out) const {
  const Sentence& s = doc.sentences[sentence];
  size_t first = out.size();
  scan(doc, s, false, out);
  scan(doc, s, true, out);
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                   [](const GazetteerHit& a, const GazetteerHit& b) { return a.first_word < b.first_word; });
}

std::span<const uint32_t> ActorDictionary::entries(const GazetteerHit& hit) const {
  return {phrase_entries_.data() + hit.group, hit.group_size};
}

std::vector<uint32_t> ActorDictionary::lookup(std::string_view phrase) const {
  for (bool roles : {false, true}) {
    const tagger::HashIndex& index = roles ? roles_ : names_;
    uint64_t h = kSeed;
    for_each_word(phrase, [&](std::string_view w) { h = combine(h, dictionary_word_hash(w, roles)); });
    uint32_t v = index.find(h);
    if (v != tagger::HashIndex::kNone && v != kPrefix) {
      const Phrase& p = phrases_[v];
      return {phrase_entries_.begin() + p.first, phrase_entries_.begin() + p.first + p.count};
    }
  }
  return {};
}

}  // namespace sitrep::entities
