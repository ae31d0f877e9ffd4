// Text normalisation: valid UTF-8, NFC.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep::text {

struct NormalizeReport {
  uint32_t invalid_sequences = 0;  // replaced by U+FFFD
  uint32_t first_invalid_byte = 0; // byte offset in the input of the first one
};

// Replaces every maximal invalid UTF-8 subsequence with U+FFFD (Unicode's
// "maximal subpart" practice: "\xE2\x80" is one error, "\xFF\xFF" two), drops
// NUL bytes and byte-order marks (U+FEFF, leading or inside), turns CR LF and
// lone CR into LF, and applies Unicode NFC (utf8proc). Pure-ASCII runs and code
// points NFC cannot change are copied without calling utf8proc (the common case
// for news text). `report` counts the replacements; offsets are input bytes.
std::string normalize(std::string_view in, NormalizeReport* report = nullptr);

// The text without its diacritics ("Khōst" -> "Khost", "Wāsiţ" -> "Wasit"): canonical
// decomposition, combining marks dropped, recomposed (utf8proc). Valid UTF-8 in; the input
// unchanged when utf8proc refuses it.
std::string strip_marks(std::string_view in);

}  // namespace sitrep::text
