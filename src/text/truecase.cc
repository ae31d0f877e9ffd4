#include "text/truecase.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "text/text_util.h"

namespace sitrep::text {
namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
char lower(char c) { return is_upper(c) ? static_cast<char>(c + 32) : c; }
char upper(char c) { return is_lower(c) ? static_cast<char>(c - 32) : c; }
bool word_char(char c) {
  return is_lower(c) || is_upper(c) || (c >= '0' && c <= '9') || c == '\'' || static_cast<unsigned char>(c) >= 0x80;
}

// Common English words that are also names (a country's short name, a person's
// surname, an acronym): never capitalised from the name list alone.
const std::unordered_set<std::string_view>& common_words() {
  static const std::unordered_set<std::string_view> k = {
      "a", "am", "an", "and", "are", "as", "at", "be", "but", "by", "can", "did", "do", "for", "from", "go", "had",
      "has", "have", "he", "her", "his", "i", "if", "in", "is", "it", "its", "may", "me", "my", "no", "not", "of",
      "on", "or", "our", "she", "so", "the", "their", "them", "they", "this", "to", "up", "us", "was", "we", "were",
      "who", "will", "with", "you", "march", "august", "said", "new", "general", "grand", "bush", "rice", "brown",
      "gates", "king", "power", "price", "major", "young", "white", "black", "green", "long", "little", "best",
      "hill", "wood", "rich", "bishop", "pope", "cook", "page", "rose", "lee", "ban", "wang", "chance", "mobile",
      "reading", "nice", "split", "bath", "victoria", "van", "de", "la", "al", "bin", "da", "von", "le", "du", "don",
      "will", "mark", "sun", "hope", "faith", "grace", "lot", "man", "chase", "trump", "guinea", "turkey", "china",
      "chile", "jersey", "niger", "panama", "cuba", "mali", "chad", "georgia", "jordan", "laos", "oman", "peru",
      "togo", "iran", "iraq",
      // acronyms of our own lists that are everyday words ("CAR": the Central African Republic)
      "car"};
  // (Country names are capitalised through a separate, longer list below: "china",
  // "turkey"... are nearly always the country in news, so they are added back.)
  return k;
}
// Calendar names that are always capitalised: days, months (not "march", "may", "august",
// also a verb, a modal and an adjective) and feasts.
bool calendar_name(std::string_view w) {
  return weekday_number(w) >= 0 || (month_number(w) > 0 && w != "march" && w != "may" && w != "august") ||
         w == "christmas" || w == "easter" || w == "ramadan";
}
constexpr std::array<std::string_view, 17> kNewsCountries = {
    "china", "turkey", "chile", "niger", "panama", "cuba", "mali", "chad", "georgia", "jordan", "laos", "oman",
    "peru", "togo", "iran", "iraq", "guinea"};

std::string lower_words(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ', space = false;
    out += lower(c);
  }
  return out;
}

}  // namespace

TextCase text_case(std::string_view text) {
  size_t lo = 0, up = 0;
  for (char c : text) lo += is_lower(c), up += is_upper(c);
  // A short text (a headline, one sentence) is caseless only when wholly so; a dozen
  // letters are more than an acronym ("NATO", "UN").
  if (lo + up < 40) return lo + up >= 12 && up == 0 ? TextCase::kLower : lo + up >= 12 && lo == 0 ? TextCase::kUpper
                                                                                                  : TextCase::kMixed;
  if (up * 200 < lo + up) return TextCase::kLower;    // under 0.5% capitals
  if (lo * 20 < lo + up) return TextCase::kUpper;     // under 5% small letters
  return TextCase::kMixed;
}

