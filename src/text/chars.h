// Character classes for the tokenizer: one table lookup for ASCII, utf8proc
// categories for the rest. Internal to text/.
#pragma once

#include <cstdint>
#include <string_view>

namespace sitrep::text {

enum class CharClass : uint8_t { kSpace, kLetter, kDigit, kPunct, kSymbol };

struct CodePoint {
  uint32_t cp;
  uint32_t len;  // bytes; 1 for an invalid byte (cp is then U+FFFD)
};

// Decodes the code point at s[i] (i < s.size()).
inline CodePoint decode_utf8(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  size_t left = s.size() - i;
  unsigned char c = p[0];
  if (c < 0x80) return {c, 1};
  if (c >= 0xC2 && c < 0xE0 && left >= 2 && (p[1] & 0xC0) == 0x80) return {((c & 0x1Fu) << 6) | (p[1] & 0x3Fu), 2};
  if (c >= 0xE0 && c < 0xF0 && left >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
    uint32_t cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return {cp, 3};
  }
  if (c >= 0xF0 && c < 0xF5 && left >= 4 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
      (p[3] & 0xC0) == 0x80) {
    uint32_t cp = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    if (cp >= 0x10000 && cp <= 0x10FFFF) return {cp, 4};
  }
  return {0xFFFD, 1};
}

// The class of a non-ASCII code point (utf8proc categories; spaces: Zs, Zl, Zp,
// U+200B and U+FEFF).
CharClass classify_non_ascii(uint32_t cp);

namespace detail {
constexpr CharClass ascii_class(unsigned char c) {
  if (c == ' ' || (c >= '\t' && c <= '\r')) return CharClass::kSpace;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CharClass::kLetter;
  if (c >= '0' && c <= '9') return CharClass::kDigit;
  if (c == '_') return CharClass::kLetter;
  if (c < 0x20 || c == 0x7F) return CharClass::kSpace;  // control characters separate tokens
  return CharClass::kPunct;
}
struct AsciiTable {
  CharClass cls[128];
  constexpr AsciiTable() : cls() {
    for (int c = 0; c < 128; ++c) cls[c] = ascii_class(static_cast<unsigned char>(c));
  }
};
inline constexpr AsciiTable kAscii{};
}  // namespace detail

// The class of an ASCII byte (c < 0x80).
inline CharClass classify_ascii(unsigned char c) { return detail::kAscii.cls[c & 0x7F]; }

inline CharClass classify(uint32_t cp) { return cp < 0x80 ? classify_ascii(static_cast<unsigned char>(cp)) : classify_non_ascii(cp); }

// Bytes of white space at s[i], 0 when s[i] is not white space.
inline size_t space_length(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return classify_ascii(c) == CharClass::kSpace ? 1 : 0;
  CodePoint cp = decode_utf8(s, i);
  return classify_non_ascii(cp.cp) == CharClass::kSpace ? cp.len : 0;
}

}  // namespace sitrep::text
