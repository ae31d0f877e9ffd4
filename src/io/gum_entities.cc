#include "io/gum_entities.h"

#include <charconv>
#include <string_view>
#include <unordered_map>

namespace sitrep::io {
namespace {

// The value of `key=` in a MISC column ("Entity=..."), or "".
std::string_view misc_value(std::string_view misc, std::string_view key) {
  size_t at = 0;
  while (at <= misc.size()) {
    size_t bar = misc.find('|', at);
    std::string_view item = misc.substr(at, bar == std::string_view::npos ? std::string_view::npos : bar - at);
    if (item.size() > key.size() && item.starts_with(key) && item[key.size()] == '=')
      return item.substr(key.size() + 1);
    if (bar == std::string_view::npos) break;
    at = bar + 1;
  }
  return {};
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

}  // namespace

std::vector<GumMention> gum_mentions(const ConlluCorpus& corpus) {
  std::vector<GumMention> out;
  std::unordered_map<int, std::vector<size_t>> open;  // group -> indices into out, innermost last
  std::vector<bool> closed;
  std::vector<std::vector<uint32_t>> min_offsets;      // minspan, 1-based offsets in the span
  auto finish = [&](size_t k, uint32_t last_word) {
    GumMention& g = out[k];
    g.word_count = last_word - g.first_word + 1;
    for (uint32_t off : min_offsets[k])
      if (off >= 1 && off <= g.word_count) g.min_words.push_back(g.first_word + off - 1);
    closed[k] = true;
  };
  for (uint32_t si = 0; si < corpus.sentences.size(); ++si) {
    const ConlluSentence& s = corpus.sentences[si];
    if (s.new_doc) open.clear();  // groups are per document
    for (uint32_t w = s.first_word; w < s.first_word + s.word_count; ++w) {
      std::string_view v = misc_value(corpus.words[w].misc, "Entity");
      size_t i = 0;
      while (i < v.size()) {
        if (v[i] == '(') {  // "(GRP-type-...": up to the next bracket
          size_t e = v.find_first_of("()", i + 1);
          std::string_view body = v.substr(i + 1, e == std::string_view::npos ? std::string_view::npos : e - i - 1);
          std::vector<std::string_view> f;
          size_t at = 0;
          while (f.size() < 7) {  // the identity (8th field) may hold hyphens
            size_t dash = body.find('-', at);
            if (dash == std::string_view::npos) break;
            f.push_back(body.substr(at, dash - at));
            at = dash + 1;
          }
          f.push_back(body.substr(at));
          GumMention g;
          g.first_word = w;
          g.sentence = si;
          g.group = to_int(f[0]);
          if (f.size() > 1) g.type = std::string(f[1]);
          if (f.size() > 7) g.identity = std::string(f[7]);
          std::vector<uint32_t> mins;
          if (f.size() > 5)
            for (size_t a = 0; a < f[5].size();) {
              size_t comma = f[5].find(',', a);
              if (comma == std::string_view::npos) comma = f[5].size();
              mins.push_back(static_cast<uint32_t>(to_int(f[5].substr(a, comma - a))));
              a = comma + 1;
            }
          out.push_back(std::move(g));
          closed.push_back(false);
          min_offsets.push_back(std::move(mins));
          i = e == std::string_view::npos ? v.size() : e;
          if (i < v.size() && v[i] == ')') {  // closed on the same word
            finish(out.size() - 1, w);
            ++i;
          } else {
            open[out.back().group].push_back(out.size() - 1);
          }
        } else if (v[i] >= '0' && v[i] <= '9') {  // "GRP)": closes that group's innermost open mention
          size_t e = v.find(')', i);
          if (e == std::string_view::npos) break;
          int group = to_int(v.substr(i, e - i));
          auto it = open.find(group);
          if (it != open.end() && !it->second.empty()) {
            finish(it->second.back(), w);
            it->second.pop_back();
          }
          i = e + 1;
        } else {
          ++i;
        }
      }
    }
  }
  std::vector<GumMention> done;
  done.reserve(out.size());
  for (size_t k = 0; k < out.size(); ++k)
    if (closed[k]) done.push_back(std::move(out[k]));
  return done;
}

}  // namespace sitrep::io
