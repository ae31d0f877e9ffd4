#include "time/time_expressions.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include <fmt/format.h>

#include "text/text_util.h"

#include "core/tagset.h"

namespace sitrep::timex {

// ---- Calendar --------------------------------------------------------------------

// Howard Hinnant's days_from_civil / civil_from_days.
int days_from_civil(Date d) {
  int y = d.year, m = d.month, dd = d.day;
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(int z) {
  z += 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = yoe + era * 400;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp + (mp < 10 ? 3 : -9);
  return Date{static_cast<int16_t>(y + (m <= 2)), static_cast<uint8_t>(m), static_cast<uint8_t>(d)};
}

int weekday_of(Date d) { return ((days_from_civil(d) % 7) + 10) % 7; }  // 1970-01-01 was a Thursday

std::string iso_week(Date d) {
  int days = days_from_civil(d);
  Date thursday = civil_from_days(days - weekday_of(d) + 3);  // the ISO year is the Thursday's
  int jan1 = days_from_civil(Date{thursday.year, 1, 1});
  int week = (days_from_civil(thursday) - jan1) / 7 + 1;
  return fmt::format("{:04d}-W{:02d}", thursday.year, week);
}

namespace {

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

Date make_date(int y, int m, int d) {
  return Date{static_cast<int16_t>(y), static_cast<uint8_t>(m), static_cast<uint8_t>(d)};
}

Date add_days(Date d, int n) { return civil_from_days(days_from_civil(d) + n); }

Date add_months(Date d, int n) {
  int total = d.year * 12 + (d.month - 1) + n;
  int y = total / 12, m = total % 12 + 1;
  return make_date(y, m, std::min<int>(d.day ? d.day : 1, days_in_month(y, m)));
}

// ---- Token classes ----------------------------------------------------------------

enum Word : uint8_t {
  kNone, kLast, kNext, kThis, kPast, kPrevious, kComing, kEarlier, kLater, kEarly, kLate, kMid, kAgo,
  kYesterday, kToday, kTonight, kTomorrow, kMorning, kAfternoon, kEvening, kNight,
  kDay, kWeek, kMonth, kYear, kWeekend, kThe, kFollowing, kWill, kDue, kScheduled,
  kNow, kThan, kSpring, kSummer, kAutumn, kWinter,
  kPrep,  // in, since, until, by, of, during, from, to, before, after, through, between, and, around
  kNumberWord,
};

enum class Unit : uint8_t { kDay, kWeek, kMonth, kYear, kWeekend };

struct Keyword {
  std::string_view text;
  Word word;
  int8_t value = 0;  // number words; units: Unit; plural flag unused
};

constexpr Keyword kKeywords[] = {
    {"last", kLast}, {"next", kNext}, {"this", kThis}, {"past", kPast}, {"previous", kPrevious},
    {"coming", kComing}, {"earlier", kEarlier}, {"later", kLater}, {"early", kEarly}, {"late", kLate},
    {"mid", kMid}, {"ago", kAgo}, {"yesterday", kYesterday}, {"today", kToday}, {"tonight", kTonight},
    {"tomorrow", kTomorrow}, {"morning", kMorning}, {"afternoon", kAfternoon}, {"evening", kEvening},
    {"night", kNight}, {"day", kDay}, {"days", kDay}, {"week", kWeek}, {"weeks", kWeek}, {"month", kMonth},
    {"months", kMonth}, {"year", kYear}, {"years", kYear}, {"weekend", kWeekend}, {"the", kThe},
    {"following", kFollowing}, {"will", kWill}, {"'ll", kWill}, {"\xE2\x80\x99ll", kWill}, {"shall", kWill},
    {"upcoming", kWill}, {"may", kWill}, {"might", kWill}, {"could", kWill}, {"would", kWill}, {"now", kNow}, {"currently", kNow}, {"than", kThan},
    {"spring", kSpring}, {"summer", kSummer}, {"autumn", kAutumn}, {"fall", kAutumn}, {"winter", kWinter}, {"due", kDue}, {"scheduled", kScheduled}, {"in", kPrep}, {"since", kPrep},
    {"until", kPrep}, {"till", kPrep}, {"by", kPrep}, {"of", kPrep}, {"during", kPrep}, {"from", kPrep},
    {"to", kPrep}, {"before", kPrep}, {"after", kPrep}, {"through", kPrep}, {"between", kPrep},
    {"and", kPrep}, {"around", kPrep}, {"a", kNumberWord, 1}, {"an", kNumberWord, 1}, {"one", kNumberWord, 1},
    {"two", kNumberWord, 2}, {"three", kNumberWord, 3}, {"four", kNumberWord, 4}, {"five", kNumberWord, 5},
    {"six", kNumberWord, 6}, {"seven", kNumberWord, 7}, {"eight", kNumberWord, 8}, {"nine", kNumberWord, 9},
    {"ten", kNumberWord, 10}, {"eleven", kNumberWord, 11}, {"twelve", kNumberWord, 12},
    {"thirteen", kNumberWord, 13}, {"fourteen", kNumberWord, 14}, {"fifteen", kNumberWord, 15},
    {"sixteen", kNumberWord, 16}, {"seventeen", kNumberWord, 17}, {"eighteen", kNumberWord, 18},
    {"nineteen", kNumberWord, 19}, {"twenty", kNumberWord, 20},
    {"several", kNumberWord, 3}, {"few", kNumberWord, 3},
};

// Months: full names and abbreviations ("Sept.", "Feb"), 1..12.
// (Full names: text::month_number, text::weekday_number.)
constexpr std::pair<std::string_view, int8_t> kMonthAbbreviations[] = {
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9},
    {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
// Weekdays, 0 = Monday; abbreviations only with their dot (checked below).
constexpr std::pair<std::string_view, int8_t> kWeekdayAbbreviations[] = {
    {"mon", 0}, {"tue", 1}, {"tues", 1}, {"wed", 2}, {"thu", 3}, {"thur", 3}, {"thurs", 3}, {"fri", 4}};

enum class Kind : uint8_t { kOther, kKeyword, kMonth, kWeekday, kDayNumber, kYear, kIso };

// One token, classified.
struct Tok {
  Kind kind = Kind::kOther;
  Word word = kNone;
  int16_t value = 0;  // month 1..12, weekday 0..6, day 1..31, year, number-word value
  bool capital = false;
  bool verb = false;  // tagged VERB or AUX
  bool noun = false;  // tagged NOUN, or not tagged
  bool plural_unit = false;
  bool abbreviation = false;  // a month written short without its dot ("Mar", "Sept")
  Date iso;           // for kIso
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

Tok classify(std::string_view s, uint16_t upos) {
  static const uint16_t kVerb = upos_id("VERB"), kAux = upos_id("AUX"), kNoun = upos_id("NOUN");
  Tok t;
  t.verb = upos != 0 && (upos == kVerb || upos == kAux);
  t.noun = upos == 0 || upos == kNoun;
  if (s.empty() || s.size() > 15) return t;
  // Numbers: days (1..31, "7th"), years (1900..2099), ISO dates.
  if (is_digit(s[0])) {
    size_t n = 0;
    int v = 0;
    while (n < s.size() && is_digit(s[n]) && n < 9) v = v * 10 + (s[n++] - '0');
    std::string_view rest = s.substr(n);
    if (n == 4 && rest.size() == 6 && rest[0] == '-' && is_digit(rest[1]) && is_digit(rest[2]) && rest[3] == '-' &&
        is_digit(rest[4]) && is_digit(rest[5])) {
      int m = (rest[1] - '0') * 10 + (rest[2] - '0'), d = (rest[4] - '0') * 10 + (rest[5] - '0');
      if (v >= 1900 && v <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(v, m)) {
        t.kind = Kind::kIso;
        t.iso = make_date(v, m, d);
      }
      return t;
    }
    if (n == 4 && rest.empty() && v >= 1900 && v <= 2099) {
      t.kind = Kind::kYear;
      t.value = static_cast<int16_t>(v);
    } else if (n <= 2 && v >= 1 && v <= 31) {
      char buf[4] = {};
      for (size_t i = 0; i < rest.size() && i < 3; ++i) buf[i] = static_cast<char>(rest[i] | 0x20);
      std::string_view suf(buf, std::min<size_t>(rest.size(), 3));
      if (rest.empty() || (rest.size() == 2 && (suf == "st" || suf == "nd" || suf == "rd" || suf == "th"))) {
        t.kind = Kind::kDayNumber;
        t.value = static_cast<int16_t>(v);
      }
    }
    return t;
  }
  char buf[16];
  size_t len = s.size();
  bool dot = s.back() == '.';
  if (dot) --len;
  for (size_t i = 0; i < len; ++i) buf[i] = (s[i] >= 'A' && s[i] <= 'Z') ? static_cast<char>(s[i] | 0x20) : s[i];
  std::string_view low(buf, len);
  t.capital = s[0] >= 'A' && s[0] <= 'Z';
  if (t.capital && !dot) {
    if (int m = text::month_number(low); m > 0 && !t.verb)
      return t.kind = Kind::kMonth, t.value = static_cast<int16_t>(m), t;
    // (A month abbreviation without its dot: "Jan", "Sept".)
    for (auto [name, m] : kMonthAbbreviations)
      if (low == name && !t.verb) return t.kind = Kind::kMonth, t.value = m, t.abbreviation = true, t;
    if (int d = text::weekday_number(low); d >= 0) return t.kind = Kind::kWeekday, t.value = static_cast<int16_t>(d), t;
  } else if (t.capital && dot) {
    if (int m = text::month_number(low); m > 0 && low.size() <= 4)
      return t.kind = Kind::kMonth, t.value = static_cast<int16_t>(m), t;
    for (auto [name, m] : kMonthAbbreviations)
      if (low == name) return t.kind = Kind::kMonth, t.value = m, t;
    for (auto [name, d] : kWeekdayAbbreviations)
      if (low == name) return t.kind = Kind::kWeekday, t.value = d, t;
  }
  if (dot) return t;
  for (const Keyword& k : kKeywords) {
    if (low == k.text) {
      t.kind = Kind::kKeyword;
      t.word = k.word;
      t.value = k.value;
      t.plural_unit = low.size() > 1 && low.back() == 's' && k.word >= kDay && k.word <= kYear;
      return t;
    }
  }
  return t;
}

// ---- Matches ------------------------------------------------------------------------

enum class Shape : uint8_t {
  kCalendar,  // year / month / day fields as written (weekday optional)
  kWeekday,   // "last Friday", "on Monday": relative to the document date
  kRelDay,    // yesterday, today, tonight, tomorrow, this morning, last night
  kPeriod,    // this/last/next week|month|year|weekend
  kAgo,       // two days ago
  kLater,     // a month later, the next day: relative to the previous time
  kPresent,   // now, currently: TimeML's PRESENT_REF, dated by the document date
  kSeason,    // last summer: YYYY-SU
};

struct Match {
  uint32_t first = 0, end = 0;  // token range in the sentence's Tok array
  Shape shape = Shape::kCalendar;
  int year = 0, month = 0, day = 0, weekday = -1;
  int shift = 0;  // -1 last, +1 next; days/units for ago/later
  bool year_relative = false;  // "October last year": the year is the document's + year_shift
  int year_shift = 0;
  Unit unit = Unit::kDay;
  const char* part = nullptr;  // "NI", "MO", "AF", "EV"; seasons "SP", "SU", "FA", "WI"
  bool future = false;
};

const char* part_of(Word w) {
  switch (w) {
    case kMorning: return "MO";
    case kAfternoon: return "AF";
    case kEvening: return "EV";
    case kNight: return "NI";
    default: return nullptr;
  }
}

bool unit_of(Word w, Unit& u) {
  switch (w) {
    case kDay: u = Unit::kDay; return true;
    case kWeek: u = Unit::kWeek; return true;
    case kMonth: u = Unit::kMonth; return true;
    case kYear: u = Unit::kYear; return true;
    case kWeekend: u = Unit::kWeekend; return true;
    default: return false;
  }
}

int modifier_shift(Word w) {
  switch (w) {
    case kLast: case kPast: case kPrevious: return -1;
    case kNext: case kComing: case kFollowing: return 1;
    default: return 0;
  }
}

bool is_word(const Tok* t, Word w) { return t && t->kind == Kind::kKeyword && t->word == w; }

// A future verb shortly before the expression ("will meet on Monday").
bool future_before(const std::vector<Tok>& toks, uint32_t i) {
  for (uint32_t k = i, n = 0; k > 0 && n < 8; --k, ++n) {
    const Tok& t = toks[k - 1];
    if (t.kind == Kind::kKeyword && (t.word == kWill || t.word == kDue || t.word == kScheduled || t.word == kNext))
      return true;
  }
  return false;
}

// The longest time expression starting at token i, if any.
bool match_at(const std::vector<Tok>& toks, uint32_t i, Match& m) {
  const uint32_t n = static_cast<uint32_t>(toks.size());
  auto at = [&](uint32_t k) -> const Tok* { return k < n ? &toks[k] : nullptr; };
  auto comma = [&](uint32_t k) { return k < n && toks[k].kind == Kind::kOther && toks[k].value == ','; };
  const Tok& t = toks[i];
  const Tok* prev = i > 0 ? &toks[i - 1] : nullptr;
  m = Match{};
  m.first = i;

  if (t.kind == Kind::kIso) {
    m.year = t.iso.year, m.month = t.iso.month, m.day = t.iso.day, m.end = i + 1;
    return true;
  }
  // month [day][,] [year]
  auto year_after = [&](uint32_t j, Match& out) {  // "... last year", "... this year"
    const Tok* w = at(j);
    if (!w || w->kind != Kind::kKeyword || !(w->word == kLast || w->word == kNext || w->word == kThis || w->word == kPast) ||
        !is_word(at(j + 1), kYear) || at(j + 1)->plural_unit)
      return j;
    out.year_relative = true, out.year_shift = modifier_shift(w->word);
    return j + 2;
  };
  auto month_led = [&](uint32_t k, Match& out) -> bool {
    const Tok* mt = at(k);
    if (!mt || mt->kind != Kind::kMonth) return false;
    out.month = mt->value;
    uint32_t j = k + 1;
    if (const Tok* d = at(j); d && d->kind == Kind::kDayNumber && d->value <= days_in_month(2000, out.month)) {
      out.day = d->value;
      ++j;
      uint32_t y = comma(j) ? j + 1 : j;
      if (const Tok* yt = at(y); yt && yt->kind == Kind::kYear) out.year = yt->value, j = y + 1;
      else j = year_after(j, out);
      out.end = j;
      return true;
    }
    uint32_t y = (comma(j) || is_word(at(j), kPrep)) ? j + 1 : j;
    if (const Tok* yt = at(y); yt && yt->kind == Kind::kYear) {
      out.year = yt->value, out.end = y + 1;
      return true;
    }
    out.end = year_after(j, out);
    return true;  // a bare month: the caller decides
  };
  // [last|next|this] weekday [, month day [, year]] | weekday night
  {
    uint32_t w = i;
    int shift = 0;
    bool modified = false;
    if (t.kind == Kind::kKeyword && (t.word == kLast || t.word == kNext || t.word == kThis || t.word == kComing ||
                                     t.word == kPast)) {
      w = i + 1, shift = modifier_shift(t.word), modified = true;
    }
    if (const Tok* wt = at(w); wt && wt->kind == Kind::kWeekday) {
      Match cal;
      uint32_t k = comma(w + 1) ? w + 2 : w + 1;
      if (month_led(k, cal) && cal.day) {
        m.year = cal.year, m.month = cal.month, m.day = cal.day, m.weekday = wt->value, m.end = cal.end;
        return true;
      }
      m.shape = Shape::kWeekday, m.weekday = wt->value, m.shift = shift, m.end = w + 1;
      if (const Tok* p = at(w + 1); p && p->kind == Kind::kKeyword && part_of(p->word)) m.part = part_of(p->word), ++m.end;
      m.future = t.word == kThis || (!modified && future_before(toks, i));
      return true;
    }
  }
  if (t.kind == Kind::kMonth) {
    if (!month_led(i, m)) return false;
    if (m.day || m.year || m.year_relative) return true;
    // A bare month only after a preposition or time word ("in March", "early May"), and
    // written in full: a short one is a month only with its day or year ("in Mar del Plata").
    bool cue = prev && prev->kind == Kind::kKeyword &&
               (prev->word == kPrep || prev->word == kEarly || prev->word == kLate || prev->word == kMid);
    if (!cue || t.abbreviation || (t.value == 5 && !t.capital)) return false;
    if (prev->word == kPrep) m.future = future_before(toks, i);
    return true;
  }
  if (t.kind == Kind::kDayNumber) {  // 1 March [2022]
    const Tok* mt = at(i + 1);
    if (!mt || mt->kind != Kind::kMonth || t.value > days_in_month(2000, mt->value)) return false;
    m.day = t.value, m.month = mt->value, m.end = i + 2;
    uint32_t y = comma(i + 2) ? i + 3 : i + 2;
    if (const Tok* yt = at(y); yt && yt->kind == Kind::kYear) m.year = yt->value, m.end = y + 1;
    return true;
  }
  if (t.kind == Kind::kYear) {  // "in 2021", not "2000 people"
    // Any year but a count: not before a noun ("2000 people"), not after a number or currency sign.
    const Tok* next = at(i + 1);
    bool counted = next && next->kind == Kind::kOther && next->value == 'a' && next->noun;
    bool amount = prev && (prev->kind == Kind::kDayNumber || prev->value == '$' || prev->word == kNumberWord);
    if (counted || amount) return false;
    m.year = t.value, m.end = i + 1;
    return true;
  }
  if (t.kind != Kind::kKeyword) return false;
  const Tok* n1 = at(i + 1);
  const Tok* n2 = at(i + 2);
  switch (t.word) {
    case kYesterday: case kToday: case kTonight: case kTomorrow:
      m.shape = Shape::kRelDay, m.end = i + 1;
      m.shift = t.word == kYesterday ? -1 : t.word == kTomorrow ? 1 : 0;
      m.part = t.word == kTonight ? "NI" : nullptr;
      if (t.word != kTonight && n1 && n1->kind == Kind::kKeyword && part_of(n1->word)) m.part = part_of(n1->word), ++m.end;
      return true;
    case kNow:
      m.shape = Shape::kPresent, m.end = i + 1;
      return true;
    default: break;
  }
  // earlier/later/early/late this month
  uint32_t k = i;
  if ((t.word == kEarlier || t.word == kLater || t.word == kEarly || t.word == kLate) && n1 &&
      n1->kind == Kind::kKeyword && n1->word == kThis)
    k = i + 1;
  const Tok& mod = toks[k];
  const Tok* unit_tok = at(k + 1);
  if (mod.kind == Kind::kKeyword && (mod.word == kThis || mod.word == kLast || mod.word == kNext ||
                                     mod.word == kPast || mod.word == kPrevious || mod.word == kComing) && unit_tok) {
    if (mod.word == kThis && unit_tok->kind == Kind::kKeyword && part_of(unit_tok->word) && unit_tok->word != kNight) {
      m.shape = Shape::kRelDay, m.part = part_of(unit_tok->word), m.end = k + 2;
      return true;
    }
    if (mod.word == kLast && is_word(unit_tok, kNight)) {
      m.shape = Shape::kRelDay, m.shift = -1, m.part = "NI", m.end = k + 2;
      return true;
    }
    Unit u;
    if (unit_tok->kind == Kind::kKeyword && !unit_tok->plural_unit && unit_of(unit_tok->word, u) && u != Unit::kDay) {
      m.shape = Shape::kPeriod, m.unit = u, m.shift = modifier_shift(mod.word), m.end = k + 2;
      return true;
    }
    // "last summer": a season (winter belongs to the year it starts in)
    if (unit_tok->kind == Kind::kKeyword && unit_tok->word >= kSpring && unit_tok->word <= kWinter) {
      static constexpr const char* kSeasons[] = {"SP", "SU", "FA", "WI"};
      m.shape = Shape::kSeason, m.part = kSeasons[unit_tok->word - kSpring], m.shift = modifier_shift(mod.word);
      m.month = 3 + 3 * (unit_tok->word - kSpring), m.end = k + 2;
      return true;
    }
    // "last March", "next May"
    if (unit_tok->kind == Kind::kMonth && k == i) {
      Match cal;
      if (month_led(k + 1, cal) && !cal.day && !cal.year) {
        m.month = cal.month, m.shift = modifier_shift(mod.word), m.end = k + 2;
        return true;
      }
    }
  }
  // N units ago / later / earlier; the next day, the following week
  if (t.word == kNumberWord || t.word == kThe) {
    Unit u;
    if (t.word == kThe && n1 && n1->kind == Kind::kKeyword && (n1->word == kNext || n1->word == kFollowing) && n2 &&
        n2->kind == Kind::kKeyword && !n2->plural_unit && unit_of(n2->word, u) && u != Unit::kWeekend) {
      m.shape = Shape::kLater, m.unit = u, m.shift = 1, m.end = i + 3;
      return true;
    }
    if (t.word == kNumberWord && n1 && n1->kind == Kind::kKeyword && unit_of(n1->word, u) && u != Unit::kWeekend &&
        n2 && n2->kind == Kind::kKeyword) {
      if (n2->word == kAgo) return m.shape = Shape::kAgo, m.unit = u, m.shift = -t.value, m.end = i + 3, true;
      if ((n2->word == kLater || n2->word == kEarlier) && !is_word(at(i + 3), kThan)) {
        m.shape = Shape::kLater, m.unit = u, m.shift = n2->word == kLater ? t.value : -t.value, m.end = i + 3;
        return true;
      }
    }
  }
  return false;
}

// Digits before "days ago" ("3 days ago"): treated as a number word.
void number_words(std::vector<Tok>& toks) {
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    if (toks[i].kind == Kind::kDayNumber && toks[i + 1].kind == Kind::kKeyword && toks[i + 1].plural_unit) {
      toks[i].kind = Kind::kKeyword, toks[i].word = kNumberWord;
    }
  }
}

// Classifies the tokens of sentence s into `toks` (reused between sentences).
void classify_sentence(const Document& doc, const Sentence& s, std::vector<Tok>& toks) {
  toks.clear();
  for (uint32_t ti = s.first_token; ti < s.first_token + s.token_count; ++ti) {
    const Token& tk = doc.tokens[ti];
    uint16_t upos = tk.first_word < doc.words.size() ? doc.words[tk.first_word].upos : 0;
    // "night's", "Monday's": a multi-word token is read by its first word
    std::string_view text = tk.word_count > 1 && tk.first_word < doc.words.size() ? doc.word_text(tk.first_word)
                                                                                  : doc.token_text(ti);
    Tok t = classify(text, upos);
    if (t.kind == Kind::kOther && text.size() == 1) t.value = text[0];  // punctuation: ',' ...
    // a lower-case word after a year: "2000 people" is a count, not a year
    if (t.kind == Kind::kOther && !text.empty() && text[0] >= 'a' && text[0] <= 'z' && text.size() > 1) t.value = 'a';
    toks.push_back(t);
  }
  number_words(toks);
}

// Calls f(sentence index, Match, toks) for every expression of the document.
template <typename F>
void scan(const Document& doc, F&& f) {
  std::vector<Tok> toks;
  toks.reserve(256);
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    classify_sentence(doc, doc.sentences[si], toks);
    Match m;
    for (uint32_t i = 0; i < toks.size();) {
      if (match_at(toks, i, m)) {
        f(si, m);
        i = m.end;
      } else {
        ++i;
      }
    }
  }
}

// ---- Resolution -----------------------------------------------------------------------

// The year that puts month/day nearest to `ref` (a date is rarely more than six months off).
int nearest_year(int month, int day, Date ref) {
  int best = ref.year, best_dist = 1 << 30;
  for (int y = ref.year - 1; y <= ref.year + 1; ++y) {
    int d = std::min(day, days_in_month(y, month));
    int dist = std::abs(days_from_civil(make_date(y, month, d)) - days_from_civil(ref));
    if (dist < best_dist) best = y, best_dist = dist;
  }
  return best;
}

struct Resolver {
  Date doc_date;
  Date previous;  // the last resolved time in the text

  std::string doc_anchor() const { return "document date " + doc_date.iso(); }

  void set(TimeExpr& e, Date d, TimeGranularity g, std::string anchor, const char* part = nullptr) {
    e.date = d, e.granularity = g, e.anchor = std::move(anchor);
    switch (g) {
      case TimeGranularity::kWeek: e.value = iso_week(d); break;
      case TimeGranularity::kMonth: e.value = fmt::format("{:04d}-{:02d}", d.year, d.month); break;
      case TimeGranularity::kYear: e.value = fmt::format("{:04d}", d.year); break;
      default: e.value = d.iso(); break;
    }
    if (part) e.value += fmt::format("T{}", part), e.granularity = TimeGranularity::kPartOfDay;
  }

  // Shifts `base` by n units; the result's granularity is the unit's.
  void shifted(TimeExpr& e, Date base, Unit u, int n, std::string anchor) {
    switch (u) {
      case Unit::kDay: set(e, add_days(base, n), TimeGranularity::kDay, std::move(anchor)); break;
      case Unit::kWeek: case Unit::kWeekend: {
        Date d = add_days(base, 7 * n);
        set(e, add_days(d, -weekday_of(d)), TimeGranularity::kWeek, std::move(anchor));
        break;
      }
      case Unit::kMonth: {
        Date d = add_months(base, n);
        set(e, make_date(d.year, d.month, 1), TimeGranularity::kMonth, std::move(anchor));
        break;
      }
      case Unit::kYear: set(e, make_date(base.year + n, 1, 1), TimeGranularity::kYear, std::move(anchor)); break;
    }
  }

  void unknown(TimeExpr& e, std::string value, TimeGranularity g, const char* why) {
    e.value = std::move(value), e.granularity = g, e.anchor = why, e.date = Date{};
  }

  void resolve(Match m, TimeExpr& e) {  // (a copy: a relative year is filled in)
    const bool dd = doc_date.known();
    const char* no_doc = "document date unknown";
    switch (m.shape) {
      case Shape::kCalendar: {
        if (m.year_relative && !m.year && dd) m.year = doc_date.year + m.year_shift;
        if (m.year && m.month && m.day) return set(e, make_date(m.year, m.month, m.day), TimeGranularity::kDay, "explicit");
        if (m.year && m.month) return set(e, make_date(m.year, m.month, 1), TimeGranularity::kMonth, "explicit");
        if (m.year) return set(e, make_date(m.year, 1, 1), TimeGranularity::kYear, "explicit");
        if (m.day) {
          if (!dd) return unknown(e, fmt::format("XXXX-{:02d}-{:02d}", m.month, m.day), TimeGranularity::kDay, "year unknown");
          int y = nearest_year(m.month, m.day, doc_date);
          int d = std::min(m.day, days_in_month(y, m.month));
          return set(e, make_date(y, m.month, d), TimeGranularity::kDay, doc_anchor());
        }
        // A bare month: this year's, or last/next year's when so modified or in the future.
        if (!dd) return unknown(e, fmt::format("XXXX-{:02d}", m.month), TimeGranularity::kMonth, "year unknown");
        // News convention: a bare month after the document's month is last year's, unless future.
        int y = doc_date.year;
        if ((m.shift < 0 && m.month >= doc_date.month) || (m.shift == 0 && !m.future && m.month > doc_date.month)) --y;
        if ((m.shift > 0 || m.future) && m.month <= doc_date.month && !(m.future && m.month == doc_date.month)) ++y;
        return set(e, make_date(y, m.month, 1), TimeGranularity::kMonth, doc_anchor());
      }
      case Shape::kWeekday: {
        if (!dd)
          return unknown(e, fmt::format("XXXX-WXX-{}{}", m.weekday + 1, m.part ? fmt::format("T{}", m.part) : ""),
                         m.part ? TimeGranularity::kPartOfDay : TimeGranularity::kDay, no_doc);
        int today = weekday_of(doc_date);
        int back = (today - m.weekday + 7) % 7;  // days back to the most recent such day (0: today)
        int ahead = (7 - back) % 7;              // days ahead to the next such day (0: today)
        int offset = -back;
        if (m.shift < 0) offset = back == 0 ? -7 : -back;
        else if (m.shift > 0) offset = ahead == 0 ? 7 : ahead;
        else if (m.future) offset = ahead;
        return set(e, add_days(doc_date, offset), TimeGranularity::kDay, doc_anchor(), m.part);
      }
      case Shape::kRelDay:
        if (!dd) return unknown(e, m.part ? fmt::format("XXXX-XX-XXT{}", m.part) : "XXXX-XX-XX", TimeGranularity::kDay, no_doc);
        return set(e, add_days(doc_date, m.shift), TimeGranularity::kDay, doc_anchor(), m.part);
      case Shape::kPeriod: {
        if (!dd) return unknown(e, m.unit == Unit::kYear ? "XXXX" : m.unit == Unit::kMonth ? "XXXX-XX" : "XXXX-WXX",
                                m.unit == Unit::kYear ? TimeGranularity::kYear : m.unit == Unit::kMonth ? TimeGranularity::kMonth : TimeGranularity::kWeek, no_doc);
        shifted(e, doc_date, m.unit, m.shift, doc_anchor());
        if (m.unit == Unit::kWeekend) {
          e.value += "-WE";
          e.date = add_days(e.date, 5);  // Saturday
        }
        return;
      }
      case Shape::kAgo:
        if (!dd) return unknown(e, "XXXX-XX-XX", TimeGranularity::kUnknown, no_doc);
        return shifted(e, doc_date, m.unit, m.shift, doc_anchor());
      case Shape::kPresent:
        e.value = "PRESENT_REF", e.granularity = TimeGranularity::kDay, e.date = doc_date;
        e.anchor = dd ? doc_anchor() : no_doc;
        return;
      case Shape::kSeason: {
        if (!dd) return unknown(e, fmt::format("XXXX-{}", m.part), TimeGranularity::kUnknown, no_doc);
        // The season's year: this year's, or the one before or after it.
        int y = doc_date.year + m.shift;
        set(e, make_date(y, m.month, 1), TimeGranularity::kUnknown, doc_anchor());
        e.value = fmt::format("{:04d}-{}", y, m.part);
        return;
      }
      case Shape::kLater:
        if (previous.known()) return shifted(e, previous, m.unit, m.shift, "previous time " + previous.iso());
        if (!dd) return unknown(e, "XXXX-XX-XX", TimeGranularity::kUnknown, no_doc);
        return shifted(e, doc_date, m.unit, m.shift, doc_anchor());
    }
  }
};

// Per-document evidence for the date inference.
struct Evidence {
  Date latest_full;                // most recent full date written
  std::vector<Match> weekday_days; // weekday + month + day, no year
  std::vector<Match> month_days;   // month + day alone ("March 1")
  std::vector<int> years;          // years written
};

Evidence gather(const Document& doc) {
  Evidence ev;
  scan(doc, [&](uint32_t, const Match& m) {
    if (m.shape != Shape::kCalendar) return;
    if (m.year) ev.years.push_back(m.year);
    if (m.year && m.month && m.day) {
      Date d = make_date(m.year, m.month, m.day);
      if (!ev.latest_full.known() || days_from_civil(d) > days_from_civil(ev.latest_full)) ev.latest_full = d;
    } else if (!m.year && m.day && m.weekday >= 0) {
      ev.weekday_days.push_back(m);
    } else if (!m.year && m.month && m.day) {
      ev.month_days.push_back(m);
    }
  });
  return ev;
}

Date median(std::vector<Date> dates) {
  std::erase_if(dates, [](const Date& d) { return !d.known(); });
  if (dates.empty()) return {};
  std::sort(dates.begin(), dates.end(), [](const Date& a, const Date& b) { return days_from_civil(a) < days_from_civil(b); });
  return dates[(dates.size() - 1) / 2];
}

constexpr const char* kWeekdayDisplay[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr int kFirstYear = 1990, kLastYear = 2035, kLatestDefault = 2026;

// Step 2: the year where every weekday + month + day pair holds, nearest to `ref` (0: none).
DateInference from_weekdays(const Evidence& ev, int ref) {
  DateInference out;
  std::vector<int> candidates;
  for (int y = kFirstYear; y <= kLastYear; ++y) {
    bool all = true;
    for (const Match& m : ev.weekday_days)
      all = all && m.day <= days_in_month(y, m.month) && weekday_of(make_date(y, m.month, m.day)) == m.weekday;
    if (all) candidates.push_back(y);
  }
  if (candidates.empty()) return out;
  int year = 0;
  std::string why;
  if (ref) {
    for (int y : candidates)
      if (!year || std::abs(y - ref) < std::abs(year - ref)) year = y;
    why = fmt::format("nearest to {}", ref);
  } else {
    for (int y : candidates)
      if (y <= kLatestDefault) year = y;
    if (!year) year = candidates.front();
    why = fmt::format("no year written: latest not after {}", kLatestDefault);
  }
  // The latest of the pairs in that year dates the document.
  Date best;
  for (const Match& m : ev.weekday_days) {
    Date d = make_date(year, m.month, m.day);
    if (!best.known() || days_from_civil(d) > days_from_civil(best)) best = d;
  }
  const Match& first = ev.weekday_days.front();
  std::string cands;
  for (int y : candidates) cands += (cands.empty() ? "" : " ") + std::to_string(y);
  out.date = best;
  out.source = fmt::format("text: {} {}/{} is a {} in {} ({}; candidates {})", kWeekdayDisplay[first.weekday],
                           first.month, first.day, kWeekdayDisplay[first.weekday], year, why, cands);
  return out;
}

}  // namespace

void find_times(Document& doc) {
  doc.times.clear();
  Resolver r{doc.date, {}};
  scan(doc, [&](uint32_t si, const Match& m) {
    const Sentence& s = doc.sentences[si];
    TimeExpr e;
    e.sentence = si;
    const Token& last = doc.tokens[s.first_token + m.end - 1];
    uint32_t end = last.word_count > 1 && last.first_word < doc.words.size() ? doc.words[last.first_word].span.end
                                                                             : last.span.end;
    e.span = Span{doc.tokens[s.first_token + m.first].span.begin, end};
    r.resolve(m, e);
    if (e.date.known()) r.previous = e.date;
    doc.times.push_back(std::move(e));
  });
}

DateInference explain_document_date(const Document& doc, const std::vector<Date>& batch_dates) {
  Evidence ev = gather(doc);
  if (ev.latest_full.known()) return {ev.latest_full, "text: most recent full date written, " + ev.latest_full.iso()};
  Date batch = median(batch_dates);
  if (!ev.weekday_days.empty()) {
    int ref = 0;
    if (!ev.years.empty()) ref = *std::max_element(ev.years.begin(), ev.years.end());
    else if (batch.known()) ref = batch.year;
    DateInference w = from_weekdays(ev, ref);
    if (w.date.known()) return w;
  }
  // Days written without a year ("since March 1", "through April 5"): news
  // is written on or after most days it names, so the latest of them, in the
  // year the text or the batch gives (nearest to the batch's date).
  if (!ev.month_days.empty() && (batch.known() || !ev.years.empty())) {
    int year = !ev.years.empty() ? *std::max_element(ev.years.begin(), ev.years.end()) : batch.year;
    Date latest;
    for (const Match& m : ev.month_days) {
      if (m.day > days_in_month(year, m.month)) continue;  // "February 29" in another year than a leap one
      Date d = make_date(year, m.month, m.day);
      if (batch.known() && ev.years.empty()) {  // "December 30" in a January batch is last year's
        Date before = make_date(year - 1, m.month, m.day), after = make_date(year + 1, m.month, m.day);
        for (Date c : {before, after})
          if (m.day <= days_in_month(c.year, m.month) && std::abs(days_from_civil(c) - days_from_civil(batch)) < std::abs(days_from_civil(d) - days_from_civil(batch)))
            d = c;
      }
      if (d.known() && (!latest.known() || days_from_civil(d) > days_from_civil(latest))) latest = d;
    }
    if (latest.known())
      return {latest, fmt::format("text: latest day written ({}), year from {}", latest.iso(),
                                  ev.years.empty() ? "the batch" : "the text")};
  }
  if (batch.known())
    return {batch, fmt::format("batch: median date of {} other documents, {}", batch_dates.size(), batch.iso())};
  return {};
}

Date infer_document_date(const Document& doc, const std::vector<Date>& batch_dates) {
  return explain_document_date(doc, batch_dates).date;
}

bool text_dates_document(const Document& doc) { return explain_document_date(doc).date.known(); }

void resolve_document_date(Document& doc, const std::vector<Date>& batch_dates) {
  if (doc.date.known()) {
    if (doc.date_source.empty()) doc.date_source = "metadata";
    return;
  }
  DateInference inf = explain_document_date(doc, batch_dates);
  if (inf.date.known()) {
    doc.date = inf.date;
    doc.date_source = std::move(inf.source);
  } else {
    doc.date_source = "unknown";
    doc.warnings.push_back(
        "document date unknown: no date in the metadata, the text or the batch; relative times stay unresolved");
  }
}

}  // namespace sitrep::timex
