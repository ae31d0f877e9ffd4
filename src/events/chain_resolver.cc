#include "events/chain_resolver.h"

#include <algorithm>

#include "core/tagset.h"

namespace sitrep::events {

ChainActorResolver::ChainActorResolver(const entities::ActorDictionary& dict) : dict_(dict) {
  for (size_t i = 0; i < dict.size(); ++i)
    if (dict.entry(static_cast<uint32_t>(i)).category == entities::GazetteerCategory::kRole)
      agents_.push_back("~" + dict.entry(static_cast<uint32_t>(i)).code);
  std::sort(agents_.begin(), agents_.end());
  agents_.erase(std::unique(agents_.begin(), agents_.end()), agents_.end());
}

bool ChainActorResolver::city_modifier(const Document& doc, const Mention& m) const {
  static const uint16_t compound = deprel_id("compound"), amod = deprel_id("amod");
  uint16_t rel = doc.words[m.head_word].deprel;
  if (m.kind != MentionKind::kName || (rel != compound && rel != amod)) return false;
  auto entries = dict_.lookup(doc.str(m.span));
  return !entries.empty() && std::all_of(entries.begin(), entries.end(), [&](uint32_t e) {
    return dict_.entry(e).category == entities::GazetteerCategory::kCity;
  });
}

// "Cambodian Prime Minister Hun Sen": the nationality of a title is no actor of its
// own when the name the title belongs to has a code of that country.
bool ChainActorResolver::title_owner(const Document& doc, const Mention& m, const std::string& code) const {
  static const uint16_t noun = upos_id("NOUN"), propn = upos_id("PROPN"), adj = upos_id("ADJ"),
                        part = upos_id("PART");  // "Egypt's Foreign Minister Ahmed Abul Gheit"
  if (m.kind != MentionKind::kName || code.size() != 3) return false;
  uint32_t end = m.first_word + m.word_count;
  auto from = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), end,
                               [&](const Mention& x, uint32_t w) { return x.first_word < w; });
  for (auto it = from; it != doc.mentions.end(); ++it) {
    const Mention& n = *it;
    if (n.sentence != m.sentence || n.chain < 0) continue;
    if (n.first_word > end + 3) break;
    const std::string& other = doc.chains[static_cast<size_t>(n.chain)].actor;
    if (other.size() <= code.size() || !other.starts_with(code)) continue;
    bool title = true;
    for (uint32_t w = end; w < n.first_word; ++w) {
      uint16_t u = doc.words[w].upos;
      title = title && (u == noun || u == propn || u == adj || (u == part && w == end));
    }
    if (title) return true;
  }
  return false;
}

void ChainActorResolver::find(const Document& doc, uint32_t s, Date, std::vector<ActorMatch>& out) const {
  // Mentions are sorted by start, longer first (entities/mentions.h), so a nested
  // mention ("Chinese" inside "the Chinese foreign minister") comes after the
  // one around it and is skipped.
  auto it = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), s,
                             [](const Mention& m, uint32_t sent) { return m.sentence < sent; });
  size_t begin = out.size();
  for (; it != doc.mentions.end() && it->sentence == s; ++it) {
    const Mention& m = *it;
    if (m.chain < 0 || m.word_count == 0) continue;
    const std::string& code = doc.chains[static_cast<size_t>(m.chain)].actor;
    if (code.empty()) continue;
    if (out.size() > begin && m.first_word <= out.back().last) continue;
    if (city_modifier(doc, m)) continue;
    if (title_owner(doc, m, code)) continue;
    // A bare role is an agent: it joins the country of its phrase.
    auto agent = std::lower_bound(agents_.begin(), agents_.end(), code, [](const std::string& a, const std::string& c) {
      return std::string_view(a).substr(1) < c;
    });
    if (agent != agents_.end() && std::string_view(*agent).substr(1) == code)
      out.push_back({m.first_word, m.first_word + m.word_count - 1, *agent, true});
    else
      out.push_back({m.first_word, m.first_word + m.word_count - 1, code, false});
  }
}

}  // namespace sitrep::events
