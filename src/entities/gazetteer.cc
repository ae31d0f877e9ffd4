#include "entities/gazetteer.h"
#include "core/locate.h"

#include <filesystem>
#include <vector>

#include "core/model_file.h"
#include "entities/ner_features.h"
#include "io/file.h"
#include "text/text_util.h"

namespace sitrep::entities {
namespace {

using tagger::HashIndex;
using tagger::detail::combine;
using tagger::detail::hash_bytes;

uint64_t seq_key(uint64_t h) { return HashIndex::nonzero_key(h); }

}  // namespace

void Gazetteer::add(std::string_view name, uint32_t categories) {
  if (size_t eq = name.find('='); eq != std::string_view::npos) name = name.substr(0, eq);  // "Kremlin=GOV"
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  if (name.substr(0, 4) == "the " || name.substr(0, 4) == "The ") name.remove_prefix(4);
  if (name.empty()) return;
  uint64_t h = 0;
  int n = 0;
  for (std::string_view w : text::split(name, ' ')) {
    if (w.empty()) continue;
    h = n == 0 ? hash_bytes(w) : combine(h, hash_bytes(w));
    if (++n > kMaxWords) return;
  }
  entries_.at(seq_key(h), 0) |= categories;
}

void Gazetteer::annotate(std::span<detail::NerWord> words) const {
  for (auto& w : words) w.gaz = 0;
  if (empty()) return;
  const size_t n = words.size();
  for (size_t i = 0; i < n;) {
    size_t best = 0;
    uint32_t cats = 0;
    uint64_t h = 0;
    for (size_t k = 0; k < kMaxWords && i + k < n; ++k) {
      uint64_t wh = hash_bytes(words[i + k].form);
      h = k == 0 ? wh : combine(h, wh);
      uint32_t v = entries_.find(seq_key(h));
      if (v != HashIndex::kNone) best = k + 1, cats = v;
    }
    if (best == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < best; ++k) words[i + k].gaz = (cats << 2) | (best == 1 ? 3u : k == 0 ? 1u : 2u);
    i += best;
  }
}

Result<Gazetteer> Gazetteer::load_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  Gazetteer g;
  struct Column {
    const char* file;
    const char* column;
    uint32_t category;
  };
  static const Column kColumns[] = {
      {"countries.tsv", "names", kCountry},   {"countries.tsv", "adjectives", kNationality},
      {"countries.tsv", "metonyms", kCity},   {"igos.tsv", "names", kIgo},
      {"persons.tsv", "name", kPerson},       {"persons.tsv", "aliases", kPerson},
      {"roles.tsv", "words", kRole},          {"cities.tsv", "name", kCity},
  };
  for (const char* file : {"countries.tsv", "igos.tsv", "persons.tsv", "roles.tsv", "cities.tsv"}) {
    fs::path p = fs::path(dir) / file;
    std::error_code ec;
    if (!fs::exists(p, ec)) continue;
    std::string bytes;
    SITREP_RETURN_IF_ERROR(io::read_file_bytes(p.string(), &bytes));
    std::vector<std::pair<int, uint32_t>> wanted;  // column index, category
    bool header = true;
    for (std::string_view line : text::split(bytes, '\n')) {
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      auto cells = text::split(line, '\t');
      if (header) {
        header = false;
        for (const Column& c : kColumns)
          if (std::string_view(c.file) == file)
            for (size_t i = 0; i < cells.size(); ++i)
              if (cells[i] == c.column) wanted.emplace_back(static_cast<int>(i), c.category);
        if (wanted.empty()) return Status::Error(p.string() + ": no known column in the header line (see docs/actors.md)");
        continue;
      }
      for (auto [col, cat] : wanted)
        if (col < static_cast<int>(cells.size()))
          for (std::string_view name : text::split(cells[col], '|')) g.add(name, cat);
    }
  }
  return g;
}

Result<Gazetteer> Gazetteer::load_default() {
  SITREP_ASSIGN_OR_RETURN(std::string dir, locate(Shipped::kData, "actors"));
  return load_dir(dir);
}

std::string Gazetteer::serialize() const {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> cats;
  keys.reserve(entries_.size());
  cats.reserve(entries_.size());
  entries_.for_each([&](uint64_t k, uint32_t v) { keys.push_back(k), cats.push_back(v); });
  ByteWriter w;
  w.array(keys);
  w.array(cats);
  return w.take();
}

bool Gazetteer::deserialize(std::string_view bytes) {
  ByteReader r(bytes);
  std::vector<uint64_t> keys;
  std::vector<uint32_t> cats;
  if (!r.array(&keys) || !r.array(&cats) || keys.size() != cats.size()) return false;
  entries_ = HashIndex(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == 0 || cats[i] == 0) return false;
    entries_.at(keys[i], 0) = cats[i];
  }
  return true;
}

}  // namespace sitrep::entities
