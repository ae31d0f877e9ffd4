#include "text/text_util.h"

#include <algorithm>
#include <array>

#include <utf8proc.h>

namespace sitrep::text {
namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

bool is_word_char(unsigned char c) { return (c >= '0' && c <= '9') || static_cast<unsigned>((c | 0x20) - 'a') < 26u || c >= 0x80; }

// Decodes the code point starting at s[i] (valid UTF-8 assumed); sets *len.
uint32_t code_point_at(std::string_view s, size_t i, size_t* len) {
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  *len = n > 0 ? static_cast<size_t>(n) : 1;
  return n > 0 ? static_cast<uint32_t>(cp) : 0xFFFD;
}

// Short words that stay lower case in a title-case headline.
bool is_title_function_word(std::string_view w) {
  static constexpr std::array<std::string_view, 24> kWords = {
      "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "but", "or",
      "nor", "as", "by", "with", "from", "into", "over", "up", "vs", "via", "amid", "after"};
  std::string lower = ascii_lower(w);
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

// The word without leading and trailing punctuation (ASCII and typographic quotes).
std::string_view strip_punct(std::string_view w) {
  auto is_punct_byte = [](unsigned char c) { return c < 0x80 && !is_word_char(c); };
  while (!w.empty() && is_punct_byte(static_cast<unsigned char>(w.front()))) w.remove_prefix(1);
  while (!w.empty() && is_punct_byte(static_cast<unsigned char>(w.back()))) w.remove_suffix(1);
  for (std::string_view q : {"\xE2\x80\x9C", "\xE2\x80\x98"})  // “ ‘
    if (w.starts_with(q)) w.remove_prefix(q.size());
  for (std::string_view q : {"\xE2\x80\x9D", "\xE2\x80\x99"})  // ” ’
    if (w.ends_with(q)) w.remove_suffix(q.size());
  return w;
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (true) {
    if (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
    else if (s.starts_with(kNoBreakSpace)) s.remove_prefix(kNoBreakSpace.size());
    else break;
  }
  while (true) {
    if (!s.empty() && (is_ascii_space(s.back()) || s.back() == '\r')) s.remove_suffix(1);
    else if (s.ends_with(kNoBreakSpace)) s.remove_suffix(kNoBreakSpace.size());
    else break;
  }
  return s;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)  // branch-free so that it vectorises
    c = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26u ? 32 : 0));
  return out;
}

bool starts_with_phrase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[i]) return false;
  }
  if (s.size() == prefix.size() || !is_word_char(static_cast<unsigned char>(prefix.back()))) return true;
  return !is_word_char(static_cast<unsigned char>(s[prefix.size()]));
}

bool contains_phrase(std::string_view lower, std::string_view phrase) {
  for (size_t at = lower.find(phrase); at != std::string_view::npos; at = lower.find(phrase, at + 1)) {
    bool left_ok = at == 0 || !is_word_char(static_cast<unsigned char>(lower[at - 1])) ||
                   !is_word_char(static_cast<unsigned char>(phrase.front()));
    if (left_ok && starts_with_phrase(lower.substr(at), phrase)) return true;
  }
  return false;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && !is_ascii_space(s[i])) ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (size_t pos = 0;;) {
    size_t e = s.find(sep, pos);
    out.push_back(s.substr(pos, e == std::string_view::npos ? std::string_view::npos : e - pos));
    if (e == std::string_view::npos) return out;
    pos = e + 1;
  }
}

size_t count_words(std::string_view s, size_t limit) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = is_ascii_space(c);
    if (!space && !in_word && ++n > limit) return n;
    in_word = !space;
  }
  return n;
}

std::string_view last_word(std::string_view s) {
  s = trim(s);
  size_t i = s.size();
  while (i > 0 && !is_ascii_space(s[i - 1])) --i;
  return s.substr(i);
}