Truecaser::Truecaser(const std::vector<std::string>& names) {
  auto add = [&](std::string_view cased) {
    std::string key = lower_words(cased);
    if (key.empty()) return;
    size_t words = 1 + static_cast<size_t>(std::count(key.begin(), key.end(), ' '));
    if (words == 1 && common_words().count(key)) return;
    if (std::none_of(cased.begin(), cased.end(), is_upper)) return;  // nothing to restore
    if (phrases_.emplace(key, static_cast<uint32_t>(cased_.size())).second) cased_.emplace_back(cased);
    max_words_ = std::max(max_words_, words);
  };
  for (const std::string& n : names) add(n);
  for (std::string_view c : kNewsCountries) {
    std::string cap(c);
    cap[0] = upper(cap[0]);
    if (!phrases_.count(std::string(c))) {
      phrases_.emplace(std::string(c), static_cast<uint32_t>(cased_.size()));
      cased_.push_back(cap);
    }
  }
}

std::string Truecaser::restore(std::string_view text, TextCase from, const Capitalisation& capitalisation) const {
  std::string out(text);
  if (from == TextCase::kUpper)
    for (char& c : out) c = lower(c);
  // Words: runs of letters, digits, apostrophes and inner dots or hyphens ("u.n.", "al-qaeda").
  struct W {
    size_t b, e;
  };
  std::vector<W> words;
  // Typographic punctuation is no part of a word: quotes, dashes, ellipsis (U+2010-U+206F),
  // guillemets (U+00AB, U+00BB).
  auto punct = [&](size_t i) {
    auto b = [&](size_t k) { return k < out.size() ? static_cast<unsigned char>(out[k]) : 0u; };
    return (b(i) == 0xE2 && (b(i + 1) == 0x80 || b(i + 1) == 0x81)) || (b(i) == 0xC2 && (b(i + 1) == 0xAB || b(i + 1) == 0xBB));
  };
  auto in_word = [&](size_t i) { return i < out.size() && word_char(out[i]) && !punct(i); };
  for (size_t i = 0; i < out.size();) {
    if (!in_word(i)) { ++i; continue; }
    size_t j = i;
    while (j < out.size() && (in_word(j) || ((out[j] == '.' || out[j] == '-') && in_word(j + 1)))) ++j;
    if (j < out.size() && out[j] == '.' && j > i + 1 && out[j - 2] == '.') ++j;  // "u.s." keeps its last dot
    words.push_back({i, j});
    i = j;
  }
  // Names, longest phrase first; the phrase's capitals are copied letter by letter.
  std::string key;
  for (size_t w = 0; w < words.size();) {
    size_t best = 0;
    uint32_t best_id = 0;
    key.clear();
    for (size_t k = 0; k < max_words_ && w + k < words.size(); ++k) {
      if (k) {  // words of a phrase are separated by spaces only
        std::string_view gap(out.data() + words[w + k - 1].e, words[w + k].b - words[w + k - 1].e);
        if (gap.find_first_not_of(' ') != std::string_view::npos) break;
        key += ' ';
      }
      key.append(out, words[w + k].b, words[w + k].e - words[w + k].b);
      auto it = phrases_.find(key);
      if (it == phrases_.end() && key.back() == '.') it = phrases_.find(key.substr(0, key.size() - 1));
      // A possessive: "pakistan's offer", "the philippines' embassy".
      if (it == phrases_.end() && key.ends_with("'s")) it = phrases_.find(key.substr(0, key.size() - 2));
      if (it == phrases_.end() && key.ends_with("'")) it = phrases_.find(key.substr(0, key.size() - 1));
      if (it != phrases_.end()) best = k + 1, best_id = it->second;
    }
    if (!best) {
      // A hyphened word no phrase names: its parts that are names ("saudi-led",
      // "british-australian": "Saudi-led", "British-Australian").
      for (size_t b = words[w].b; b < words[w].e;) {
        size_t e = out.find('-', b);
        if (e == std::string::npos || e > words[w].e) e = words[w].e;
        if (e < words[w].e || b > words[w].b)
          if (auto it = phrases_.find(out.substr(b, e - b)); it != phrases_.end() && cased_[it->second].size() == e - b)
            for (size_t p = b; p < e; ++p)
              if (lower(cased_[it->second][p - b]) == out[p]) out[p] = cased_[it->second][p - b];
        b = e + 1;
      }
      ++w;
      continue;
    }
    const std::string& cased = cased_[best_id];
    size_t ci = 0;
    for (size_t p = words[w].b; p < words[w + best - 1].e && ci < cased.size(); ++p) {
      while (ci < cased.size() && cased[ci] == ' ') ++ci;
      if (out[p] == ' ') continue;
      if (ci < cased.size() && lower(cased[ci]) == out[p]) out[p] = cased[ci];
      ++ci;
    }
    w += best;
  }
  // "us" is the pronoun, except before the nouns the United States commands or speaks through
  // ("us troops", "us officials", "us-led"): the pronoun is never hyphened to a word nor
  // followed by these. (Common words that are names stay words otherwise: common_words().)
  static const std::unordered_set<std::string_view> kUsBefore = {
      "military", "army", "navy", "troops", "forces", "force", "soldiers", "soldier", "marines", "marine",
      "president", "officials", "official", "government", "administration", "embassy", "ambassador", "envoy",
      "diplomats", "diplomat", "secretary", "state", "department", "congress", "senate", "senator", "television",
      "media", "dollars", "dollar", "economy", "intelligence", "authorities", "commander", "commanders",
      "warplanes", "jets", "drone", "drones", "citizens", "citizen", "navy's", "military's"};
  for (size_t w = 0; w < words.size(); ++w) {
    std::string_view s(out.data() + words[w].b, words[w].e - words[w].b);
    bool before = s == "us" && w + 1 < words.size() && words[w + 1].b == words[w].e + 1 && out[words[w].e] == ' ' &&
                  kUsBefore.count(std::string_view(out.data() + words[w + 1].b, words[w + 1].e - words[w + 1].b));
    if (before || s.starts_with("us-")) out[words[w].b] = 'U', out[words[w].b + 1] = 'S';
  }
  // Words running text always capitalises, and a name after a title: the words after
  // "president", "minister", "mr" ... that running text never wrote in lower case (at
  // most three; "president boris tadic apologized": "Boris Tadic").
  if (capitalisation) {
    // Titles before a name: formal ones, which news capitalises there ("President Boris
    // Tadic"), and descriptions it writes in lower case ("opposition leader Raila Odinga").
    static const std::unordered_set<std::string_view> kFormal = {
        "president", "minister", "premier", "chancellor", "secretary", "king", "queen", "prince", "princess",
        "sheikh", "emir", "sultan", "general", "gen.", "colonel", "col.", "ambassador", "governor", "mayor",
        "senator", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "judge", "cardinal", "ayatollah"};
    static const std::unordered_set<std::string_view> kDescriptions = {
        "commander", "spokesman", "spokeswoman", "envoy", "leader", "chairman", "chief", "counterpart", "mullah",
        "imam"};
    auto title = [&](std::string_view x) { return kFormal.count(x) || kDescriptions.count(x); };
    for (size_t w = 0; w < words.size(); ++w) {
      std::string_view s(out.data() + words[w].b, words[w].e - words[w].b);
      if (!is_lower(s.front()) || common_words().count(s)) continue;
      // (Not a title: "Prince" is mostly written before a name, "the saudi crown prince" keeps
      // its case; the rule below capitalises a title before a name.)
      if (capitalisation(s) == 5 && !title(s)) out[words[w].b] = upper(out[words[w].b]);
      // (A place's name after what it is: "the capital tskhinvali", "the town of qana".)
      static const std::unordered_set<std::string_view> kPlaces = {"capital", "city", "town", "village",
                                                                   "province", "district", "port", "region"};
      size_t from = w + 1;
      if (kPlaces.count(s) && from < words.size() &&
          std::string_view(out.data() + words[from].b, words[from].e - words[from].b) == "of")
        ++from;
      if (!title(s) && !kPlaces.count(s)) continue;
      for (size_t k = from; k < words.size() && k <= from + 2; ++k) {
        std::string_view g(out.data() + words[k - 1].e, words[k].b - words[k - 1].e);
        std::string_view x(out.data() + words[k].b, words[k].e - words[k].b);
        // (Past a middle initial: "president george w. bush", its surname whatever word it is.)
        const bool after_initial = k > from && words[k - 1].e == words[k - 1].b + 1 && g == ". ";
        if ((g != " " && !after_initial) || !is_lower(x.front()) || (common_words().count(x) && !after_initial) ||
            title(x))
          break;
        const bool initial = x.size() == 1 && k + 1 < words.size() &&
                             std::string_view(out.data() + words[k].e, words[k + 1].b - words[k].e) == ". ";
        if (const uint8_t c = capitalisation(x); c != 0 && c < 4 && !initial && !after_initial) break;
        out[words[k].b] = upper(out[words[k].b]);
      }
    }
    // A sentence that opens on words running text never wrote, which the lexicon does not
    // know and which end in no English inflection, opens on a name ("li zhaokun was
    // detained": "Li Zhaokun"; not "pirates hijacked a ship").
    // (The first may be a name running text capitalises: "li".)
    std::string lowered;
    auto unseen = [&](size_t k, bool first) {
      lowered.assign(out, words[k].b, words[k].e - words[k].b);
      for (char& c : lowered) c = lower(c);
      std::string_view x = lowered;
      const uint8_t c = capitalisation(x);
      return x.size() > 1 && std::all_of(x.begin(), x.end(), is_lower) && !common_words().count(x) &&
             !calendar_name(x) && !x.ends_with("ed") && !x.ends_with("ing") && !x.ends_with("s") &&
             !x.ends_with("ly") && (c == 0 || (first && c >= 3));
    };
    for (size_t w = 0; w + 1 < words.size(); ++w) {
      size_t b = words[w].b;  // a sentence start: the text's, or after . ! ? and spaces
      while (b > 0 && (out[b - 1] == ' ' || out[b - 1] == '\n' || out[b - 1] == '"')) --b;
      if (b > 0 && out[b - 1] != '.' && out[b - 1] != '!' && out[b - 1] != '?') continue;
      size_t run = 0;
      while (w + run < words.size() && run < 3 && unseen(w + run, run == 0) &&
             (run == 0 || out.compare(words[w + run - 1].e, words[w + run].b - words[w + run - 1].e, " ") == 0))
        ++run;
      if (run < 2) continue;
      for (size_t k = w; k < w + run; ++k) out[words[k].b] = upper(out[words[k].b]);
    }
    // The title right before a name is part of it, as news writes it ("prime minister ehud
    // olmert": "Prime Minister Ehud Olmert"), with the words that qualify it.
    // (Formal titles only: news writes "opposition leader Raila Odinga", "spokesman Ali".)
    static const std::unordered_set<std::string_view> kQualifiers = {
        "prime", "foreign", "defence", "defense", "interior", "finance", "deputy", "vice", "acting", "former",
        "crown", "supreme", "grand", "lieutenant", "brigadier", "major", "army"};
    for (size_t w = words.size(); w-- > 1;) {
      std::string_view name(out.data() + words[w].b, words[w].e - words[w].b);
      if (!is_upper(name.front())) continue;
      for (size_t k = w; k-- > 0;) {
        std::string_view g(out.data() + words[k].e, words[k + 1].b - words[k].e);
        std::string_view x(out.data() + words[k].b, words[k].e - words[k].b);
        if (g != " " || !is_lower(x.front()) || (!kFormal.count(x) && !(k + 1 < w && kQualifiers.count(x)))) break;
        out[words[k].b] = upper(out[words[k].b]);
      }
    }
  }
  // "I", days and months; sentence starts (after . ! ? and at line starts, past quotes and brackets).
  for (const W& w : words) {
    std::string_view s(out.data() + w.b, w.e - w.b);
    if (s == "i" || calendar_name(s)) out[w.b] = upper(out[w.b]);
  }
  // A new line starts a sentence after a blank line or a sentence end only (hard-wrapped
  // text goes on); a letter beyond ASCII ends the search ("élan" keeps its case).
  bool start = true;
  for (size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    auto u = static_cast<unsigned char>(c);
    if (start && (is_lower(c) || is_upper(c) || (c >= '0' && c <= '9'))) {
      out[i] = upper(c);
      start = false;
    } else if (c == '\n') {
      size_t b = i;
      while (b > 0 && (out[b - 1] == ' ' || out[b - 1] == '\t' || out[b - 1] == '\r')) --b;
      if (b == 0 || out[b - 1] == '\n' || out[b - 1] == '.' || out[b - 1] == '!' || out[b - 1] == '?' ||
          out[b - 1] == '"' || out[b - 1] == ':')
        start = true;
    } else if (start && u >= 0x80) {
      // Typographic quotes and dashes keep the search going; a letter ends it.
      bool quote = punct(i);
      if (!quote) start = false;
      while (i + 1 < out.size() && (static_cast<unsigned char>(out[i + 1]) & 0xC0) == 0x80) ++i;  // the rest of it
    } else if ((c == '.' || c == '!' || c == '?') && i + 1 < out.size() &&
               (out[i + 1] == ' ' || out[i + 1] == '\n' || out[i + 1] == '"' || out[i + 1] == '\'' || punct(i + 1))) {
      // Not after an abbreviation's inner dot ("u.s. troops"): the word before has no dot.
      size_t b = i;
      while (b > 0 && word_char(out[b - 1])) --b;
      bool abbreviation = b > 0 && out[b - 1] == '.';
      // Nor after a name's initial ("george w. bush", the first name capitalised already:
      // "George W. Bush"): one letter after a capitalised word.
      size_t p = b;
      while (p > 0 && out[p - 1] == ' ') --p;
      size_t pb = p;
      while (pb > 0 && word_char(out[pb - 1])) --pb;
      const bool initial = i == b + 1 && p < b && pb < p && is_upper(out[pb]);
      if (initial) out[b] = upper(out[b]);
      if (!abbreviation && !initial) start = true;
    } else if (start && c != ' ' && c != '"' && c != '\'' && c != '(' && c != '[' && c != '-' && c != '\t' &&
               c != '\r') {
      start = false;
    }
  }
  return out;
}

bool Truecaser::restore_datelines(Document& doc, const Capitalisation& capitalisation) const {
  bool changed = false;
  for (const Sentence& s : doc.sentences) {
    if (!s.dateline) continue;
    // The leading run of words with no small letter and some capital ("NEW DELHI").
    uint32_t end = s.first_token;
    for (; end < s.first_token + s.token_count; ++end) {
      std::string_view w = doc.token_text(end);
      bool capital = false, small = false;
      for (char c : w) capital |= c >= 'A' && c <= 'Z', small |= c >= 'a' && c <= 'z';
      if (!capital || small) break;
    }
    if (end == s.first_token) continue;
    Span span{doc.tokens[s.first_token].span.begin, doc.tokens[end - 1].span.end};
    std::string cased = restore(std::string_view(doc.text).substr(span.begin, span.end - span.begin), TextCase::kUpper,
                                capitalisation);
    if (cased == std::string_view(doc.text).substr(span.begin, span.end - span.begin)) continue;
    if (doc.original_text.empty()) doc.original_text = doc.text;
    doc.text.replace(span.begin, cased.size(), cased);
    changed = true;
  }
  return changed;
}

}  // namespace sitrep::text
