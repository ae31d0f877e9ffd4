#include "io/dates.h"

#include <array>

#include "text/text_util.h"

namespace sitrep::io {
namespace {

// A cursor over the input; every reader method consumes only on success.
struct Cursor {
  std::string_view s;
  size_t pos = 0;

  bool at_end() const { return pos >= s.size(); }
  char peek() const { return at_end() ? '\0' : s[pos]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos;
    return true;
  }
  void skip_spaces() {
    while (peek() == ' ' || peek() == '\t') ++pos;
  }
  // Up to max_digits digits (at least min_digits) as a number.
  std::optional<int> number(int min_digits, int max_digits) {
    size_t start = pos;
    int value = 0;
    while (pos - start < static_cast<size_t>(max_digits) && peek() >= '0' && peek() <= '9')
      value = value * 10 + (s[pos++] - '0');
    if (pos - start < static_cast<size_t>(min_digits)) {
      pos = start;
      return std::nullopt;
    }
    if (peek() >= '0' && peek() <= '9') {  // more digits than allowed: not this field
      pos = start;
      return std::nullopt;
    }
    return value;
  }
  std::string_view letters() {
    size_t start = pos;
    while ((peek() | 0x20) >= 'a' && (peek() | 0x20) <= 'z') ++pos;
    return s.substr(start, pos - start);
  }
};


// "March", "Mar", "Mar.", "Sept." -> 1..12, or 0.
int month_from_word(Cursor& c) {
  size_t start = c.pos;
  std::string word = text::ascii_lower(c.letters());
  if (word.size() >= 3) {
    for (size_t m = 0; m < std::size(text::kMonthNames); ++m) {
      bool full = word == text::kMonthNames[m];
      bool abbrev = word.size() <= 4 && text::kMonthNames[m].starts_with(word);
      if (full || abbrev) {
        if (!full) c.eat('.');
        return static_cast<int>(m + 1);
      }
    }
  }
  c.pos = start;
  return 0;
}

// "Wednesday, ", "Wed. ", "Wed " before a date.
void skip_weekday(Cursor& c) {
  size_t start = c.pos;
  std::string word = text::ascii_lower(c.letters());
  bool weekday = false;
  for (std::string_view d : text::kWeekdayNames) weekday |= word.size() >= 3 && d.starts_with(word) && (word.size() == 3 || word == d);
  if (!weekday) {
    c.pos = start;
    return;
  }
  c.eat('.');
  c.eat(',');
  c.skip_spaces();
}

// "2nd", "3rd", "21st", "4th" after a day number.
void skip_ordinal_suffix(Cursor& c) {
  size_t start = c.pos;
  std::string suffix = text::ascii_lower(c.letters());
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") c.pos = start;
}

// Dates in news text: on the calendar, and in years 1900..2199.
bool valid(int y, int m, int d) { return y >= 1900 && y <= 2199 && Date::exists(y, m, d); }

// 2022-03-02, 2022/03/02, 2022.03.02
std::optional<Date> numeric_date(Cursor& c) {
  size_t start = c.pos;
  auto y = c.number(4, 4);
  char sep = c.peek();
  if (y && (sep == '-' || sep == '/' || sep == '.') && c.eat(sep)) {
    auto m = c.number(1, 2);
    if (m && c.eat(sep)) {
      auto d = c.number(1, 2);
      if (d && valid(*y, *m, *d)) return Date{static_cast<int16_t>(*y), static_cast<uint8_t>(*m), static_cast<uint8_t>(*d)};
    }
  }
  c.pos = start;
  return std::nullopt;
}

// March 2, 2022 / Mar. 2 2022 / March 2nd, 2022
std::optional<Date> month_first_date(Cursor& c) {
  size_t start = c.pos;
  int m = month_from_word(c);
  c.skip_spaces();
  auto d = m ? c.number(1, 2) : std::nullopt;
  if (d) {
    skip_ordinal_suffix(c);
    c.eat(',');
    c.skip_spaces();
    auto y = c.number(4, 4);
    if (y && valid(*y, m, *d)) return Date{static_cast<int16_t>(*y), static_cast<uint8_t>(m), static_cast<uint8_t>(*d)};
  }
  c.pos = start;
  return std::nullopt;
}

// 2 March 2022 / 2 Mar. 2022 / 2nd March, 2022
std::optional<Date> day_first_date(Cursor& c) {
  size_t start = c.pos;
  auto d = c.number(1, 2);
  if (d) {
    skip_ordinal_suffix(c);
    c.skip_spaces();
    int m = month_from_word(c);
    c.eat(',');
    c.skip_spaces();
    auto y = m ? c.number(4, 4) : std::nullopt;
    if (y && valid(*y, m, *d)) return Date{static_cast<int16_t>(*y), static_cast<uint8_t>(m), static_cast<uint8_t>(*d)};
  }
  c.pos = start;
  return std::nullopt;
}

// An ISO "T10:30:00Z" / "T10:30:00.000+02:00", or " 10:30[:00] [am|pm] [GMT|UTC|+02:00]".
void skip_time(Cursor& c) {
  if (c.peek() == 'T') {
    size_t start = c.pos++;
    if (!c.number(2, 2)) {
      c.pos = start;
      return;
    }
    while (!c.at_end() && c.peek() != ' ' && c.peek() != '\t' && c.peek() != '\n' && c.peek() != '"') ++c.pos;
    return;
  }
  size_t start = c.pos;
  c.eat(',');
  c.skip_spaces();
  auto h = c.number(1, 2);
  if (!h || !c.eat(':') || !c.number(2, 2)) {
    c.pos = start;
    return;
  }
  if (c.eat(':')) c.number(2, 2);
  size_t after_time = c.pos;
  c.skip_spaces();
  std::string_view zone = c.letters();
  std::string lower = text::ascii_lower(zone);
  bool known = lower == "am" || lower == "pm" || lower == "gmt" || lower == "utc" || lower == "cet" ||
               lower == "est" || lower == "edt" || lower == "bst" || lower == "z";
  if (!known) c.pos = after_time;
}

}  // namespace

std::optional<DateMatch> parse_date_prefix(std::string_view s) {
  Cursor c{s};
  c.skip_spaces();
  skip_weekday(c);
  std::optional<Date> date = numeric_date(c);
  if (!date) date = month_first_date(c);
  if (!date) date = day_first_date(c);
  if (!date) return std::nullopt;
  skip_time(c);
  // The date must end at a word boundary: "2022-03-021" is not a date.
  char next = c.peek();
  if ((next >= '0' && next <= '9') || ((next | 0x20) >= 'a' && (next | 0x20) <= 'z')) return std::nullopt;
  return DateMatch{*date, c.pos};
}

std::optional<Date> parse_date(std::string_view s) {
  s = text::trim(s);
  auto m = parse_date_prefix(s);
  if (!m || text::trim(s.substr(m->length)).size() != 0) return std::nullopt;
  return m->date;
}

}  // namespace sitrep::io
