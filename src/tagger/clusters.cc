#include "tagger/clusters.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "tagger/features.h"

namespace sitrep::tagger {

void WordClusters::set(std::vector<uint32_t> levels, std::vector<uint64_t> keys, std::vector<uint32_t> values) {
  levels_ = std::move(levels);
  keys_ = std::move(keys);
  values_ = std::move(values);
  index_ = HashIndex(keys_.size());
  for (size_t i = 0; i < keys_.size(); ++i) index_.at(HashIndex::nonzero_key(keys_[i]), values_[i]);
}

std::string WordClusters::encode() const {
  ByteWriter w;
  w.u32(static_cast<uint32_t>(levels_.size()));
  for (uint32_t n : levels_) w.u32(n);
  w.array(keys_);
  w.array(values_);
  return w.take();
}

Result<WordClusters> WordClusters::decode(std::string_view bytes) {
  ByteReader r(bytes);
  uint32_t n;
  if (!r.u32(&n) || n == 0 || n > static_cast<uint32_t>(kMaxLevels)) return Status::Error("clusters: bad level count");
  std::vector<uint32_t> levels(n);
  for (auto& c : levels)
    if (!r.u32(&c) || c == 0 || c > kMaxClasses) return Status::Error("clusters: bad class count");
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  if (!r.array(&keys) || !r.array(&values) || keys.size() != values.size() || !r.done())
    return Status::Error("clusters: corrupt section");
  for (uint32_t v : values) {
    if ((static_cast<uint64_t>(v) >> (10 * n)) != 0) return Status::Error("clusters: corrupt section");
    for (uint32_t k = 0; k < n; ++k)
      if (level(v, static_cast<int>(k)) == 0 || level(v, static_cast<int>(k)) > levels[k])
        return Status::Error("clusters: corrupt section");
  }
  WordClusters c;
  c.set(std::move(levels), std::move(keys), std::move(values));
  return c;
}

Status WordClusters::save(const std::string& path, std::string note) const {
  ModelFile m;
  m.kind = std::string(kClustersKind);
  m.kind_version = kClustersVersion;
  m.note = std::move(note);
  m.add("clusters", encode());
  return write_model_file(path, m);
}

Result<WordClusters> WordClusters::load(const std::string& path) {
  SITREP_ASSIGN_OR_RETURN(auto m, read_model_file(path, kClustersKind, kClustersVersion));
  const std::string* sec = m.section("clusters");
  if (!sec) return Status::Error(path + ": clusters: missing section \"clusters\"");
  auto c = decode(*sec);
  if (!c.ok()) return c.status().prefixed(path + ": ");
  return c;
}

namespace {

// x log x, tabulated for small counts.
class XLogX {
 public:
  XLogX() : table_(1 << 16) {
    for (size_t x = 1; x < table_.size(); ++x) table_[x] = static_cast<double>(x) * std::log(static_cast<double>(x));
  }
  double operator()(int64_t x) const {
    if (x < static_cast<int64_t>(table_.size())) return table_[static_cast<size_t>(x)];
    return static_cast<double>(x) * std::log(static_cast<double>(x));
  }

