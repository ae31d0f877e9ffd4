// Text normalisation: repairs UTF-8, drops NUL and BOM, unifies line ends, NFC.
//
// One pass over the input copies runs of bytes that need no change in bulk:
// printable ASCII, and multi-byte code points that NFC cannot change (see
// nfc_stable). Only when a code point that NFC may change appears does a second
// pass hand the few affected segments to utf8proc.
#include "text/normalize.h"

#include <array>
#include <cstdlib>
#include <cstring>

#include <utf8proc.h>

namespace sitrep::text {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr uint32_t kByteOrderMark = 0xFEFF;

// Decodes one UTF-8 sequence at p[0..avail). Returns its length when valid, or
// minus the length of the maximal invalid subpart to replace (Unicode's
// "U+FFFD substitution of maximal subparts": a truncated but well-begun
// sequence is one error, a stray byte is one error each).
int decode_utf8(const unsigned char* p, size_t avail, uint32_t* cp) {
  unsigned lead = p[0];
  int need = 0;
  uint32_t value = 0;
  unsigned lo = 0x80, hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1, value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2, value = lead & 0x0F;
    if (lead == 0xE0) lo = 0xA0;  // no overlong forms
    if (lead == 0xED) hi = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3, value = lead & 0x07;
    if (lead == 0xF0) lo = 0x90;  // no overlong forms
    if (lead == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return -1;
  }
  for (int k = 1; k <= need; ++k) {
    if (static_cast<size_t>(k) >= avail) return -k;
    unsigned b = p[k];
    if (b < lo || b > hi) return -k;
    lo = 0x80, hi = 0xBF;
    value = (value << 6) | (b & 0x3F);
  }
  *cp = value;
  return need + 1;
}

bool is_hangul_jamo(uint32_t cp) {
  // Conjoining jamo compose algorithmically (not in utf8proc's pair table).
  return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) ||
         (cp >= 0xD7B0 && cp <= 0xD7FF);
}

// From the character properties alone: an independent starter with no
// canonical decomposition (compatibility decompositions such as U+2026 … or
// U+00A0 are not applied by NFC, so they do not count).
// A starter that nothing before it can combine with: combining class 0, not a
// composition exclusion, not the second of a pair, not a conjoining jamo.
bool independent_starter(uint32_t cp, const utf8proc_property_t* p) {
  if (is_hangul_jamo(cp)) return false;
  if (p->combining_class != 0 || p->comp_exclusion) return false;
  return p->comb_index == UINT16_MAX || p->comb_index < 0x8000;  // >= 0x8000: second of a pair
}

bool stable_by_properties(uint32_t cp) {
  const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  if (!independent_starter(cp, p)) return false;
  bool canonical_decomposition = p->decomp_type == 0 && p->decomp_seqindex != UINT16_MAX;
  return !canonical_decomposition;
}

// A precomposed starter (é, ñ...) is also stable when NFC maps it to itself and
// it is not the second of a pair. Asked of utf8proc once per such character.
bool composite_maps_to_itself(uint32_t cp) {
  if (!independent_starter(cp, utf8proc_get_property(static_cast<utf8proc_int32_t>(cp)))) return false;
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t len = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(buf, len, &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  bool same = n == len && std::memcmp(out, buf, static_cast<size_t>(len)) == 0;
  std::free(out);
  return same;
}

// One bit per BMP code point: true when NFC leaves it unchanged whatever
// surrounds it, unless a later unstable character reaches back to it (then the
// second pass includes it in the segment it normalises).
class BmpStableTable {
 public:
  BmpStableTable() {
    for (uint32_t cp = 0; cp < 0x10000; ++cp) {
      bool stable = stable_by_properties(cp) || composite_maps_to_itself(cp);
      if (stable) bits_[cp >> 6] |= uint64_t{1} << (cp & 63);
    }
  }
  bool stable(uint32_t cp) const { return (bits_[cp >> 6] >> (cp & 63)) & 1; }

 private:
  std::array<uint64_t, 0x10000 / 64> bits_{};
};

bool nfc_stable(uint32_t cp) {
  static const BmpStableTable table;
  if (cp < 0x10000) return table.stable(cp);
  return stable_by_properties(cp);
}

// True when the 8 bytes are all ASCII other than NUL and CR.
inline bool plain_ascii_word(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  auto has_zero = [&](uint64_t x) { return ((x - kOnes) & ~x & kHigh) != 0; };
  return (w & kHigh) == 0 && !has_zero(w) && !has_zero(w ^ (kOnes * '\r'));
}

// Index of the first byte at or after i that is not plain ASCII (NUL, CR, >= 0x80).
inline size_t skip_plain_ascii(const unsigned char* p, size_t i, size_t n) {
  while (i + 8 <= n) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (!plain_ascii_word(w)) break;
    i += 8;
  }
  while (i < n && p[i] < 0x80 && p[i] != 0 && p[i] != '\r') ++i;
  return i;
}

