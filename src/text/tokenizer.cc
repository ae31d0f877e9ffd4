// Rule tokenizer following UD English EWT; see docs/tokenizer.md for the rules.
#include "text/tokenizer.h"
#include "core/locate.h"

#include <utf8proc.h>

#include <array>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "text/chars.h"
#include "text/sentence_splitter.h"

namespace sitrep::text {

CharClass classify_non_ascii(uint32_t cp) {
  if (cp == 0x200B || cp == 0xFEFF || cp == 0x85) return CharClass::kSpace;
  if (cp == 0x2019 || cp == 0x2018) return CharClass::kPunct;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:  // soft hyphen, joiners: stay inside words
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return CharClass::kDigit;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
      return CharClass::kSymbol;
    default:
      return CharClass::kPunct;
  }
}

namespace {

inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool is_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool lower_equals(std::string_view s, std::string_view lower_word) {
  if (s.size() != lower_word.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (lower(s[i]) != lower_word[i]) return false;
  return true;
}

// Contractions written without an apostrophe: the word and where it splits.
struct Fused {
  std::string_view word;
  uint8_t cut;
};
constexpr std::array<Fused, 24> kFused = {{{"cannot", 3}, {"gonna", 3},  {"wanna", 3},   {"gotta", 3},    {"dont", 2},
                                           {"didnt", 3},  {"doesnt", 4}, {"cant", 2},    {"wont", 2},     {"isnt", 2},
                                           {"wasnt", 3},  {"arent", 3},  {"werent", 4},  {"couldnt", 5},  {"wouldnt", 5},
                                           {"shouldnt", 6}, {"havent", 4}, {"hasnt", 3}, {"hadnt", 3},    {"im", 1},
                                           {"ive", 1},    {"youre", 3},  {"thats", 4},   {"whats", 4}}};

// Length of an apostrophe at s[i] (' or ’ or `), else 0.
inline size_t apostrophe_at(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  char c = s[i];
  if (c == '\'' || c == '`') return 1;
  if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x99') return 3;
  return 0;
}

class Emitter {
 public:
  Emitter(Document& doc) : doc_(doc), text_(doc.text) {}

  void token(uint32_t b, uint32_t e) { token2(b, e, e); }

  // A token [b, e) with a second word starting at `cut` (cut == e: one word).
  void token2(uint32_t b, uint32_t e, uint32_t cut) {
    Token t;
    t.span = {b, e};
    t.first_word = static_cast<uint32_t>(doc_.words.size());
    t.word_count = cut < e && cut > b ? 2 : 1;
    t.space_after = false;
    uint32_t ti = static_cast<uint32_t>(doc_.tokens.size());
    if (t.word_count == 2) {
      doc_.words.push_back({{b, cut}, ti});
      doc_.words.push_back({{cut, e}, ti});
    } else {
      doc_.words.push_back({{b, e}, ti});
    }
    doc_.tokens.push_back(t);
  }

  // A word token: contractions and possessives become two words.
  // `apostrophe`: whether the word may hold an apostrophe (else the clitic tests are skipped).
  void word(uint32_t b, uint32_t e, bool apostrophe) {
    std::string_view s(text_.data() + b, e - b);
    // The last apostrophe followed by a known clitic.
    for (size_t a = apostrophe ? s.size() : 0; a-- > 1;) {
      size_t alen = apostrophe_at(s, a);
      if (!alen) continue;
      std::string_view suf = s.substr(a + alen);
      if (is_digit(s[a - 1]) || s[a - 1] == '#') break;  // 1990's, AK47's: one word
      if (lower_equals(suf, "t") && a >= 2 && lower(s[a - 1]) == 'n') return token2(b, e, b + static_cast<uint32_t>(a - 1));
      if (lower_equals(suf, "s") || lower_equals(suf, "m") || lower_equals(suf, "re") || lower_equals(suf, "ve") ||
          lower_equals(suf, "ll") || lower_equals(suf, "d"))
        return token2(b, e, b + static_cast<uint32_t>(a));
      break;
    }
    // "its" for "it's" (EWT: it + s) before words that do not follow the possessive.
    if (s.size() == 3 && lower_equals(s, "its") && its_is_it_s(e)) return token2(b, e, b + 2);
    // Plural possessives: parents' = parents + '.
    if (apostrophe && s.size() >= 3) {
      size_t alen = s.back() == '\'' ? 1 : (s.size() >= 4 && s.compare(s.size() - 3, 3, "\xE2\x80\x99") == 0 ? 3 : 0);
      if (alen && is_alpha(s[s.size() - alen - 1])) return token2(b, e, e - static_cast<uint32_t>(alen));
    }
    // First letters of the fused forms: a c d g h i s t w y.
    constexpr uint32_t kFusedFirst = (1u << 0) | (1u << 2) | (1u << 3) | (1u << 6) | (1u << 7) | (1u << 8) |
                                     (1u << 18) | (1u << 19) | (1u << 22) | (1u << 24);
    char first = lower(s[0]);
    if (s.size() >= 2 && s.size() <= 8 && first >= 'a' && first <= 'z' && (kFusedFirst >> (first - 'a') & 1)) {
      for (const auto& f : kFused)
        if (lower_equals(s, f.word)) {
          // "Im" and "im" yes, "IM" (instant message) no; "Cant" yes.
          if (f.word == "im" && s[1] == 'M') break;
          return token2(b, e, b + f.cut);
        }
    }
    token(b, e);
  }

  // Whether the word after position e (one or more spaces away) is one that "it's"
  // and not the possessive "its" comes before: its not, its a, its really ...
  bool its_is_it_s(uint32_t e) const {
    static constexpr std::array<std::string_view, 36> kAfterItIs = {
        "not",    "a",      "an",     "the",     "really",  "simply", "very",     "like",   "in",
        "now",    "definitely", "also", "for",   "from",    "only",   "just",     "still",  "all",
        "been",   "getting", "nothing", "so",    "too",     "always", "never",    "probably", "pretty",
        "quite",  "actually", "about", "because", "that",   "what",   "going",    "gonna",  "being"};
    uint32_t p = e;
    while (p < text_.size() && text_[p] == ' ') ++p;
    if (p == e) return false;
    uint32_t q = p;
    while (q < text_.size() && q - p <= 10 && is_alpha(text_[q])) ++q;
    if (q == p || (q < text_.size() && (is_alpha(text_[q]) || text_[q] == '\'' || text_[q] == '-'))) return false;
    std::string_view next(text_.data() + p, q - p);
    for (auto w : kAfterItIs)
      if (lower_equals(next, w)) return true;
    return false;
  }

  void end_chunk() {
    if (!doc_.tokens.empty()) doc_.tokens.back().space_after = true;
  }

 private:
  Document& doc_;
  const std::string& text_;
};

class BlockTokenizer {
 public:
  BlockTokenizer(Document& doc) : text_(doc.text), out_(doc) {}

  void run(uint32_t begin, uint32_t end) {
    uint32_t i = begin;
    while (i < end) {
      size_t sp = space_length(text_, i);
      if (sp) {
        i += static_cast<uint32_t>(sp);
        continue;
      }
      uint32_t j = i;
      while (j < end) {
        if (static_cast<unsigned char>(text_[j]) < 0x80) {
          if (classify_ascii(static_cast<unsigned char>(text_[j])) == CharClass::kSpace) break;
          ++j;
        } else {
          if (space_length(text_, j)) break;
          j += decode_utf8(text_, j).len;
        }
      }
      if (j > end) j = end;
      chunk(i, j);
      out_.end_chunk();
      i = j;
    }
  }

 private:
  CharClass cls_at(uint32_t i, uint32_t* len) const {
    unsigned char c = static_cast<unsigned char>(text_[i]);
    if (c < 0x80) {
      *len = 1;
      return classify_ascii(c);
    }
    CodePoint cp = decode_utf8(text_, i);
    *len = cp.len;
    if (cp.cp == 0xFFFD && cp.len == 1) return CharClass::kSymbol;
    return classify_non_ascii(cp.cp);
  }
  bool is_word_class(CharClass c) const { return c == CharClass::kLetter || c == CharClass::kDigit; }
  bool word_at(uint32_t i, uint32_t end) const {
    if (i >= end) return false;
    uint32_t len;
    return is_word_class(cls_at(i, &len));
  }

  static bool url_stop(char c) { return c == '"' || c == '<' || c == '>' || c == '[' || c == ']'; }
  static bool url_trail(char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == '\'' || c == '}';
  }
  static bool email_char(char c) {
    return is_alpha(c) || is_digit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
  }

  // The end of a URL whose body starts at `from`: up to a stop character, less trailing punctuation.
  uint32_t url_end(uint32_t from, uint32_t e) const {
    uint32_t end = from;
    bool paren = false;
    while (end < e && !url_stop(text_[end])) paren |= text_[end++] == '(';
    while (end > from && url_trail(text_[end - 1]) && !(paren && text_[end - 1] == ')')) --end;
    return end;
  }

  // The first URL or e-mail address in the chunk [b, e), or an empty span.
  Span find_url(uint32_t b, uint32_t e) const {
    std::string_view c(text_.data() + b, e - b);
    if (size_t p = c.find("://"); p != std::string_view::npos && p >= 2) {
      uint32_t s = b + static_cast<uint32_t>(p);
      while (s > b && is_alpha(text_[s - 1])) --s;
      if (b + p - s >= 2) {
        uint32_t end = url_end(b + static_cast<uint32_t>(p) + 3, e);
        if (end > b + p + 3) return {s, end};
      }
    }
    for (size_t p = c.find_first_of("wW"); p != std::string_view::npos && p + 5 < c.size();
         p = c.find_first_of("wW", p + 1)) {
      if (!lower_equals(c.substr(p, 4), "www.") || (p > 0 && (is_alpha(c[p - 1]) || c[p - 1] == '.'))) continue;
      uint32_t end = url_end(b + static_cast<uint32_t>(p) + 4, e);
      if (end > b + p + 5) return {b + static_cast<uint32_t>(p), end};
    }
    if (size_t at = c.find('@'); at != std::string_view::npos) {
      uint32_t a = b + static_cast<uint32_t>(at);
      uint32_t s = a;
      while (s > b && email_char(text_[s - 1])) --s;
      while (s < a && !is_alpha(text_[s]) && !is_digit(text_[s])) ++s;  // no leading quote or dot
      uint32_t d = a + 1;
      while (d < e && (is_alpha(text_[d]) || is_digit(text_[d]) || text_[d] == '.' || text_[d] == '-')) ++d;
      while (d > a + 1 && (text_[d - 1] == '.' || text_[d - 1] == '-')) --d;
      std::string_view domain(text_.data() + a + 1, d - (a + 1));
      if (!domain.empty() && domain.front() != '.' && domain.find('.') != std::string_view::npos) return {s, d};
    }
    return {};
  }

  // URL detection only looks at chunks up to this size (longer ones are not text).
  static constexpr uint32_t kMaxUrlChunk = 4096;

  void chunk(uint32_t b, uint32_t e) {
    while (e - b >= 5 && e - b <= kMaxUrlChunk && memchr_any(b, e)) {
      Span u = find_url(b, e);
      if (u.empty()) break;
      general(b, u.begin);
      out_.token(u.begin, u.end);
      b = u.end;
    }
    general(b, e);
  }

  // Whether [b, e) has ':' '@' or "www" (cheap pre-test for find_url).
  bool memchr_any(uint32_t b, uint32_t e) const {
    for (uint32_t k = b; k < e; ++k) {
      char c = text_[k];
      if (c == '@' || c == ':' || ((c | 0x20) == 'w' && k + 2 < e && (text_[k + 1] | 0x20) == 'w')) return true;
    }
    return false;
  }

  size_t emoticon_at(uint32_t i, uint32_t e) const {
    static constexpr std::array<std::string_view, 20> kEmoticons = {
        ":-)", ":-(", ";-)", ":-D", ":-P", ":-/", ":'(", ":o)", "^_^", ":)", ":(", ";)", ":D", ":P", ":p",
        ";D",  ":/",  "=)",  "<3",  ":|"};
    std::string_view s(text_.data() + i, e - i);
    for (auto em : kEmoticons) {
      if (s.substr(0, em.size()) != em) continue;
      uint32_t after = i + static_cast<uint32_t>(em.size());
      if (after < e && word_at(after, e)) continue;
      if (em == ":/" && s.size() > 2 && s[2] == '/') continue;  // http://
      return em.size();
    }
    return 0;
  }

  // Length of "[letters]" at i (up to 12 letters), else 0.
  uint32_t bracket_group(uint32_t i, uint32_t e) const {
    uint32_t k = i + 1;
    while (k < e && k - i <= 12 && is_alpha(text_[k])) ++k;
    return k > i + 1 && k < e && text_[k] == ']' ? k + 1 - i : 0;
  }

  // Length of . ! ? or … at i, else 0.
  size_t terminal_at(uint32_t i, uint32_t e) const {
    if (i >= e) return 0;
    char c = text_[i];
    if (c == '.' || c == '!' || c == '?') return 1;
    if (i + 3 <= e && std::string_view(text_.data() + i, 3) == "\xE2\x80\xA6") return 3;
    return 0;
  }

  // Length of ' ` ‘ ’ at i, else 0.
  size_t quote_char_at(uint32_t i, uint32_t e) const {
    if (i >= e) return 0;
    if (text_[i] == '\'' || text_[i] == '`') return 1;
    if (i + 3 <= e && (std::string_view(text_.data() + i, 3) == "\xE2\x80\x98" ||
                       std::string_view(text_.data() + i, 3) == "\xE2\x80\x99"))
      return 3;
    return 0;
  }

  // Tokens of [b, e), a run of text without white space.
  void general(uint32_t b, uint32_t e) {
    uint32_t i = b;
    while (i < e) {
      uint32_t len;
      CharClass c = cls_at(i, &len);
      if (is_word_class(c)) {
        i = word(i, e, b);
        continue;
      }
      char ch = text_[i];
      if (ch == '[') {
        uint32_t g = bracket_group(i, e);
        if (g && i + g < e && word_at(i + g, e)) {
          i = word(i, e, b);
          continue;
        }
      }
      if (ch == ':' || ch == ';' || ch == '=' || ch == '<' || ch == '^') {
        if (size_t n = emoticon_at(i, e)) {
          out_.token(i, i + static_cast<uint32_t>(n));
          i += static_cast<uint32_t>(n);
          continue;
        }
      }
      // Final punctuation runs (... ?! .? …. !!!) are one token.
      if (size_t n = terminal_at(i, e)) {
        uint32_t j = i + static_cast<uint32_t>(n);
        if (ch == '.' && j < e && text_[j] == '.') {  // a run of periods stands alone: ... ?
          while (j < e && text_[j] == '.') ++j;
          out_.token(i, j);
          i = j;
          continue;
        }
        while (size_t m = terminal_at(j, e)) j += static_cast<uint32_t>(m);
        out_.token(i, j);
        i = j;
        continue;
      }
      // Hashtags and handles: #floods @agency.
      if ((ch == '#' || ch == '@') && i + 1 < e && is_alpha(text_[i + 1])) {
        uint32_t j = i + 1;
        while (j < e && (is_alpha(text_[j]) || is_digit(text_[j]) || text_[j] == '_')) ++j;
        out_.token(i, j);
        i = j;
        continue;
      }
      if (len == 1 && (ch == '-' || ch == '*' || ch == '=' || ch == '<' || ch == '>' || ch == '~' || ch == '#' ||
                       ch == '+' || ch == '/' || ch == '|' || ch == '$' || ch == '\\')) {
        uint32_t j = i + 1;
        bool rule = ch == '-' || ch == '=';  // ----== is one rule
        while (j < e && (text_[j] == ch || (rule && (text_[j] == '-' || text_[j] == '=')))) ++j;
        out_.token(i, j);
        i = j;
        continue;
      }
      // A lone 's (after white space).
      if (size_t a = apostrophe_at(text_, i); a && i + a < e && (text_[i + a] == 's' || text_[i + a] == 'S') &&
                                              !word_at(i + static_cast<uint32_t>(a) + 1, e)) {
        out_.token(i, i + static_cast<uint32_t>(a) + 1);
        i += static_cast<uint32_t>(a) + 1;
        continue;
      }
      // Doubled quotes: '' ’’ ‘’ ``.
      if (size_t a = quote_char_at(i, e)) {
        if (size_t b2 = quote_char_at(i + static_cast<uint32_t>(a), e)) {
          out_.token(i, i + static_cast<uint32_t>(a + b2));
          i += static_cast<uint32_t>(a + b2);
          continue;
        }
      }
      // A two-digit year after an apostrophe: '72, ’90s.
      if (size_t a = apostrophe_at(text_, i); a && i + a + 1 < e && is_digit(text_[i + a]) &&
                                              is_digit(text_[i + a + 1]) && (i + a + 2 >= e || !is_digit(text_[i + a + 2]))) {
        uint32_t j = i + static_cast<uint32_t>(a) + 2;
        if (j < e && text_[j] == 's') ++j;
        out_.token(i, j);
        i = j;
        continue;
      }
      out_.token(i, i + len);
      i += len;
    }
  }

  // Shorthands with a slash: b/c w/o w/ (at i, not followed by a letter).
  uint32_t slash_shorthand(uint32_t i, uint32_t e) const {
    if (i + 1 >= e || text_[i + 1] != '/') return 0;
    char c = lower(text_[i]);
    if (c == 'w' && (i + 2 >= e || !word_at(i + 2, e))) return 2;
    if (i + 2 < e && (i + 3 >= e || !word_at(i + 3, e)) &&
        ((c == 'b' && lower(text_[i + 2]) == 'c') || (c == 'w' && lower(text_[i + 2]) == 'o')))
      return 3;
    return 0;
  }

  // Scans a word from i (a letter or digit) within the chunk [chunk_b, e);
  // emits it (and its hyphen parts) and returns where it ended.
  uint32_t word(uint32_t i, uint32_t e, uint32_t chunk_b) {
    if (i == chunk_b || !word_at(i - 1, e)) {
      if (uint32_t n = slash_shorthand(i, e)) {
        out_.token(i, i + n);
        return i + n;
      }
    }
    uint32_t j = i;
    CharClass last = CharClass::kLetter;
    bool has_hyphen = false;
    bool apos = false;
    while (j < e) {
      // An editorial insertion inside a word stays in it: [g]rateful, grate[ful].
      if (text_[j] == '[') {
        uint32_t g = bracket_group(j, e);
        if (g && ((j + g < e && word_at(j + g, e)) || j > i)) {
          j += g;
          last = CharClass::kLetter;
          continue;
        }
      }
      uint32_t len;
      CharClass c = cls_at(j, &len);
      if (is_word_class(c)) {
        last = c;
        j += len;
        continue;
      }
      uint32_t after = j + len;
      uint32_t nlen = 0;
      CharClass next = after < e ? cls_at(after, &nlen) : CharClass::kSpace;
      if (!is_word_class(next)) break;
      char ch = text_[j];
      bool join = false;
      if (len == 1) {
        switch (ch) {
          case '.': join = true; break;
          case ',':
          case ':': join = last == CharClass::kDigit && next == CharClass::kDigit; break;
          case '/':
            // Dates and 9/11 stay; 1 / 2 splits.
            join = last == CharClass::kDigit && next == CharClass::kDigit &&
                   !(j - i == 1 && (after + 1 >= e || (!is_digit(text_[after + 1]) && text_[after + 1] != '/')));
            break;
          case '@': join = true; break;
          case '\'':
          case '`':
            join = next == CharClass::kLetter &&
                   (last == CharClass::kLetter || (text_[after] == 's' && !word_at(after + 1, e)));
            apos |= join;
            break;
          case '-': join = true; has_hyphen = true; break;
          case '&': join = last == CharClass::kLetter && next == CharClass::kLetter && j > i &&
                           (text_[j - 1] >= 'A' && text_[j - 1] <= 'Z') && (text_[after] >= 'A' && text_[after] <= 'Z');
            break;
          default: break;
        }
      } else if (apostrophe_at(text_, j) == 3) {
        join = last == CharClass::kLetter && next == CharClass::kLetter;
        apos |= join;
      }
      if (!join) break;
      j = after;
      last = next;
    }
    // A final period kept by abbreviations; a final apostrophe by plural possessives.
    bool two_periods = j + 1 < e && text_[j + 1] == '.' && !(j + 2 < e && text_[j + 2] == '.');
    if (j < e && text_[j] == '.' && (!(j + 1 < e && text_[j + 1] == '.') || two_periods) && keeps_period(i, j)) {
      ++j;
    } else if (size_t alen = apostrophe_at(text_, j); alen && j < e && (text_[j - 1] == 's' || text_[j - 1] == 'S') &&
               !apostrophe_at(text_, chunk_b) && !(j + alen < e && word_at(j + static_cast<uint32_t>(alen), e))) {
      j += static_cast<uint32_t>(alen);
      apos = true;
    }
    if (has_hyphen) {
      hyphenated(i, j, apos);
    } else if (uint32_t u = unit_start(i, j)) {
      out_.word(i, u, false);
      out_.word(u, j, false);
    } else {
      out_.word(i, j, apos);
    }
    return j;
  }

  // Where a unit starts in a number glued to it (7:30PM 5kg 10k), else 0.
  uint32_t unit_start(uint32_t b, uint32_t e) const {
    if (!is_digit(text_[b])) return 0;
    uint32_t k = b;
    while (k < e && (is_digit(text_[k]) || text_[k] == '.' || text_[k] == ',' || text_[k] == ':')) ++k;
    if (k == e || !is_alpha(text_[k]) || !is_digit(text_[k - 1])) return 0;
    static constexpr std::array<std::string_view, 22> kUnits = {"am", "pm", "AM", "PM", "k",  "K",  "m",  "M",
                                                                "mm", "cm", "km", "kg", "lb", "lbs", "ft", "ml",
                                                                "oz", "mph", "bn", "mn", "GB", "MB"};
    std::string_view unit(text_.data() + k, e - k);
    for (auto u : kUnits)
      if (unit == u) return k;
    return 0;
  }

  // Whether the word [b, e) followed by '.' keeps it: initials, U.S., Mr.
  bool keeps_period(uint32_t b, uint32_t e) const {
    std::string_view w(text_.data() + b, e - b);
    if (size_t h = w.rfind('-'); h != std::string_view::npos) w.remove_prefix(h + 1);  // D-Mass.
    if (w.empty()) return false;
    if (w.size() == 1) return w[0] >= 'A' && w[0] <= 'Z';
    bool title;
    if (is_abbreviation(w, &title)) return true;
    // Letter groups of one or two separated by periods: U.S, e.g, a.k.a, Ph.D
    if (w.find('.') == std::string_view::npos) return false;
    size_t run = 0;
    for (char c : w) {
      if (c == '.') {
        if (run == 0) return false;
        run = 0;
      } else if (is_alpha(c)) {
        if (++run > 2) return false;
      } else {
        return false;
      }
    }
    return run > 0;
  }

  // A word with inner hyphens: split at each hyphen except after kept prefixes
  // and inside phone numbers and dates (713-853-3989, 2022-03-02).
  void hyphenated(uint32_t b, uint32_t e, bool apos) {
    std::string_view w(text_.data() + b, e - b);
    // Numbers: every hyphen between digits and at least two of them, or ddd-dddd.
    size_t hyphens = 0;
    bool all_digit_hyphens = true;
    for (size_t k = 0; k < w.size(); ++k)
      if (w[k] == '-') {
        ++hyphens;
        if (k == 0 || k + 1 >= w.size() || !is_digit(w[k - 1]) || !is_digit(w[k + 1])) all_digit_hyphens = false;
      }
    if (all_digit_hyphens) {
      bool keep = hyphens >= 2;
      if (hyphens == 1) {
        size_t h = w.find('-');
        size_t left = 0, right = 0;
        while (left < h && is_digit(w[h - 1 - left])) ++left;
        while (h + 1 + right < w.size() && is_digit(w[h + 1 + right])) ++right;
        keep = left >= 1 && left <= 3 && right == 4 && h + 1 + right == w.size() && left == h;
      }
      if (keep) return out_.word(b, e, apos);
    }
    uint32_t part = b;
    for (uint32_t k = b; k < e; ++k) {
      if (text_[k] != '-') continue;
      if (is_kept_prefix(std::string_view(text_.data() + part, k - part)) && part == b) continue;
      out_.word(part, k, apos);
      out_.token(k, k + 1);
      part = k + 1;
    }
    out_.word(part, e, apos);
  }

  const std::string& text_;
  Emitter out_;
};

}  // namespace

// Prefixes EWT keeps attached by their hyphen (e-mail, co-workers, non-stop ...).
bool is_kept_prefix(std::string_view part) {
  static constexpr std::array<std::string_view, 31> kPrefixes = {"vice",
      "e",     "co",    "pre",   "post",  "non",   "re",    "anti",   "mid",    "ex",    "sub",
      "semi",  "multi", "pro",   "over",  "neo",   "counter", "socio", "psycho", "arch", "inter",
      "intra", "ultra", "micro", "macro", "mega",  "pseudo", "quasi", "trans",  "cross", "bi"};
  if (part.size() > 7) return false;
  for (auto p : kPrefixes)
    if (lower_equals(part, p)) return true;
  return false;
}

Tokenizer::Tokenizer() = default;
Tokenizer::Tokenizer(std::shared_ptr<const SentenceModel> model) : model_(std::move(model)) {}

Result<Tokenizer> Tokenizer::load(const std::string& path) {
  SITREP_ASSIGN_OR_RETURN(auto model, SentenceModel::load(path));
  return Tokenizer(std::move(model));
}

Result<Tokenizer> Tokenizer::load_default() {
  SITREP_ASSIGN_OR_RETURN(std::string path, locate(Shipped::kModels, "sentences.bin"));
  return load(path);
}

void Tokenizer::tokenize_span(Document& doc, Span span) {
  BlockTokenizer bt(doc);
  bt.run(span.begin, std::min<uint32_t>(span.end, static_cast<uint32_t>(doc.text.size())));
}

void Tokenizer::process(Document& doc) const {
  doc.tokens.reserve(doc.tokens.size() + doc.text.size() / 5 + 16);
  doc.words.reserve(doc.words.size() + doc.text.size() / 5 + 16);
  SentenceScratch scratch;
  BlockTokenizer bt(doc);
  for (uint32_t b = 0; b < doc.blocks.size(); ++b) {
    const Block& block = doc.blocks[b];
    if (block.kind != BlockKind::kNews && block.kind != BlockKind::kTitle) continue;
    uint32_t first = static_cast<uint32_t>(doc.tokens.size());
    uint32_t end = std::min<uint32_t>(block.span.end, static_cast<uint32_t>(doc.text.size()));
    if (block.span.begin >= end) continue;
    bt.run(block.span.begin, end);
    uint32_t last = static_cast<uint32_t>(doc.tokens.size());
    if (last == first) continue;
    doc.tokens[last - 1].space_after = true;
    if (block.kind == BlockKind::kTitle) {
      title_sentences(doc, b, first, last, &scratch);
    } else {
      split_sentences(doc, b, first, last, model_.get(), &scratch);
    }
  }
  if (scratch.cut > 0)
    doc.warnings.push_back(fmt::format("{} over-long sentence{} cut at {} tokens", scratch.cut,
                                       scratch.cut == 1 ? "" : "s", kMaxSentenceTokens));
}

}  // namespace sitrep::text
