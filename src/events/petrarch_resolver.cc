// PetrarchActorResolver (coder.h): PETRARCH actors and agents matched as
// phrases, longest first, by word hashes.
#include <xxhash.h>

#include <algorithm>

#include "events/coder.h"
#include "events/petrarch_dictionaries.h"

namespace sitrep::events {

uint64_t word_hash(std::string_view s) {
  char buf[64] = {};
  size_t n = std::min(s.size(), sizeof buf);
  for (size_t i = 0; i < n; ++i) {
    char c = s[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return XXH3_64bits(buf, n) ^ (s.size() > sizeof buf ? s.size() : 0);
}

PetrarchActorResolver::PetrarchActorResolver(const PetrarchDictionaries& d) {
  auto add = [&](const PhraseCode& p, bool agent) {
    Entry e;
    e.begin = static_cast<uint32_t>(hashes_.size());
    e.size = static_cast<uint32_t>(p.words.size());
    e.phrase = &p;
    e.agent = agent;
    for (const std::string& w : p.words) hashes_.push_back(word_hash(w));
    by_first_[hashes_[e.begin]].push_back(static_cast<uint32_t>(entries_.size()));
    entries_.push_back(e);
  };
  // Hyphenated words also as the tokenizer may split them: "al-qaeda" = "al" "-" "qaeda".
  for (const PhraseCode& a : d.actors) add(a, false);
  for (const PhraseCode& a : d.agents) add(a, true);
  for (int agent = 0; agent < 2; ++agent)
    for (const PhraseCode& a : agent ? d.agents : d.actors) {
      std::vector<uint64_t> hs;
      bool hyphen = false;
      for (const std::string& w : a.words) {
        size_t from = 0;
        for (size_t i = 1; i + 1 < w.size(); ++i)
          if (w[i] == '-') {
            hs.push_back(word_hash(std::string_view(w).substr(from, i - from)));
            hs.push_back(word_hash("-"));
            from = i + 1, hyphen = true;
          }
        hs.push_back(word_hash(std::string_view(w).substr(from)));
      }
      if (!hyphen) continue;
      Entry e{static_cast<uint32_t>(hashes_.size()), static_cast<uint32_t>(hs.size()), &a, agent == 1};
      hashes_.insert(hashes_.end(), hs.begin(), hs.end());
      by_first_[hs[0]].push_back(static_cast<uint32_t>(entries_.size()));
      entries_.push_back(e);
    }
  for (const auto& words : d.discards) {
    std::vector<uint64_t> hs;
    for (const std::string& w : words) hs.push_back(word_hash(w));
    discard_first_[hs[0]].push_back(static_cast<uint32_t>(discards_.size()));
    discards_.push_back(std::move(hs));
  }
}

int PetrarchActorResolver::longest(const Document& doc, uint32_t w, uint32_t end) const {
  auto it = by_first_.find(word_hash(doc.word_text(w)));
  if (it == by_first_.end()) return -1;
  int best = -1;
  uint32_t best_size = 0;
  for (uint32_t id : it->second) {
    const Entry& e = entries_[id];
    if (e.size <= best_size || w + e.size > end) continue;
    bool ok = true;
    for (uint32_t i = 1; i < e.size && ok; ++i) ok = word_hash(doc.word_text(w + i)) == hashes_[e.begin + i];
    if (ok) best = static_cast<int>(id), best_size = e.size;
  }
  return best;
}

void PetrarchActorResolver::find(const Document& doc, uint32_t s, Date date, std::vector<ActorMatch>& out) const {
  const Sentence& sent = doc.sentences[s];
  uint32_t end = sent.first_word + sent.word_count;
  for (uint32_t w = sent.first_word; w < end;) {
    int id = longest(doc, w, end);
    if (id < 0) {
      ++w;
      continue;
    }
    const Entry& e = entries_[static_cast<size_t>(id)];
    const auto* p = static_cast<const PhraseCode*>(e.phrase);
    const std::string& code = e.agent ? p->code : p->code_on(date);
    if (!code.empty() && code != "---") out.push_back({w, w + e.size - 1, code, e.agent});
    w += e.size;
  }
}

bool PetrarchActorResolver::discard(const Document& doc, uint32_t s) const {
  if (discards_.empty()) return false;
  const Sentence& sent = doc.sentences[s];
  uint32_t end = sent.first_word + sent.word_count;
  for (uint32_t w = sent.first_word; w < end; ++w) {
    auto it = discard_first_.find(word_hash(doc.word_text(w)));
    if (it == discard_first_.end()) continue;
    for (uint32_t id : it->second) {
      const auto& d = discards_[id];
      bool ok = w + d.size() <= end;
      for (size_t i = 1; i < d.size() && ok; ++i) ok = word_hash(doc.word_text(w + static_cast<uint32_t>(i))) == d[i];
      if (ok) return true;
    }
  }
  return false;
}

}  // namespace sitrep::events
