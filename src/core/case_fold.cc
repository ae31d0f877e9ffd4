#include "core/case_fold.h"

namespace sitrep {

std::string fold_case(std::string_view s, CaseFold fold) {
  std::string out(s);
  if (fold == CaseFold::kNone) return out;
  const bool lower = fold == CaseFold::kLower;
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (lower && c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (!lower && c >= 'a' && c <= 'z') {
      out[i] = static_cast<char>(c - 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {  // U+00C0-U+00FF: second byte 0x80-0xBF
      auto d = static_cast<unsigned char>(out[i + 1]);
      if (lower && d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      if (!lower && d >= 0xA0 && d <= 0xBE && d != 0xB7) out[i + 1] = static_cast<char>(d - 0x20);
      ++i;
    }
  }
  return out;
}

CaseFold case_fold_for(uint64_t key, double lower, double upper) {
  uint64_t x = key + 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  x ^= x >> 31;
  double u = static_cast<double>(x >> 11) * 0x1.0p-53;
  if (u < lower) return CaseFold::kLower;
  if (u < lower + upper) return CaseFold::kUpper;
  return CaseFold::kNone;
}

}  // namespace sitrep
