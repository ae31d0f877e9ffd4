// MinHash signatures over word shingles, and LSH band keys, for near-duplicate
// articles (syndicated copies, updated wire stories).
//
// Shingles: 5 consecutive lowercased words (letters and digits; any non-ASCII
// byte counts as a letter), each hashed with XXH64, no strings built. The
// signature keeps, for each of kHashes seeded mixes, the minimum over the
// shingles; the share of equal positions estimates the Jaccard similarity.
// LSH: kBands bands of kRows rows; two documents sharing a band key are
// candidates when they share two bands (Store verifies them on the signatures).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace sitrep::store {

inline constexpr int kShingleWords = 5;
inline constexpr int kHashes = 128;
inline constexpr int kRows = 4;
inline constexpr int kBands = kHashes / kRows;
// Candidates verified per new article: those sharing the most bands (a copy at J = 0.8
// shares about 13 of 32; an unrelated article rarely more than 3).
inline constexpr int kMaxCandidates = 16;
// Stored articles looked at per band key: its latest (a copy comes soon after its original;
// a key thousands of articles share, boilerplate, would make each check read them all).
inline constexpr int kBandReach = 64;

using Signature = std::array<uint32_t, kHashes>;

// False when the text has no word (nothing to compare).
bool minhash(std::string_view text, Signature& out);
double estimated_jaccard(const Signature& a, const Signature& b);
// Key of band `band` (0..kBands-1): mixes the band number with its rows.
int64_t band_key(const Signature& sig, int band);

}  // namespace sitrep::store
