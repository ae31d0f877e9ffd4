// Small helpers over UTF-8 text shared by the readers and the block classifier:
// trimming, lines, words, ASCII case folding and letter case of a word.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::text {

inline bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v'; }

// Without ASCII white space and U+00A0 (no-break space) at either end.
std::string_view trim(std::string_view s);

// ASCII letters lowered; other bytes as they are.
std::string ascii_lower(std::string_view s);

// `s` begins with `prefix` (already lower case) compared case-insensitively in
// ASCII, and the prefix ends at a word boundary (not followed by a letter or digit).
bool starts_with_phrase(std::string_view s, std::string_view prefix);
// `lower` (already lowered) contains `phrase` at word boundaries.
bool contains_phrase(std::string_view lower, std::string_view phrase);

// Calendar names, the one list every stage reads (dates, time expressions, mentions,
// quotes, truecasing, the tagger and the tree repairs): full English names, lower case.
inline constexpr std::string_view kWeekdayNames[7] = {"monday", "tuesday", "wednesday", "thursday",
                                                      "friday", "saturday", "sunday"};
inline constexpr std::string_view kMonthNames[12] = {"january", "february", "march",     "april",   "may",      "june",
                                                     "july",    "august",   "september", "october", "november", "december"};
// The day a full name gives, ASCII case-insensitive: 0 = Monday .. 6 = Sunday, -1 when none.
int weekday_number(std::string_view word);
// The month a full name gives, ASCII case-insensitive: 1 = January .. 12, 0 when none.
int month_number(std::string_view word);
inline constexpr std::string_view kPartsOfDay[4] = {"morning", "afternoon", "evening", "night"};
// One of kPartsOfDay, ASCII case-insensitive.
bool is_part_of_day(std::string_view word);

// Words: runs of non-space bytes.
std::vector<std::string_view> split_words(std::string_view s);
// The fields of s between each `sep`, empty ones kept ("a||b" -> "a", "", "b"; "" -> "").
std::vector<std::string_view> split(std::string_view s, char sep);
// Counts words, stopping once the count exceeds `limit` (cheap "more than N?").
size_t count_words(std::string_view s, size_t limit = SIZE_MAX);
// The last word, or "" when there is none.
std::string_view last_word(std::string_view s);

enum class WordCase { kNone, kLower, kCapitalized, kAllCaps };
// The case of a word's letters: kAllCaps when it has at least two letters and
// none is lower case; kCapitalized when the first letter is upper case;
// kLower when it is lower case; kNone without letters. Non-ASCII letters count.
WordCase word_case(std::string_view word);

// Last code point of `s` after dropping closing quotes and brackets (” ’ " ' ) ]).
std::string_view last_significant_char(std::string_view s);
// True when `s` ends a sentence: its last significant character is . ! ? or …
bool ends_sentence(std::string_view s);

// A short line that reads as a headline: 1..19 words, under 200 bytes, starts
// with an upper-case letter, digit or quote, and has no final period, comma,
// colon or semicolon (it may end with ? or !).
bool looks_like_headline(std::string_view line);
// Headline capitalisation: at least two words, and at least three quarters of
// the words other than short function words (a, of, the, in...) capitalised.
bool is_title_case(std::string_view line);

// A line that begins like a new paragraph: an upper-case letter, a digit, an
// opening quote, a bullet, a dash, a bracket or ©.
bool starts_like_new_block(std::string_view line);

}  // namespace sitrep::text
