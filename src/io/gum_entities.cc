#include "io/gum_entities.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <string_view>

namespace sitrep::io {
namespace {

// The value of `key=` in a MISC column ("" when absent).
std::string_view misc_value(std::string_view misc, std::string_view key) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    if (bar == std::string_view::npos) bar = misc.size();
    std::string_view item = misc.substr(pos, bar - pos);
    if (item.size() > key.size() && item.substr(0, key.size()) == key && item[key.size()] == '=')
      return item.substr(key.size() + 1);
    pos = bar + 1;
  }
  return {};
}

int to_int(std::string_view s) {
  int v = -1;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

struct Open {
  GumMention m;
  std::string_view minspan;
};

// Fills type, identity, group and the relative minspan from an opening descriptor.
Open parse_descriptor(std::string_view d) {
  Open o;
  std::string_view field[8];
  int n = 0;
  size_t pos = 0;
  while (n < 7) {  // the identity (8th field) may itself contain hyphens
    size_t dash = d.find('-', pos);
    if (dash == std::string_view::npos) break;
    field[n++] = d.substr(pos, dash - pos);
    pos = dash + 1;
  }
  field[n++] = d.substr(pos);
  o.m.group = to_int(field[0]);
  if (n > 1) o.m.type = std::string(field[1]);
  if (n > 5) o.minspan = field[5];
  if (n > 7) o.m.identity = std::string(field[7]);
  return o;
}

}  // namespace

std::vector<GumMention> gum_mentions(const ConlluCorpus& corpus) {
  std::vector<GumMention> out;
  for (uint32_t s = 0; s < corpus.sentences.size(); ++s) {
    const ConlluSentence& sent = corpus.sentences[s];
    std::multimap<int, Open> open;  // by group id; a group may be open twice (nested)
    for (uint32_t w = sent.first_word; w < sent.first_word + sent.word_count; ++w) {
      std::string_view v = misc_value(corpus.words[w].misc, "Entity");
      size_t i = 0;
      while (i < v.size()) {
        if (v[i] == '(') {
          size_t end = v.find_first_of("()", i + 1);
          if (end == std::string_view::npos) end = v.size();
          Open o = parse_descriptor(v.substr(i + 1, end - i - 1));
          o.m.first_word = w;
          o.m.sentence = s;
          bool closed = end < v.size() && v[end] == ')';
          if (closed) {
            o.m.word_count = 1;
            o.m.min_words.push_back(w);
            out.push_back(std::move(o.m));
            i = end + 1;
          } else {
            open.emplace(o.m.group, std::move(o));
            i = end;
          }
        } else if (v[i] >= '0' && v[i] <= '9') {
          size_t end = v.find(')', i);
          if (end == std::string_view::npos) break;
          int id = to_int(v.substr(i, end - i));
          // The innermost (latest opened) mention of that group closes.
          auto range = open.equal_range(id);
          if (range.first != range.second) {
            auto it = std::prev(range.second);
            Open o = std::move(it->second);
            open.erase(it);
            o.m.word_count = w - o.m.first_word + 1;
            std::string_view ms = o.minspan;
            while (!ms.empty()) {
              size_t comma = ms.find(',');
              int k = to_int(ms.substr(0, comma));
              if (k >= 1 && static_cast<uint32_t>(k) <= o.m.word_count) o.m.min_words.push_back(o.m.first_word + k - 1);
              if (comma == std::string_view::npos) break;
              ms.remove_prefix(comma + 1);
            }
            out.push_back(std::move(o.m));
          }
          i = end + 1;
        } else {
          ++i;
        }
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const GumMention& a, const GumMention& b) {
    return a.first_word != b.first_word ? a.first_word < b.first_word : a.word_count > b.word_count;
  });
  return out;
}

}  // namespace sitrep::io
