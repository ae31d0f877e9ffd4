#include "entities/ner_lexicon.h"

#include <algorithm>
#include <bit>

#include "core/model_file.h"
#include "io/file.h"
#include "tagger/features.h"

namespace sitrep::entities {
namespace {

using tagger::detail::combine;
using tagger::detail::hash_bytes;

}  // namespace

void NerLexicon::add(std::string_view name, uint8_t categories) {
  std::string lower;
  uint64_t h = 0;
  int n = 0;
  size_t pos = 0;
  while (pos < name.size()) {
    size_t e = name.find(' ', pos);
    if (e == std::string_view::npos) e = name.size();
    if (e > pos) {
      tagger::detail::lower_into(name.substr(pos, e - pos), lower);
      h = n == 0 ? hash_bytes(lower) : combine(h, hash_bytes(lower));
      if (++n > kMaxWords) return;
    }
    pos = e + 1;
  }
  if (n == 0) return;
  keys_.push_back(static_cast<uint32_t>(h));
  cats_.push_back(categories);
}

Status NerLexicon::add_file(const std::string& path, uint8_t categories) {
  std::string bytes;
  SITREP_RETURN_IF_ERROR(io::read_file_bytes(path, &bytes));
  size_t pos = 0, lines = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string::npos) nl = bytes.size();
    std::string_view line(bytes.data() + pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    add(line, categories);
    ++lines;
  }
  if (lines == 0) return Status::Error(path + ": no names");
  return Status::Ok();
}

Status NerLexicon::add_spec(std::string_view spec) {
  size_t eq = spec.find('=');
  std::string_view kind = spec.substr(0, eq == std::string_view::npos ? 0 : eq);
  uint8_t cat = kind == "PLACE" ? kPlace : kind == "GIVEN" ? kGivenName : kind == "COMPANY" ? kCompany : kind == "NAME" ? kPersonName : 0;
  if (cat == 0) return Status::Error(std::string(spec) + ": expected PLACE=FILE, GIVEN=FILE, COMPANY=FILE or NAME=FILE");
  return add_file(std::string(spec.substr(eq + 1)), cat);
}

void NerLexicon::index() {
  // Merge duplicates (a name in several lists gets all their categories), sort by key.
  std::vector<std::pair<uint32_t, uint8_t>> e(keys_.size());
  for (size_t i = 0; i < e.size(); ++i) e[i] = {keys_[i], cats_[i]};
  std::sort(e.begin(), e.end());
  keys_.clear();
  cats_.clear();
  for (auto [k, c] : e) {
    if (!keys_.empty() && keys_.back() == k) {
      cats_.back() |= c;
      continue;
    }
    keys_.push_back(k);
    cats_.push_back(c);
  }
  const size_t slots = std::bit_ceil(std::max<size_t>(16, keys_.size() * 2 + 1));
  slot_keys_.assign(slots, 0);
  slot_cats_.assign(slots, 0);
  mask_ = static_cast<uint32_t>(slots - 1);
  for (size_t k = 0; k < keys_.size(); ++k) {
    const uint32_t key = keys_[k] ? keys_[k] : 1;
    uint32_t i = key & mask_;
    while (slot_keys_[i] != 0 && slot_keys_[i] != key) i = (i + 1) & mask_;
    slot_keys_[i] = key;
    slot_cats_[i] |= cats_[k];
  }
}

void NerLexicon::annotate(const uint64_t* lower, size_t n, uint8_t* out) const {
  std::fill(out, out + n, 0);
  if (empty()) return;
  for (size_t i = 0; i < n;) {
    size_t best = 0;
    uint32_t cats = 0;
    uint64_t h = 0;
    for (size_t k = 0; k < kMaxWords && i + k < n; ++k) {
      h = k == 0 ? lower[i] : combine(h, lower[i + k]);
      int v = find(static_cast<uint32_t>(h));
      if (v >= 0) best = k + 1, cats = static_cast<uint32_t>(v);
    }
    if (best == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < best; ++k) out[i + k] = static_cast<uint8_t>((cats << 2) | (best == 1 ? 3u : k == 0 ? 1u : 2u));
    i += best;
  }
}

std::string NerLexicon::serialize() const {
  ByteWriter w;
  w.array(keys_);
  w.array(cats_);
  return w.take();
}

bool NerLexicon::deserialize(std::string_view bytes) {
  ByteReader r(bytes);
  if (!r.array(&keys_) || !r.array(&cats_) || keys_.size() != cats_.size()) return false;
  index();
  return true;
}

}  // namespace sitrep::entities
