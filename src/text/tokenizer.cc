// Rule tokenizer following UD English EWT; see docs/tokenizer.md for the rules.
#include "text/tokenizer.h"

#include <unistd.h>
#include <utf8proc.h>

#include <array>
#include <cstring>
#include <filesystem>

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

// Prefixes EWT keeps attached by their hyphen (e-mail, co-workers, non-stop ...).
bool is_kept_prefix(std::string_view part) {
  static constexpr std::array<std::string_view, 30> kPrefixes = {
      "e",     "co",    "pre",   "post",  "non",   "re",    "anti",   "mid",    "ex",    "sub",
      "semi",  "multi", "pro",   "over",  "neo",   "counter", "socio", "psycho", "arch", "inter",
      "intra", "ultra", "micro", "macro", "mega",  "pseudo", "quasi", "trans",  "cross", "bi"};
  if (part.size() > 7) return false;
  for (auto p : kPrefixes)
    if (lower_equals(part, p)) return true;
  return false;
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
  if (s[i] == '\'' || s[i] == '`') return 1;
  if (s.compare(i, 3, "\xE2\x80\x99") == 0) return 3;
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
  void word(uint32_t b, uint32_t e) {
    std::string_view s(text_.data() + b, e - b);
    // The last apostrophe followed by a known clitic.
    for (size_t a = s.size(); a-- > 1;) {
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
    // Plural possessives: parents' = parents + '.
    if (s.size() >= 3) {
      size_t alen = s.back() == '\'' ? 1 : (s.size() >= 4 && s.compare(s.size() - 3, 3, "\xE2\x80\x99") == 0 ? 3 : 0);
      if (alen && is_alpha(s[s.size() - alen - 1])) return token2(b, e, e - static_cast<uint32_t>(alen));
    }
    if (s.size() >= 2 && s.size() <= 8) {
      for (const auto& f : kFused)
        if (lower_equals(s, f.word)) {
          // "Im" and "im" yes, "IM" (instant message) no; "Cant" yes.
          if (f.word == "im" && s[1] == 'M') break;
          return token2(b, e, b + f.cut);
        }
    }
    token(b, e);
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

  // A URL or an e-mail address: [b, e) after leading and trailing punctuation.
  bool url_like(uint32_t b, uint32_t e) const {
    std::string_view s(text_.data() + b, e - b);
    if (s.size() < 5) return false;
    if (s.find("://") != std::string_view::npos || lower_equals(s.substr(0, 4), "www.")) return true;
    size_t at = s.find('@');
    if (at != std::string_view::npos && at > 0 && at + 1 < s.size() && s.find('.', at) != std::string_view::npos &&
        word_at(b + static_cast<uint32_t>(at) + 1, e))
      return true;
    return false;
  }

  static bool url_lead(char c) { return c == '(' || c == '"' || c == '\'' || c == '<' || c == '[' || c == '{'; }
  static bool url_trail(char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == '"' ||
           c == '\'' || c == '>' || c == ']' || c == '}';
  }

  void chunk(uint32_t b, uint32_t e) {
    if (e - b >= 5 && memchr_any(b, e)) {
      uint32_t ub = b, ue = e;
      while (ub < ue && url_lead(text_[ub])) ++ub;
      while (ue > ub && url_trail(text_[ue - 1])) --ue;
      if (url_like(ub, ue)) {
        general(b, ub);
        out_.token(ub, ue);
        general(ue, e);
        return;
      }
    }
    general(b, e);
  }

  // Whether [b, e) has ':' '@' or "www" (cheap pre-test for url_like).
  bool memchr_any(uint32_t b, uint32_t e) const {
    const char* p = text_.data() + b;
    size_t n = e - b;
    return std::memchr(p, '@', n) || std::memchr(p, ':', n) || std::memchr(p, 'w', n) || std::memchr(p, 'W', n);
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
      if (len == 1 && (ch == '-' || ch == '*' || ch == '=' || ch == '<' || ch == '>' || ch == '~' || ch == '#' ||
                       ch == '+' || ch == '/' || ch == '|')) {
        uint32_t j = i + 1;
        while (j < e && text_[j] == ch) ++j;
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

  // Scans a word from i (a letter or digit) within the chunk [chunk_b, e);
  // emits it (and its hyphen parts) and returns where it ended.
  uint32_t word(uint32_t i, uint32_t e, uint32_t chunk_b) {
    uint32_t j = i;
    CharClass last = CharClass::kLetter;
    bool has_hyphen = false;
    while (j < e) {
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
                   !(j - i == 1 && (after + 1 >= e || !is_digit(text_[after + 1])));
            break;
          case '@': join = true; break;
          case '\'':
          case '`':
            join = next == CharClass::kLetter &&
                   (last == CharClass::kLetter || (text_[after] == 's' && !word_at(after + 1, e)));
            break;
          case '-': join = true; has_hyphen = true; break;
          case '&': join = last == CharClass::kLetter && next == CharClass::kLetter && j > i &&
                           (text_[j - 1] >= 'A' && text_[j - 1] <= 'Z') && (text_[after] >= 'A' && text_[after] <= 'Z');
            break;
          default: break;
        }
      } else if (apostrophe_at(text_, j) == 3) {
        join = last == CharClass::kLetter && next == CharClass::kLetter;
      }
      if (!join) break;
      j = after;
      last = next;
    }
    // A final period kept by abbreviations; a final apostrophe by plural possessives.
    if (j < e && text_[j] == '.' && !(j + 1 < e && text_[j + 1] == '.') && keeps_period(i, j)) {
      ++j;
    } else if (size_t alen = apostrophe_at(text_, j); alen && j < e && (text_[j - 1] == 's' || text_[j - 1] == 'S') &&
               !apostrophe_at(text_, chunk_b) && !(j + alen < e && word_at(j + static_cast<uint32_t>(alen), e))) {
      j += static_cast<uint32_t>(alen);
    }
    if (has_hyphen) {
      hyphenated(i, j);
    } else if (uint32_t u = unit_start(i, j)) {
      out_.word(i, u);
      out_.word(u, j);
    } else {
      out_.word(i, j);
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
  void hyphenated(uint32_t b, uint32_t e) {
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
        keep = left == 3 && right == 4 && h + 1 + right == w.size() && left == h;
      }
      if (keep) return out_.word(b, e);
    }
    uint32_t part = b;
    for (uint32_t k = b; k < e; ++k) {
      if (text_[k] != '-') continue;
      if (is_kept_prefix(std::string_view(text_.data() + part, k - part)) && part == b) continue;
      out_.word(part, k);
      out_.token(k, k + 1);
      part = k + 1;
    }
    out_.word(part, e);
  }

  const std::string& text_;
  Emitter out_;
};

std::string exe_dir() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n <= 0) return "";
  return std::filesystem::path(std::string(buf, static_cast<size_t>(n))).parent_path().string();
}

}  // namespace