// Second pass: NFC for each segment from the last stable code point before an
// unstable one up to the next stable code point; the rest is copied.
std::string compose_unstable_segments(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), copied = 0, last_stable = 0, i = 0;
  auto next_cp = [&](size_t at, uint32_t* cp) {
    int len = decode_utf8(p + at, n - at, cp);
    return len > 0 ? static_cast<size_t>(len) : size_t{1};  // input is valid here
  };
  while (i < n) {
    uint32_t cp = p[i];
    size_t len = cp < 0x80 ? 1 : next_cp(i, &cp);
    if (cp < 0x80 || nfc_stable(cp)) {
      last_stable = i;
      i += len;
      continue;
    }
    size_t end = i + len;
    while (end < n) {
      uint32_t c2 = p[end];
      size_t l2 = c2 < 0x80 ? 1 : next_cp(end, &c2);
      if (c2 < 0x80 || nfc_stable(c2)) break;
      end += l2;
    }
    size_t start = last_stable;
    out.append(s, copied, start - copied);
    utf8proc_uint8_t* nfc = nullptr;
    utf8proc_ssize_t m = utf8proc_map(p + start, static_cast<utf8proc_ssize_t>(end - start), &nfc,
                                      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (m >= 0) {
      out.append(reinterpret_cast<const char*>(nfc), static_cast<size_t>(m));
    } else {
      out.append(s, start, end - start);
    }
    std::free(nfc);
    copied = end;
    last_stable = end;
    i = end;
  }
  out.append(s, copied, n - copied);
  return out;
}

}  // namespace

std::string normalize(std::string_view in, NormalizeReport* report) {
  NormalizeReport rep;
  std::string out;
  out.reserve(in.size() + 16);
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  size_t i = 0, run = 0;
  bool needs_nfc = false;
  auto flush = [&] { out.append(in.data() + run, i - run); };
  while (true) {
    i = skip_plain_ascii(p, i, n);
    if (i >= n) break;
    unsigned c = p[i];
    if (c < 0x80) {  // NUL (dropped) or CR (CR LF and lone CR become LF)
      flush();
      if (c == '\r') out.push_back('\n');
      i += (c == '\r' && i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
      run = i;
      continue;
    }
    uint32_t cp = 0;
    int len = decode_utf8(p + i, n - i, &cp);
    if (len < 0) {  // invalid: one U+FFFD for the maximal subpart
      flush();
      out.append(kReplacement);
      if (rep.invalid_sequences++ == 0) rep.first_invalid_byte = static_cast<uint32_t>(i);
      i += static_cast<size_t>(-len);
      run = i;
      continue;
    }
    if (cp == kByteOrderMark) {  // a BOM, leading or left inside by concatenation
      flush();
      i += static_cast<size_t>(len);
      run = i;
      continue;
    }
    if (!needs_nfc && !nfc_stable(cp)) needs_nfc = true;
    i += static_cast<size_t>(len);
  }
  flush();
  if (report) *report = rep;
  if (needs_nfc) return compose_unstable_segments(out);
  return out;
}

std::string strip_marks(std::string_view in) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(in.data()),
                                    static_cast<utf8proc_ssize_t>(in.size()), &out,
                                    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK));
  if (n < 0) return std::string(in);
  std::string s(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
  std::free(out);
  return s;
}

}  // namespace sitrep::text
