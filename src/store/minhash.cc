#include "store/minhash.h"

#include <xxhash.h>

#include <algorithm>

namespace sitrep::store {
namespace {

bool word_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80; }

// splitmix64 finaliser: a cheap, well-mixed permutation of 64-bit values.
uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

void add_shingle(uint64_t shingle, Signature& sig) {
  for (int k = 0; k < kHashes; ++k) {
    uint32_t h = static_cast<uint32_t>(mix(shingle ^ (0x5851f42d4c957f2dull * (k + 1))) >> 32);
    sig[k] = std::min(sig[k], h);
  }
}

}  // namespace

bool minhash(std::string_view text, Signature& out) {
  out.fill(UINT32_MAX);
  uint64_t window[kShingleWords] = {};
  int words = 0;
  char buf[64];
  for (size_t i = 0; i < text.size();) {
    if (!word_byte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    // Lowercase the word into a small buffer (long words are hashed by their first 64 bytes).
    size_t n = 0;
    for (; i < text.size() && word_byte(static_cast<unsigned char>(text[i])); ++i)
      if (n < sizeof buf) {
        char c = text[i];
        buf[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      }
    window[words % kShingleWords] = XXH3_64bits(buf, n);
    ++words;
    if (words >= kShingleWords) {
      uint64_t h = 0;
      for (int j = 0; j < kShingleWords; ++j) h = mix(h ^ window[(words + j) % kShingleWords]);
      add_shingle(h, out);
    }
  }
  if (words == 0) return false;
  if (words < kShingleWords) {  // a very short text: one shingle of all its words
    uint64_t h = 0;
    for (int j = 0; j < words; ++j) h = mix(h ^ window[j]);
    add_shingle(h, out);
  }
  return true;
}

double estimated_jaccard(const Signature& a, const Signature& b) {
  int same = 0;
  for (int k = 0; k < kHashes; ++k) same += a[k] == b[k];
  return static_cast<double>(same) / kHashes;
}

int64_t band_key(const Signature& sig, int band) {
  uint64_t h = XXH3_64bits_withSeed(sig.data() + band * kRows, kRows * sizeof(uint32_t), static_cast<uint64_t>(band));
  return static_cast<int64_t>(h);
}

}  // namespace sitrep::store