Tokenizer::Tokenizer() = default;
Tokenizer::Tokenizer(std::shared_ptr<const SentenceModel> model) : model_(std::move(model)) {}

std::string Tokenizer::find_model(const std::string& name) {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("SITREP_MODELS")) dirs.push_back(env);
#ifdef SITREP_SOURCE_DIR
  dirs.push_back(std::string(SITREP_SOURCE_DIR) + "/models");
#endif
  std::string exe = exe_dir();
  if (!exe.empty()) {
    dirs.push_back(exe + "/models");
    dirs.push_back(exe + "/../models");
    dirs.push_back(exe + "/../share/sitrep/models");
  }
  std::error_code ec;
  for (const auto& d : dirs) {
    std::string p = d + "/" + name;
    if (std::filesystem::is_regular_file(p, ec)) return p;
  }
  return "";
}

Result<Tokenizer> Tokenizer::load(const std::string& path) {
  auto model = SentenceModel::load(path);
  if (!model.ok()) return model.status();
  return Tokenizer(std::move(model).value());
}

Result<Tokenizer> Tokenizer::load_default() {
  std::string path = find_model("sentences.bin");
  if (path.empty())
    return Status::Error(
        "models/sentences.bin not found (looked in $SITREP_MODELS, the source tree's models/ and models/ next to "
        "the executable)");
  return load(path);
}

void Tokenizer::tokenize_span(Document& doc, Span span) {
  BlockTokenizer bt(doc);
  bt.run(span.begin, std::min<uint32_t>(span.end, static_cast<uint32_t>(doc.text.size())));
}

void Tokenizer::process(Document& doc) const {
  doc.tokens.reserve(doc.tokens.size() + doc.text.size() / 4 + 16);
  doc.words.reserve(doc.words.size() + doc.text.size() / 4 + 16);
  std::vector<TokenFacts> scratch;
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
      Sentence s;
      s.span = {doc.tokens[first].span.begin, doc.tokens[last - 1].span.end};
      s.first_token = first;
      s.token_count = last - first;
      s.first_word = doc.tokens[first].first_word;
      s.word_count = static_cast<uint32_t>(doc.words.size()) - s.first_word;
      s.block = b;
      doc.sentences.push_back(s);
    } else {
      split_sentences(doc, b, first, last, model_.get(), &scratch);
    }
  }
}

}  // namespace sitrep::text