 private:
  std::vector<double> table_;
};

// Context lists: for each word, (context id, count) pairs.
struct Contexts {
  std::vector<uint32_t> begin;  // words + 1
  std::vector<uint32_t> ctx, count;
};

Contexts to_lists(size_t words, std::unordered_map<uint64_t, uint32_t>& pairs) {
  std::vector<std::pair<uint64_t, uint32_t>> v(pairs.begin(), pairs.end());
  std::sort(v.begin(), v.end());
  Contexts c;
  c.begin.assign(words + 1, 0);
  for (auto& [k, n] : v) ++c.begin[(k >> 32) + 1];
  for (size_t i = 0; i < words; ++i) c.begin[i + 1] += c.begin[i];
  for (auto& [k, n] : v) c.ctx.push_back(static_cast<uint32_t>(k)), c.count.push_back(n);
  return c;
}

// One level: exchange clustering into `C` classes; returns each word's class.
std::vector<uint32_t> exchange(const std::vector<uint32_t>& freq, const Contexts& left, const Contexts& right,
                               size_t contexts, uint32_t C, int iterations, const XLogX& f,
                               const std::function<void(const std::string&)>& log) {
  const size_t V = freq.size();
  std::vector<uint32_t> cls(V);
  for (size_t w = 0; w < V; ++w) cls[w] = static_cast<uint32_t>(w % C);
  std::vector<int32_t> NL(contexts * C, 0), NR(contexts * C, 0);
  std::vector<int64_t> Nc(C, 0);
  auto apply = [&](size_t w, uint32_t c, int sign) {
    for (uint32_t k = left.begin[w]; k < left.begin[w + 1]; ++k)
      NL[static_cast<size_t>(left.ctx[k]) * C + c] += sign * static_cast<int32_t>(left.count[k]);
    for (uint32_t k = right.begin[w]; k < right.begin[w + 1]; ++k)
      NR[static_cast<size_t>(right.ctx[k]) * C + c] += sign * static_cast<int32_t>(right.count[k]);
    Nc[c] += sign * static_cast<int64_t>(freq[w]);
  };
  for (size_t w = 0; w < V; ++w) apply(w, cls[w], 1);
  std::vector<double> gain(C);
  auto start = std::chrono::steady_clock::now();
  for (int it = 1; it <= iterations; ++it) {
    size_t moved = 0;
    for (size_t w = 0; w < V; ++w) {
      const uint32_t a = cls[w];
      apply(w, a, -1);
      std::fill(gain.begin(), gain.end(), 0.0);
      for (const auto* side : {&left, &right}) {
        const std::vector<int32_t>& N = side == &left ? NL : NR;
        for (uint32_t k = side->begin[w]; k < side->begin[w + 1]; ++k) {
          const int32_t* row = &N[static_cast<size_t>(side->ctx[k]) * C];
          const int32_t n = static_cast<int32_t>(side->count[k]);
          for (uint32_t b = 0; b < C; ++b) gain[b] += f(row[b] + n) - f(row[b]);
        }
      }
      uint32_t best = a;
      double best_gain = -1e300;
      for (uint32_t b = 0; b < C; ++b) {
        double g = gain[b] - 2 * (f(Nc[b] + freq[w]) - f(Nc[b]));
        if (g > best_gain + 1e-9 || (b == a && g >= best_gain - 1e-9)) best_gain = g, best = b;
      }
      cls[w] = best;
      moved += best != a;
      apply(w, best, 1);
    }
    if (log)
      log(fmt::format("  {} classes, iteration {}: {} words moved ({:.0f} s)", C, it, moved,
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()));
    if (moved == 0) break;
  }
  return cls;
}

}  // namespace

Result<WordClusters> train_clusters(const std::vector<std::vector<std::string>>& sentences,
                                    const ClusterTrainOptions& options) {
  if (options.levels.empty() || options.levels.size() > static_cast<size_t>(WordClusters::kMaxLevels))
    return Status::Error(fmt::format("train clusters: 1 to {} levels", WordClusters::kMaxLevels));
  for (uint32_t c : options.levels)
    if (c < 2 || c > WordClusters::kMaxClasses)
      return Status::Error(fmt::format("train clusters: 2 to {} classes per level", WordClusters::kMaxClasses));
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  // Vocabulary: lowercase forms seen min_count times, by frequency.
  std::unordered_map<std::string, uint32_t> counts;
  std::string lower;
  size_t tokens = 0;
  for (const auto& s : sentences)
    for (const auto& w : s) detail::lower_into(w, lower), ++counts[lower], ++tokens;
  std::vector<std::pair<uint32_t, std::string>> vocab;
  for (auto& [w, n] : counts)
    if (n >= options.min_count) vocab.emplace_back(n, w);
  std::sort(vocab.begin(), vocab.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  if (vocab.size() < options.levels.back()) return Status::Error("train clusters: too few words for the classes asked");
  std::unordered_map<std::string, uint32_t> id;
  std::vector<uint32_t> freq;
  for (auto& [n, w] : vocab) id.emplace(w, static_cast<uint32_t>(id.size())), freq.push_back(n);
  const size_t V = vocab.size();
  const uint32_t kUnknown = static_cast<uint32_t>(V), kBoundary = static_cast<uint32_t>(V + 1);
  log(fmt::format("{} sentences, {} tokens, {} words seen >= {} times", sentences.size(), tokens, V, options.min_count));
  // Bigram counts: (word << 32 | context) on each side.
  std::unordered_map<uint64_t, uint32_t> lp, rp;
  std::vector<uint32_t> ids;
  for (const auto& s : sentences) {
    ids.assign(1, kBoundary);
    for (const auto& w : s) {
      detail::lower_into(w, lower);
      auto it = id.find(lower);
      ids.push_back(it == id.end() ? kUnknown : it->second);
    }
    ids.push_back(kBoundary);
    for (size_t i = 0; i + 1 < ids.size(); ++i) {
      uint32_t x = ids[i], y = ids[i + 1];
      if (y < V) ++lp[(static_cast<uint64_t>(y) << 32) | x];
      if (x < V) ++rp[(static_cast<uint64_t>(x) << 32) | y];
    }
  }
  Contexts left = to_lists(V, lp), right = to_lists(V, rp);
  lp.clear();
  rp.clear();
  log(fmt::format("{} left and {} right context pairs", left.ctx.size(), right.ctx.size()));
  XLogX f;
  std::vector<uint32_t> packed(V, 0);
  for (size_t k = 0; k < options.levels.size(); ++k) {
    auto cls = exchange(freq, left, right, V + 2, options.levels[k], options.iterations, f, options.log);
    for (size_t w = 0; w < V; ++w) packed[w] |= (cls[w] + 1) << (10 * k);
  }
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  for (size_t w = 0; w < V; ++w) entries.emplace_back(detail::hash_bytes(vocab[w].second), packed[w]);
  std::sort(entries.begin(), entries.end());
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  for (auto [k, v] : entries) keys.push_back(k), values.push_back(v);
  WordClusters out;
  out.set(options.levels, std::move(keys), std::move(values));
  return out;
}

}  // namespace sitrep::tagger