WordCase word_case(std::string_view word) {
  int letters = 0, upper = 0, lower = 0;
  bool first_upper = false;
  for (size_t i = 0, len = 1; i < word.size(); i += len) {
    uint32_t cp = code_point_at(word, i, &len);
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    bool is_up = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
    bool is_low = cat == UTF8PROC_CATEGORY_LL;
    if (!is_up && !is_low && cat != UTF8PROC_CATEGORY_LO) continue;
    if (letters++ == 0) first_upper = is_up;
    upper += is_up;
    lower += is_low;
  }
  if (letters == 0) return WordCase::kNone;
  if (letters >= 2 && lower == 0 && upper > 0) return WordCase::kAllCaps;
  if (first_upper) return WordCase::kCapitalized;
  return WordCase::kLower;
}

std::string_view last_significant_char(std::string_view s) {
  s = trim(s);
  static constexpr std::array<std::string_view, 6> kClosers = {
      "\xE2\x80\x9D", "\xE2\x80\x99", "\"", "'", ")", "]"};
  bool again = true;
  while (again && !s.empty()) {
    again = false;
    for (std::string_view c : kClosers)
      if (s.ends_with(c)) {
        s.remove_suffix(c.size());
        again = true;
      }
  }
  if (s.empty()) return s;
  size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return s.substr(start);
}

bool ends_sentence(std::string_view s) {
  std::string_view last = last_significant_char(s);
  return last == "." || last == "!" || last == "?" || last == "\xE2\x80\xA6";
}

bool looks_like_headline(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.size() >= 200) return false;
  size_t words = count_words(line, 20);
  if (words == 0 || words >= 20) return false;
  std::string_view last = last_significant_char(line);
  if (last == "." || last == "," || last == ":" || last == ";" || last == "\xE2\x80\xA6") return false;
  std::string_view first_word = line.substr(0, line.find_first_of(" \t\n"));
  std::string_view core = strip_punct(first_word);
  if (core.empty()) return false;
  unsigned char c0 = static_cast<unsigned char>(core.front());
  if (c0 >= '0' && c0 <= '9') return true;
  return word_case(core) == WordCase::kCapitalized || word_case(core) == WordCase::kAllCaps;
}

bool is_title_case(std::string_view line) {
  int counted = 0, capitalized = 0;
  for (std::string_view w : split_words(line)) {
    std::string_view core = strip_punct(w);
    if (core.empty() || is_title_function_word(core)) continue;
    WordCase wc = word_case(core);
    if (wc == WordCase::kNone) continue;
    ++counted;
    capitalized += wc == WordCase::kCapitalized || wc == WordCase::kAllCaps;
  }
  return counted >= 2 && capitalized * 4 >= counted * 3;
}

bool starts_like_new_block(std::string_view line) {
  line = trim(line);
  if (line.empty()) return false;
  for (std::string_view opener : {"\xE2\x80\x9C", "\xE2\x80\x98", "\"", "'", "\xE2\x80\xA2", "-", "\xE2\x80\x94", "(", "\xC2\xA9"})
    if (line.starts_with(opener)) return true;
  unsigned char c = static_cast<unsigned char>(line.front());
  if (c >= '0' && c <= '9') return true;
  size_t first_end = line.find_first_of(" \t\n");
  WordCase wc = word_case(line.substr(0, first_end));
  return wc == WordCase::kCapitalized || wc == WordCase::kAllCaps;
}

namespace {
bool iequal_lower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if ((word[i] >= 'A' && word[i] <= 'Z' ? static_cast<char>(word[i] | 0x20) : word[i]) != lower[i]) return false;
  return true;
}
}  // namespace

int weekday_number(std::string_view word) {
  for (int d = 0; d < 7; ++d)
    if (iequal_lower(word, kWeekdayNames[d])) return d;
  return -1;
}

bool is_part_of_day(std::string_view word) {
  for (std::string_view p : kPartsOfDay)
    if (iequal_lower(word, p)) return true;
  return false;
}

int month_number(std::string_view word) {
  for (int m = 0; m < 12; ++m)
    if (iequal_lower(word, kMonthNames[m])) return m + 1;
  return 0;
}

}  // namespace sitrep::text
