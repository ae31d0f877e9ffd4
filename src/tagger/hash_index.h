// HashIndex: an open-addressing map from a nonzero 64-bit hash to a 32-bit value.
//
// The tagger's feature table, tag dictionary and lemma tables all look words up
// by a 64-bit hash of their bytes (never by a string). Keys are already well
// mixed, so the slot is the low bits; linear probing, load factor <= 1/2. A
// slot is 16 bytes (key, value) so that one probe touches one cache line.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace sitrep::tagger {

class HashIndex {
 public:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  // Key 0 marks an empty slot: feature hashes are made nonzero by nonzero_key().
  static uint64_t nonzero_key(uint64_t h) { return h ? h : 1; }

  explicit HashIndex(size_t expected = 0) { reserve(expected); }

  void reserve(size_t n) {
    size_t want = std::bit_ceil(std::max<size_t>(16, n * 2 + 1));
    if (want > slots_.size()) rehash(want);
  }
  size_t size() const { return size_; }

  // The value for `key`, or kNone.
  uint32_t find(uint64_t key) const {
    if (slots_.empty()) return kNone;
    for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == 0) return kNone;
    }
  }

  // Starts loading the slot where `key` would be (lookups are memory-bound: a
  // batch of prefetches lets their cache misses overlap).
  void prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & mask_]);
  }

  // A reference to the value of `key`, inserting `init` first when absent.
  uint32_t& at(uint64_t key, uint32_t init) {
    if ((size_ + 1) * 2 > slots_.size()) rehash(std::max<size_t>(32, slots_.size() * 2));
    for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == 0) {
        s.key = key;
        s.value = init;
        ++size_;
        return s.value;
      }
    }
  }

  template <typename Fn>
  void for_each(Fn&& fn) const {  // fn(key, value), in slot order
    for (const Slot& s : slots_)
      if (s.key) fn(s.key, s.value);
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
    uint32_t pad = 0;
  };
  void rehash(size_t n) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.key) at(s.key, s.value);
  }
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  size_t size_ = 0;
};

// A read-only map for the tagger's weight rows, from a feature hash to its row
// in each of the (up to two) passes, so that one probe serves both passes. A
// slot keeps 32 bits of the key (the high half; the low half picks the slot):
// an absent key matches a stored one with probability about 2^-32 per probe,
// which the tagger can afford (it would add one wrong feature).
class CompactIndex {
 public:
  static constexpr uint32_t kNone = HashIndex::kNone;
  struct Slot {
    uint32_t tag = 0;
    uint32_t value[2] = {kNone, kNone};
  };

  // `values[p][i]` is the value of keys[p][i] in pass p.
  void build(const std::vector<uint64_t>* keys, const std::vector<uint32_t>* values, int passes) {
    size_t total = 0;
    for (int p = 0; p < passes; ++p) total += keys[p].size();
    size_t n = std::bit_ceil(std::max<size_t>(16, total * 2 + 1));  // distinct keys <= total
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    for (int p = 0; p < passes; ++p)
      for (size_t i = 0; i < keys[p].size(); ++i) {
        uint32_t tag = tag_of(keys[p][i]);
        uint64_t j = keys[p][i] & mask_;
        while (slots_[j].tag != 0 && slots_[j].tag != tag) j = (j + 1) & mask_;
        slots_[j].tag = tag;
        slots_[j].value[p] = values[p][i];
      }
  }
  // The slot of `key`, or nullptr.
  const Slot* find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    const uint32_t tag = tag_of(key);
    for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.tag == tag) return &s;
      if (s.tag == 0) return nullptr;
    }
  }
  uint32_t find(uint64_t key, int pass) const {
    const Slot* s = find(key);
    return s ? s->value[pass] : kNone;
  }
  void prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & mask_]);
  }

 private:
  static uint32_t tag_of(uint64_t key) {
    uint32_t t = static_cast<uint32_t>(key >> 32);
    return t ? t : 1;
  }
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
};

}  // namespace sitrep::tagger
